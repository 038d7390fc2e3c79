//! Ingest: ingest tokens and syslog source bindings (how a message finds its
//! tenant), the event store, the dead-letter table, per-tenant ingest settings,
//! and the usage ledger billing reads. Every table is tenant-owned.

use crate::sql;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261122_000002_ingest"
    }
}

const TENANT_TABLES: [&str; 7] = [
    "ingest_tokens",
    "syslog_sources",
    "events",
    "dead_letters",
    "ingest_settings",
    "ingest_usage_hourly",
    "ingest_hosts_daily",
];

/// The row-per-event table (replaced by segments in a later migration, and
/// restored by that migration's `down`). `fields` is JSON text on both
/// backends: the writer handed the driver a string, not a JSON tree to copy.
pub(crate) fn events_table(postgres: bool) -> String {
    let (_, _, _, seq) = column_types(postgres);
    events_ddl(postgres, "events", &format!("seq {seq}"), "\n        )")
}

/// The row table's DDL under `name`, with its `seq` column and closing clause
/// (the partitioning migration names and closes it its own way).
pub(crate) fn events_ddl(postgres: bool, name: &str, seq: &str, close: &str) -> String {
    let (uuid, ts, boolean, _) = column_types(postgres);
    format!(
        "CREATE TABLE {name} (
            {seq},
            id {uuid} NOT NULL,
            tenant_id {uuid} NOT NULL REFERENCES tenants(id),
            received_at {ts} NOT NULL,
            event_time {ts} NOT NULL,
            channel TEXT NOT NULL,
            host TEXT NULL,
            severity SMALLINT NULL,
            product TEXT NULL,
            category TEXT NULL,
            service TEXT NULL,
            fields TEXT NOT NULL,
            raw TEXT NOT NULL,
            raw_truncated {boolean} NOT NULL{close}"
    )
}

pub(crate) const EVENTS_INDEXES: [&str; 2] = [
    "CREATE INDEX events_tenant_time ON events (tenant_id, event_time)",
    "CREATE INDEX events_tenant_seq ON events (tenant_id, seq)",
];

/// Column types differ per backend: (uuid, timestamp, boolean, sequence key).
fn column_types(postgres: bool) -> (&'static str, &'static str, &'static str, &'static str) {
    if postgres {
        ("UUID", "TIMESTAMPTZ", "BOOLEAN", "BIGSERIAL PRIMARY KEY")
    } else {
        (
            "BLOB",
            "TEXT",
            "INTEGER",
            "INTEGER PRIMARY KEY AUTOINCREMENT",
        )
    }
}

/// Column types differ; everything else is shared, so the DDL is written once.
fn ddl(postgres: bool) -> Vec<String> {
    let (uuid, ts, _, _) = column_types(postgres);
    vec![
        format!(
            "CREATE TABLE ingest_tokens (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                prefix TEXT NOT NULL UNIQUE,
                token_hash TEXT NOT NULL,
                created_by {uuid} NULL,
                created_at {ts} NOT NULL,
                last_used_at {ts} NULL,
                revoked_at {ts} NULL
            )"
        ),
        "CREATE INDEX ingest_tokens_tenant ON ingest_tokens (tenant_id)".into(),
        format!(
            "CREATE TABLE syslog_sources (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                cidr TEXT NOT NULL UNIQUE,
                created_at {ts} NOT NULL
            )"
        ),
        "CREATE INDEX syslog_sources_tenant ON syslog_sources (tenant_id)".into(),
        events_table(postgres),
        EVENTS_INDEXES[0].into(),
        EVENTS_INDEXES[1].into(),
        format!(
            "CREATE TABLE dead_letters (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                received_at {ts} NOT NULL,
                channel TEXT NOT NULL,
                peer TEXT NULL,
                reason TEXT NOT NULL,
                raw TEXT NOT NULL
            )"
        ),
        "CREATE INDEX dead_letters_tenant_time ON dead_letters (tenant_id, received_at)".into(),
        format!(
            "CREATE TABLE ingest_settings (
                tenant_id {uuid} PRIMARY KEY NOT NULL REFERENCES tenants(id),
                events_per_second INTEGER NULL,
                bytes_per_day BIGINT NULL,
                retention_days INTEGER NULL,
                updated_at {ts} NOT NULL
            )"
        ),
        format!(
            "CREATE TABLE ingest_usage_hourly (
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                hour {ts} NOT NULL,
                channel TEXT NOT NULL,
                received BIGINT NOT NULL,
                stored BIGINT NOT NULL,
                rejected BIGINT NOT NULL,
                dead_lettered BIGINT NOT NULL,
                bytes BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, hour, channel)
            )"
        ),
        format!(
            "CREATE TABLE ingest_hosts_daily (
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                day TEXT NOT NULL,
                host TEXT NOT NULL,
                PRIMARY KEY (tenant_id, day, host)
            )"
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let statements = ddl(sql::is_postgres(manager));
        sql::create_tenant_tables(manager, &statements, &TENANT_TABLES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        sql::drop_tables(manager, &TENANT_TABLES).await
    }
}
