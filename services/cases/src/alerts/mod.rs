//! Alerts: the domain type, its triage states, and conversion from stored rows.
//! [`raise`] records detection's matches, [`queue`] is the analyst's cross-tenant
//! list, [`triage`] acknowledges, assigns and closes.

pub mod queue;
pub mod raise;
pub mod triage;

use crate::entity::alert;
use chrono::{DateTime, Utc};
use garrison_core::event::EventId;
use garrison_core::{Error, Result, Severity, TenantId, UserId};

garrison_core::typed_id!(
    /// One alert.
    AlertId
);

/// Where an alert is in triage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlertStatus {
    /// Raised, nobody has looked yet (the acknowledge clock runs).
    New,
    /// Someone owns it.
    Acknowledged,
    /// Done, with a disposition.
    Closed,
}

impl AlertStatus {
    pub const ALL: [AlertStatus; 3] = [
        AlertStatus::New,
        AlertStatus::Acknowledged,
        AlertStatus::Closed,
    ];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            AlertStatus::New => "new",
            AlertStatus::Acknowledged => "acknowledged",
            AlertStatus::Closed => "closed",
        }
    }

    fn from_stored(raw: &str) -> Result<AlertStatus> {
        AlertStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == raw)
            .ok_or_else(|| Error::internal(format!("stored alert status {raw}")))
    }
}

/// Why an alert was closed; the false-positive rate per rule is computed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Disposition {
    TruePositive,
    BenignPositive,
    FalsePositive,
    Duplicate,
}

impl Disposition {
    pub const ALL: [Disposition; 4] = [
        Disposition::TruePositive,
        Disposition::BenignPositive,
        Disposition::FalsePositive,
        Disposition::Duplicate,
    ];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Disposition::TruePositive => "true_positive",
            Disposition::BenignPositive => "benign_positive",
            Disposition::FalsePositive => "false_positive",
            Disposition::Duplicate => "duplicate",
        }
    }

    fn from_stored(raw: &str) -> Option<Disposition> {
        Disposition::ALL.into_iter().find(|d| d.as_str() == raw)
    }
}

/// An alert as triage sees it.
#[derive(Debug, Clone)]
pub struct Alert {
    pub id: AlertId,
    pub tenant_id: TenantId,
    pub rule_id: String,
    pub rule_title: String,
    pub rule_description: Option<String>,
    pub severity: Severity,
    pub status: AlertStatus,
    pub disposition: Option<Disposition>,
    pub close_comment: Option<String>,
    pub assignee_id: Option<UserId>,
    /// The case it was escalated to (a `CaseId` of this crate's cases).
    pub case_id: Option<uuid::Uuid>,
    pub techniques: Vec<String>,
    pub tactics: Vec<String>,
    pub group_key: String,
    pub group: serde_json::Map<String, serde_json::Value>,
    pub event_ids: Vec<EventId>,
    pub event_count: i64,
    pub first_event_at: DateTime<Utc>,
    pub last_event_at: DateTime<Utc>,
    pub detected_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl Alert {
    /// Time from the first matching event to the alert (the MTTD input).
    pub fn detection_delay(&self) -> chrono::Duration {
        self.detected_at - self.first_event_at
    }
}

/// The SLA subject of an alert.
pub(crate) fn sla_subject(tenant: TenantId, id: AlertId) -> garrison_sla::Subject {
    garrison_sla::Subject {
        kind: garrison_sla::SubjectKind::Alert,
        id: id.as_uuid(),
        tenant,
    }
}

/// A stored row as an alert. JSON columns written by this crate; unreadable ones
/// (never expected) degrade to empty rather than hiding the alert.
pub(crate) fn to_alert(row: alert::Model) -> Result<Alert> {
    let list = |text: &str| serde_json::from_str::<Vec<String>>(text).unwrap_or_default();
    Ok(Alert {
        id: AlertId::from_uuid(row.id),
        tenant_id: TenantId::from_uuid(row.tenant_id),
        severity: Severity::from_rank(row.severity),
        status: AlertStatus::from_stored(&row.status)?,
        disposition: row
            .disposition
            .as_deref()
            .and_then(Disposition::from_stored),
        close_comment: row.close_comment,
        assignee_id: row.assignee_id.map(UserId::from_uuid),
        case_id: row.case_id,
        techniques: list(&row.techniques),
        tactics: list(&row.tactics),
        group: serde_json::from_str(&row.group_values).unwrap_or_default(),
        event_ids: serde_json::from_str(&row.event_ids).unwrap_or_default(),
        rule_id: row.rule_id,
        rule_title: row.rule_title,
        rule_description: row.rule_description,
        group_key: row.group_key,
        event_count: row.event_count,
        first_event_at: row.first_event_at,
        last_event_at: row.last_event_at,
        detected_at: row.detected_at,
        created_at: row.created_at,
        updated_at: row.updated_at,
        acknowledged_at: row.acknowledged_at,
        closed_at: row.closed_at,
    })
}
