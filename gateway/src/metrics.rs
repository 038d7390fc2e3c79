//! The gateway's counters (`garrison_gateway_<noun>_<unit>`), recorded through the
//! global OpenTelemetry meter (a no-op until OTLP export is configured).

use opentelemetry::KeyValue;
use opentelemetry::metrics::Counter;
use std::sync::OnceLock;

fn sign_ins() -> &'static Counter<u64> {
    static COUNTER: OnceLock<Counter<u64>> = OnceLock::new();
    COUNTER.get_or_init(|| {
        opentelemetry::global::meter("garrison-gateway")
            .u64_counter("garrison_gateway_sign_ins_total")
            .with_description("sign-in attempts by outcome")
            .build()
    })
}

/// Counts a sign-in attempt; `outcome` is one of `ok`, `invalid`, `throttled`.
pub fn record_sign_in(outcome: &'static str) {
    sign_ins().add(1, &[KeyValue::new("outcome", outcome)]);
}
