//! Correlation rules of all seven types over timed event sequences, with group-by,
//! aliases, chaining, `generate`, and state that survives serialisation.

mod common;

use common::compile;
use garrison_detection::correlation::{CorrelationEngine, CorrelationMatch, EngineState, Limits};
use garrison_detection::{CompiledRuleSet, Scratch};
use serde_json::{Value, json};

const BASE: &str = "title: failed logon\nid: failed\nname: failed_logon\ndetection:\n  sel:\n    EventID: 4625\n  condition: sel\n---\ntitle: ok logon\nid: ok\nname: ok_logon\ndetection:\n  sel:\n    EventID: 4624\n  condition: sel\n";

fn ts(sec: i64) -> String {
    chrono::DateTime::from_timestamp(1_700_000_000 + sec, 0)
        .map(|t| t.to_rfc3339())
        .unwrap_or_default()
}

fn ev(sec: i64, id: i64, user: &str) -> Value {
    json!({"@timestamp": ts(sec), "EventID": id, "User": user, "Bytes": 0})
}

/// Runs the events through a fresh engine; returns every emitted correlation match.
fn run(set: &CompiledRuleSet, events: &[Value]) -> Vec<CorrelationMatch> {
    let mut engine = CorrelationEngine::new("@timestamp", Limits::default());
    run_with(set, &mut engine, events, 0)
}

fn run_with(
    set: &CompiledRuleSet,
    engine: &mut CorrelationEngine,
    events: &[Value],
    first_ref: u64,
) -> Vec<CorrelationMatch> {
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    let mut matched = Vec::new();
    for (i, e) in events.iter().enumerate() {
        set.matches(e, &mut scratch, &mut matched);
        engine.process(set, e, first_ref + i as u64, &matched, &mut out);
    }
    out.retain(|m| m.emit);
    out
}

/// `event_count` of failed logons per user in one minute, firing at `gte` or more.
fn failures_per_user_per_minute(gte: u32) -> CompiledRuleSet {
    corr(&format!(
        "  type: event_count\n  rules: [failed_logon]\n  group-by: [User]\n  timespan: 1m\n  condition:\n    gte: {gte}\n"
    ))
}

/// An engine that accepts events up to a minute later than their group's newest.
fn engine_with_lateness_of_a_minute() -> CorrelationEngine {
    let limits = Limits {
        max_lateness_ms: 60_000,
        ..Limits::default()
    };
    CorrelationEngine::new("@timestamp", limits)
}

fn corr(body: &str) -> CompiledRuleSet {
    compile(&format!(
        "{BASE}---\ntitle: corr\nid: c1\ncorrelation:\n{body}"
    ))
}

#[test]
fn event_count_per_group_within_timespan() {
    let set = failures_per_user_per_minute(3);
    // bob: three failures within a minute; eve: three but spread over two minutes.
    let events = [
        ev(0, 4625, "bob"),
        ev(10, 4625, "eve"),
        ev(20, 4625, "bob"),
        ev(70, 4625, "eve"),
        ev(30, 4625, "bob"),
        ev(130, 4625, "eve"),
    ];
    let fired = run(&set, &events);
    assert_eq!(fired.len(), 1, "{fired:?}");
    assert_eq!(fired[0].id, "c1");
    assert_eq!(fired[0].events, vec![0, 2, 4]);
    assert_eq!(fired[0].group.get("User"), Some(&json!("bob")));
}

#[test]
fn value_count_counts_distinct_values() {
    let set = corr(
        "  type: value_count\n  rules: [failed]\n  group-by: [Computer]\n  timespan: 5m\n  condition:\n    field: User\n    gt: 2\n",
    );
    let mk =
        |s, u: &str| json!({"@timestamp": ts(s), "EventID": 4625, "User": u, "Computer": "dc1"});
    let same = [mk(0, "a"), mk(1, "a"), mk(2, "a"), mk(3, "b")];
    assert!(run(&set, &same).is_empty());
    let spray = [mk(0, "a"), mk(1, "b"), mk(2, "a"), mk(3, "c")];
    let fired = run(&set, &spray);
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].events, vec![0, 1, 2, 3]);
}

