//! Committing one tenant's share of a batch: the events (in multi-row
//! statements), its dead letters, the usage ledger and the distinct hosts, in
//! one transaction of that tenant.

use super::{DeadLetter, Pending, Rejected};
use crate::entity::{dead_letter, event, hosts_daily, usage_hourly};
use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use garrison_core::event::Channel;
use garrison_core::{Result, Scope, TenantId, db::Db};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Alias, Expr, OnConflict};
use sea_orm::{ColumnTrait, ExprTrait};
use std::collections::{BTreeMap, HashMap};

/// Rows per INSERT statement (SQLite allows 32,766 bound values; 14 columns each).
const ROWS_PER_STATEMENT: usize = 1000;

#[derive(Default)]
pub(super) struct TenantBatch {
    pub(super) events: Vec<Pending>,
    pub(super) dead_letters: Vec<DeadLetter>,
    pub(super) rejected: Vec<Rejected>,
}

/// Commits one tenant's share of a batch; returns the last stored sequence.
pub(super) async fn commit_tenant(
    db: &Db,
    tenant: TenantId,
    batch: TenantBatch,
) -> Result<Option<i64>> {
    let scope = Scope::for_tenant_task("ingest-writer", tenant);
    let tx = db.begin(&scope).await?;
    let mut usage: HashMap<(DateTime<Utc>, Channel), Usage> = HashMap::new();
    // Per (event day, host): events and the latest arrival.
    let mut hosts: BTreeMap<(String, String), (i64, DateTime<Utc>)> = BTreeMap::new();
    for Pending { event, bytes, .. } in &batch.events {
        let entry = usage
            .entry((hour_of(event.received_at), event.channel))
            .or_default();
        entry.received += 1;
        entry.stored += 1;
        entry.bytes += bytes;
        if let Some(host) = &event.host {
            let seen = hosts
                .entry((event.timestamp.format("%Y-%m-%d").to_string(), host.clone()))
                .or_insert((0, event.received_at));
            seen.0 += 1;
            seen.1 = Ord::max(seen.1, event.received_at);
        }
    }
    for letter in &batch.dead_letters {
        let entry = usage
            .entry((hour_of(letter.received_at), letter.channel))
            .or_default();
        entry.received += 1;
        entry.dead_lettered += 1;
        entry.bytes += letter.raw.len() as u64;
    }
    let now = Utc::now();
    for rejected in &batch.rejected {
        let entry = usage.entry((hour_of(now), rejected.channel)).or_default();
        entry.received += rejected.count;
        entry.rejected += rejected.count;
    }
    let rows: Vec<event::ActiveModel> = batch.events.into_iter().map(to_row).collect();
    let stored = !rows.is_empty();
    if stored {
        // Sequence numbers are drawn at insert time; holding the tenant's lock
        // until commit makes them visible in order across ingest processes.
        tx.serialize_on(&format!("events:{tenant}")).await?;
    }
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<event::ActiveModel> = rows.by_ref().take(ROWS_PER_STATEMENT).collect();
        tx.insert_many(tenant, chunk).await?;
    }
    let letters: Vec<dead_letter::ActiveModel> = batch
        .dead_letters
        .into_iter()
        .map(|l| dead_letter::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            tenant_id: Set(tenant.as_uuid()),
            received_at: Set(l.received_at),
            channel: Set(l.channel.as_str().into()),
            peer: Set(l.peer),
            reason: Set(l.reason),
            raw: Set(l.raw),
        })
        .collect();
    tx.insert_many(tenant, letters).await?;
    // Counted for operators only once the batch is committed (below).
    let counted: Vec<(Channel, u64, u64, u64)> = usage
        .iter()
        .map(|((_, c), u)| (*c, u.stored, u.rejected, u.dead_lettered))
        .collect();
    for ((hour, channel), u) in usage {
        let row = usage_hourly::ActiveModel {
            tenant_id: Set(tenant.as_uuid()),
            hour: Set(hour),
            channel: Set(channel.as_str().into()),
            received: Set(u.received as i64),
            stored: Set(u.stored as i64),
            rejected: Set(u.rejected as i64),
            dead_lettered: Set(u.dead_lettered as i64),
            bytes: Set(u.bytes as i64),
        };
        tx.upsert(tenant, row, usage_conflict()).await?;
    }
    for ((day, host), (events, last)) in hosts {
        let row = hosts_daily::ActiveModel {
            tenant_id: Set(tenant.as_uuid()),
            day: Set(day),
            host: Set(host),
            events: Set(events),
            last_seen_at: Set(Some(last)),
        };
        tx.upsert(tenant, row, hosts_conflict()).await?;
    }
    let last_seq = if stored {
        tx.select::<event::Entity>()
            .filter(event::Column::TenantId.eq(tenant.as_uuid()))
            .order_by_desc(event::Column::Seq)
            .limit(1)
            .one(&tx)
            .await?
            .map(|row| row.seq)
    } else {
        None
    };
    tx.commit().await?;
    for (channel, stored, rejected, dead) in counted {
        crate::metrics::record(Some(tenant), channel, "stored", stored);
        crate::metrics::record(Some(tenant), channel, "rejected", rejected);
        crate::metrics::record(Some(tenant), channel, "dead_lettered", dead);
    }
    Ok(last_seq)
}

