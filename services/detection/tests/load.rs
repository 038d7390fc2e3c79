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
