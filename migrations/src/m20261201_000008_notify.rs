//! Notifications: tenant endpoints and the provider's catalogue of endpoints, the
//! transactional outbox, and the delivery log. Tenant-owned tables get row-level
//! security; the provider catalogue belongs to no tenant.

use crate::sql;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000008_notify"
    }
}

const TENANT_TABLES: [&str; 3] = ["notify_endpoints", "notify_outbox", "notify_deliveries"];

/// Columns both endpoint tables share.
fn endpoint_columns(ts: &str, boolean: &str) -> String {
    format!(
        "name TEXT NOT NULL,
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        events TEXT NOT NULL,
        min_severity SMALLINT NOT NULL,
        enabled {boolean} NOT NULL,
        secret TEXT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        circuit_until {ts} NULL,
        disabled_reason TEXT NULL,
        created_at {ts} NOT NULL,
        updated_at {ts} NOT NULL"
    )
}

fn ddl(postgres: bool) -> Vec<String> {
    let (uuid, ts, boolean) = if postgres {
        ("UUID", "TIMESTAMPTZ", "BOOLEAN")
    } else {
        ("BLOB", "TEXT", "BOOLEAN")
    };
    let columns = endpoint_columns(ts, boolean);
    vec![
        format!(
            "CREATE TABLE notify_endpoints (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                {columns}
            )"
        ),
        "CREATE INDEX notify_endpoints_tenant ON notify_endpoints (tenant_id, enabled)".into(),
        format!(
            "CREATE TABLE notify_provider_endpoints (
                id {uuid} PRIMARY KEY NOT NULL,
                {columns},
                deleted_at {ts} NULL
            )"
        ),
        format!(
            "CREATE TABLE notify_outbox (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                endpoint_id {uuid} NOT NULL,
                provider {boolean} NOT NULL,
                event_kind TEXT NOT NULL,
                dedup_key TEXT NOT NULL,
                payload TEXT NOT NULL,
                occurred_at {ts} NOT NULL,
                created_at {ts} NOT NULL,
                next_attempt_at {ts} NOT NULL,
                attempts INTEGER NOT NULL,
                status TEXT NOT NULL,
                claim {uuid} NULL,
                claimed_until {ts} NULL,
                last_error TEXT NULL,
                finished_at {ts} NULL
            )"
        ),
        // An event is queued at most once per endpoint, however often it is emitted.
        "CREATE UNIQUE INDEX notify_outbox_dedup ON notify_outbox (tenant_id, endpoint_id, dedup_key)".into(),
        // The worker looks for pending rows by due time.
        "CREATE INDEX notify_outbox_due ON notify_outbox (tenant_id, status, next_attempt_at)".into(),
        "CREATE INDEX notify_outbox_claim ON notify_outbox (tenant_id, claim)".into(),
        format!(
            "CREATE TABLE notify_deliveries (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                endpoint_id {uuid} NOT NULL,
                outbox_id {uuid} NOT NULL,
                event_kind TEXT NOT NULL,
                attempt INTEGER NOT NULL,
                attempted_at {ts} NOT NULL,
                outcome TEXT NOT NULL,
                status_code INTEGER NULL,
                error TEXT NULL,
                latency_ms BIGINT NOT NULL
            )"
        ),
        "CREATE INDEX notify_deliveries_endpoint ON notify_deliveries (tenant_id, endpoint_id, attempted_at)".into(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let statements = ddl(sql::is_postgres(manager));
        sql::create_tenant_tables(manager, &statements, &TENANT_TABLES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        sql::run(
            manager,
            &[
                "DROP TABLE notify_deliveries",
                "DROP TABLE notify_outbox",
                "DROP TABLE notify_provider_endpoints",
                "DROP TABLE notify_endpoints",
            ],
        )
        .await
    }
}
