//! Cases: the incident record worked to closure with the customer. This module
//! holds the types; [`workflow`] the status machine, [`lookup`] finding a case in
//! the caller's scope, [`store`] creating and changing cases, [`list`] the list, [`escalate`] alerts into cases and merging, [`comments`],
//! [`tasks`], [`observables`], [`actions`] (response actions the customer
//! decides) and [`timeline`] the rest of a case's record.
//!
//! Who sees what: provider staff who reach the tenant see everything; account
//! managers read cases and shared comments; customer users see their own tenant's
//! cases with shared comments and shared timeline entries only — an internal
//! comment is `not_found` to them, never `forbidden`.

pub mod actions;
pub mod attachments;
pub mod comments;
pub mod edit;
pub mod escalate;
pub mod list;
pub mod lookup;
pub mod observables;
pub mod store;
pub mod tasks;
pub mod timeline;
pub mod workflow;

use crate::entity::case;
use chrono::{DateTime, Utc};
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, Scope, Severity, TenantId, UserId};

pub use workflow::CaseStatus;

garrison_core::typed_id!(
    /// One case.
    CaseId
);

/// Traffic Light Protocol: who the case's information may be shared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tlp {
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}

/// Permissible Actions Protocol: what may be done with the case's information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pap {
    Clear,
    Green,
    Amber,
    Red,
}

/// Names both protocols share, stored lowercase.
macro_rules! stored_enum {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $name),+ }
            }
            pub(crate) fn from_stored(raw: &str) -> Option<$ty> {
                $ty::ALL.iter().copied().find(|v| v.as_str() == raw)
            }
        }
    };
}

stored_enum!(Tlp { Clear => "clear", Green => "green", Amber => "amber", AmberStrict => "amber_strict", Red => "red" });
stored_enum!(Pap { Clear => "clear", Green => "green", Amber => "amber", Red => "red" });
stored_enum!(CaseSource { Alert => "alert", Analyst => "analyst", Customer => "customer" });
stored_enum!(Visibility { Internal => "internal", Shared => "shared" });

/// Where a case came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseSource {
    /// Escalated from alerts.
    Alert,
    /// Opened by the provider's analyst.
    Analyst,
    /// Reported by the customer.
    Customer,
}

/// Whether the customer sees a comment, timeline entry or attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Provider staff only.
    Internal,
    /// Shared with the customer.
    Shared,
}

/// A case.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: CaseId,
    pub tenant_id: TenantId,
    /// The tenant's case number (`#12`).
    pub number: i64,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub status: CaseStatus,
    pub assignee_id: Option<UserId>,
    pub tags: Vec<String>,
    pub tlp: Tlp,
    pub pap: Pap,
    pub source: CaseSource,
    /// Why it waits on the customer (while it does).
    pub waiting_reason: Option<String>,
    /// The case this one was merged into.
    pub merged_into: Option<CaseId>,
    pub created_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

pub(crate) fn to_case(row: case::Model) -> Result<Case> {
    let status = CaseStatus::from_stored(&row.status)
        .ok_or_else(|| Error::internal(format!("stored case status {}", row.status)))?;
    Ok(Case {
        id: CaseId::from_uuid(row.id),
        tenant_id: TenantId::from_uuid(row.tenant_id),
        number: row.number,
        severity: Severity::from_rank(row.severity),
        status,
        assignee_id: row.assignee_id.map(UserId::from_uuid),
        tags: serde_json::from_str(&row.tags).unwrap_or_default(),
        tlp: Tlp::from_stored(&row.tlp).unwrap_or(Tlp::Amber),
        pap: Pap::from_stored(&row.pap).unwrap_or(Pap::Amber),
        source: CaseSource::from_stored(&row.source).unwrap_or(CaseSource::Analyst),
        merged_into: row.merged_into.map(CaseId::from_uuid),
        created_by: row.created_by.map(UserId::from_uuid),
        title: row.title,
        description: row.description,
        waiting_reason: row.waiting_reason,
        created_at: row.created_at,
        updated_at: row.updated_at,
        resolved_at: row.resolved_at,
        closed_at: row.closed_at,
    })
}

/// Whether the scope sees internal comments and entries.
pub fn sees_internal(scope: &Scope) -> bool {
    scope.can(Resource::InternalComment, Action::Read)
}

/// The SLA subject of a case.
pub(crate) fn sla_subject(case: &Case) -> garrison_sla::Subject {
    garrison_sla::Subject {
        kind: garrison_sla::SubjectKind::Case,
        id: case.id.as_uuid(),
        tenant: case.tenant_id,
    }
}

/// Text input: trimmed, non-empty, at most `max` bytes; `field` names it on error.
pub(crate) fn required_text(field: &str, raw: &str, max: usize) -> Result<String> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if text.len() > max {
        return Err(Error::invalid(field, format!("is longer than {max} bytes")));
    }
    Ok(text.to_string())
}
