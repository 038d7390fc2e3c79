//! SLA: per-tenant policy overrides, business calendars, and the clock instances
//! on alerts and cases. Every table is tenant-owned.

use crate::sql;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000005_sla"
    }
}

const TENANT_TABLES: [&str; 3] = ["sla_policies", "sla_calendars", "sla_instances"];

fn ddl(postgres: bool) -> Vec<String> {
    let (uuid, ts) = if postgres {
        ("UUID", "TIMESTAMPTZ")
    } else {
        ("BLOB", "TEXT")
    };
    vec![
        format!(
            "CREATE TABLE sla_policies (
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                severity SMALLINT NOT NULL,
                acknowledge_secs BIGINT NOT NULL,
                respond_secs BIGINT NOT NULL,
                resolve_secs BIGINT NOT NULL,
                warn_percent SMALLINT NOT NULL,
                calendar TEXT NOT NULL,
                updated_at {ts} NOT NULL,
                PRIMARY KEY (tenant_id, severity)
            )"
        ),
        format!(
            "CREATE TABLE sla_calendars (
                tenant_id {uuid} PRIMARY KEY NOT NULL REFERENCES tenants(id),
                timezone TEXT NOT NULL,
                weekly_hours TEXT NOT NULL,
                holidays TEXT NOT NULL,
                updated_at {ts} NOT NULL
            )"
        ),
        format!(
            "CREATE TABLE sla_instances (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                subject_kind TEXT NOT NULL,
                subject_id {uuid} NOT NULL,
                cycle INTEGER NOT NULL,
                target TEXT NOT NULL,
                severity SMALLINT NOT NULL,
                calendar TEXT NOT NULL,
                target_secs BIGINT NOT NULL,
                warn_percent SMALLINT NOT NULL,
                started_at {ts} NOT NULL,
                first_event_at {ts} NULL,
                warn_at {ts} NOT NULL,
                due_at {ts} NOT NULL,
                paused_at {ts} NULL,
                paused_secs BIGINT NOT NULL,
                paused_wall_secs BIGINT NOT NULL,
                completed_at {ts} NULL,
                cancelled_at {ts} NULL,
                warned_at {ts} NULL,
                breached_at {ts} NULL
            )"
        ),
        // One clock per target per cycle: a retried start cannot double it.
        "CREATE UNIQUE INDEX sla_instances_subject ON sla_instances (tenant_id, subject_kind, subject_id, cycle, target)".into(),
        // Reports select by start time.
        "CREATE INDEX sla_instances_tenant_started ON sla_instances (tenant_id, started_at)".into(),
        // The worker looks for open clocks by due time.
        "CREATE INDEX sla_instances_tenant_open ON sla_instances (tenant_id, completed_at, due_at)".into(),
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
