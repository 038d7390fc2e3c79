//! Notification endpoints: where events go (a signed webhook, a Slack or Teams
//! incoming webhook, an email address) and which events each wants. A tenant's
//! endpoints live in a tenant-owned table; the provider's own (receiving every
//! tenant's events) in a catalogue table. [`store`] creates, lists and changes
//! them; this module holds the types and the parsing of input.

mod deliveries;
pub mod store;

use crate::entity::{endpoint, provider_endpoint};
use crate::event::{EventKind, NotificationEvent};
use chrono::{DateTime, Utc};
use garrison_core::{Error, Result, Secret, Severity, TenantId};

garrison_core::typed_id!(
    /// One endpoint (tenant or provider-wide).
    EndpointId
);

/// How an endpoint is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndpointKind {
    /// JSON, signed with the endpoint's secret (`Garrison-Signature`).
    Webhook,
    /// A Slack incoming webhook (`text` + `blocks`).
    Slack,
    /// A Microsoft Teams incoming webhook or Workflows URL (an Adaptive Card message).
    Teams,
    /// Email over the configured SMTP relay.
    Email,
}

impl EndpointKind {
    pub const ALL: [EndpointKind; 4] = [
        EndpointKind::Webhook,
        EndpointKind::Slack,
        EndpointKind::Teams,
        EndpointKind::Email,
    ];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            EndpointKind::Webhook => "webhook",
            EndpointKind::Slack => "slack",
            EndpointKind::Teams => "teams",
            EndpointKind::Email => "email",
        }
    }

    pub(crate) fn from_stored(raw: &str) -> Result<EndpointKind> {
        EndpointKind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .ok_or_else(|| Error::internal(format!("stored endpoint kind {raw}")))
    }
}

/// Whose an endpoint is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Tenant(TenantId),
    /// The provider's: receives the events of every tenant.
    Provider,
}

/// An endpoint as callers see it (never with its secret).
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub id: EndpointId,
    pub owner: Owner,
    pub name: String,
    pub kind: EndpointKind,
    pub target: String,
    pub events: Vec<EventKind>,
    pub min_severity: Severity,
    pub enabled: bool,
    pub has_secret: bool,
    /// Consecutive failed deliveries (0 when healthy).
    pub failures: i32,
    /// While set and in the future, deliveries wait (the circuit is open).
    pub circuit_until: Option<DateTime<Utc>>,
    /// Why the platform disabled it (e.g. the receiver answered 410 Gone).
    pub disabled_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Endpoint {
    /// Whether the endpoint wants `event`.
    pub fn wants(&self, event: &NotificationEvent) -> bool {
        if !self.enabled || !self.events.contains(&event.kind) {
            return false;
        }
        match (event.kind, event.severity) {
            (EventKind::AlertRaised, Some(severity)) => severity >= self.min_severity,
            _ => true,
        }
    }
}

/// An endpoint with what delivery needs (the signing secret).
#[derive(Clone)]
pub(crate) struct Routable {
    pub endpoint: Endpoint,
    pub secret: Option<Secret<String>>,
}

impl std::fmt::Debug for Routable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Routable")
            .field("endpoint", &self.endpoint.id)
            .field("secret", &self.secret)
            .finish()
    }
}

/// What a caller submits to create one. `tenant_id` `None` is provider-wide.
#[derive(Debug, Clone)]
pub struct NewEndpoint {
    pub tenant_id: Option<TenantId>,
    pub name: String,
    pub kind: EndpointKind,
    pub target: String,
    pub events: Vec<EventKind>,
    pub min_severity: Option<Severity>,
}

/// A change; absent fields stay.
#[derive(Debug, Clone, Default)]
pub struct EndpointPatch {
    pub name: Option<String>,
    pub target: Option<String>,
    pub events: Option<Vec<EventKind>>,
    pub min_severity: Option<Severity>,
    /// Enabling also closes the circuit and clears `disabled_reason`.
    pub enabled: Option<bool>,
}

/// Longest target accepted.
const MAX_TARGET: usize = 2048;

