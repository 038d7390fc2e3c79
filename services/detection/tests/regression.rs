//! SigmaHQ's regression corpus: every rule must fire on its own events at least the
//! stated number of times (logsource routing off, as the corpus README describes).

mod common;

use garrison_detection::{RuleSetBuilder, Scratch};
use serde_json::Value;

#[test]
fn every_regression_rule_fires_on_its_events() -> Result<(), Box<dyn std::error::Error>> {
    let Some(shared) = common::shared_dir() else {
        return Ok(());
    };
    // Paths in the manifest are relative to the sigma/ folder.
    let base = shared.join("sigma");
    let manifest = std::fs::read_to_string(base.join("regression/manifest.jsonl"))?;
    let mut failures = Vec::new();
    let mut total = 0;
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        total += 1;
        let entry: Value = serde_json::from_str(line)?;
        let text = |k: &str| entry[k].as_str().unwrap_or_default().to_string();
        let (id, rule_path, events_path) =
            (text("rule_id"), text("rule_path"), text("flat_events_file"));
        let min = entry["min_match_count"].as_u64().unwrap_or(1) as usize;
        let mut b = RuleSetBuilder::new();
        b.add_path(&base.join(&rule_path))?;
        let (set, rejections) = b.build();
        if !rejections.is_empty() {
            failures.push(format!("{id}: rejected: {}", rejections[0].reason));
            continue;
        }
        let events = std::fs::read_to_string(base.join(&events_path))?;
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        let mut hits = 0;
        for ev_line in events.lines().filter(|l| !l.trim().is_empty()) {
            let ev: Value = serde_json::from_str(ev_line)?;
            set.matches(&ev, &mut scratch, &mut out);
            hits += out.iter().filter(|&&r| set.rule(r).meta.id == id).count();
        }
        if hits < min {
            failures.push(format!("{id} ({rule_path}): {hits} matches < {min}"));
        }
    }
    assert_eq!(total, 202, "manifest should list 202 tests");
    assert!(
        failures.is_empty(),
        "{} of {total} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    Ok(())
}