#[test]
fn temporal_needs_every_rule_in_any_order() {
    let set = corr("  type: temporal\n  rules: [failed, ok]\n  group-by: [User]\n  timespan: 1m\n");
    assert_eq!(
        run(&set, &[ev(0, 4624, "bob"), ev(5, 4625, "bob")]).len(),
        1
    );
    assert!(
        run(&set, &[ev(0, 4624, "bob"), ev(5, 4625, "eve")]).is_empty(),
        "different groups"
    );
    assert!(
        run(&set, &[ev(0, 4624, "bob"), ev(120, 4625, "bob")]).is_empty(),
        "outside timespan"
    );
}

#[test]
fn temporal_ordered_requires_the_order() {
    let set = corr(
        "  type: temporal_ordered\n  rules: [failed, ok]\n  group-by: [User]\n  timespan: 1m\n",
    );
    assert!(
        run(&set, &[ev(0, 4624, "bob"), ev(5, 4625, "bob")]).is_empty(),
        "wrong order"
    );
    let fired = run(&set, &[ev(0, 4625, "bob"), ev(5, 4624, "bob")]);
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].events, vec![0, 1]);
}

#[test]
fn value_sum_and_value_avg() {
    let mk = |s, b: i64| json!({"@timestamp": ts(s), "EventID": 4624, "User": "bob", "Bytes": b});
    let sum = corr(
        "  type: value_sum\n  rules: [ok]\n  group-by: [User]\n  timespan: 1h\n  condition:\n    field: Bytes\n    gt: 1000\n",
    );
    assert!(run(&sum, &[mk(0, 400), mk(1, 500)]).is_empty());
    assert_eq!(run(&sum, &[mk(0, 400), mk(1, 500), mk(2, 200)]).len(), 1);
    let avg = corr(
        "  type: value_avg\n  rules: [ok]\n  group-by: [User]\n  timespan: 1h\n  condition:\n    field: Bytes\n    gte: 300\n",
    );
    assert!(run(&avg, &[mk(0, 100), mk(1, 200)]).is_empty());
    assert_eq!(run(&avg, &[mk(0, 100), mk(1, 800)]).len(), 1);
}

#[test]
fn value_percentile_flags_rare_values() {
    let set = corr(
        "  type: value_percentile\n  rules: [ok]\n  group-by: [Computer]\n  timespan: 1d\n  condition:\n    field: Image\n    lte: 10\n",
    );
    let mk =
        |s, img: &str| json!({"@timestamp": ts(s), "EventID": 4624, "Computer": "h", "Image": img});
    let mut events: Vec<Value> = (0..20).map(|i| mk(i, "svchost.exe")).collect();
    events.push(mk(30, "rare.exe"));
    let fired = run(&set, &events);
    assert_eq!(fired.len(), 1);
    assert!(fired[0].events.contains(&20));
}

#[test]
fn aliases_group_across_field_names() {
    let yaml = "title: a\nid: a\nname: net_out\ndetection:\n  sel:\n    Kind: out\n  condition: sel\n---\ntitle: b\nid: b\nname: net_in\ndetection:\n  sel:\n    Kind: in\n  condition: sel\n---\ntitle: c\nid: c\ncorrelation:\n  type: temporal\n  rules: [net_out, net_in]\n  group-by: [ip]\n  timespan: 10s\n  aliases:\n    ip:\n      net_out: SourceIp\n      net_in: DestinationIp\n";
    let set = compile(yaml);
    let events = [
        json!({"@timestamp": ts(0), "Kind": "out", "SourceIp": "10.0.0.1"}),
        json!({"@timestamp": ts(1), "Kind": "in", "DestinationIp": "10.0.0.2"}),
        json!({"@timestamp": ts(2), "Kind": "in", "DestinationIp": "10.0.0.1"}),
    ];
    let fired = run(&set, &events);
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].events, vec![0, 2]);
    assert_eq!(fired[0].group.get("ip"), Some(&json!("10.0.0.1")));
}

