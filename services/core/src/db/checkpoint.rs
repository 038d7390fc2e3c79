//! SQLite WAL checkpoints beside the writer instead of inside its commits.
//!
//! In WAL mode every committed page is written twice: appended to the log, then
//! copied into the database file by a checkpoint. SQLite runs that checkpoint
//! inside whichever commit crosses `wal_autocheckpoint`, so the ingest writer,
//! which holds the only write connection, stood still while megabytes were
//! copied and synced. A passive checkpoint from a second connection copies the
//! same frames on another thread without taking the write lock; the commit that
//! crosses the threshold then finds little or nothing left to copy, and the log
//! still restarts from its beginning as before.

use crate::Secret;
use sea_orm::sqlx::sqlite::SqliteConnectOptions;
use sea_orm::sqlx::{self, Connection};
use std::str::FromStr;
use std::time::Duration;

/// How often the log is checkpointed while the database is open.
const INTERVAL: Duration = Duration::from_millis(250);

/// Stops the checkpointer when the last [`super::Db`] handle goes.
#[derive(Debug)]
pub(super) struct Checkpointer {
    task: tokio::task::AbortHandle,
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Starts checkpointing the SQLite file at `url`; `None` for an in-memory
/// database (no log to checkpoint) or a URL sqlx cannot read.
pub(super) fn start(url: &Secret<String>) -> Option<Checkpointer> {
    let url = url.expose();
    if url.contains(":memory:") || url.contains("mode=memory") {
        return None;
    }
    let options = SqliteConnectOptions::from_str(url)
        .ok()?
        .create_if_missing(false)
        .busy_timeout(Duration::from_millis(100));
    let task = tokio::spawn(async move {
        let mut conn = match sqlx::SqliteConnection::connect_with(&options).await {
            Ok(conn) => conn,
            Err(e) => {
                tracing::warn!(error = %e, "WAL checkpointer not started; commits checkpoint themselves");
                return;
            }
        };
        let mut tick = tokio::time::interval(INTERVAL);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            // PASSIVE never waits for readers or the writer: it copies what it can.
            if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                .execute(&mut conn)
                .await
            {
                tracing::debug!(error = %e, "WAL checkpoint skipped");
            }
        }
    });
    Some(Checkpointer {
        task: task.abort_handle(),
    })
}

#[cfg(test)]
mod tests {
    use crate::db::testing::TestDb;
    use crate::db::wall_tests::{AUDIT_COLUMNS, audit_row};
    use crate::entity::audit_log::Entity as AuditLog;
    use crate::scope::Scope;
    use crate::tenants::{NewTenant, create_tenant};
    use std::time::{Duration, Instant};

    /// Committed pages reach the database file without any commit crossing the
    /// autocheckpoint threshold: the background checkpoint copied them.
    #[tokio::test]
    async fn committed_pages_reach_the_file_without_a_commit_checkpointing() {
        if TestDb::is_postgres() {
            eprintln!("skipped: SQLite's write-ahead log only");
            return;
        }
        let test = TestDb::new().await;
        let path = test
            .url
            .expose()
            .trim_start_matches("sqlite://")
            .split('?')
            .next()
            .map(std::path::PathBuf::from)
            .expect("file path");
        let scope = Scope::system("test");
        let mut tx = test.db.begin(&scope).await.expect("begin");
        let tenant = create_tenant(
            &mut tx,
            NewTenant {
                name: "Checkpoint".into(),
                slug: "checkpoint".into(),
                timezone: None,
            },
        )
        .await
        .expect("tenant");
        tx.commit().await.expect("commit");
        let before = std::fs::metadata(&path).expect("database file").len();
        // About 4 MiB: far below the 64 MiB autocheckpoint threshold.
        let tx = test.db.begin(&scope).await.expect("begin");
        let detail = "x".repeat(4096);
        let rows = (0..1000)
            .map(|i| audit_row(tenant.id, &format!("bulk.{i}"), &detail))
            .collect();
        tx.insert_rows::<AuditLog>(tenant.id, &AUDIT_COLUMNS, rows, 500)
            .await
            .expect("insert");
        tx.commit().await.expect("commit");
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut after = before;
        while Instant::now() < deadline {
            after = std::fs::metadata(&path).expect("database file").len();
            if after >= before + 4_000_000 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(
            after >= before + 4_000_000,
            "database file grew from {before} to {after} bytes only"
        );
    }
}
