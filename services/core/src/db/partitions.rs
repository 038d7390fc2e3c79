//! The event store's daily partitions on PostgreSQL: created ahead of time and
//! dropped whole when every tenant's retention has passed them. Partitions are
//! DDL on a table the application role does not own, so this runs with the
//! owner's credentials (the configured database URL), like migrations.
//! On SQLite there are no partitions and nothing happens.

use super::connect;
use crate::{Result, Secret};
use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

/// What one maintenance pass did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PartitionReport {
    pub created: Vec<String>,
    pub dropped: Vec<String>,
}

/// Ensures a partition for each day from today to `days_ahead` days on, and
/// drops the partitions whose whole day ended more than `keep_days` ago.
pub async fn maintain_event_partitions(
    url: &Secret<String>,
    now: DateTime<Utc>,
    days_ahead: u32,
    keep_days: u32,
) -> Result<PartitionReport> {
    let mut report = PartitionReport::default();
    if !url.expose().starts_with("postgres") {
        return Ok(report);
    }
    let conn = connect::owner(url).await?;
    let today = now.date_naive();
    for ahead in 0..=days_ahead {
        let Some(day) = today.checked_add_days(Days::new(u64::from(ahead))) else {
            continue;
        };
        let name = partition_name(day);
        let exists = conn
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT 1 AS one FROM pg_class WHERE relname = $1",
                [name.as_str().into()],
            ))
            .await?
            .is_some();
        if exists {
            continue;
        }
        let next = day.succ_opt().unwrap_or(day);
        let create = format!(
            "CREATE TABLE {name} PARTITION OF event_segments FOR VALUES FROM ('{day} 00:00:00+00') TO ('{next} 00:00:00+00')"
        );
        let policy = "USING (tenant_id = ANY(NULLIF(current_setting('garrison.tenant_ids', true), '')::uuid[])) \
             WITH CHECK (tenant_id = ANY(NULLIF(current_setting('garrison.tenant_ids', true), '')::uuid[]))";
        for statement in [
            create,
            // Segments are compressed already; see the event_segments migration.
            format!("ALTER TABLE {name} ALTER COLUMN data SET STORAGE EXTERNAL"),
            format!("ALTER TABLE {name} ENABLE ROW LEVEL SECURITY"),
            format!("ALTER TABLE {name} FORCE ROW LEVEL SECURITY"),
            format!("CREATE POLICY tenant_isolation ON {name} {policy}"),
        ] {
            conn.execute_unprepared(&statement).await?;
        }
        report.created.push(name);
    }
    let cutoff = today
        .checked_sub_days(Days::new(u64::from(keep_days)))
        .unwrap_or(today);
    let partitions = conn
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
             JOIN pg_class t ON t.oid = i.inhparent WHERE t.relname = 'event_segments' ORDER BY 1",
        ))
        .await?;
    for row in partitions {
        let name: String = row.try_get("", "name")?;
        // A day's partition goes once the day after it is past the cutoff.
        let expired = day_of(&name)
            .and_then(|day| day.succ_opt())
            .is_some_and(|end| end <= cutoff);
        if expired {
            conn.execute_unprepared(&format!("DROP TABLE {name}"))
                .await?;
            report.dropped.push(name);
        }
    }
    conn.close().await?;
    Ok(report)
}

/// `event_segments_pYYYYMMDD`.
pub fn partition_name(day: NaiveDate) -> String {
    format!("event_segments_p{}", day.format("%Y%m%d"))
}

/// The day of a daily partition's name (`None` for the default partition).
pub fn day_of(name: &str) -> Option<NaiveDate> {
    let digits = name.strip_prefix("event_segments_p")?;
    NaiveDate::parse_from_str(digits, "%Y%m%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::TestDb;

    #[test]
    fn names_round_trip_and_the_default_partition_has_no_day() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
        assert_eq!(partition_name(day), "event_segments_p20261231");
        assert_eq!(day_of("event_segments_p20261231"), Some(day));
        assert_eq!(day_of("event_segments_default"), None);
    }

    #[tokio::test]
    async fn partitions_are_made_ahead_and_old_ones_dropped() {
        let t = TestDb::new().await;
        let now = Utc::now();
        let report = maintain_event_partitions(&t.url, now, 3, 30)
            .await
            .expect("maintenance");
        if !TestDb::is_postgres() {
            assert_eq!(
                report,
                PartitionReport::default(),
                "SQLite has no partitions"
            );
            return;
        }
        // The migration made today and the next week; nothing new is due.
        assert!(report.created.is_empty(), "{report:?}");
        // Forty days later: the next days are made, the first days are gone.
        let later = now + chrono::Duration::days(40);
        let report = maintain_event_partitions(&t.url, later, 3, 30)
            .await
            .expect("maintenance");
        assert_eq!(report.created.len(), 4, "{report:?}");
        let first = partition_name(now.date_naive());
        assert!(report.dropped.contains(&first), "{report:?}");
        // The application still reads and writes through the parent.
        let owner = t.owner_connection().await;
        let left: i64 = owner
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                "SELECT count(*) AS n FROM pg_inherits i JOIN pg_class t ON t.oid = i.inhparent WHERE t.relname = 'event_segments'",
            ))
            .await
            .expect("query")
            .expect("row")
            .try_get("", "n")
            .expect("count");
        assert!(left >= 5, "default + the four made ahead remain ({left})");
    }
}
