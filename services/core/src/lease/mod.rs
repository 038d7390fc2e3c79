//! Leases: a named claim with an expiry, held by one process at a time. They make
//! the worker's jobs run once across any number of workers and give each
//! detection partition one owner. A holder renews before expiry; a holder that
//! dies stops renewing, and after the time-to-live anyone may take the lease.
//!
//! Every change of hands bumps the lease's `epoch`. A holder remembers the epoch
//! it got and [`fence`]s its writes with it inside the same transaction, so a
//! process that stalled past its expiry (and was replaced) cannot commit over its
//! successor. Times are the processes' wall clocks: hosts must keep NTP time, and
//! the time-to-live should be many times the expected skew.

mod keeper;

pub use keeper::Keeper;

use crate::db::{Backend, Db, ScopedTx};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use std::time::Duration;

/// A lease this process holds: its name and the epoch it was granted at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub name: String,
    pub epoch: i64,
    pub expires_at: DateTime<Utc>,
}

/// A name other processes currently hold (for fair-share decisions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holding {
    pub name: String,
    pub holder: String,
}

/// A process's identity as a lease holder: host, process id and a random part,
/// so a restarted process is a new holder and never inherits a dead one's claim.
pub fn holder_id(role: &str) -> String {
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "host".into());
    let random = uuid::Uuid::new_v4().simple().to_string();
    format!("{role}@{host}:{}:{}", std::process::id(), &random[..8])
}

/// Takes `name` for `holder` until `now + ttl`, or renews it if `holder` has it.
/// `None` when someone else holds an unexpired claim.
pub async fn acquire(
    db: &Db,
    name: &str,
    holder: &str,
    ttl: Duration,
    now: DateTime<Utc>,
) -> Result<Option<Held>> {
    let expires_at = now + chrono::Duration::from_std(ttl).map_err(Error::internal)?;
    let tx = db.begin_registry().await?;
    let backend = tx.backend();
    let sql = format!(
        "INSERT INTO leases (name, holder, epoch, acquired_at, expires_at) VALUES ({p1}, {p2}, 1, {p3}, {p4}) \
         ON CONFLICT (name) DO UPDATE SET \
           epoch = CASE WHEN leases.holder = excluded.holder THEN leases.epoch ELSE leases.epoch + 1 END, \
           acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at ELSE excluded.acquired_at END, \
           holder = excluded.holder, \
           expires_at = excluded.expires_at \
         WHERE leases.holder = excluded.holder OR leases.expires_at < excluded.acquired_at \
         RETURNING epoch",
        p1 = placeholder(backend, 1),
        p2 = placeholder(backend, 2),
        p3 = placeholder(backend, 3),
        p4 = placeholder(backend, 4),
    );
    let row = tx
        .raw()
        .query_one_raw(statement(
            backend,
            &sql,
            vec![
                name.into(),
                holder.into(),
                Value::from(now),
                Value::from(expires_at),
            ],
        ))
        .await?;
    tx.commit().await?;
    match row {
        Some(row) => Ok(Some(Held {
            name: name.to_string(),
            epoch: row.try_get::<i64>("", "epoch")?,
            expires_at,
        })),
        None => Ok(None),
    }
}

/// Gives `name` up at once (a clean shutdown or a rebalance), so the next
/// holder need not wait for the expiry.
pub async fn release(db: &Db, name: &str, holder: &str, now: DateTime<Utc>) -> Result<()> {
    let tx = db.begin_registry().await?;
    let backend = tx.backend();
    let sql = format!(
        "UPDATE leases SET expires_at = {p1} WHERE name = {p2} AND holder = {p3}",
        p1 = placeholder(backend, 1),
        p2 = placeholder(backend, 2),
        p3 = placeholder(backend, 3),
    );
    let past = now - chrono::Duration::seconds(1);
    tx.raw()
        .execute_raw(statement(
            backend,
            &sql,
            vec![Value::from(past), name.into(), holder.into()],
        ))
        .await?;
    tx.commit().await
}

