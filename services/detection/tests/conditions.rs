//! Condition forms: and/or/not, parentheses, `1 of`, `all of`, `them`, condition lists,
//! and rejection of what the engine does not support.

mod common;

use common::{detection, hits, rejection};
use serde_json::json;

const SEARCHES: &str =
    "  sel_a:\n    A: 'x'\n  sel_b:\n    B: 'y'\n  filter:\n    C: 'z'\n  _helper:\n    D: 'w'\n";

fn cond(c: &str) -> garrison_detection::CompiledRuleSet {
    detection(&format!("{SEARCHES}  condition: {c}\n"))
}

#[test]
fn and_or_not_with_precedence() {
    let set = cond("sel_a and not filter");
    assert!(hits(&set, &json!({"A": "x"})));
    assert!(!hits(&set, &json!({"A": "x", "C": "z"})));
    // not > and > or: `sel_a or sel_b and filter` is `sel_a or (sel_b and filter)`.
    let prec = cond("sel_a or sel_b and filter");
    assert!(hits(&prec, &json!({"A": "x"})));
    assert!(!hits(&prec, &json!({"B": "y"})));
    assert!(hits(&prec, &json!({"B": "y", "C": "z"})));
}

#[test]
fn parentheses_group() {
    let set = cond("(sel_a or sel_b) and filter");
    assert!(hits(&set, &json!({"B": "y", "C": "z"})));
    assert!(!hits(&set, &json!({"A": "x"})));
    let nested = cond("not (sel_a or (sel_b and filter))");
    assert!(hits(&nested, &json!({"B": "y"})));
    assert!(!hits(&nested, &json!({"B": "y", "C": "z"})));
}

#[test]
fn one_of_and_all_of_patterns() {
    let one = cond("1 of sel_*");
    assert!(hits(&one, &json!({"B": "y"})));
    assert!(!hits(&one, &json!({"C": "z"})));
    let all = cond("all of sel_*");
    assert!(hits(&all, &json!({"A": "x", "B": "y"})));
    assert!(!hits(&all, &json!({"A": "x"})));
    let not_one = cond("sel_a and not 1 of filter*");
    assert!(!hits(&not_one, &json!({"A": "x", "C": "z"})));
}

#[test]
fn them_skips_underscore_searches() {
    let all = cond("all of them");
    // `_helper` does not have to match.
    assert!(hits(&all, &json!({"A": "x", "B": "y", "C": "z"})));
    assert!(!hits(&all, &json!({"A": "x", "B": "y"})));
    let one = cond("1 of them");
    assert!(!hits(&one, &json!({"D": "w"})));
    assert!(hits(&one, &json!({"C": "z"})));
}

#[test]
fn condition_lists_mean_any() {
    let set = detection(&format!(
        "{SEARCHES}  condition:\n    - sel_a and filter\n    - sel_b\n"
    ));
    assert!(hits(&set, &json!({"B": "y"})));
    assert!(hits(&set, &json!({"A": "x", "C": "z"})));
    assert!(!hits(&set, &json!({"A": "x"})));
}

#[test]
fn list_of_maps_is_or_of_ands() {
    let set = detection("  sel:\n    - A: 'x'\n      B: 'y'\n    - C: 'z'\n  condition: sel\n");
    assert!(hits(&set, &json!({"A": "x", "B": "y"})));
    assert!(hits(&set, &json!({"C": "z"})));
    assert!(!hits(&set, &json!({"A": "x"})));
}

#[test]
fn unsupported_conditions_are_rejected() {
    let base = "title: t\nid: x\ndetection:\n  sel:\n    A: 1\n";
    let agg = rejection(&format!("{base}  condition: sel | count() > 5\n"));
    assert!(agg.is_some_and(|r| r.contains("aggregation")));
    assert!(
        rejection(&format!("{base}  condition: sel and missing\n"))
            .is_some_and(|r| r.contains("missing"))
    );
    assert!(rejection(&format!("{base}  condition: 1 of nothing*\n")).is_some());
    assert!(rejection(&format!("{base}  condition: (sel\n")).is_some());
    assert!(rejection(&format!("{base}  condition: 2 of sel*\n")).is_some());
    assert!(
        rejection("title: t\nid: x\ndetection:\n  sel:\n    A: 1\n")
            .is_some_and(|r| r.contains("condition"))
    );
}