#[test]
fn chained_correlations_and_generate() {
    let yaml = format!(
        "{BASE}---\ntitle: many failures\nid: many\nname: many_failed\ncorrelation:\n  type: event_count\n  rules: [failed]\n  group-by: [User]\n  timespan: 1m\n  condition:\n    gte: 2\n---\ntitle: brute force success\nid: brute\ncorrelation:\n  type: temporal_ordered\n  rules: [many_failed, ok]\n  group-by: [User]\n  timespan: 5m\n  generate: true\n"
    );
    let set = compile(&yaml);
    let events = [ev(0, 4625, "bob"), ev(1, 4625, "bob"), ev(2, 4624, "bob")];
    let fired = run(&set, &events);
    // `brute` generates `many`, so both report; `brute` covers all three events.
    let ids: Vec<&str> = fired.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, vec!["many", "brute"]);
    assert_eq!(fired[1].events, vec![0, 1, 2]);
    // Base rules used by a correlation without `generate` are not reported alone.
    let failed = (0..set.len() as u32)
        .find(|&r| set.rule(r).meta.id == "failed")
        .expect("rule");
    assert!(!set.rule(failed).emit);
    // `ok` is only used by `brute`, which generates: it reports.
    let ok = (0..set.len() as u32)
        .find(|&r| set.rule(r).meta.id == "ok")
        .expect("rule");
    assert!(set.rule(ok).emit);
}

#[test]
fn state_survives_serialisation() {
    let set = corr(
        "  type: event_count\n  rules: [failed]\n  group-by: [User]\n  timespan: 1m\n  condition:\n    gte: 3\n",
    );
    let mut engine = CorrelationEngine::new("@timestamp", Limits::default());
    assert!(
        run_with(
            &set,
            &mut engine,
            &[ev(0, 4625, "bob"), ev(1, 4625, "bob")],
            0
        )
        .is_empty()
    );
    let saved = serde_json::to_string(engine.state()).expect("serialises");
    let state: EngineState = serde_json::from_str(&saved).expect("deserialises");
    let mut restored = CorrelationEngine::with_state("@timestamp", Limits::default(), state);
    let fired = run_with(&set, &mut restored, &[ev(2, 4625, "bob")], 2);
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].events, vec![0, 1, 2]);
}

#[test]
fn groups_are_bounded() {
    let set = corr(
        "  type: event_count\n  rules: [failed]\n  group-by: [User]\n  timespan: 1h\n  condition:\n    gte: 2\n",
    );
    let limits = Limits {
        max_groups: 2,
        ..Limits::default()
    };
    let mut engine = CorrelationEngine::new("@timestamp", limits);
    let events: Vec<Value> = (0..10).map(|i| ev(i, 4625, &format!("u{i}"))).collect();
    assert!(run_with(&set, &mut engine, &events, 0).is_empty());
    let json = serde_json::to_value(engine.state()).expect("serialises");
    let groups = json["groups"][0]
        .as_object()
        .map(|m| m.len())
        .unwrap_or(usize::MAX);
    assert!(groups <= 2, "{groups} groups kept");
}

#[test]
fn chains_to_rejected_correlations_are_rejected_too() {
    let yaml = format!(
        "{BASE}---\ntitle: broken\nid: broken\ncorrelation:\n  type: event_count\n  rules: [missing]\n  timespan: 1m\n  condition: {{gte: 1}}\n---\ntitle: chained\nid: chained\ncorrelation:\n  type: event_count\n  rules: [broken]\n  timespan: 1m\n  condition: {{gte: 1}}\n"
    );
    let mut b = garrison_detection::RuleSetBuilder::new();
    b.add_yaml("chain.yml", &yaml);
    let (set, rejections) = b.build();
    assert_eq!(rejections.len(), 2, "{rejections:?}");
    assert!(rejections.iter().all(|r| r.source == "chain.yml"));
    assert!(run(&set, &[ev(0, 4625, "bob")]).is_empty());
}

