//! What a notification announces: the event kinds endpoints subscribe to, and the
//! event itself as the outbox stores it (serialised once, delivered many times).

use chrono::{DateTime, Utc};
use garrison_core::{Error, Result, Severity};
use serde::{Deserialize, Serialize};

/// An event kind an endpoint can subscribe to (`Test` is sent only on request).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventKind {
    #[serde(rename = "alert.raised")]
    AlertRaised,
    #[serde(rename = "case.created")]
    CaseCreated,
    #[serde(rename = "case.updated")]
    CaseUpdated,
    #[serde(rename = "customer.commented")]
    CustomerCommented,
    #[serde(rename = "sla.warning")]
    SlaWarning,
    #[serde(rename = "sla.breached")]
    SlaBreached,
    /// A tenant's invoice payment failed (Stripe's `invoice.payment_failed`).
    /// The provider's business: customers may not subscribe to it.
    #[serde(rename = "billing.payment_failed")]
    PaymentFailed,
    #[serde(rename = "test")]
    Test,
}

impl EventKind {
    /// Every kind an endpoint may subscribe to.
    pub const SUBSCRIBABLE: [EventKind; 7] = [
        EventKind::AlertRaised,
        EventKind::CaseCreated,
        EventKind::CaseUpdated,
        EventKind::CustomerCommented,
        EventKind::SlaWarning,
        EventKind::SlaBreached,
        EventKind::PaymentFailed,
    ];

    /// Whether only the provider's staff may subscribe an endpoint to it (it
    /// reports the provider's billing relationship, not the customer's security).
    pub fn provider_only(self) -> bool {
        matches!(self, EventKind::PaymentFailed)
    }

    /// The wire name (`Garrison-Event`, the body's `type`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::AlertRaised => "alert.raised",
            EventKind::CaseCreated => "case.created",
            EventKind::CaseUpdated => "case.updated",
            EventKind::CustomerCommented => "customer.commented",
            EventKind::SlaWarning => "sla.warning",
            EventKind::SlaBreached => "sla.breached",
            EventKind::PaymentFailed => "billing.payment_failed",
            EventKind::Test => "test",
        }
    }

    /// Parses a subscribable kind; `field` names the argument on error.
    pub fn parse(field: &str, raw: &str) -> Result<EventKind> {
        EventKind::SUBSCRIBABLE
            .into_iter()
            .find(|k| k.as_str() == raw.trim())
            .ok_or_else(|| {
                Error::invalid(
                    field,
                    format!(
                        "unknown event `{raw}` (expected alert.raised, case.created, case.updated, customer.commented, sla.warning, sla.breached or billing.payment_failed)"
                    ),
                )
            })
    }
}

/// One event, as enqueued and as delivered (`data` of the webhook body).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotificationEvent {
    #[serde(rename = "type")]
    pub kind: EventKind,
    /// For `alert.raised` (compared with each endpoint's threshold); informative elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    pub title: String,
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alert_id: Option<uuid::Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_id: Option<uuid::Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sla_instance_id: Option<uuid::Uuid>,
    /// Where the console shows it (`/alerts/<id>`, `/cases/<id>`).
    pub link: String,
    /// Queued at most once per endpoint (e.g. `sla.breached:<instance id>`).
    #[serde(skip)]
    pub dedup_key: String,
    pub occurred_at: DateTime<Utc>,
}

impl NotificationEvent {
    /// A new alert.
    pub fn alert_raised(
        alert_id: uuid::Uuid,
        severity: Severity,
        rule_title: &str,
        at: DateTime<Utc>,
    ) -> NotificationEvent {
        NotificationEvent {
            kind: EventKind::AlertRaised,
            severity: Some(severity),
            title: format!("{} alert: {rule_title}", capitalised(severity)),
            summary: format!("Detection raised a {severity} alert for rule “{rule_title}”."),
            alert_id: Some(alert_id),
            case_id: None,
            sla_instance_id: None,
            link: format!("/alerts/{alert_id}"),
            dedup_key: format!("alert.raised:{alert_id}"),
            occurred_at: at,
        }
    }

    /// A case was opened (by staff, from alerts, or reported by the customer).
    pub fn case_created(
        case_id: uuid::Uuid,
        number: i64,
        severity: Severity,
        title: &str,
        at: DateTime<Utc>,
    ) -> NotificationEvent {
        NotificationEvent {
            kind: EventKind::CaseCreated,
            severity: Some(severity),
            title: format!("Case #{number} opened: {title}"),
            summary: format!("A {severity} case was opened: “{title}”."),
            alert_id: None,
            case_id: Some(case_id),
            sla_instance_id: None,
            link: format!("/cases/{case_id}"),
            dedup_key: format!("case.created:{case_id}"),
            occurred_at: at,
        }
    }

