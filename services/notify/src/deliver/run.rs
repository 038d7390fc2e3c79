//! One delivery pass: claim due rows (a lease, so two workers never send the
//! same row at once), send them with no transaction open, then record every
//! outcome, the endpoints' circuits, and the log in one transaction.
//!
//! The circuit: an endpoint's first failure in a pass stops that pass for it; its
//! other rows wait until the endpoint's next probe time (backoff by consecutive
//! failures). So a dead endpoint with a hundred queued events is called once per
//! backoff step, and when it recovers the backlog drains in order.

use super::{DeliveryClient, MAX_ATTEMPTS, Sent, Verdict, backoff, send};
use crate::endpoint::{Routable, from_provider_row, from_tenant_row};
use crate::entity::{endpoint, outbox, provider_endpoint};
use crate::event::NotificationEvent;
use chrono::{DateTime, Duration, Utc};
use garrison_core::db::Db;
use garrison_core::{Result, Scope};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition};
use std::collections::{BTreeMap, HashMap};

use super::outcome::{Change, GroupResult, Outcome};
pub use super::outcome::{DeliveryStats, MAX_AGE_HOURS};

/// Rows claimed per pass.
pub const BATCH: u64 = 100;
/// How long a claim holds (a worker that died mid-pass releases its rows then).
const LEASE_SECS: i64 = 120;
/// Delivers what is due at `now`: at most one batch of [`BATCH`] rows.
pub async fn deliver_due(
    db: &Db,
    client: &DeliveryClient,
    now: DateTime<Utc>,
) -> Result<DeliveryStats> {
    let scope = Scope::system("notify-delivery");
    let claim = uuid::Uuid::now_v7();
    let (rows, endpoints) = claim_due(db, &scope, claim, now).await?;
    let mut stats = DeliveryStats {
        claimed: rows.len() as u64,
        ..DeliveryStats::default()
    };
    if rows.is_empty() {
        return Ok(stats);
    }
    let mut groups: BTreeMap<uuid::Uuid, Vec<outbox::Model>> = BTreeMap::new();
    for row in rows {
        groups.entry(row.endpoint_id).or_default().push(row);
    }
    let runs = groups.into_iter().map(|(id, mut rows)| {
        rows.sort_by_key(|r| (r.next_attempt_at, r.id));
        run_group(client, endpoints.get(&id), rows, now)
    });
    let results = futures_util::future::join_all(runs).await;
    let tx = db.begin(&scope).await?;
    for result in results {
        super::record::record(&tx, claim, result, now, &mut stats).await?;
    }
    tx.commit().await?;
    if stats.sent > 0 || stats.dead > 0 {
        tracing::info!(
            claimed = stats.claimed,
            sent = stats.sent,
            delivered = stats.delivered,
            retrying = stats.retrying,
            dead = stats.dead,
            deferred = stats.deferred,
            "notifications delivered"
        );
    }
    Ok(stats)
}

async fn claim_due(
    db: &Db,
    scope: &Scope,
    claim: uuid::Uuid,
    now: DateTime<Utc>,
) -> Result<(Vec<outbox::Model>, HashMap<uuid::Uuid, Routable>)> {
    let tx = db.begin(scope).await?;
    let free = Condition::any()
        .add(outbox::Column::ClaimedUntil.is_null())
        .add(outbox::Column::ClaimedUntil.lte(now));
    let due: Vec<uuid::Uuid> = tx
        .select::<outbox::Entity>()
        .filter(outbox::Column::Status.eq("pending"))
        .filter(outbox::Column::NextAttemptAt.lte(now))
        .filter(free.clone())
        .order_by_asc(outbox::Column::NextAttemptAt)
        .limit(BATCH)
        .all(&tx)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    if due.is_empty() {
        tx.commit().await?;
        return Ok((Vec::new(), HashMap::new()));
    }
    // Re-checked by the update itself, so a row another worker took meanwhile is skipped.
    tx.update_where::<outbox::Entity>(
        Condition::all()
            .add(outbox::Column::Id.is_in(due))
            .add(outbox::Column::Status.eq("pending"))
            .add(free),
        vec![
            (outbox::Column::Claim, Expr::value(claim)),
            (
                outbox::Column::ClaimedUntil,
                Expr::value(now + Duration::seconds(LEASE_SECS)),
            ),
        ],
    )
    .await?;
    let rows = tx
        .select::<outbox::Entity>()
        .filter(outbox::Column::Claim.eq(claim))
        .all(&tx)
        .await?;
    let (provider, tenant): (Vec<_>, Vec<_>) = rows.iter().partition(|r| r.provider);
    let mut endpoints = HashMap::new();
    let tenant_ids: Vec<uuid::Uuid> = tenant.iter().map(|r| r.endpoint_id).collect();
    for row in tx
        .select::<endpoint::Entity>()
        .filter(endpoint::Column::Id.is_in(tenant_ids))
        .all(&tx)
        .await?
    {
        endpoints.insert(row.id, from_tenant_row(row)?);
    }
    let provider_ids: Vec<uuid::Uuid> = provider.iter().map(|r| r.endpoint_id).collect();
    if !provider_ids.is_empty() {
        for row in tx
            .select_catalog::<provider_endpoint::Entity>()
            .filter(provider_endpoint::Column::Id.is_in(provider_ids))
            .all(&tx)
            .await?
        {
            endpoints.insert(row.id, from_provider_row(row)?);
        }
    }
    tx.commit().await?;
    Ok((rows, endpoints))
}

