//! A case's timeline: automatic entries written by every change (status, comments,
//! alerts linked, actions proposed and decided, merges) and events an analyst
//! enters with their own time ("the attacker logged in at 02:14"). Customers see
//! the shared entries only.

use super::lookup::get_case;
use super::{CaseId, Visibility, required_text, sees_internal};
use crate::entity::case_timeline;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Result, TenantId, UserId};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;

garrison_core::typed_id!(
    /// One timeline entry.
    TimelineEntryId
);

/// One entry.
#[derive(Debug, Clone)]
pub struct TimelineEntry {
    pub id: TimelineEntryId,
    pub case_id: CaseId,
    pub at: DateTime<Utc>,
    /// `status_changed`, `comment_added`, `alert_linked`, `action_proposed`,
    /// `action_decided`, `merged`, `assigned`, `task_added`, `observable_added`,
    /// `created`, or `analyst_event` for entries people write.
    pub kind: String,
    pub actor_id: Option<UserId>,
    pub summary: String,
    pub visibility: Visibility,
}

/// Writes an automatic entry.
pub(crate) async fn record(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    case: CaseId,
    kind: &str,
    summary: String,
    visibility: Visibility,
    at: DateTime<Utc>,
) -> Result<()> {
    tx.insert(
        tenant,
        case_timeline::ActiveModel {
            id: Set(TimelineEntryId::new().as_uuid()),
            tenant_id: Set(tenant.as_uuid()),
            case_id: Set(case.as_uuid()),
            at: Set(at),
            kind: Set(kind.to_string()),
            actor_id: Set(tx.scope().user_id().map(|u| u.as_uuid())),
            summary: Set(summary),
            visibility: Set(visibility.as_str().to_string()),
            created_at: Set(at),
        },
    )
    .await?;
    Ok(())
}

/// An analyst records something that happened at `at` (possibly long before).
pub async fn add_timeline_event(
    tx: &ScopedTx<'_>,
    case: CaseId,
    at: DateTime<Utc>,
    summary: &str,
    visibility: Visibility,
    now: DateTime<Utc>,
) -> Result<TimelineEntry> {
    let found = get_case(tx, case).await?;
    tx.scope()
        .require_in(found.tenant_id, Resource::Case, Action::Update)?;
    let summary = required_text("summary", summary, 4000)?;
    if at > now + chrono::Duration::minutes(5) {
        return Err(garrison_core::Error::invalid("at", "is in the future"));
    }
    let id = TimelineEntryId::new();
    tx.insert(
        found.tenant_id,
        case_timeline::ActiveModel {
            id: Set(id.as_uuid()),
            tenant_id: Set(found.tenant_id.as_uuid()),
            case_id: Set(case.as_uuid()),
            at: Set(at),
            kind: Set("analyst_event".into()),
            actor_id: Set(tx.scope().user_id().map(|u| u.as_uuid())),
            summary: Set(summary.clone()),
            visibility: Set(visibility.as_str().into()),
            created_at: Set(now),
        },
    )
    .await?;
    Ok(TimelineEntry {
        id,
        case_id: case,
        at,
        kind: "analyst_event".into(),
        actor_id: tx.scope().user_id(),
        summary,
        visibility,
    })
}

/// The case's timeline in time order, as the caller may see it.
pub async fn list_timeline(tx: &ScopedTx<'_>, case: CaseId) -> Result<Vec<TimelineEntry>> {
    let found = get_case(tx, case).await?;
    let mut query = tx
        .select::<case_timeline::Entity>()
        .filter(case_timeline::Column::TenantId.eq(found.tenant_id.as_uuid()))
        .filter(case_timeline::Column::CaseId.eq(case.as_uuid()));
    if !sees_internal(tx.scope()) {
        query = query.filter(case_timeline::Column::Visibility.eq(Visibility::Shared.as_str()));
    }
    Ok(query
        .order_by_asc(case_timeline::Column::At)
        .order_by_asc(case_timeline::Column::Id)
        .all(tx)
        .await?
        .into_iter()
        .map(|r| TimelineEntry {
            id: TimelineEntryId::from_uuid(r.id),
            case_id: CaseId::from_uuid(r.case_id),
            at: r.at,
            kind: r.kind,
            actor_id: r.actor_id.map(UserId::from_uuid),
            summary: r.summary,
            visibility: Visibility::from_stored(&r.visibility).unwrap_or(Visibility::Internal),
        })
        .collect())
}

/// Moves a merged case's entries to the target.
pub(crate) async fn move_entries(tx: &ScopedTx<'_>, from: CaseId, to: CaseId) -> Result<()> {
    use sea_orm::sea_query::Expr;
    tx.update_where::<case_timeline::Entity>(
        case_timeline::Column::CaseId.eq(from.as_uuid()),
        vec![(case_timeline::Column::CaseId, Expr::value(to.as_uuid()))],
    )
    .await?;
    Ok(())
}
