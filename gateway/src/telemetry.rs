//! Logs, traces and metrics. Logs go to stderr (text or JSON); when the standard
//! `OTEL_EXPORTER_OTLP_ENDPOINT` (or a per-signal endpoint) is set, traces and
//! metrics are exported over OTLP/HTTP as the `OTEL_*` variables describe.

use anyhow::Context as _;
use garrison_core::config::LogConfig;
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::metrics::SdkMeterProvider;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// Installed exporters, flushed on shutdown.
#[derive(Default)]
pub struct Telemetry {
    tracer: Option<SdkTracerProvider>,
    meter: Option<SdkMeterProvider>,
}

/// Installs the global subscriber. Call once, at start.
pub fn init(log: &LogConfig) -> anyhow::Result<Telemetry> {
    let filter = EnvFilter::try_new(&log.filter)
        .with_context(|| format!("GARRISON_LOG / log.filter `{}`", log.filter))?;
    let fmt = if log.json {
        tracing_subscriber::fmt::layer()
            .json()
            .with_writer(std::io::stderr)
            .boxed()
    } else {
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .boxed()
    };
    let mut telemetry = Telemetry::default();
    let otel_layer = if otlp_enabled() {
        let resource = Resource::builder()
            .with_service_name(service_name())
            .build();
        let spans = opentelemetry_otlp::SpanExporter::builder()
            .with_http()
            .build()
            .context("OTLP span exporter")?;
        let tracer_provider = SdkTracerProvider::builder()
            .with_batch_exporter(spans)
            .with_resource(resource.clone())
            .build();
        let tracer = tracer_provider.tracer("garrison");
        opentelemetry::global::set_tracer_provider(tracer_provider.clone());
        telemetry.tracer = Some(tracer_provider);

        let metrics = opentelemetry_otlp::MetricExporter::builder()
            .with_http()
            .build()
            .context("OTLP metric exporter")?;
        let meter_provider = SdkMeterProvider::builder()
            .with_periodic_exporter(metrics)
            .with_resource(resource)
            .build();
        opentelemetry::global::set_meter_provider(meter_provider.clone());
        telemetry.meter = Some(meter_provider);
        Some(tracing_opentelemetry::layer().with_tracer(tracer))
    } else {
        None
    };
    tracing_subscriber::registry()
        .with(filter)
        .with(fmt)
        .with(otel_layer)
        .try_init()
        .context("installing the tracing subscriber")?;
    Ok(telemetry)
}

impl Telemetry {
    /// Flushes and stops the exporters.
    pub fn shutdown(self) {
        if let Some(tracer) = self.tracer
            && let Err(e) = tracer.shutdown()
        {
            eprintln!("telemetry: trace shutdown: {e}");
        }
        if let Some(meter) = self.meter
            && let Err(e) = meter.shutdown()
        {
            eprintln!("telemetry: metric shutdown: {e}");
        }
    }
}

fn otlp_enabled() -> bool {
    let set = |name: &str| std::env::var(name).is_ok_and(|v| !v.trim().is_empty());
    let disabled = std::env::var("OTEL_SDK_DISABLED").is_ok_and(|v| v.eq_ignore_ascii_case("true"));
    !disabled
        && (set("OTEL_EXPORTER_OTLP_ENDPOINT")
            || set("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
            || set("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"))
}

fn service_name() -> String {
    std::env::var("OTEL_SERVICE_NAME")
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "garrison".into())
}
