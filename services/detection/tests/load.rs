//! Loading all of SigmaHQ's `rules/`: at least 99.5% of the files must load, and every
//! rejection must carry a reason.

mod common;

use garrison_detection::RuleSetBuilder;
use std::collections::BTreeSet;

#[test]
fn sigmahq_rules_load_at_least_99_5_percent() -> Result<(), Box<dyn std::error::Error>> {
    let Some(shared) = common::shared_dir() else {
        return Ok(());
    };
    let mut b = RuleSetBuilder::new();
    b.add_path(&shared.join("sigma/rules"))?;
    let files = b.sources().len();
    let (set, rejections) = b.build();
    let rejected: BTreeSet<&str> = rejections.iter().map(|r| r.source.as_str()).collect();
    for r in &rejections {
        println!("{}: {}", r.source, r.reason);
        assert!(!r.reason.is_empty());
    }
    let loaded = files - rejected.len();
    let pct = 100.0 * loaded as f64 / files as f64;
    println!(
        "loaded {loaded}/{files} files ({pct:.2}%), {} rules",
        set.len()
    );
    assert!(
        files > 3000,
        "expected the full SigmaHQ rules tree, found {files} files"
    );
    assert!(pct >= 99.5, "only {pct:.2}% of rule files loaded");
    Ok(())
}

/// SigmaHQ's placeholder rules load once the tenant supplies every `%name%` they use,
/// and are rejected (with the placeholder named) until then.
#[test]
fn placeholder_rules_load_with_tenant_values() -> Result<(), Box<dyn std::error::Error>> {
    let Some(shared) = common::shared_dir() else {
        return Ok(());
    };
    let dir = shared.join("sigma/rules-placeholder");
    let mut b = RuleSetBuilder::new();
    b.add_path(&dir)?;
    let files = b.sources().len();
    let (_, rejections) = b.build();
    assert_eq!(rejections.len(), files);
    let mut names = std::collections::HashMap::new();
    for r in &rejections {
        let name = r.reason.split('%').nth(1).unwrap_or_default().to_string();
        assert!(
            !name.is_empty(),
            "reason names the placeholder: {}",
            r.reason
        );
        names.insert(name, vec!["value".to_string()]);
    }
    // A rule may use several placeholders: keep supplying what is still missing.
    for _ in 0..5 {
        let mut b = RuleSetBuilder::new().placeholders(names.clone());
        b.add_path(&dir)?;
        let (set, rejections) = b.build();
        if rejections.is_empty() {
            assert_eq!(set.len(), files);
            return Ok(());
        }
        for r in &rejections {
            let name = r.reason.split('%').nth(1).unwrap_or_default().to_string();
            names.insert(name, vec!["value".to_string()]);
        }
    }
    panic!("placeholder rules still rejected after supplying {names:?}");
}
