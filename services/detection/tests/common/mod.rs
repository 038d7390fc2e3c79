//! Shared helpers for the integration tests: locating `../shared` beside the workspace,
//! and compiling small inline rules.
// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use garrison_detection::{CompiledRuleSet, RuleSetBuilder, Scratch};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;

/// `<workspace root>/../shared`, or `None` (with a printed note) when it is absent.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "SKIPPED: {} not found; the shared Sigma corpus is not available",
            dir.display()
        );
        None
    }
}

/// The fixtures folder of this crate.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Compiles YAML text, panicking with the rejection reason if it does not load.
pub fn compile(yaml: &str) -> CompiledRuleSet {
    compile_with(yaml, HashMap::new())
}

/// Like [`compile`], with `expand` placeholder values.
pub fn compile_with(yaml: &str, placeholders: HashMap<String, Vec<String>>) -> CompiledRuleSet {
    let mut b = RuleSetBuilder::new().placeholders(placeholders);
    b.add_yaml("inline", yaml);
    let (set, rej) = b.build();
    assert!(rej.is_empty(), "rejected: {rej:?}");
    set
}

/// Compiles a rule whose `detection:` body is given (indented by two spaces).
pub fn detection(body: &str) -> CompiledRuleSet {
    compile(&format!(
        "title: t\nid: r1\nlogsource: {{product: windows}}\ndetection:\n{body}"
    ))
}

/// The reason a rule is rejected, or `None` when it loads.
pub fn rejection(yaml: &str) -> Option<String> {
    let mut b = RuleSetBuilder::new();
    b.add_yaml("inline", yaml);
    let (_, rej) = b.build();
    rej.first().map(|r| r.reason.clone())
}

/// Ids of the rules matching an event.
pub fn matching(set: &CompiledRuleSet, ev: &Value) -> Vec<String> {
    let mut out = Vec::new();
    set.matches(ev, &mut Scratch::default(), &mut out);
    out.iter().map(|&r| set.rule(r).meta.id.clone()).collect()
}

/// Whether any rule of the set matches the event.
pub fn hits(set: &CompiledRuleSet, ev: &Value) -> bool {
    !matching(set, ev).is_empty()
}