#[test]
fn bad_correlations_are_rejected() {
    let bad = |body: &str| {
        common::rejection(&format!("{BASE}---\ntitle: c\nid: c\ncorrelation:\n{body}"))
    };
    assert!(
        bad("  type: event_count\n  rules: [nope]\n  timespan: 1m\n  condition: {gte: 1}\n")
            .is_some_and(|r| r.contains("nope"))
    );
    assert!(bad("  type: bogus\n  rules: [ok]\n  timespan: 1m\n").is_some());
    assert!(
        bad("  type: value_count\n  rules: [ok]\n  timespan: 1m\n  condition: {gte: 1}\n")
            .is_some_and(|r| r.contains("field"))
    );
    assert!(
        bad("  type: event_count\n  rules: [ok]\n  timespan: 1x\n  condition: {gte: 1}\n")
            .is_some()
    );
}

#[test]
fn a_late_event_completes_the_window_it_belongs_to() {
    let set = failures_per_user_per_minute(3);
    // bob at 0 s and 200 s, then a failure stamped 30 s arrives last: 0 and 30 share
    // a minute but make only two; a second late one at 50 s makes three.
    let events = [
        ev(0, 4625, "bob"),
        ev(200, 4625, "bob"),
        ev(30, 4625, "bob"),
        ev(50, 4625, "bob"),
    ];
    let fired = run(&set, &events);
    assert_eq!(fired.len(), 1, "{fired:?}");
    assert_eq!(fired[0].events, vec![0, 2, 3], "the window [0 s, 60 s]");
}

#[test]
fn temporal_ordered_follows_event_time_not_arrival() {
    let set = corr(
        "  type: temporal_ordered\n  rules: [failed_logon, ok_logon]\n  group-by: [User]\n  timespan: 5m\n",
    );
    // The success (stamped later) arrives before the failure it follows.
    let fired = run(&set, &[ev(100, 4624, "bob"), ev(40, 4625, "bob")]);
    assert_eq!(fired.len(), 1, "{fired:?}");
    // The other way round in time does not fire, whatever the arrival order.
    let fired = run(&set, &[ev(40, 4624, "eve"), ev(100, 4625, "eve")]);
    assert!(fired.is_empty(), "{fired:?}");
}

#[test]
fn events_later_than_the_allowed_lateness_are_counted_not_used() {
    let set = failures_per_user_per_minute(2);
    let mut engine = engine_with_lateness_of_a_minute();
    // Newest at 1000 s; 1000 - 60 - 60 = 880 s is the horizon.
    let fired = run_with(
        &set,
        &mut engine,
        &[
            ev(1000, 4625, "bob"),
            ev(10, 4625, "bob"),
            ev(11, 4625, "bob"),
        ],
        0,
    );
    assert!(fired.is_empty(), "{fired:?}");
    assert_eq!(engine.late_events(), 2);
    // Within the horizon, a late event still counts.
    let fired = run_with(&set, &mut engine, &[ev(950, 4625, "bob")], 3);
    assert_eq!(fired.len(), 1, "{fired:?}");
    assert_eq!(fired[0].events, vec![0, 3]);
}

#[test]
fn a_firing_does_not_make_a_very_late_event_look_on_time() {
    let set = failures_per_user_per_minute(2);
    let mut engine = engine_with_lateness_of_a_minute();
    let fired = run_with(
        &set,
        &mut engine,
        &[ev(1000, 4625, "bob"), ev(1010, 4625, "bob")],
        0,
    );
    assert_eq!(fired.len(), 1, "{fired:?}");
    // The window fired and was cleared; the group's newest event is still 1010 s.
    let fired = run_with(
        &set,
        &mut engine,
        &[ev(10, 4625, "bob"), ev(12, 4625, "bob")],
        2,
    );
    assert!(fired.is_empty(), "{fired:?}");
    assert_eq!(engine.late_events(), 2);
}

#[test]
fn late_windows_start_at_the_first_of_equal_times() {
    let set = failures_per_user_per_minute(4);
    // Two at 20 s, one at 70 s arrive first; a late one at 30 s makes four in [20 s, 80 s].
    let events = [
        ev(20, 4625, "bob"),
        ev(20, 4625, "bob"),
        ev(70, 4625, "bob"),
        ev(30, 4625, "bob"),
    ];
    let fired = run(&set, &events);
    assert_eq!(fired.len(), 1, "{fired:?}");
    assert_eq!(fired[0].events, vec![0, 1, 2, 3]);
}
