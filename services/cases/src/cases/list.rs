//! The case list: one query over every tenant in the caller's scope, newest or
//! most severe first, with a keyset cursor (as the alert queue).

use super::{Case, CaseStatus, to_case};
use crate::entity::case;
use crate::keyset;
pub use crate::keyset::ListOrder as CaseOrder;
use garrison_core::db::ScopedTx;
use garrison_core::page::{Page, PageRequest, parse_first};
use garrison_core::role::{Action, Resource};
use garrison_core::{Result, Severity, TenantId, UserId};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Condition;

/// What the case list shows. Empty lists mean "any".
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub tenant_ids: Vec<TenantId>,
    pub status: Vec<CaseStatus>,
    pub severity: Vec<Severity>,
    pub assignee_id: Option<UserId>,
    /// Open (not resolved or closed) cases only.
    pub open_only: bool,
    /// Text in the title.
    pub search: Option<String>,
}

/// The cursor of a case in a list of the given order.
pub fn case_cursor(case: &Case, order: CaseOrder) -> String {
    keyset::encode(order, case.severity, case.id.as_uuid())
}

/// A page of cases across the scope's tenants, in `order`.
pub async fn list_cases(
    tx: &ScopedTx<'_>,
    filter: &CaseFilter,
    order: CaseOrder,
    first: Option<i32>,
    after: Option<&str>,
) -> Result<Page<Case>> {
    if !tx.scope().can(Resource::Case, Action::Read) {
        return Ok(Page {
            items: Vec::new(),
            total_count: 0,
            has_next_page: false,
            has_previous_page: false,
        });
    }
    let first = parse_first(first)?;
    let cursor = after.map(|a| keyset::decode(a, order)).transpose()?;
    let mut c = Condition::all();
    if !filter.tenant_ids.is_empty() {
        c = c.add(case::Column::TenantId.is_in(filter.tenant_ids.iter().map(TenantId::as_uuid)));
    }
    if !filter.status.is_empty() {
        c = c.add(case::Column::Status.is_in(filter.status.iter().map(|s| s.as_str())));
    }
    if filter.open_only {
        c = c.add(
            case::Column::Status
                .is_not_in([CaseStatus::Resolved.as_str(), CaseStatus::Closed.as_str()]),
        );
    }
    if !filter.severity.is_empty() {
        c = c.add(case::Column::Severity.is_in(filter.severity.iter().map(|s| s.rank())));
    }
    if let Some(user) = filter.assignee_id {
        c = c.add(case::Column::AssigneeId.eq(user.as_uuid()));
    }
    if let Some(text) = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        c = c.add(case::Column::Title.like(format!("%{}%", text.replace(['%', '_'], ""))));
    }
    let total = tx
        .select::<case::Entity>()
        .filter(c.clone())
        .count(tx)
        .await?;
    let mut query = tx.select::<case::Entity>().filter(c);
    if let Some(cur) = &cursor {
        query = query.filter(keyset::after(cur, case::Column::Severity, case::Column::Id));
    }
    query = match order {
        CaseOrder::Newest => query.order_by_desc(case::Column::Id),
        CaseOrder::Severity => query
            .order_by_desc(case::Column::Severity)
            .order_by_desc(case::Column::Id),
    };
    let rows = query.limit(first + 1).all(tx).await?;
    let items = rows.into_iter().map(to_case).collect::<Result<Vec<_>>>()?;
    let request = PageRequest {
        first,
        after: cursor.map(|c| c.id),
    };
    Ok(Page::from_fetched(items, request, total))
}