#[derive(Default)]
struct Usage {
    received: u64,
    stored: u64,
    rejected: u64,
    dead_lettered: u64,
    bytes: u64,
}

/// Adds to an existing ledger row instead of replacing it.
fn usage_conflict() -> OnConflict {
    use usage_hourly::Column as C;
    let add =
        |c: C| Expr::col((usage_hourly::Entity, c)).add(Expr::col((Alias::new("excluded"), c)));
    OnConflict::columns([C::TenantId, C::Hour, C::Channel])
        .value(C::Received, add(C::Received))
        .value(C::Stored, add(C::Stored))
        .value(C::Rejected, add(C::Rejected))
        .value(C::DeadLettered, add(C::DeadLettered))
        .value(C::Bytes, add(C::Bytes))
        .to_owned()
}

/// A host seen again the same day: its events add up, its last arrival is the later.
fn hosts_conflict() -> OnConflict {
    use hosts_daily::Column as C;
    let events = Expr::col((hosts_daily::Entity, C::Events))
        .add(Expr::col((Alias::new("excluded"), C::Events)));
    // CASE rather than MAX/GREATEST: one spelling for SQLite and PostgreSQL.
    let last = Expr::cust(
        "CASE WHEN ingest_hosts_daily.last_seen_at IS NULL \
         OR excluded.last_seen_at > ingest_hosts_daily.last_seen_at \
         THEN excluded.last_seen_at ELSE ingest_hosts_daily.last_seen_at END",
    );
    OnConflict::columns([C::TenantId, C::Day, C::Host])
        .value(C::Events, events)
        .value(C::LastSeenAt, last)
        .to_owned()
}

fn hour_of(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(TimeDelta::hours(1)).unwrap_or(t)
}

fn to_row(pending: Pending) -> event::ActiveModel {
    let Pending {
        event: e,
        fields_json,
        ..
    } = pending;
    event::ActiveModel {
        seq: sea_orm::ActiveValue::NotSet,
        id: Set(e.id.as_uuid()),
        tenant_id: Set(e.tenant_id.as_uuid()),
        received_at: Set(e.received_at),
        event_time: Set(e.timestamp),
        channel: Set(e.channel.as_str().into()),
        host: Set(e.host),
        severity: Set(e.severity.map(i16::from)),
        product: Set(e.log_source.product),
        category: Set(e.log_source.category),
        service: Set(e.log_source.service),
        fields: Set(fields_json),
        raw: Set(e.raw),
        raw_truncated: Set(e.raw_truncated),
    }
}
