//! The hand-off from detection to triage: what a rule match becomes, and the sink
//! that records it. Detection produces [`NewAlert`]s; the cases service owns the
//! alert table and implements [`AlertSink`]; the gateway wires one to the other,
//! so neither service imports the other.

use crate::event::EventId;
use crate::{Result, Severity, TenantId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What one rule (or correlation) matched in one batch, for one group key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewAlert {
    pub tenant_id: TenantId,
    /// The Sigma rule or correlation id.
    pub rule_id: String,
    pub rule_title: String,
    pub rule_description: Option<String>,
    pub severity: Severity,
    /// ATT&CK technique ids (`T1059.001`) and tactics (`execution`) from the rule's tags.
    pub techniques: Vec<String>,
    pub tactics: Vec<String>,
    /// Matches with the same rule and group key inside the suppression window
    /// update one alert (e.g. `host.name=web01|user.name=root`).
    pub group_key: String,
    /// The group's values, for display.
    pub group: serde_json::Map<String, serde_json::Value>,
    /// Matching events (bounded by the producer), oldest first.
    pub event_ids: Vec<EventId>,
    /// How many events matched (may exceed `event_ids.len()`).
    pub event_count: u64,
    pub first_event_at: DateTime<Utc>,
    pub last_event_at: DateTime<Utc>,
    /// Highest event sequence this match covers: a replay at or below it is a no-op.
    pub last_seq: i64,
    /// When detection raised it (alert time minus first event time is the MTTD input).
    pub detected_at: DateTime<Utc>,
    /// How long matches keep updating this alert instead of raising a new one.
    pub suppression_secs: i64,
}

/// What recording a batch of matches did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RaiseOutcome {
    pub created: u64,
    pub updated: u64,
    /// Matches already recorded (a replay after a crash).
    pub duplicates: u64,
}

/// Records matches as alerts, idempotently.
#[async_trait::async_trait]
pub trait AlertSink: Send + Sync {
    /// Records `alerts` (all of one tenant) in one transaction.
    async fn raise(&self, tenant: TenantId, alerts: Vec<NewAlert>) -> Result<RaiseOutcome>;
}
