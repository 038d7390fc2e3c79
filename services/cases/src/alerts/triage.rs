//! Triage: acknowledge, assign, close with a disposition. Each writes an audit
//! record in the alert's tenant and returns the changes to announce after commit.
//! Writes act in exactly the alert's tenant, checked against the caller's scope.

use super::queue::get_alert;
use super::{Alert, AlertId, AlertStatus, Disposition};
use crate::entity::alert;
use crate::notify::{AlertChange, ChangeKind};
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::users::{get_user, scope_of};
use garrison_core::{Error, Result, UserId, audit};
use garrison_sla::Target;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, SimpleExpr};
use serde_json::json;

/// Most alerts one `closeAlerts` may touch.
pub const MAX_BULK: usize = 500;

/// Acknowledges an alert (idempotent for an acknowledged one; a closed alert stays
/// closed and says so).
pub async fn acknowledge_alert(
    tx: &ScopedTx<'_>,
    id: AlertId,
    now: DateTime<Utc>,
) -> Result<(Alert, AlertChange)> {
    let alert = writable(tx, id).await?;
    match alert.status {
        AlertStatus::Closed => Err(Error::invalid("id", "the alert is closed")),
        AlertStatus::Acknowledged => {
            let tenant = alert.tenant_id;
            Ok((alert, change(id, &tenant)))
        }
        AlertStatus::New => {
            let mut set = vec![
                status_set(AlertStatus::Acknowledged),
                (alert::Column::AcknowledgedAt, Expr::value(now)),
                (alert::Column::UpdatedAt, Expr::value(now)),
            ];
            // Acknowledging takes ownership when nobody has it yet.
            if alert.assignee_id.is_none()
                && let Some(user) = tx.scope().user_id()
            {
                set.push((alert::Column::AssigneeId, Expr::value(user.as_uuid())));
            }
            update(tx, id, set).await?;
            garrison_sla::clocks::complete_target(
                tx,
                super::sla_subject(alert.tenant_id, id),
                Target::Acknowledge,
                now,
            )
            .await?;
            audit::record(
                tx,
                alert.tenant_id,
                "alert.acknowledge",
                &id.to_string(),
                json!({"rule": alert.rule_id}),
            )
            .await?;
            let alert = get_alert(tx, id).await?;
            let tenant = alert.tenant_id;
            Ok((alert, change(id, &tenant)))
        }
    }
}

