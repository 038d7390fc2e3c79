//! PostgreSQL: the event store becomes a table partitioned by day of
//! `received_at` (declarative range partitioning). Retention then drops whole
//! days instead of deleting rows, and the worker creates each day's partition
//! ahead of time. A default partition catches any row no day covers, so an
//! insert never fails for want of a partition. Existing rows are copied into
//! partitions for their days. SQLite keeps the plain table.
//!
//! The primary key becomes `(seq, received_at)` because a partitioned table's
//! unique keys must include the partition key; `seq` stays one sequence across
//! partitions, so detection's per-tenant cursor is unchanged.

use crate::sql;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000011_event_partitions"
    }
}

const COLUMNS: &str = "seq, id, tenant_id, received_at, event_time, channel, host, severity, product, category, service, fields, raw, raw_truncated";

/// The events table's DDL (PostgreSQL), with its `seq` column and closing clause.
pub(crate) fn events_table(name: &str, seq: &str, close: &str) -> String {
    crate::m20261122_000002_ingest::events_ddl(true, name, seq, close)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if !sql::is_postgres(manager) {
            return Ok(());
        }
        let [by_time, by_seq] = crate::m20261122_000002_ingest::EVENTS_INDEXES;
        let create = events_table(
            "events",
            "seq BIGINT NOT NULL DEFAULT nextval('events_seq_seq')",
            ",\n                PRIMARY KEY (seq, received_at)\n            ) PARTITION BY RANGE (received_at)",
        );
        let days = sql::daily_partitions("events", "events_unpartitioned");
        let copy =
            format!("INSERT INTO events ({COLUMNS}) SELECT {COLUMNS} FROM events_unpartitioned");
        sql::run(
            manager,
            &[
                "ALTER SEQUENCE events_seq_seq OWNED BY NONE",
                "ALTER TABLE events RENAME TO events_unpartitioned",
                "ALTER INDEX events_tenant_time RENAME TO events_unpartitioned_tenant_time",
                "ALTER INDEX events_tenant_seq RENAME TO events_unpartitioned_tenant_seq",
                &create,
                "CREATE TABLE events_default PARTITION OF events DEFAULT",
                &days,
                &copy,
                "DROP TABLE events_unpartitioned",
                "ALTER SEQUENCE events_seq_seq OWNED BY events.seq",
                by_time,
                by_seq,
            ],
        )
        .await?;
        // Queries go through the parent, whose policy applies; each partition
        // gets the same wall too.
        sql::enable_rls(manager, "events").await?;
        sql::enable_rls_on_partitions(manager, "events").await?;
        sql::grant_app_role(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if !sql::is_postgres(manager) {
            return Ok(());
        }
        let [by_time, by_seq] = crate::m20261122_000002_ingest::EVENTS_INDEXES;
        let create = events_table(
            "events_plain",
            "seq BIGINT PRIMARY KEY DEFAULT nextval('events_seq_seq')",
            "\n            )",
        );
        let copy = format!("INSERT INTO events_plain ({COLUMNS}) SELECT {COLUMNS} FROM events");
        sql::run(
            manager,
            &[
                "ALTER SEQUENCE events_seq_seq OWNED BY NONE",
                &create,
                &copy,
                "DROP TABLE events",
                "ALTER TABLE events_plain RENAME TO events",
                "ALTER TABLE events RENAME CONSTRAINT events_plain_pkey TO events_pkey",
                "ALTER SEQUENCE events_seq_seq OWNED BY events.seq",
                by_time,
                by_seq,
            ],
        )
        .await?;
        sql::enable_rls(manager, "events").await?;
        sql::grant_app_role(manager).await
    }
}
