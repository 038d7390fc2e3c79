//! Detection's counters for operators, through the global OpenTelemetry meter (a
//! no-op until OTLP export is configured). Recorded per batch, not per event.

use garrison_core::TenantId;
use garrison_core::alerting::RaiseOutcome;
use opentelemetry::KeyValue;
use opentelemetry::metrics::Counter;
use std::sync::OnceLock;

fn counter(name: &'static str, description: &'static str) -> Counter<u64> {
    opentelemetry::global::meter("garrison-detection")
        .u64_counter(name)
        .with_description(description)
        .build()
}

fn events() -> &'static Counter<u64> {
    static C: OnceLock<Counter<u64>> = OnceLock::new();
    C.get_or_init(|| {
        counter(
            "garrison_detection_events_total",
            "events evaluated, by tenant",
        )
    })
}

fn hits() -> &'static Counter<u64> {
    static C: OnceLock<Counter<u64>> = OnceLock::new();
    C.get_or_init(|| {
        counter(
            "garrison_detection_rule_hits_total",
            "rule and correlation matches, by tenant",
        )
    })
}

fn alerts() -> &'static Counter<u64> {
    static C: OnceLock<Counter<u64>> = OnceLock::new();
    C.get_or_init(|| {
        counter(
            "garrison_detection_alerts_total",
            "alerts by tenant and outcome (created, updated, duplicate)",
        )
    })
}

fn late() -> &'static Counter<u64> {
    static C: OnceLock<Counter<u64>> = OnceLock::new();
    C.get_or_init(|| {
        counter(
            "garrison_detection_correlation_late_total",
            "correlation contributions that arrived later than timespan + max lateness, by tenant",
        )
    })
}

/// Records one batch.
pub fn record(tenant: TenantId, events_n: u64, matches: u64, late_n: u64, outcome: &RaiseOutcome) {
    let t = KeyValue::new("tenant_id", tenant.to_string());
    events().add(events_n, std::slice::from_ref(&t));
    if late_n > 0 {
        late().add(late_n, std::slice::from_ref(&t));
    }
    if matches > 0 {
        hits().add(matches, std::slice::from_ref(&t));
    }
    for (name, n) in [
        ("created", outcome.created),
        ("updated", outcome.updated),
        ("duplicate", outcome.duplicates),
    ] {
        if n > 0 {
            alerts().add(n, &[t.clone(), KeyValue::new("outcome", name)]);
        }
    }
}
