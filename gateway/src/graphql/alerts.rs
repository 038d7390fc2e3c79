//! The alert queue API: one list over every tenant in the caller's scope, triage
//! actions, false-positive rates per rule, and the live `alertEvents` feed.

use super::alert_types::*;
use super::errors::GqlResult;
use super::{scope, state};
use crate::state::AppState;
use async_graphql::futures_util::Stream;
use async_graphql::futures_util::stream;
use async_graphql::{Context, ID, Object, Subscription};
use chrono::{DateTime, Utc};
use garrison_cases::alerts::queue::{self, AlertFilter as CoreFilter, get_alert};
use garrison_cases::alerts::triage;
use garrison_cases::notify::{AlertChange, ChangeKind};
use garrison_cases::{Alert as CoreAlert, AlertId};
use garrison_core::{Result as CoreResult, Scope, TenantId, UserId, users};
use tokio::sync::broadcast::error::RecvError;

/// Alert reads.
#[derive(Default)]
pub struct AlertQuery;

#[Object]
impl AlertQuery {
    /// The queue: alerts of every tenant in the caller's scope, newest (or most
    /// severe) first.
    async fn alerts(
        &self,
        ctx: &Context<'_>,
        filter: Option<AlertFilter>,
        first: Option<i32>,
        after: Option<String>,
        order_by: Option<AlertOrder>,
    ) -> async_graphql::Result<AlertConnection> {
        let filter = core_filter(filter.unwrap_or_default()).gql()?;
        let order = order_by.unwrap_or_default().into();
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let page = queue::list_alerts(&tx, &filter, order, first, after.as_deref())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(AlertConnection::from_page(page, order))
    }

