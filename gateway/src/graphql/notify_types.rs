//! GraphQL types of the notifications API: endpoints, the secret shown once,
//! and the delivery log.

use super::severity::Severity;
use async_graphql::{Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use garrison_notify::endpoint::store::Delivery;
use garrison_notify::{Endpoint, EndpointKind, EventKind, Owner};

/// How an endpoint is reached.
#[derive(Enum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum NotificationKind {
    /// JSON signed with HMAC-SHA256 (`Garrison-Signature`).
    Webhook,
    /// A Slack incoming webhook.
    Slack,
    /// A Microsoft Teams incoming webhook or Workflows URL.
    Teams,
    /// Email over the configured SMTP relay.
    Email,
}

impl From<NotificationKind> for EndpointKind {
    fn from(k: NotificationKind) -> Self {
        match k {
            NotificationKind::Webhook => EndpointKind::Webhook,
            NotificationKind::Slack => EndpointKind::Slack,
            NotificationKind::Teams => EndpointKind::Teams,
            NotificationKind::Email => EndpointKind::Email,
        }
    }
}

impl From<EndpointKind> for NotificationKind {
    fn from(k: EndpointKind) -> Self {
        match k {
            EndpointKind::Webhook => NotificationKind::Webhook,
            EndpointKind::Slack => NotificationKind::Slack,
            EndpointKind::Teams => NotificationKind::Teams,
            EndpointKind::Email => NotificationKind::Email,
        }
    }
}

/// An event an endpoint subscribes to (wire names `alert.raised` and so on).
#[derive(Enum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum NotificationEventType {
    /// `alert.raised`, filtered by the endpoint's `minSeverity`.
    AlertRaised,
    /// `case.created`.
    CaseCreated,
    /// `case.updated` (status or assignment).
    CaseUpdated,
    /// `customer.commented`.
    CustomerCommented,
    /// `sla.warning`.
    SlaWarning,
    /// `sla.breached`.
    SlaBreached,
    /// `billing.payment_failed`: a tenant's invoice payment failed (once per
    /// invoice). Provider staff only; customers cannot subscribe to it.
    PaymentFailed,
}

impl From<NotificationEventType> for EventKind {
    fn from(e: NotificationEventType) -> Self {
        use NotificationEventType as N;
        match e {
            N::AlertRaised => EventKind::AlertRaised,
            N::CaseCreated => EventKind::CaseCreated,
            N::CaseUpdated => EventKind::CaseUpdated,
            N::CustomerCommented => EventKind::CustomerCommented,
            N::SlaWarning => EventKind::SlaWarning,
            N::SlaBreached => EventKind::SlaBreached,
            N::PaymentFailed => EventKind::PaymentFailed,
        }
    }
}

fn event_type(e: EventKind) -> Option<NotificationEventType> {
    use NotificationEventType as N;
    Some(match e {
        EventKind::AlertRaised => N::AlertRaised,
        EventKind::CaseCreated => N::CaseCreated,
        EventKind::CaseUpdated => N::CaseUpdated,
        EventKind::CustomerCommented => N::CustomerCommented,
        EventKind::SlaWarning => N::SlaWarning,
        EventKind::SlaBreached => N::SlaBreached,
        EventKind::PaymentFailed => N::PaymentFailed,
        EventKind::Test => return None,
    })
}

/// A notification endpoint (never with its signing secret).
pub struct NotificationEndpoint(pub Endpoint);

#[Object]
impl NotificationEndpoint {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// The tenant; null for a provider-wide endpoint (it hears every tenant).
    async fn tenant_id(&self) -> Option<ID> {
        match self.0.owner {
            Owner::Tenant(t) => Some(ID(t.to_string())),
            Owner::Provider => None,
        }
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn kind(&self) -> NotificationKind {
        self.0.kind.into()
    }
    /// The URL or email address.
    async fn target(&self) -> &str {
        &self.0.target
    }
    async fn events(&self) -> Vec<NotificationEventType> {
        self.0
            .events
            .iter()
            .copied()
            .filter_map(event_type)
            .collect()
    }
    /// The least severe alert `alert.raised` announces.
    async fn min_severity(&self) -> Severity {
        self.0.min_severity.into()
    }
    async fn enabled(&self) -> bool {
        self.0.enabled
    }
    /// Why the platform disabled it (e.g. the receiver answered 410 Gone).
    async fn disabled_reason(&self) -> Option<&str> {
        self.0.disabled_reason.as_deref()
    }
    /// Whether deliveries are signed (webhooks).
    async fn signed(&self) -> bool {
        self.0.has_secret
    }
    /// Consecutive failed deliveries (0 when healthy).
    async fn consecutive_failures(&self) -> i32 {
        self.0.failures
    }
    /// While in the future, deliveries wait for this probe time (circuit open).
    async fn retry_at(&self) -> Option<DateTime<Utc>> {
        self.0.circuit_until
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A new endpoint: `signingSecret` (webhooks) is shown this once and never again.
#[derive(SimpleObject)]
pub struct CreatedNotificationEndpoint {
    pub endpoint: NotificationEndpoint,
    pub signing_secret: Option<String>,
}

/// What `createNotificationEndpoint` takes. Without `tenantId` the endpoint is
/// provider-wide (provider admins only).
#[derive(InputObject)]
pub struct CreateNotificationEndpointInput {
    pub tenant_id: Option<ID>,
    pub name: String,
    pub kind: NotificationKind,
    /// An http(s) URL, or an email address for `EMAIL`.
    pub target: String,
    pub events: Vec<NotificationEventType>,
    /// For `ALERT_RAISED`; default `INFORMATIONAL` (every alert).
    pub min_severity: Option<Severity>,
}

/// What `updateNotificationEndpoint` takes; absent fields stay.
#[derive(InputObject, Default)]
pub struct UpdateNotificationEndpointInput {
    pub name: Option<String>,
    pub target: Option<String>,
    pub events: Option<Vec<NotificationEventType>>,
    pub min_severity: Option<Severity>,
    /// Enabling also clears the failure count and closes the circuit.
    pub enabled: Option<bool>,
}

/// One delivery attempt.
pub struct NotificationDelivery(pub Delivery);

#[Object]
impl NotificationDelivery {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn endpoint_id(&self) -> ID {
        ID(self.0.endpoint_id.to_string())
    }
    /// The `Garrison-Delivery` header: the same for every attempt of one event.
    async fn delivery_id(&self) -> ID {
        ID(self.0.delivery_id.to_string())
    }
    async fn tenant_id(&self) -> ID {
        ID(self.0.tenant_id.to_string())
    }
    /// The event's wire name (`sla.breached`, `test`, ...).
    async fn event(&self) -> &str {
        &self.0.event
    }
    async fn attempt(&self) -> i32 {
        self.0.attempt
    }
    async fn attempted_at(&self) -> DateTime<Utc> {
        self.0.attempted_at
    }
    /// `delivered`, `failed` (will retry), `dead`, `gone` or `expired`.
    async fn outcome(&self) -> &str {
        &self.0.outcome
    }
    /// The HTTP status (or SMTP reply code), when there was an answer.
    async fn status_code(&self) -> Option<i32> {
        self.0.status_code
    }
    async fn error(&self) -> Option<&str> {
        self.0.error.as_deref()
    }
    async fn latency_ms(&self) -> i64 {
        self.0.latency_ms
    }
}
