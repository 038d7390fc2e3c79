//! The `check`, `eval` and `bench` command functions on small fixtures.

mod common;

use garrison_detection::cli::{BenchOptions, EvalOptions, bench, check, eval};
use serde_json::{Value, json};

const WHOAMI: &str = "0b4f7c59-0001-4c5e-9a43-whoami000001";
const BRUTE: &str = "0b4f7c59-0003-4c5e-9a43-brute0000003";

fn eval_lines(routing: bool) -> Vec<Value> {
    let opts = EvalOptions {
        rules: vec![common::fixtures().join("rules")],
        events: common::fixtures().join("events.jsonl"),
        time_field: None,
        logsource_routing: routing,
    };
    let mut out = Vec::new();
    eval(&opts, &mut out).expect("eval runs");
    String::from_utf8(out)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn eval_prints_matches_filters_and_correlations() {
    // Event 1 is on the filtered jump host. Without routing, event 6 (a Sysmon network
    // event that names whoami.exe) matches too, and event 7 matches through the
    // Security-log field name NewProcessName. The failed-logon base rule is used by the
    // correlation without `generate`, so only the correlation reports, at event 5.
    let expected = vec![
        json!({"rule": WHOAMI, "event": 0}),
        json!({"rule": BRUTE, "events": [2, 3, 5], "group": {"TargetUserName": "bob"}}),
        json!({"rule": WHOAMI, "event": 6}),
        json!({"rule": WHOAMI, "event": 7}),
    ];
    assert_eq!(eval_lines(false), expected);
}

#[test]
fn eval_with_routing_uses_the_log_source() {
    // Event 6 is Sysmon EventID 3 (not process creation) and event 7 carries no
    // channel, so routing leaves only event 0 for the process-creation rule.
    let expected = vec![
        json!({"rule": WHOAMI, "event": 0}),
        json!({"rule": BRUTE, "events": [2, 3, 5], "group": {"TargetUserName": "bob"}}),
    ];
    assert_eq!(eval_lines(true), expected);
}

#[test]
fn eval_reports_bad_event_lines() {
    let dir = std::env::temp_dir().join(format!("garrison-detection-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let events = dir.join("bad.jsonl");
    std::fs::write(&events, "{\"a\":1}\nnot json\n").expect("write");
    let opts = EvalOptions {
        rules: vec![common::fixtures().join("rules")],
        events,
        time_field: None,
        logsource_routing: false,
    };
    let err = eval(&opts, &mut Vec::new()).expect_err("line 1 is not JSON");
    assert!(err.to_string().contains("line 1"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn check_lists_rejected_files_with_reasons() {
    let mut out = Vec::new();
    let ok = check(
        &[
            common::fixtures().join("rules"),
            common::fixtures().join("bad"),
        ],
        &mut out,
    )
    .expect("check runs");
    let text = String::from_utf8(out).expect("utf-8");
    assert!(!ok);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].contains("legacy_count.yml: ") && lines[0].contains("aggregation"));
    assert!(lines[1].contains("unknown_modifier.yml: ") && lines[1].contains("sortof"));
    assert!(lines[2].starts_with("loaded 3 of 5 files"), "{}", lines[2]);
    assert!(lines[2].ends_with("rejected 2"), "{}", lines[2]);

    let mut good = Vec::new();
    assert!(check(&[common::fixtures().join("rules")], &mut good).expect("check runs"));
}

#[test]
fn bench_prints_throughput_and_rejects_compressed_input() {
    let opts = BenchOptions {
        rules: vec![common::fixtures().join("rules")],
        events: common::fixtures().join("events.jsonl"),
        logsource_routing: true,
    };
    let mut out = Vec::new();
    bench(&opts, &mut out).expect("bench runs");
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("rules loaded: 2"), "{text}");
    assert!(text.contains("events: 8"), "{text}");
    assert!(text.contains("events/s"), "{text}");
    let zst = BenchOptions {
        events: "events.jsonl.zst".into(),
        ..opts
    };
    let err = bench(&zst, &mut Vec::new()).expect_err("compressed input is refused");
    assert!(err.to_string().contains("decompress"));
}

#[test]
fn load_rules_returns_the_set_and_its_rejections() {
    let dirs = [
        common::fixtures().join("rules"),
        common::fixtures().join("bad"),
    ];
    let (set, rejections) = garrison_detection::cli::load_rules(&dirs, false).expect("loads");
    assert_eq!(set.len(), 2);
    assert_eq!(set.correlation_count(), 1);
    assert_eq!(rejections.len(), 2);
    assert!(
        rejections
            .iter()
            .all(|r| r.source.contains("/bad/") && !r.reason.is_empty())
    );
}