    /// One alert.
    async fn alert(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Alert> {
        let id = AlertId::parse("id", &id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let alert = get_alert(&tx, id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(Alert(alert))
    }

    /// Per rule per tenant: alerts raised since `from`, closed, false positives
    /// and their rate, noisiest first (what tuning reads).
    async fn rule_triage_stats(
        &self,
        ctx: &Context<'_>,
        tenant_ids: Option<Vec<ID>>,
        from: Option<DateTime<Utc>>,
    ) -> async_graphql::Result<Vec<RuleTriageStats>> {
        let tenants = parse_tenants(tenant_ids.unwrap_or_default(), "tenantIds").gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let stats = queue::rule_triage_stats(&tx, &tenants, from).await.gql()?;
        tx.commit().await.gql()?;
        Ok(stats
            .into_iter()
            .map(|s| RuleTriageStats {
                tenant_id: ID(s.tenant_id.to_string()),
                rule_id: s.rule_id,
                rule_title: s.rule_title,
                alerts: s.alerts as i64,
                closed: s.closed as i64,
                false_positives: s.false_positives as i64,
                false_positive_rate: s.false_positive_rate,
            })
            .collect())
    }
}

/// Triage actions.
#[derive(Default)]
pub struct AlertMutation;

#[Object]
impl AlertMutation {
    /// Takes an alert (and ownership of it when nobody has it).
    async fn acknowledge_alert(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Alert> {
        let id = AlertId::parse("id", &id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let (alert, change) = triage::acknowledge_alert(&tx, id, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        state.alert_feed.publish([change]);
        Ok(Alert(alert))
    }

    /// Assigns an alert to a staff member who can work its tenant, or unassigns it.
    async fn assign_alert(
        &self,
        ctx: &Context<'_>,
        id: ID,
        user_id: Option<ID>,
    ) -> async_graphql::Result<Alert> {
        let id = AlertId::parse("id", &id).gql()?;
        let user = user_id
            .map(|u| UserId::parse("userId", &u))
            .transpose()
            .gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let (alert, change) = triage::assign_alert(&tx, id, user, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        state.alert_feed.publish([change]);
        Ok(Alert(alert))
    }

    /// Acknowledges several alerts in one transaction (all or none).
    async fn acknowledge_alerts(
        &self,
        ctx: &Context<'_>,
        ids: Vec<ID>,
    ) -> async_graphql::Result<Vec<Alert>> {
        let ids = parse_alert_ids(&ids).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let mut out = Vec::with_capacity(ids.len());
        let mut changes = Vec::with_capacity(ids.len());
        for id in ids {
            let (alert, change) = triage::acknowledge_alert(&tx, id, state.clock.now())
                .await
                .gql()?;
            out.push(Alert(alert));
            changes.push(change);
        }
        tx.commit().await.gql()?;
        state.alert_feed.publish(changes);
        Ok(out)
    }

    /// Assigns several alerts to one staff member, or unassigns them (all or none).
    async fn assign_alerts(
        &self,
        ctx: &Context<'_>,
        ids: Vec<ID>,
        user_id: Option<ID>,
    ) -> async_graphql::Result<Vec<Alert>> {
        let ids = parse_alert_ids(&ids).gql()?;
        let user = user_id
            .map(|u| UserId::parse("userId", &u))
            .transpose()
            .gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let mut out = Vec::with_capacity(ids.len());
        let mut changes = Vec::with_capacity(ids.len());
        for id in ids {
            let (alert, change) = triage::assign_alert(&tx, id, user, state.clock.now())
                .await
                .gql()?;
            out.push(Alert(alert));
            changes.push(change);
        }
        tx.commit().await.gql()?;
        state.alert_feed.publish(changes);
        Ok(out)
    }

    /// Closes alerts with a disposition (all or none).
    async fn close_alerts(
        &self,
        ctx: &Context<'_>,
        ids: Vec<ID>,
        disposition: Disposition,
        comment: Option<String>,
    ) -> async_graphql::Result<Vec<Alert>> {
        let ids = parse_alert_ids(&ids).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let (alerts, changes) = triage::close_alerts(
            &tx,
            &ids,
            disposition.into(),
            comment.as_deref(),
            state.clock.now(),
        )
        .await
        .gql()?;
        tx.commit().await.gql()?;
        state.alert_feed.publish(changes);
        Ok(alerts.into_iter().map(Alert).collect())
    }
}

/// Live feeds.
#[derive(Default)]
pub struct Subscription;

#[Subscription]
impl Subscription {
    /// New and changed alerts in the caller's scope (and filter), as they happen.
    async fn alert_events(
        &self,
        ctx: &Context<'_>,
        filter: Option<AlertFilter>,
    ) -> async_graphql::Result<impl Stream<Item = AlertEvent>> {
        let filter = core_filter(filter.unwrap_or_default()).gql()?;
        let state = state(ctx)?.clone();
        let scope = scope(ctx)?.clone();
        let receiver = state.alert_feed.subscribe();
        Ok(stream::unfold(
            (receiver, state, scope, filter),
            |(mut receiver, state, scope, filter)| async move {
                loop {
                    let change = match receiver.recv().await {
                        Ok(change) => change,
                        Err(RecvError::Lagged(_)) => continue,
                        Err(RecvError::Closed) => return None,
                    };
                    match visible_change(&state, &scope, &filter, change).await {
                        Visible::Yes(event) => {
                            return Some((*event, (receiver, state, scope, filter)));
                        }
                        Visible::No => continue,
                        // The user was disabled: the feed ends.
                        Visible::End => return None,
                    }
                }
            },
        ))
    }
}

enum Visible {
    Yes(Box<AlertEvent>),
    No,
    End,
}

/// Re-reads a changed alert through the subscriber's current scope (recomputed
/// from the database, so a disabled user or a removed assignment takes effect on
/// the next change) and applies the filter. A raised alert is pushed only when it
/// matches; a changed one is pushed either way, saying whether it still matches,
/// so a queue can drop an alert that left its view (closed by a colleague).
async fn visible_change(
    state: &AppState,
    scope: &Scope,
    filter: &CoreFilter,
    change: AlertChange,
) -> Visible {
    let scope = match scope.user_id() {
        Some(user) => match users::load_active_user(&state.db, user).await {
            Ok(Some(u)) => users::scope_of(&u),
            Ok(None) => return Visible::End,
            Err(_) => return Visible::No,
        },
        None => scope.clone(),
    };
    if !scope.reaches(change.tenant_id) {
        return Visible::No;
    }
    let Ok(tx) = state.db.begin(&scope).await else {
        return Visible::No;
    };
    let alert = get_alert(&tx, change.alert_id).await;
    let _ = tx.commit().await;
    let Ok(alert) = alert else {
        return Visible::No;
    };
    let matches = passes(&alert, filter);
    let kind = match change.kind {
        ChangeKind::Raised if !matches => return Visible::No,
        ChangeKind::Raised => AlertEventKind::Raised,
        ChangeKind::Updated => AlertEventKind::Updated,
    };
    Visible::Yes(Box::new(AlertEvent {
        kind,
        matches_filter: matches,
        alert: Alert(alert),
    }))
}

/// The queue filter applied to one alert (the subscription's counterpart of SQL).
fn passes(alert: &CoreAlert, f: &CoreFilter) -> bool {
    (f.tenant_ids.is_empty() || f.tenant_ids.contains(&alert.tenant_id))
        && (f.status.is_empty() || f.status.contains(&alert.status))
        && (f.severity.is_empty() || f.severity.contains(&alert.severity))
        && f.rule_id.as_deref().is_none_or(|r| r == alert.rule_id)
        && f.assignee_id.is_none_or(|a| a == alert.assignee_id)
        && f.from.is_none_or(|t| alert.created_at >= t)
        && f.to.is_none_or(|t| alert.created_at < t)
}

/// Parses `ids`, naming the bad one; at most `triage::MAX_BULK`.
fn parse_alert_ids(ids: &[ID]) -> CoreResult<Vec<AlertId>> {
    if ids.is_empty() {
        return Err(garrison_core::Error::invalid(
            "ids",
            "name at least one alert",
        ));
    }
    if ids.len() > triage::MAX_BULK {
        return Err(garrison_core::Error::invalid(
            "ids",
            format!("at most {} alerts at once", triage::MAX_BULK),
        ));
    }
    ids.iter()
        .enumerate()
        .map(|(i, id)| AlertId::parse(&format!("ids[{i}]"), id))
        .collect()
}

fn parse_tenants(ids: Vec<ID>, field: &str) -> CoreResult<Vec<TenantId>> {
    ids.iter()
        .enumerate()
        .map(|(i, id)| TenantId::parse(&format!("{field}[{i}]"), id))
        .collect()
}

fn core_filter(f: AlertFilter) -> CoreResult<CoreFilter> {
    let assignee = match (f.assignee_id, f.unassigned) {
        (Some(_), Some(true)) => {
            return Err(garrison_core::Error::invalid(
                "filter.unassigned",
                "cannot be combined with filter.assigneeId",
            ));
        }
        (Some(id), _) => Some(Some(UserId::parse("filter.assigneeId", &id)?)),
        (None, Some(true)) => Some(None),
        (None, _) => None,
    };
    Ok(CoreFilter {
        tenant_ids: parse_tenants(f.tenant_ids.unwrap_or_default(), "filter.tenantIds")?,
        status: f
            .status
            .unwrap_or_default()
            .into_iter()
            .map(Into::into)
            .collect(),
        severity: f
            .severity
            .unwrap_or_default()
            .into_iter()
            .map(Into::into)
            .collect(),
        rule_id: f.rule_id.filter(|r| !r.trim().is_empty()),
        assignee_id: assignee,
        from: f.from,
        to: f.to,
        case_id: None,
    })
}
