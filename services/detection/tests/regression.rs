//! SigmaHQ's regression corpus: every rule must fire on its own events at least the
//! stated number of times (logsource routing off, as the corpus README describes).

mod common;

use garrison_detection::event::raw::RawEvent;
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

/// The same corpus with every regression rule compiled into one set: the prefilter
/// shares literals and fields across rules, and must never hide a match.
#[test]
fn regression_rules_fire_when_compiled_together() -> Result<(), Box<dyn std::error::Error>> {
    let Some(shared) = common::shared_dir() else {
        return Ok(());
    };
    let base = shared.join("sigma");
    let manifest = std::fs::read_to_string(base.join("regression/manifest.jsonl"))?;
    let entries: Vec<Value> = manifest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let mut b = RuleSetBuilder::new();
    // All of rules/ plus the regression rules that live elsewhere.
    b.add_path(&base.join("rules"))?;
    for e in &entries {
        let path = e["rule_path"].as_str().unwrap_or_default();
        if !path.starts_with("rules/") {
            b.add_path(&base.join(path))?;
        }
    }
    let (set, _) = b.build();
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    let mut failures = Vec::new();
    for e in &entries {
        let id = e["rule_id"].as_str().unwrap_or_default();
        let min = e["min_match_count"].as_u64().unwrap_or(1) as usize;
        let events =
            std::fs::read_to_string(base.join(e["flat_events_file"].as_str().unwrap_or_default()))?;
        let mut hits = 0;
        for line in events.lines().filter(|l| !l.trim().is_empty()) {
            let ev: Value = serde_json::from_str(line)?;
            set.matches(&ev, &mut scratch, &mut out);
            hits += out.iter().filter(|&&r| set.rule(r).meta.id == id).count();
        }
        if hits < min {
            failures.push(format!("{id}: {hits} < {min}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    Ok(())
}

/// The prefilter is a pure optimisation: on every regression event, all of rules/
/// matches exactly what exhaustive evaluation of every rule matches.
#[test]
fn prefilter_agrees_with_exhaustive_evaluation() -> Result<(), Box<dyn std::error::Error>> {
    let Some(shared) = common::shared_dir() else {
        return Ok(());
    };
    let base = shared.join("sigma");
    let build = |exhaustive: bool| -> Result<garrison_detection::CompiledRuleSet, garrison_detection::Error> {
        let mut b = RuleSetBuilder::new().exhaustive(exhaustive);
        b.add_path(&base.join("rules"))?;
        Ok(b.build().0)
    };
    let (fast, slow) = (build(false)?, build(true)?);
    assert_eq!(slow.unindexed_rules(), slow.len());
    let mut scratch = Scratch::default();
    let mut lazy_scratch = Scratch::default();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let mut events = 0;
    let mut matches = 0;
    for entry in std::fs::read_dir(base.join("regression/flat"))? {
        let text = std::fs::read_to_string(entry?.path())?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let ev: Value = serde_json::from_str(line)?;
            fast.matches(&ev, &mut scratch, &mut a);
            slow.matches(&ev, &mut scratch, &mut b);
            assert_eq!(a, b, "prefilter disagrees on {line}");
            assert_lazy_agrees(&fast, line, &a, &mut lazy_scratch)?;
            events += 1;
            matches += a.len();
        }
    }
    assert!(
        events >= 200 && matches >= events,
        "{events} events, {matches} matches"
    );
    Ok(())
}

/// With routing, the per-bucket prefilters select exactly the exhaustive matches whose
/// log source admits the event.
#[test]
fn routed_prefilters_agree_with_exhaustive_evaluation() -> Result<(), Box<dyn std::error::Error>> {
    use garrison_detection::logsource::{EventKey, route_for};
    let Some(shared) = common::shared_dir() else {
        return Ok(());
    };
    let base = shared.join("sigma");
    let mut routed = RuleSetBuilder::new().routing(true);
    routed.add_path(&base.join("rules"))?;
    let routed = routed.build().0;
    let mut slow = RuleSetBuilder::new().exhaustive(true);
    slow.add_path(&base.join("rules"))?;
    let slow = slow.build().0;
    let mut scratch = Scratch::default();
    let mut lazy_scratch = Scratch::default();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let mut routed_matches = 0;
    for entry in std::fs::read_dir(base.join("regression/flat"))? {
        let text = std::fs::read_to_string(entry?.path())?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let ev: Value = serde_json::from_str(line)?;
            routed.matches(&ev, &mut scratch, &mut a);
            assert_lazy_agrees(&routed, line, &a, &mut lazy_scratch)?;
            slow.matches(&ev, &mut scratch, &mut b);
            let key = EventKey::of(&ev);
            b.retain(|&r| route_for(&slow.rule(r).logsource).admits(&key));
            assert_eq!(a, b, "routing disagrees on {line}");
            routed_matches += a.len();
        }
    }
    assert!(routed_matches >= 200, "{routed_matches} routed matches");
    Ok(())
}

/// Reading the line lazily finds the same matches as the parsed event, the first time
/// (scanning) and the second (from the scan memo).
fn assert_lazy_agrees(
    set: &garrison_detection::CompiledRuleSet,
    line: &str,
    want: &[u32],
    scratch: &mut Scratch,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut got = Vec::new();
    for _ in 0..2 {
        let raw = RawEvent::parse(line)?;
        set.matches_raw(&raw, scratch, &mut got)?;
        assert_eq!(got, want, "lazy reading disagrees on {line}");
    }
    Ok(())
}
