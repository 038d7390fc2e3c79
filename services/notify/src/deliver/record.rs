//! Recording a pass: each row's outcome, the delivery log, and the endpoint's
//! circuit (closed on success, opened with backoff on failure, disabled on 410).

use super::outcome::{Change, DeliveryStats, GroupResult, MAX_AGE_HOURS, Outcome};
use super::{Sent, Verdict};
use crate::endpoint::Owner;
use crate::entity::{delivery, endpoint, outbox, provider_endpoint};
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::{Result, TenantId};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, Condition};

/// Endpoint columns to set, and outbox columns to set on its pending rows.
type EndpointUpdate = (
    Vec<(&'static str, SimpleExpr)>,
    Option<Vec<(outbox::Column, SimpleExpr)>>,
);

/// Writes one endpoint's outcomes, its circuit and the log.
pub(super) async fn record(
    tx: &ScopedTx<'_>,
    claim: uuid::Uuid,
    result: GroupResult,
    now: DateTime<Utc>,
    stats: &mut DeliveryStats,
) -> Result<()> {
    for (row, outcome) in result.outcomes {
        let mut set: Vec<(outbox::Column, SimpleExpr)> = vec![
            (
                outbox::Column::Claim,
                Expr::value(Option::<uuid::Uuid>::None),
            ),
            (
                outbox::Column::ClaimedUntil,
                Expr::value(Option::<DateTime<Utc>>::None),
            ),
        ];
        let attempt = row.attempts + 1;
        let finish = |status: &str, set: &mut Vec<(outbox::Column, SimpleExpr)>| {
            set.push((outbox::Column::Status, Expr::value(status)));
            set.push((outbox::Column::FinishedAt, Expr::value(now)));
        };
        let logged: Option<(&str, i32, Option<Sent>)> = match outcome {
            Outcome::Delivered(sent) => {
                stats.sent += 1;
                stats.delivered += 1;
                finish("delivered", &mut set);
                set.push((outbox::Column::Attempts, Expr::value(attempt)));
                Some(("delivered", attempt, Some(sent)))
            }
            Outcome::Retry(at, sent) => {
                stats.sent += 1;
                stats.retrying += 1;
                set.push((outbox::Column::Attempts, Expr::value(attempt)));
                set.push((outbox::Column::NextAttemptAt, Expr::value(at)));
                set.push((outbox::Column::LastError, Expr::value(sent.error.clone())));
                Some(("failed", attempt, Some(sent)))
            }
            Outcome::Dead(sent) | Outcome::Gone(sent) => {
                stats.sent += 1;
                stats.dead += 1;
                let gone = sent.verdict == Verdict::Gone;
                finish("dead", &mut set);
                set.push((outbox::Column::Attempts, Expr::value(attempt)));
                set.push((outbox::Column::LastError, Expr::value(sent.error.clone())));
                Some((if gone { "gone" } else { "dead" }, attempt, Some(sent)))
            }
            Outcome::Deferred(until) => {
                stats.deferred += 1;
                set.push((outbox::Column::NextAttemptAt, Expr::value(until)));
                None
            }
            Outcome::Cancelled => {
                stats.cancelled += 1;
                finish("cancelled", &mut set);
                None
            }
            Outcome::Expired => {
                stats.dead += 1;
                finish("dead", &mut set);
                let why = format!("expired: not delivered within {MAX_AGE_HOURS} h");
                set.push((outbox::Column::LastError, Expr::value(why)));
                Some(("expired", row.attempts, None))
            }
        };
        tx.update_where::<outbox::Entity>(
            Condition::all()
                .add(outbox::Column::Id.eq(row.id))
                .add(outbox::Column::Claim.eq(claim)),
            set,
        )
        .await?;
        if let Some((outcome, attempt, sent)) = logged {
            let entry = delivery::ActiveModel {
                id: Set(uuid::Uuid::now_v7()),
                tenant_id: Set(row.tenant_id),
                endpoint_id: Set(row.endpoint_id),
                outbox_id: Set(row.id),
                event_kind: Set(row.event_kind.clone()),
                attempt: Set(attempt),
                attempted_at: Set(now),
                outcome: Set(outcome.into()),
                status_code: Set(sent.as_ref().and_then(|s| s.status)),
                error: Set(match &sent {
                    Some(s) => s.error.clone(),
                    None => Some(format!("expired: not delivered within {MAX_AGE_HOURS} h")),
                }),
                latency_ms: Set(sent.as_ref().map(|s| s.latency_ms).unwrap_or(0)),
            };
            tx.insert(TenantId::from_uuid(row.tenant_id), entry).await?;
        }
    }
    let Some((id, owner)) = result.endpoint else {
        return Ok(());
    };
    let (set, pending): EndpointUpdate = match result.change {
        Change::None => return Ok(()),
        Change::Healthy => (
            vec![
                ("failures", Expr::value(0)),
                ("circuit_until", Expr::value(Option::<DateTime<Utc>>::None)),
            ],
            None,
        ),
        Change::Failed { failures, until } => {
            tracing::warn!(endpoint_id = %id, failures, retry_at = %until, "notification endpoint failing; circuit open");
            // Everything else queued for it waits for the probe too.
            defer_rest(tx, id, until).await?;
            (
                vec![
                    ("failures", Expr::value(failures)),
                    ("circuit_until", Expr::value(Some(until))),
                ],
                None,
            )
        }
        Change::Gone => {
            tracing::warn!(endpoint_id = %id, "notification endpoint answered 410 Gone; disabled");
            (
                vec![
                    ("enabled", Expr::value(false)),
                    (
                        "disabled_reason",
                        Expr::value("the receiver answered 410 Gone".to_string()),
                    ),
                ],
                Some(vec![
                    (outbox::Column::Status, Expr::value("cancelled")),
                    (outbox::Column::FinishedAt, Expr::value(now)),
                ]),
            )
        }
    };
    if let Some(cancel) = pending {
        tx.update_where::<outbox::Entity>(
            Condition::all()
                .add(outbox::Column::EndpointId.eq(id))
                .add(outbox::Column::Status.eq("pending")),
            cancel,
        )
        .await?;
    }
    match owner {
        Owner::Tenant(_) => {
            let set = set.into_iter().map(|(c, v)| (tenant_col(c), v)).collect();
            tx.update_where::<endpoint::Entity>(endpoint::Column::Id.eq(id), set)
                .await?;
        }
        Owner::Provider => {
            let set = set.into_iter().map(|(c, v)| (provider_col(c), v)).collect();
            tx.update_catalog::<provider_endpoint::Entity>(
                provider_endpoint::Column::Id.eq(id),
                set,
            )
            .await?;
        }
    }
    Ok(())
}

/// Moves the endpoint's other pending rows to its next probe time.
async fn defer_rest(tx: &ScopedTx<'_>, endpoint: uuid::Uuid, until: DateTime<Utc>) -> Result<()> {
    tx.update_where::<outbox::Entity>(
        Condition::all()
            .add(outbox::Column::EndpointId.eq(endpoint))
            .add(outbox::Column::Status.eq("pending"))
            .add(outbox::Column::Claim.is_null())
            .add(outbox::Column::NextAttemptAt.lt(until)),
        vec![(outbox::Column::NextAttemptAt, Expr::value(until))],
    )
    .await?;
    Ok(())
}

fn tenant_col(name: &str) -> endpoint::Column {
    match name {
        "failures" => endpoint::Column::Failures,
        "circuit_until" => endpoint::Column::CircuitUntil,
        "enabled" => endpoint::Column::Enabled,
        _ => endpoint::Column::DisabledReason,
    }
}

fn provider_col(name: &str) -> provider_endpoint::Column {
    match name {
        "failures" => provider_endpoint::Column::Failures,
        "circuit_until" => provider_endpoint::Column::CircuitUntil,
        "enabled" => provider_endpoint::Column::Enabled,
        _ => provider_endpoint::Column::DisabledReason,
    }
}
