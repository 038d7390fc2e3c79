//! The normalized event: what ingest stores and detection reads.
//!
//! Parsed fields live in one JSON object under ECS names (`host.name`,
//! `source.ip`, `process.command_line`, nested as ECS nests them) with the
//! original field names kept alongside, so Sigma rules written against either
//! naming find their field. Log-source tags (`product`/`category`/`service`) are
//! what detection routes on.

use crate::TenantId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

crate::typed_id!(
    /// One stored event (UUIDv7: sortable by arrival).
    EventId
);

/// How an event arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    SyslogUdp,
    SyslogTcp,
    SyslogTls,
    Http,
    Hec,
    Bulk,
}

impl Channel {
    /// Every channel, in display order.
    pub const ALL: [Channel; 6] = [
        Channel::SyslogUdp,
        Channel::SyslogTcp,
        Channel::SyslogTls,
        Channel::Http,
        Channel::Hec,
        Channel::Bulk,
    ];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::SyslogUdp => "syslog_udp",
            Channel::SyslogTcp => "syslog_tcp",
            Channel::SyslogTls => "syslog_tls",
            Channel::Http => "http",
            Channel::Hec => "hec",
            Channel::Bulk => "bulk",
        }
    }

    /// Parses a stored name.
    pub fn parse(raw: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == raw)
    }
}

/// Sigma log-source tags.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogSource {
    pub product: Option<String>,
    pub category: Option<String>,
    pub service: Option<String>,
}

/// A normalized event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub tenant_id: TenantId,
    pub received_at: DateTime<Utc>,
    /// `@timestamp`: the event's own time, or `received_at` when it has none.
    pub timestamp: DateTime<Utc>,
    pub channel: Channel,
    pub host: Option<String>,
    /// Syslog severity 0 (emergency) ..= 7 (debug), when known.
    pub severity: Option<u8>,
    pub log_source: LogSource,
    /// ECS fields plus the original names.
    pub fields: serde_json::Map<String, serde_json::Value>,
    /// The line as received (capped; `raw_truncated` says whether it was cut).
    pub raw: String,
    pub raw_truncated: bool,
}

/// A stored event with its position in the store (monotonic per database).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    pub seq: i64,
    pub event: Event,
}

/// Reads a tenant's stored events in order, after a sequence: how the detection
/// role consumes what ingest stored without depending on the ingest crate (the
/// gateway wires ingest's store in; tests may wire anything that stores events).
#[async_trait::async_trait]
pub trait EventLog: Send + Sync {
    /// Up to `limit` of `tenant`'s events with `seq > after`, in sequence order.
    async fn read_after(
        &self,
        tenant: TenantId,
        after: i64,
        limit: u64,
    ) -> crate::Result<Vec<StoredEvent>>;
}