/// Parses a target for `kind`: an http(s) URL without credentials, or an email
/// address. `field` names the argument on error.
pub fn parse_target(field: &str, kind: EndpointKind, raw: &str) -> Result<String> {
    let raw = raw.trim();
    if kind == EndpointKind::Email {
        return garrison_core::validate::email(field, raw);
    }
    if raw.len() > MAX_TARGET {
        return Err(Error::invalid(
            field,
            format!("is longer than {MAX_TARGET} characters"),
        ));
    }
    let url = reqwest::Url::parse(raw)
        .map_err(|e| Error::invalid(field, format!("is not a URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::invalid(field, "must be an http or https URL"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::invalid(
            field,
            "must not carry a user name or password (webhooks are authenticated by their signature)",
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Error::invalid(field, "has no host"));
    }
    if url.fragment().is_some() {
        return Err(Error::invalid(field, "must not have a #fragment"));
    }
    Ok(url.to_string())
}

/// Parses the event list: at least one, no duplicates kept.
pub fn parse_events(field: &str, events: &[EventKind]) -> Result<Vec<EventKind>> {
    let mut out: Vec<EventKind> = Vec::new();
    for e in events {
        if *e == EventKind::Test {
            return Err(Error::invalid(
                field,
                "`test` is sent on request, not subscribed to",
            ));
        }
        if !out.contains(e) {
            out.push(*e);
        }
    }
    if out.is_empty() {
        return Err(Error::invalid(field, "must name at least one event"));
    }
    out.sort();
    Ok(out)
}

pub(crate) fn events_text(events: &[EventKind]) -> String {
    serde_json::to_string(events).unwrap_or_else(|_| "[]".into())
}

fn events_of(raw: &str) -> Vec<EventKind> {
    serde_json::from_str(raw).unwrap_or_default()
}

pub(crate) fn from_tenant_row(row: endpoint::Model) -> Result<Routable> {
    Ok(Routable {
        endpoint: Endpoint {
            id: EndpointId::from_uuid(row.id),
            owner: Owner::Tenant(TenantId::from_uuid(row.tenant_id)),
            kind: EndpointKind::from_stored(&row.kind)?,
            events: events_of(&row.events),
            min_severity: Severity::from_rank(row.min_severity),
            has_secret: row.secret.is_some(),
            name: row.name,
            target: row.target,
            enabled: row.enabled,
            failures: row.failures,
            circuit_until: row.circuit_until,
            disabled_reason: row.disabled_reason,
            created_at: row.created_at,
            updated_at: row.updated_at,
        },
        secret: row.secret.map(Secret::new),
    })
}

pub(crate) fn from_provider_row(row: provider_endpoint::Model) -> Result<Routable> {
    Ok(Routable {
        endpoint: Endpoint {
            id: EndpointId::from_uuid(row.id),
            owner: Owner::Provider,
            kind: EndpointKind::from_stored(&row.kind)?,
            events: events_of(&row.events),
            min_severity: Severity::from_rank(row.min_severity),
            has_secret: row.secret.is_some(),
            name: row.name,
            target: row.target,
            enabled: row.enabled && row.deleted_at.is_none(),
            failures: row.failures,
            circuit_until: row.circuit_until,
            disabled_reason: row.disabled_reason,
            created_at: row.created_at,
            updated_at: row.updated_at,
        },
        secret: row.secret.map(Secret::new),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_parsed_by_kind() {
        let ok = parse_target(
            "input.target",
            EndpointKind::Webhook,
            " https://hooks.example.com/a?b=1 ",
        )
        .expect("url");
        assert_eq!(ok, "https://hooks.example.com/a?b=1");
        for bad in [
            "ftp://example.com/x",
            "https://user:pw@example.com/",
            "https://user@example.com/",
            "not a url",
            "file:///etc/passwd",
            "https://example.com/#frag",
        ] {
            let err = parse_target("input.target", EndpointKind::Slack, bad).expect_err(bad);
            assert!(err.to_string().starts_with("input.target:"), "{err}");
        }
        assert_eq!(
            parse_target("input.target", EndpointKind::Email, "SOC@Example.com").expect("email"),
            "soc@example.com"
        );
        assert!(parse_target("input.target", EndpointKind::Email, "https://x.y/").is_err());
    }

    #[test]
    fn events_need_one_and_never_test() {
        assert!(parse_events("input.events", &[]).is_err());
        assert!(parse_events("input.events", &[EventKind::Test]).is_err());
        assert_eq!(
            parse_events(
                "input.events",
                &[
                    EventKind::SlaBreached,
                    EventKind::AlertRaised,
                    EventKind::SlaBreached
                ]
            )
            .expect("events"),
            vec![EventKind::AlertRaised, EventKind::SlaBreached]
        );
    }
}