/// Sends one endpoint's rows in order until one fails (see the module docs).
async fn run_group(
    client: &DeliveryClient,
    endpoint: Option<&Routable>,
    rows: Vec<outbox::Model>,
    now: DateTime<Utc>,
) -> GroupResult {
    let Some(ep) = endpoint.filter(|e| e.endpoint.enabled) else {
        return GroupResult {
            endpoint: endpoint.map(|e| (e.endpoint.id.as_uuid(), e.endpoint.owner)),
            outcomes: rows.into_iter().map(|r| (r, Outcome::Cancelled)).collect(),
            change: Change::None,
        };
    };
    let key = Some((ep.endpoint.id.as_uuid(), ep.endpoint.owner));
    let expired = |row: &outbox::Model| row.created_at + Duration::hours(MAX_AGE_HOURS) <= now;
    if let Some(until) = ep.endpoint.circuit_until.filter(|u| *u > now) {
        let outcomes = rows
            .into_iter()
            .map(|r| {
                let o = if expired(&r) {
                    Outcome::Expired
                } else {
                    Outcome::Deferred(until)
                };
                (r, o)
            })
            .collect();
        return GroupResult {
            endpoint: key,
            outcomes,
            change: Change::None,
        };
    }
    let mut outcomes = Vec::with_capacity(rows.len());
    let mut change = Change::None;
    let mut stop: Option<Outcome> = None;
    for row in rows {
        if let Some(held) = &stop {
            let o = match held {
                _ if expired(&row) => Outcome::Expired,
                Outcome::Deferred(until) => Outcome::Deferred(*until),
                _ => Outcome::Cancelled,
            };
            outcomes.push((row, o));
            continue;
        }
        if expired(&row) {
            outcomes.push((row, Outcome::Expired));
            continue;
        }
        let tenant = Some(row.tenant_id);
        let sent = match serde_json::from_str::<NotificationEvent>(&row.payload) {
            Ok(event) => send(client, ep, tenant, row.id, &event, now).await,
            Err(e) => Sent {
                verdict: Verdict::Failed,
                status: None,
                error: Some(format!("unreadable queued event: {e}")),
                latency_ms: 0,
            },
        };
        match sent.verdict {
            Verdict::Delivered => {
                if ep.endpoint.failures > 0 || ep.endpoint.circuit_until.is_some() {
                    change = Change::Healthy;
                }
                outcomes.push((row, Outcome::Delivered(sent)));
            }
            Verdict::Gone => {
                change = Change::Gone;
                stop = Some(Outcome::Cancelled);
                outcomes.push((row, Outcome::Gone(sent)));
            }
            Verdict::Failed => {
                let failures = ep.endpoint.failures.saturating_add(1);
                let until = now + backoff(failures, ep.endpoint.id.as_uuid());
                let attempt = row.attempts + 1;
                let outcome = if attempt >= MAX_ATTEMPTS {
                    Outcome::Dead(sent)
                } else {
                    Outcome::Retry((now + backoff(attempt, row.id)).max(until), sent)
                };
                change = Change::Failed { failures, until };
                stop = Some(Outcome::Deferred(until));
                outcomes.push((row, outcome));
            }
        }
    }
    GroupResult {
        endpoint: key,
        outcomes,
        change,
    }
}