    /// A case changed (status or assignment); `what` says how, e.g. "New → Acknowledged".
    pub fn case_updated(
        case_id: uuid::Uuid,
        number: i64,
        severity: Severity,
        what: &str,
        at: DateTime<Utc>,
    ) -> NotificationEvent {
        NotificationEvent {
            kind: EventKind::CaseUpdated,
            severity: Some(severity),
            title: format!("Case #{number} updated"),
            summary: what.to_string(),
            alert_id: None,
            case_id: Some(case_id),
            sla_instance_id: None,
            // Each change is its own event.
            link: format!("/cases/{case_id}"),
            dedup_key: format!("case.updated:{case_id}:{}", uuid::Uuid::now_v7()),
            occurred_at: at,
        }
    }

    /// The customer commented on a case (the comment's text is not sent: it
    /// may be sensitive, and the link leads to it).
    pub fn customer_commented(
        case_id: uuid::Uuid,
        comment_id: uuid::Uuid,
        number: i64,
        at: DateTime<Utc>,
    ) -> NotificationEvent {
        NotificationEvent {
            kind: EventKind::CustomerCommented,
            severity: None,
            title: format!("Customer commented on case #{number}"),
            summary: "The customer added a comment.".into(),
            alert_id: None,
            case_id: Some(case_id),
            sla_instance_id: None,
            link: format!("/cases/{case_id}"),
            dedup_key: format!("customer.commented:{comment_id}"),
            occurred_at: at,
        }
    }

    /// An SLA clock warned or breached. `subject` is `alert` or `case`.
    #[allow(clippy::too_many_arguments)]
    pub fn sla(
        breached: bool,
        instance_id: uuid::Uuid,
        subject: &str,
        subject_id: uuid::Uuid,
        target: &str,
        severity: Severity,
        due_at: DateTime<Utc>,
        at: DateTime<Utc>,
    ) -> NotificationEvent {
        let (kind, verb) = if breached {
            (EventKind::SlaBreached, "breached")
        } else {
            (EventKind::SlaWarning, "is close to breaching")
        };
        let (alert_id, case_id, link) = match subject {
            "case" => (None, Some(subject_id), format!("/cases/{subject_id}")),
            _ => (Some(subject_id), None, format!("/alerts/{subject_id}")),
        };
        NotificationEvent {
            kind,
            severity: Some(severity),
            title: format!("SLA {verb}: {target} of a {severity} {subject}"),
            summary: format!(
                "The {target} target of a {severity} {subject} {verb} (due {}).",
                due_at.to_rfc3339()
            ),
            alert_id,
            case_id,
            sla_instance_id: Some(instance_id),
            link,
            dedup_key: format!("{}:{instance_id}", kind.as_str()),
            occurred_at: at,
        }
    }

    /// A payment of the tenant's invoice failed. Queued once per invoice (Stripe
    /// sends `invoice.payment_failed` again on every failed retry, and may
    /// redeliver a webhook): the first failure is the one that needs a call.
    pub fn payment_failed(
        invoice: &str,
        number: Option<&str>,
        amount_due: &str,
        at: DateTime<Utc>,
    ) -> NotificationEvent {
        let shown = number.unwrap_or(invoice);
        NotificationEvent {
            kind: EventKind::PaymentFailed,
            severity: None,
            title: format!("Payment failed: invoice {shown}"),
            summary: format!("The payment of invoice {shown} ({amount_due}) failed."),
            alert_id: None,
            case_id: None,
            sla_instance_id: None,
            link: "/billing".into(),
            dedup_key: format!("billing.payment_failed:{invoice}"),
            occurred_at: at,
        }
    }

    /// A test message for one endpoint.
    pub fn test(at: DateTime<Utc>) -> NotificationEvent {
        NotificationEvent {
            kind: EventKind::Test,
            severity: None,
            title: "Garrison test notification".into(),
            summary: "This endpoint is set up correctly.".into(),
            alert_id: None,
            case_id: None,
            sla_instance_id: None,
            link: "/".into(),
            dedup_key: format!("test:{}", uuid::Uuid::now_v7()),
            occurred_at: at,
        }
    }
}

fn capitalised(severity: Severity) -> String {
    let s = severity.as_str();
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}
