//! Creating, reading and changing cases: staff open cases, customers report
//! incidents, the status machine moves them (and their SLA clocks), and the
//! queue lists them across every tenant in the caller's scope.

pub use super::list::{CaseFilter, CaseOrder, case_cursor, list_cases};
pub use super::lookup::get_case;
use super::lookup::writable;
use super::workflow::{CaseStatus, check_transition};
use super::{
    Case, CaseId, CaseSource, Pap, Tlp, Visibility, required_text, sla_subject, timeline, to_case,
};
use crate::entity::case;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::users::{get_user, scope_of};
use garrison_core::{Error, Result, Severity, TenantId, UserId, audit};
use garrison_sla::Target;
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, SimpleExpr};
use serde_json::json;

/// Largest description (markdown) accepted.
pub const MAX_DESCRIPTION: usize = 64 * 1024;

/// A case as opened by staff or reported by a customer.
#[derive(Debug, Clone)]
pub struct NewCase {
    pub tenant_id: TenantId,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub tags: Vec<String>,
    pub tlp: Option<Tlp>,
    pub pap: Option<Pap>,
}

/// Opens a case (provider staff who may create cases in the tenant).
pub async fn create_case(tx: &ScopedTx<'_>, input: NewCase, now: DateTime<Utc>) -> Result<Case> {
    tx.scope()
        .require_in(input.tenant_id, Resource::Case, Action::Create)?;
    if tx.scope().role().is_customer() {
        return Err(Error::Forbidden(
            "customers report incidents (reportIncident) rather than open cases".into(),
        ));
    }
    insert_case(tx, input, CaseSource::Analyst, now, None).await
}

/// A customer reports an incident in their own tenant (the one their scope reaches).
pub async fn report_incident(
    tx: &ScopedTx<'_>,
    title: &str,
    description: &str,
    severity: Severity,
    now: DateTime<Utc>,
) -> Result<Case> {
    if !tx.scope().role().is_customer() {
        return Err(Error::invalid(
            "input",
            "reportIncident is for customer users; staff open cases with createCase",
        ));
    }
    let tenant = match tx.tenants() {
        [one] => *one,
        _ => return Err(Error::NotFound),
    };
    tx.scope()
        .require_in(tenant, Resource::Case, Action::Create)?;
    let input = NewCase {
        tenant_id: tenant,
        title: title.to_string(),
        description: description.to_string(),
        severity,
        tags: vec!["customer-report".into()],
        tlp: Some(Tlp::Amber),
        pap: None,
    };
    insert_case(tx, input, CaseSource::Customer, now, None).await
}

/// Writes a new case with its first timeline entry, audit record and SLA clocks.
pub(crate) async fn insert_case(
    tx: &ScopedTx<'_>,
    input: NewCase,
    source: CaseSource,
    now: DateTime<Utc>,
    first_event_at: Option<DateTime<Utc>>,
) -> Result<Case> {
    let title = required_text("input.title", &input.title, 300)?;
    if input.description.len() > MAX_DESCRIPTION {
        return Err(Error::invalid(
            "input.description",
            format!("is longer than {MAX_DESCRIPTION} bytes"),
        ));
    }
    let tags = clean_tags(&input.tags)?;
    let tenant = input.tenant_id;
    let id = CaseId::new();
    let number = next_number(tx, tenant).await?;
    let row = case::ActiveModel {
        id: Set(id.as_uuid()),
        tenant_id: Set(tenant.as_uuid()),
        number: Set(number),
        title: Set(title.clone()),
        description: Set(input.description.trim().to_string()),
        severity: Set(input.severity.rank()),
        status: Set(CaseStatus::New.as_str().into()),
        assignee_id: Set(None),
        tags: Set(serde_json::to_string(&tags).unwrap_or_else(|_| "[]".into())),
        tlp: Set(input.tlp.unwrap_or(Tlp::Amber).as_str().into()),
        pap: Set(input.pap.unwrap_or(Pap::Amber).as_str().into()),
        source: Set(source.as_str().into()),
        waiting_reason: Set(None),
        merged_into: Set(None),
        created_by: Set(tx.scope().user_id().map(|u| u.as_uuid())),
        created_at: Set(now),
        updated_at: Set(now),
        resolved_at: Set(None),
        closed_at: Set(None),
    };
    let created = to_case(tx.insert(tenant, row).await?)?;
    let how = match source {
        CaseSource::Alert => "opened from alerts",
        CaseSource::Analyst => "opened by the provider",
        CaseSource::Customer => "reported by the customer",
    };
    timeline::record(
        tx,
        tenant,
        id,
        "created",
        format!("Case #{number} {how}: {title}"),
        Visibility::Shared,
        now,
    )
    .await?;
    audit::record(
        tx,
        tenant,
        "case.create",
        &format!("case:{id}"),
        json!({"number": number, "title": title, "source": source.as_str(), "severity": input.severity.as_str()}),
    )
    .await?;
    garrison_sla::clocks::start_clocks(
        tx,
        sla_subject(&created),
        input.severity,
        now,
        first_event_at,
    )
    .await?;
    let event = garrison_notify::NotificationEvent::case_created(
        id.as_uuid(),
        number,
        input.severity,
        &title,
        now,
    );
    garrison_notify::enqueue(tx, tenant, event, now).await?;
    Ok(created)
}

pub(super) fn clean_tags(tags: &[String]) -> Result<Vec<String>> {
    if tags.len() > 50 {
        return Err(Error::invalid("input.tags", "at most 50 tags"));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, t) in tags.iter().enumerate() {
        let t = t.trim().to_lowercase();
        if t.is_empty() || t.len() > 64 {
            return Err(Error::invalid(
                format!("input.tags[{i}]"),
                "must be 1 to 64 characters",
            ));
        }
        if !out.contains(&t) {
            out.push(t);
        }
    }
    Ok(out)
}

