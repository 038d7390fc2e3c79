//! Sigma filter rules: their condition must hold as well for the rules they name.

mod common;

use common::{compile, matching};
use serde_json::json;

const RULES: &str = "title: a\nid: rule-a\nname: rule_a\nlogsource: {product: windows}\ndetection:\n  sel:\n    Image|endswith: '\\cmd.exe'\n  condition: sel\n---\ntitle: b\nid: rule-b\nlogsource: {product: windows}\ndetection:\n  sel:\n    Image|endswith: '\\cmd.exe'\n  condition: sel\n";

#[test]
fn filter_excludes_only_the_named_rules() {
    let filter = "title: f\nid: f1\nlogsource: {product: windows}\nfilter:\n  rules:\n    - rule_a\n  selection:\n    User: 'svc_backup'\n  condition: not selection\n";
    let set = compile(&format!("{RULES}---\n{filter}"));
    let admin = json!({"Image": "C:\\cmd.exe", "User": "SVC_BACKUP"});
    let other = json!({"Image": "C:\\cmd.exe", "User": "bob"});
    assert_eq!(matching(&set, &admin), vec!["rule-b"]);
    assert_eq!(matching(&set, &other), vec!["rule-a", "rule-b"]);
}

#[test]
fn several_filters_all_apply() {
    let f1 = "title: f1\nid: f1\nfilter:\n  rules: [rule-a, rule-b]\n  s:\n    User: 'x'\n  condition: not s\n";
    let f2 = "title: f2\nid: f2\nfilter:\n  rules: [rule-a]\n  s:\n    Computer|startswith: 'DC'\n  condition: not s\n";
    let set = compile(&format!("{RULES}---\n{f1}---\n{f2}"));
    assert_eq!(
        matching(&set, &json!({"Image": "a\\cmd.exe", "User": "x"})),
        Vec::<String>::new()
    );
    assert_eq!(
        matching(&set, &json!({"Image": "a\\cmd.exe", "Computer": "DC01"})),
        vec!["rule-b"]
    );
}

#[test]
fn malformed_filters_are_rejected() {
    let no_rules = "title: f\nid: f\nfilter:\n  s:\n    A: 1\n  condition: not s\n";
    assert!(common::rejection(no_rules).is_some_and(|r| r.contains("rules")));
    let bad_cond = format!(
        "{RULES}---\ntitle: f\nid: f\nfilter:\n  rules: [rule-a]\n  s:\n    A: 1\n  condition: not t\n"
    );
    assert!(common::rejection(&bad_cond).is_some_and(|r| r.contains("filter")));
}

#[test]
fn a_filter_applies_only_to_rules_its_logsource_covers_and_says_so() {
    // rule-a is a Windows rule: a Linux filter naming it is not applied, and reported.
    let linux = "title: f\nid: f-linux\nlogsource: {product: linux}\nfilter:\n  rules: [rule-a]\n  s:\n    User: 'x'\n  condition: not s\n";
    let (set, reason) = with_report(&format!("{RULES}---\n{linux}"));
    assert_eq!(
        matching(&set, &json!({"Image": "a\\cmd.exe", "User": "x"})),
        vec!["rule-a", "rule-b"]
    );
    assert!(
        reason.contains("f-linux") && reason.contains("product=linux") && reason.contains("rule-a"),
        "{reason}"
    );
    // A narrower filter (category) does not cover a rule without that category.
    let narrow = "title: f\nid: f-pc\nlogsource: {product: windows, category: process_creation}\nfilter:\n  rules: [rule-a]\n  s:\n    User: 'x'\n  condition: not s\n";
    let (set, reason) = with_report(&format!("{RULES}---\n{narrow}"));
    assert!(reason.contains("category=process_creation"), "{reason}");
    assert_eq!(
        matching(&set, &json!({"Image": "a\\cmd.exe", "User": "x"})),
        vec!["rule-a", "rule-b"]
    );
    // The same filter on product=windows covers both (case-insensitively).
    let broad = "title: f\nid: f-win\nlogsource: {product: Windows}\nfilter:\n  rules: [rule-a]\n  s:\n    User: 'x'\n  condition: not s\n";
    let set = compile(&format!("{RULES}---\n{broad}"));
    assert_eq!(
        matching(&set, &json!({"Image": "a\\cmd.exe", "User": "x"})),
        vec!["rule-b"]
    );
}

/// Compiles, expecting exactly one reported problem, and returns it with the set.
fn with_report(yaml: &str) -> (garrison_detection::CompiledRuleSet, String) {
    let mut b = garrison_detection::RuleSetBuilder::new();
    b.add_yaml("inline", yaml);
    let (set, rej) = b.build();
    assert_eq!(rej.len(), 1, "{rej:?}");
    let reason = rej.into_iter().map(|r| r.reason).collect();
    (set, reason)
}
