//! Ingest's counters for operators, through the global OpenTelemetry meter (a
//! no-op until OTLP export is configured). Recorded per batch, not per event.
//! Labels come from small sets: the channel, the outcome, and the tenant id (a
//! provider's tenants number in the hundreds, not the millions).

use garrison_core::TenantId;
use garrison_core::event::Channel;
use opentelemetry::KeyValue;
use opentelemetry::metrics::Counter;
use std::sync::OnceLock;

fn events() -> &'static Counter<u64> {
    static COUNTER: OnceLock<Counter<u64>> = OnceLock::new();
    COUNTER.get_or_init(|| {
        opentelemetry::global::meter("garrison-ingest")
            .u64_counter("garrison_ingest_events_total")
            .with_description("events by tenant, channel and outcome (stored, rejected, dead_lettered, unattributed)")
            .build()
    })
}

/// Counts `n` events of a tenant's channel with an outcome.
pub fn record(tenant: Option<TenantId>, channel: Channel, outcome: &'static str, n: u64) {
    if n == 0 {
        return;
    }
    let tenant = tenant
        .map(|t| t.to_string())
        .unwrap_or_else(|| "none".into());
    events().add(
        n,
        &[
            KeyValue::new("tenant_id", tenant),
            KeyValue::new("channel", channel.as_str()),
            KeyValue::new("outcome", outcome),
        ],
    );
}