/// The tenant's next case number (the counter row is locked until commit, so two
/// cases of one tenant never share a number).
async fn next_number(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<i64> {
    use crate::entity::case_counter;
    let conflict = OnConflict::column(case_counter::Column::TenantId)
        .value(
            case_counter::Column::LastNumber,
            Expr::col((case_counter::Entity, case_counter::Column::LastNumber)).add(1),
        )
        .to_owned();
    tx.upsert(
        tenant,
        case_counter::ActiveModel {
            tenant_id: Set(tenant.as_uuid()),
            last_number: Set(1),
        },
        conflict,
    )
    .await?;
    let row = tx
        .select::<case_counter::Entity>()
        .filter(case_counter::Column::TenantId.eq(tenant.as_uuid()))
        .found(tx)
        .await?;
    Ok(row.last_number)
}

/// Moves a case through the status machine, with its SLA consequences.
pub async fn update_case_status(
    tx: &ScopedTx<'_>,
    id: CaseId,
    to: CaseStatus,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Case> {
    let case = writable(tx, id).await?;
    let effects = check_transition(case.status, to, reason)?;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if reason.is_some_and(|r| r.len() > 2000) {
        return Err(Error::invalid("reason", "is longer than 2000 bytes"));
    }
    let mut set: Vec<(case::Column, SimpleExpr)> = vec![
        (case::Column::Status, Expr::value(to.as_str())),
        (case::Column::UpdatedAt, Expr::value(now)),
        (
            case::Column::WaitingReason,
            Expr::value(if effects.pauses {
                reason.map(str::to_string)
            } else {
                None
            }),
        ),
    ];
    if effects.resolves {
        set.push((case::Column::ResolvedAt, Expr::value(now)));
    }
    if effects.closes {
        set.push((case::Column::ClosedAt, Expr::value(now)));
    }
    if effects.reopens {
        set.push((
            case::Column::ResolvedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        ));
        set.push((
            case::Column::ClosedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        ));
    }
    tx.update_where::<case::Entity>(case::Column::Id.eq(id.as_uuid()), set)
        .await?;
    let subject = sla_subject(&case);
    if effects.resumes {
        garrison_sla::clocks::resume_clocks(tx, subject, now).await?;
    }
    if effects.acknowledges {
        garrison_sla::clocks::complete_target(tx, subject, Target::Acknowledge, now).await?;
    }
    if effects.pauses {
        garrison_sla::clocks::pause_clocks(tx, subject, now).await?;
    }
    if effects.resolves {
        garrison_sla::clocks::complete_target(tx, subject, Target::Resolve, now).await?;
    }
    if effects.reopens {
        garrison_sla::clocks::restart_clocks(tx, subject, case.severity, now).await?;
    }
    let summary = match reason {
        Some(r) => format!("Status {} → {}: {r}", case.status.label(), to.label()),
        None => format!("Status {} → {}", case.status.label(), to.label()),
    };
    timeline::record(
        tx,
        case.tenant_id,
        id,
        "status_changed",
        summary,
        Visibility::Shared,
        now,
    )
    .await?;
    audit::record(
        tx,
        case.tenant_id,
        "case.status",
        &format!("case:{id}"),
        json!({"from": case.status.as_str(), "to": to.as_str(), "reason": reason}),
    )
    .await?;
    let what = format!("Status {} → {}", case.status.label(), to.label());
    let event = garrison_notify::NotificationEvent::case_updated(
        id.as_uuid(),
        case.number,
        case.severity,
        &what,
        now,
    );
    garrison_notify::enqueue(tx, case.tenant_id, event, now).await?;
    get_case(tx, id).await
}

/// Assigns a case to a staff member who can work its tenant, or unassigns it.
pub async fn assign_case(
    tx: &ScopedTx<'_>,
    id: CaseId,
    user: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<Case> {
    let case = writable(tx, id).await?;
    let mut name = "nobody".to_string();
    if let Some(user_id) = user {
        let assignee = get_user(tx, user_id)
            .await
            .map_err(|_| Error::invalid("userId", "no such user"))?;
        let theirs = scope_of(&assignee);
        if assignee.disabled
            || assignee.role.is_customer()
            || !theirs.reaches(case.tenant_id)
            || !theirs.can(Resource::Case, Action::Update)
        {
            return Err(Error::invalid(
                "userId",
                "the user cannot work cases of this tenant",
            ));
        }
        name = assignee.display_name;
    }
    tx.update_where::<case::Entity>(
        case::Column::Id.eq(id.as_uuid()),
        vec![
            (
                case::Column::AssigneeId,
                Expr::value(user.map(|u| u.as_uuid())),
            ),
            (case::Column::UpdatedAt, Expr::value(now)),
        ],
    )
    .await?;
    timeline::record(
        tx,
        case.tenant_id,
        id,
        "assigned",
        format!("Assigned to {name}"),
        Visibility::Internal,
        now,
    )
    .await?;
    audit::record(
        tx,
        case.tenant_id,
        "case.assign",
        &format!("case:{id}"),
        json!({"assignee": user.map(|u| u.to_string())}),
    )
    .await?;
    // Who works it is internal (the timeline entry is too): customers' endpoints
    // hear only that it changed.
    let what = if user.is_some() {
        "Case assigned"
    } else {
        "Case unassigned"
    };
    let event = garrison_notify::NotificationEvent::case_updated(
        id.as_uuid(),
        case.number,
        case.severity,
        what,
        now,
    );
    garrison_notify::enqueue(tx, case.tenant_id, event, now).await?;
    get_case(tx, id).await
}