/// Assigns an alert to a staff member who reaches its tenant and may work
/// alerts, or unassigns it (`None`).
pub async fn assign_alert(
    tx: &ScopedTx<'_>,
    id: AlertId,
    user: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<(Alert, AlertChange)> {
    let alert = writable(tx, id).await?;
    if let Some(user_id) = user {
        let assignee = get_user(tx, user_id)
            .await
            .map_err(|_| Error::invalid("userId", "no such user"))?;
        let their_scope = scope_of(&assignee);
        if assignee.disabled
            || !their_scope.reaches(alert.tenant_id)
            || !their_scope.can(Resource::Alert, Action::Update)
        {
            return Err(Error::invalid(
                "userId",
                "the user cannot work alerts of this tenant",
            ));
        }
    }
    update(
        tx,
        id,
        vec![
            (
                alert::Column::AssigneeId,
                Expr::value(user.map(|u| u.as_uuid())),
            ),
            (alert::Column::UpdatedAt, Expr::value(now)),
        ],
    )
    .await?;
    audit::record(
        tx,
        alert.tenant_id,
        "alert.assign",
        &id.to_string(),
        json!({"assignee": user.map(|u| u.to_string())}),
    )
    .await?;
    let tenant = alert.tenant_id;
    Ok((get_alert(tx, id).await?, change(id, &tenant)))
}

/// Closes alerts with a disposition (all or none: one unreachable id fails the
/// whole call with `not_found`).
pub async fn close_alerts(
    tx: &ScopedTx<'_>,
    ids: &[AlertId],
    disposition: Disposition,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(Vec<Alert>, Vec<AlertChange>)> {
    if ids.is_empty() {
        return Err(Error::invalid("ids", "name at least one alert"));
    }
    if ids.len() > MAX_BULK {
        return Err(Error::invalid(
            "ids",
            format!("at most {MAX_BULK} alerts at once"),
        ));
    }
    let comment = comment.map(str::trim).filter(|c| !c.is_empty());
    if comment.is_some_and(|c| c.len() > 10_000) {
        return Err(Error::invalid("comment", "is longer than 10000 bytes"));
    }
    let mut alerts = Vec::with_capacity(ids.len());
    for &id in ids {
        alerts.push(writable(tx, id).await?);
    }
    let mut changes = Vec::new();
    for alert in &alerts {
        if alert.status == AlertStatus::Closed {
            continue;
        }
        let mut set = vec![
            status_set(AlertStatus::Closed),
            (
                alert::Column::Disposition,
                Expr::value(disposition.as_str()),
            ),
            (
                alert::Column::CloseComment,
                Expr::value(comment.map(str::to_string)),
            ),
            (alert::Column::ClosedAt, Expr::value(now)),
            (alert::Column::UpdatedAt, Expr::value(now)),
        ];
        if alert.acknowledged_at.is_none() {
            set.push((alert::Column::AcknowledgedAt, Expr::value(now)));
        }
        update(tx, alert.id, set).await?;
        let subject = super::sla_subject(alert.tenant_id, alert.id);
        // Closing an alert nobody acknowledged acknowledges it now, then resolves it.
        garrison_sla::clocks::complete_target(tx, subject, Target::Acknowledge, now).await?;
        garrison_sla::clocks::complete_target(tx, subject, Target::Resolve, now).await?;
        audit::record(
            tx,
            alert.tenant_id,
            "alert.close",
            &alert.id.to_string(),
            json!({"disposition": disposition.as_str(), "comment": comment}),
        )
        .await?;
        changes.push(change(alert.id, &alert.tenant_id));
    }
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        out.push(get_alert(tx, id).await?);
    }
    Ok((out, changes))
}

/// Links alerts to a case of their tenant (escalation). The caller checked that
/// every alert is in the case's tenant.
pub(crate) async fn link_to_case(
    tx: &ScopedTx<'_>,
    ids: &[AlertId],
    case_id: uuid::Uuid,
    now: DateTime<Utc>,
) -> Result<()> {
    let raw: Vec<uuid::Uuid> = ids.iter().map(AlertId::as_uuid).collect();
    tx.update_where::<alert::Entity>(
        alert::Column::Id.is_in(raw),
        vec![
            (alert::Column::CaseId, Expr::value(case_id)),
            (alert::Column::UpdatedAt, Expr::value(now)),
        ],
    )
    .await?;
    Ok(())
}

/// The alert, if the caller reaches it and may update alerts there.
pub(crate) async fn writable(tx: &ScopedTx<'_>, id: AlertId) -> Result<Alert> {
    let alert = get_alert(tx, id).await?;
    tx.scope()
        .require_in(alert.tenant_id, Resource::Alert, Action::Update)?;
    Ok(alert)
}

fn status_set(status: AlertStatus) -> (alert::Column, SimpleExpr) {
    (alert::Column::Status, Expr::value(status.as_str()))
}

async fn update(
    tx: &ScopedTx<'_>,
    id: AlertId,
    set: Vec<(alert::Column, SimpleExpr)>,
) -> Result<()> {
    tx.update_where::<alert::Entity>(alert::Column::Id.eq(id.as_uuid()), set)
        .await?;
    Ok(())
}

fn change(id: AlertId, tenant: &garrison_core::TenantId) -> AlertChange {
    AlertChange {
        tenant_id: *tenant,
        alert_id: id,
        kind: ChangeKind::Updated,
    }
}
