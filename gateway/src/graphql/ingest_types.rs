//! GraphQL types of the ingest API: tokens, source bindings, statistics, events.

use async_graphql::{ID, InputObject, Json, Object, SimpleObject};
use chrono::{DateTime, Utc};
use garrison_core::event::{LogSource, StoredEvent};
use garrison_ingest::{sources, stats, tokens};

/// An ingest token (never with its secret).
pub struct IngestToken(pub tokens::IngestToken);

#[Object]
impl IngestToken {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn tenant_id(&self) -> ID {
        ID(self.0.tenant_id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The public part, shown in lists so a token can be recognised and revoked.
    async fn prefix(&self) -> &str {
        &self.0.prefix
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// Refreshed at most once per credential-cache lifetime.
    async fn last_used_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_used_at
    }
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
    /// Applied to every event the token sends, over what the parser infers.
    async fn log_source(&self) -> LogSourceTags {
        LogSourceTags::from(self.0.log_source.clone())
    }
}

/// Sigma log-source tags (`product`, `category`, `service`); detection routes on them.
#[derive(SimpleObject, Default)]
pub struct LogSourceTags {
    pub product: Option<String>,
    pub category: Option<String>,
    pub service: Option<String>,
}

impl From<LogSource> for LogSourceTags {
    fn from(l: LogSource) -> LogSourceTags {
        LogSourceTags {
            product: l.product,
            category: l.category,
            service: l.service,
        }
    }
}

/// Log-source tags to configure (lower case, as Sigma spells them: `windows`,
/// `process_creation`, `sysmon`); absent or empty means unset.
#[derive(InputObject, Default)]
pub struct LogSourceInput {
    pub product: Option<String>,
    pub category: Option<String>,
    pub service: Option<String>,
}

impl From<LogSourceInput> for LogSource {
    fn from(l: LogSourceInput) -> LogSource {
        LogSource {
            product: l.product,
            category: l.category,
            service: l.service,
        }
    }
}

/// A new token: `token` is shown this once and never again.
#[derive(SimpleObject)]
pub struct CreatedIngestToken {
    pub token: String,
    pub ingest_token: IngestToken,
}

/// A source range bound to a tenant.
pub struct SyslogSource(pub sources::SyslogSource);

#[Object]
impl SyslogSource {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn tenant_id(&self) -> ID {
        ID(self.0.tenant_id.to_string())
    }
    async fn cidr(&self) -> String {
        self.0.cidr.to_string()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// Counts for one channel (`syslog_udp`, `syslog_tcp`, `http`, `hec`, `bulk`).
#[derive(SimpleObject)]
pub struct SourceStats {
    pub source: String,
    pub received: i64,
    pub stored: i64,
    pub rejected: i64,
    pub dead_lettered: i64,
    pub bytes: i64,
}

impl From<stats::ChannelStats> for SourceStats {
    fn from(s: stats::ChannelStats) -> Self {
        let n = |v: u64| v.min(i64::MAX as u64) as i64;
        SourceStats {
            source: s.channel,
            received: n(s.received),
            stored: n(s.stored),
            rejected: n(s.rejected),
            dead_lettered: n(s.dead_lettered),
            bytes: n(s.bytes),
        }
    }
}

/// A host that sent events, for ingest health: a source that went silent stands out
/// by its `lastSeenAt`.
#[derive(SimpleObject)]
pub struct IngestHost {
    pub host: String,
    /// Events dated on the days of the range.
    pub events: i64,
    /// When its latest event arrived.
    pub last_seen_at: Option<DateTime<Utc>>,
}

impl From<stats::HostActivity> for IngestHost {
    fn from(h: stats::HostActivity) -> Self {
        IngestHost {
            host: h.host,
            events: h.events.min(i64::MAX as u64) as i64,
            last_seen_at: h.last_seen_at,
        }
    }
}

/// Ingest statistics over a period.
#[derive(SimpleObject)]
pub struct IngestStats {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub sources: Vec<SourceStats>,
    pub received: i64,
    pub stored: i64,
    pub rejected: i64,
    pub dead_lettered: i64,
}

/// A stored event.
pub struct Event(pub StoredEvent);

#[Object]
impl Event {
    async fn id(&self) -> ID {
        ID(self.0.event.id.to_string())
    }
    async fn tenant_id(&self) -> ID {
        ID(self.0.event.tenant_id.to_string())
    }
    /// Position in the store.
    async fn seq(&self) -> i64 {
        self.0.seq
    }
    /// The event's own time (`@timestamp`).
    async fn timestamp(&self) -> DateTime<Utc> {
        self.0.event.timestamp
    }
    async fn received_at(&self) -> DateTime<Utc> {
        self.0.event.received_at
    }
    async fn source(&self) -> &str {
        self.0.event.channel.as_str()
    }
    async fn host(&self) -> Option<&str> {
        self.0.event.host.as_deref()
    }
    async fn severity(&self) -> Option<i32> {
        self.0.event.severity.map(i32::from)
    }
    async fn product(&self) -> Option<&str> {
        self.0.event.log_source.product.as_deref()
    }
    async fn category(&self) -> Option<&str> {
        self.0.event.log_source.category.as_deref()
    }
    async fn service(&self) -> Option<&str> {
        self.0.event.log_source.service.as_deref()
    }
    /// ECS fields and the original names.
    async fn fields(&self) -> Json<serde_json::Map<String, serde_json::Value>> {
        Json(self.0.event.fields.clone())
    }
    async fn raw(&self) -> &str {
        &self.0.event.raw
    }
    async fn raw_truncated(&self) -> bool {
        self.0.event.raw_truncated
    }
}

/// A Relay edge of events.
#[derive(SimpleObject)]
pub struct EventEdge {
    pub cursor: String,
    pub node: Event,
}

/// Events matching a search, newest first.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct EventConnection {
    pub total_count: i64,
    pub edges: Vec<EventEdge>,
    pub page_info: super::types::PageInfo,
    /// The search, for `histogram` (resolved only when asked for).
    #[graphql(skip)]
    pub search: (
        garrison_core::TenantId,
        garrison_ingest::search::EventFilter,
    ),
}

/// What to search.
#[derive(InputObject, Default)]
pub struct EventFilter {
    /// Default: 24 hours before `to`.
    pub from: Option<DateTime<Utc>>,
    /// Default: now.
    pub to: Option<DateTime<Utc>>,
    /// `field:value` (with `*`), free text, AND/OR/NOT, parentheses.
    pub query: Option<String>,
    pub host: Option<String>,
    /// A channel: `syslog_udp`, `syslog_tcp`, `http`, `hec` or `bulk`.
    pub source: Option<String>,
}

/// A tenant's ingest limits (`null`: the platform default).
#[derive(SimpleObject)]
pub struct IngestLimits {
    pub events_per_second: Option<i32>,
    pub bytes_per_day: Option<i64>,
    pub retention_days: Option<i32>,
}

impl From<garrison_ingest::settings::IngestLimits> for IngestLimits {
    fn from(l: garrison_ingest::settings::IngestLimits) -> Self {
        IngestLimits {
            events_per_second: l.events_per_second.map(|v| v.min(i32::MAX as u32) as i32),
            bytes_per_day: l.bytes_per_day.map(|v| v.min(i64::MAX as u64) as i64),
            retention_days: l.retention_days.map(|v| v.min(i32::MAX as u32) as i32),
        }
    }
}