/// Inside a transaction about to commit work done under `held`: fails with
/// `Conflict` unless the lease is still this holder's, at the same epoch and
/// unexpired. On PostgreSQL the lease row stays locked until the transaction
/// ends, so a successor cannot take it between this check and the commit.
pub async fn fence(tx: &ScopedTx<'_>, held: &Held, holder: &str, now: DateTime<Utc>) -> Result<()> {
    let backend = tx.backend();
    let lock = if backend == Backend::Postgres {
        " FOR UPDATE"
    } else {
        ""
    };
    let sql = format!(
        "SELECT epoch FROM leases WHERE name = {p1} AND holder = {p2} AND epoch = {p3} AND expires_at > {p4}{lock}",
        p1 = placeholder(backend, 1),
        p2 = placeholder(backend, 2),
        p3 = placeholder(backend, 3),
        p4 = placeholder(backend, 4),
    );
    let row = tx
        .raw()
        .query_one_raw(statement(
            backend,
            &sql,
            vec![
                held.name.as_str().into(),
                holder.into(),
                held.epoch.into(),
                Value::from(now),
            ],
        ))
        .await?;
    match row {
        Some(_) => Ok(()),
        None => Err(Error::Conflict {
            field: None,
            message: format!(
                "lease {} (epoch {}) is no longer held by this process",
                held.name, held.epoch
            ),
        }),
    }
}

/// Unexpired leases whose names start with `prefix`, with their holders.
pub async fn live(db: &Db, prefix: &str, now: DateTime<Utc>) -> Result<Vec<Holding>> {
    let rows = under_prefix(
        db,
        "SELECT name, holder",
        prefix,
        ">",
        now,
        " ORDER BY name",
    )
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Holding {
                name: row.try_get::<String>("", "name")?,
                holder: row.try_get::<String>("", "holder")?,
            })
        })
        .collect()
}

/// Deletes leases under `prefix` that expired before `before` (the membership
/// rows of processes long gone), so the table does not grow with restarts.
pub async fn prune(db: &Db, prefix: &str, before: DateTime<Utc>) -> Result<u64> {
    let rows = under_prefix(db, "DELETE", prefix, "<", before, " RETURNING name").await?;
    Ok(rows.len() as u64)
}

/// `<verb> FROM leases` over the names under `prefix` whose expiry compares
/// with `at` by `op`, in a registry transaction.
async fn under_prefix(
    db: &Db,
    verb: &str,
    prefix: &str,
    op: &str,
    at: DateTime<Utc>,
    tail: &str,
) -> Result<Vec<sea_orm::QueryResult>> {
    let tx = db.begin_registry().await?;
    let backend = tx.backend();
    let sql = format!(
        "{verb} FROM leases WHERE substr(name, 1, {p1}) = {p2} AND expires_at {op} {p3}{tail}",
        p1 = placeholder(backend, 1),
        p2 = placeholder(backend, 2),
        p3 = placeholder(backend, 3),
    );
    let len = i32::try_from(prefix.chars().count()).map_err(Error::internal)?;
    let rows = tx
        .raw()
        .query_all_raw(statement(
            backend,
            &sql,
            vec![len.into(), prefix.into(), Value::from(at)],
        ))
        .await?;
    tx.commit().await?;
    Ok(rows)
}

fn placeholder(backend: Backend, n: usize) -> String {
    match backend {
        Backend::Postgres => format!("${n}"),
        Backend::Sqlite => "?".into(),
    }
}

fn statement(backend: Backend, sql: &str, values: Vec<Value>) -> Statement {
    let backend = match backend {
        Backend::Postgres => DbBackend::Postgres,
        Backend::Sqlite => DbBackend::Sqlite,
    };
    Statement::from_sql_and_values(backend, sql, values)
}

#[cfg(test)]
mod tests;
