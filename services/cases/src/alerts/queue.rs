//! The alert queue: one query over every tenant in the caller's scope (the
//! analyst's single pane across customers), newest or most severe first, with a
//! keyset cursor, and the false-positive rate per rule per tenant.

use super::{Alert, AlertId, AlertStatus, Disposition, to_alert};
use crate::entity::alert;
use crate::keyset;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::page::{Page, parse_first};
use garrison_core::role::{Action, Resource};
use garrison_core::{Result, Severity, TenantId, UserId};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Condition;
use std::collections::BTreeMap;

/// Queue order (shared with the case list).
pub use crate::keyset::ListOrder as AlertOrder;

/// What to show. Empty lists mean "any".
#[derive(Debug, Clone, Default)]
pub struct AlertFilter {
    pub tenant_ids: Vec<TenantId>,
    pub status: Vec<AlertStatus>,
    pub severity: Vec<Severity>,
    pub rule_id: Option<String>,
    /// `Some(None)`: unassigned only.
    pub assignee_id: Option<Option<UserId>>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub case_id: Option<uuid::Uuid>,
}

/// One page of the queue.
pub async fn list_alerts(
    tx: &ScopedTx<'_>,
    filter: &AlertFilter,
    order: AlertOrder,
    first: Option<i32>,
    after: Option<&str>,
) -> Result<Page<Alert>> {
    if !tx.scope().can(Resource::Alert, Action::Read) {
        // A role that may not read alerts sees an empty queue, like an empty scope.
        return Ok(Page {
            items: Vec::new(),
            total_count: 0,
            has_next_page: false,
            has_previous_page: false,
        });
    }
    let first = parse_first(first)?;
    let cursor = after.map(|c| keyset::decode(c, order)).transpose()?;
    let condition = filter_condition(filter);
    let total = tx
        .select::<alert::Entity>()
        .filter(condition.clone())
        .count(tx)
        .await?;
    let mut query = tx.select::<alert::Entity>().filter(condition);
    if let Some(c) = &cursor {
        query = query.filter(keyset::after(c, alert::Column::Severity, alert::Column::Id));
    }
    query = match order {
        AlertOrder::Newest => query.order_by_desc(alert::Column::Id),
        AlertOrder::Severity => query
            .order_by_desc(alert::Column::Severity)
            .order_by_desc(alert::Column::Id),
    };
    let rows = query.limit(first + 1).all(tx).await?;
    let items = rows.into_iter().map(to_alert).collect::<Result<Vec<_>>>()?;
    let request = garrison_core::page::PageRequest {
        first,
        after: cursor.as_ref().map(|c| c.id),
    };
    Ok(Page::from_fetched(items, request, total))
}

/// One alert in the scope, else `not_found`.
pub async fn get_alert(tx: &ScopedTx<'_>, id: AlertId) -> Result<Alert> {
    let row = tx
        .select::<alert::Entity>()
        .filter(alert::Column::Id.eq(id.as_uuid()))
        .found(tx)
        .await?;
    tx.scope().require_in(
        TenantId::from_uuid(row.tenant_id),
        Resource::Alert,
        Action::Read,
    )?;
    to_alert(row)
}

fn filter_condition(filter: &AlertFilter) -> Condition {
    let mut c = Condition::all();
    if !filter.tenant_ids.is_empty() {
        let ids: Vec<uuid::Uuid> = filter.tenant_ids.iter().map(TenantId::as_uuid).collect();
        c = c.add(alert::Column::TenantId.is_in(ids));
    }
    if !filter.status.is_empty() {
        c = c.add(alert::Column::Status.is_in(filter.status.iter().map(|s| s.as_str())));
    }
    if !filter.severity.is_empty() {
        c = c.add(alert::Column::Severity.is_in(filter.severity.iter().map(|s| s.rank())));
    }
    if let Some(rule) = &filter.rule_id {
        c = c.add(alert::Column::RuleId.eq(rule.as_str()));
    }
    match filter.assignee_id {
        Some(Some(user)) => c = c.add(alert::Column::AssigneeId.eq(user.as_uuid())),
        Some(None) => c = c.add(alert::Column::AssigneeId.is_null()),
        None => {}
    }
    if let Some(from) = filter.from {
        c = c.add(alert::Column::CreatedAt.gte(from));
    }
    if let Some(to) = filter.to {
        c = c.add(alert::Column::CreatedAt.lt(to));
    }
    if let Some(case) = filter.case_id {
        c = c.add(alert::Column::CaseId.eq(case));
    }
    c
}

/// The cursor of an alert in a queue of the given order.
pub fn cursor_of(alert: &Alert, order: AlertOrder) -> String {
    keyset::encode(order, alert.severity, alert.id.as_uuid())
}

/// Triage outcomes of one rule in one tenant.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleTriageStats {
    pub tenant_id: TenantId,
    pub rule_id: String,
    pub rule_title: String,
    pub alerts: u64,
    pub closed: u64,
    pub false_positives: u64,
    /// False positives over closed alerts (0 when none closed).
    pub false_positive_rate: f64,
}

/// Per rule per tenant: alerts raised since `from`, how many closed, how many as
/// false positives. Tuning reads this to find noisy rules.
pub async fn rule_triage_stats(
    tx: &ScopedTx<'_>,
    tenant_ids: &[TenantId],
    from: Option<DateTime<Utc>>,
) -> Result<Vec<RuleTriageStats>> {
    if !tx.scope().can(Resource::Alert, Action::Read) {
        return Ok(Vec::new());
    }
    let filter = AlertFilter {
        tenant_ids: tenant_ids.to_vec(),
        from,
        ..AlertFilter::default()
    };
    // Bounded by the window; an aggregate query would be the next step at scale.
    let rows = tx
        .select::<alert::Entity>()
        .filter(filter_condition(&filter))
        .limit(50_000)
        .all(tx)
        .await?;
    let mut by_rule: BTreeMap<(uuid::Uuid, String), RuleTriageStats> = BTreeMap::new();
    for row in rows {
        let entry = by_rule
            .entry((row.tenant_id, row.rule_id.clone()))
            .or_insert_with(|| RuleTriageStats {
                tenant_id: TenantId::from_uuid(row.tenant_id),
                rule_id: row.rule_id.clone(),
                rule_title: row.rule_title.clone(),
                alerts: 0,
                closed: 0,
                false_positives: 0,
                false_positive_rate: 0.0,
            });
        entry.alerts += 1;
        if row.status == AlertStatus::Closed.as_str() {
            entry.closed += 1;
        }
        if row.disposition.as_deref() == Some(Disposition::FalsePositive.as_str()) {
            entry.false_positives += 1;
        }
    }
    let mut out: Vec<RuleTriageStats> = by_rule
        .into_values()
        .map(|mut s| {
            if s.closed > 0 {
                s.false_positive_rate = s.false_positives as f64 / s.closed as f64;
            }
            s
        })
        .collect();
    out.sort_by(|a, b| {
        b.false_positive_rate
            .total_cmp(&a.false_positive_rate)
            .then(b.alerts.cmp(&a.alerts))
    });
    Ok(out)
}
