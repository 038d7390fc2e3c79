//! Alerts: what detection raised, and their triage state (status, assignee,
//! disposition, the case they were escalated to). Tenant-owned. `dedup_key` is
//! unique per tenant so a replayed match can never raise a second alert.

use crate::sql;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000004_alerts"
    }
}

fn ddl(postgres: bool) -> Vec<String> {
    let (uuid, ts) = if postgres {
        ("UUID", "TIMESTAMPTZ")
    } else {
        ("BLOB", "TEXT")
    };
    vec![
        format!(
            "CREATE TABLE alerts (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                rule_id TEXT NOT NULL,
                rule_title TEXT NOT NULL,
                rule_description TEXT NULL,
                severity SMALLINT NOT NULL,
                status TEXT NOT NULL,
                disposition TEXT NULL,
                close_comment TEXT NULL,
                assignee_id {uuid} NULL,
                case_id {uuid} NULL,
                techniques TEXT NOT NULL,
                tactics TEXT NOT NULL,
                group_key TEXT NOT NULL,
                group_values TEXT NOT NULL,
                event_ids TEXT NOT NULL,
                event_count BIGINT NOT NULL,
                first_event_at {ts} NOT NULL,
                last_event_at {ts} NOT NULL,
                detected_at {ts} NOT NULL,
                last_seq BIGINT NOT NULL,
                dedup_key TEXT NOT NULL,
                suppress_until {ts} NOT NULL,
                created_at {ts} NOT NULL,
                updated_at {ts} NOT NULL,
                acknowledged_at {ts} NULL,
                closed_at {ts} NULL
            )"
        ),
        "CREATE UNIQUE INDEX alerts_dedup ON alerts (tenant_id, dedup_key)".into(),
        "CREATE INDEX alerts_tenant_created ON alerts (tenant_id, created_at)".into(),
        "CREATE INDEX alerts_tenant_group ON alerts (tenant_id, rule_id, group_key)".into(),
        "CREATE INDEX alerts_tenant_status ON alerts (tenant_id, status, severity)".into(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let statements = ddl(sql::is_postgres(manager));
        sql::create_tenant_tables(manager, &statements, &["alerts"]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        sql::run(manager, &["DROP TABLE alerts"]).await
    }
}
