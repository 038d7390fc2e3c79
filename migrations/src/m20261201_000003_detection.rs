//! Detection: the provider's rule-pack catalogue (every imported version kept, so
//! a re-import can say what changed), each tenant's effective configuration
//! (enabled packs, per-rule overrides, exceptions, placeholder values), and the
//! detection role's durable per-tenant state (cursor, rules revision, correlation
//! windows). The catalogue belongs to no tenant; everything else is tenant-owned.

use crate::sql;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000003_detection"
    }
}

const CATALOG_TABLES: [&str; 3] = ["rule_packs", "rule_pack_versions", "rule_pack_files"];

const TENANT_TABLES: [&str; 5] = [
    "tenant_rule_packs",
    "rule_overrides",
    "rule_exceptions",
    "rule_placeholders",
    "detection_state",
];

fn ddl(postgres: bool) -> Vec<String> {
    let (uuid, ts, boolean) = if postgres {
        ("UUID", "TIMESTAMPTZ", "BOOLEAN")
    } else {
        ("BLOB", "TEXT", "INTEGER")
    };
    vec![
        format!(
            "CREATE TABLE rule_packs (
                id {uuid} PRIMARY KEY NOT NULL,
                name TEXT NOT NULL UNIQUE,
                version INTEGER NOT NULL,
                rule_count INTEGER NOT NULL,
                created_at {ts} NOT NULL,
                updated_at {ts} NOT NULL
            )"
        ),
        format!(
            "CREATE TABLE rule_pack_versions (
                pack_id {uuid} NOT NULL REFERENCES rule_packs(id),
                version INTEGER NOT NULL,
                imported_at {ts} NOT NULL,
                imported_by {uuid} NULL,
                rule_count INTEGER NOT NULL,
                changes TEXT NOT NULL,
                rejected TEXT NOT NULL,
                PRIMARY KEY (pack_id, version)
            )"
        ),
        format!(
            "CREATE TABLE rule_pack_files (
                pack_id {uuid} NOT NULL REFERENCES rule_packs(id),
                version INTEGER NOT NULL,
                source TEXT NOT NULL,
                yaml TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                PRIMARY KEY (pack_id, version, source)
            )"
        ),
        format!(
            "CREATE TABLE tenant_rule_packs (
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                pack_id {uuid} NOT NULL REFERENCES rule_packs(id),
                enabled_at {ts} NOT NULL,
                PRIMARY KEY (tenant_id, pack_id)
            )"
        ),
        format!(
            "CREATE TABLE rule_overrides (
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                rule_id TEXT NOT NULL,
                enabled {boolean} NULL,
                level TEXT NULL,
                group_by TEXT NULL,
                suppression_secs BIGINT NULL,
                updated_at {ts} NOT NULL,
                PRIMARY KEY (tenant_id, rule_id)
            )"
        ),
        format!(
            "CREATE TABLE rule_exceptions (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                rule_id TEXT NOT NULL,
                filter TEXT NOT NULL,
                created_by {uuid} NULL,
                created_at {ts} NOT NULL
            )"
        ),
        "CREATE INDEX rule_exceptions_tenant ON rule_exceptions (tenant_id, rule_id)".into(),
        format!(
            "CREATE TABLE rule_placeholders (
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                placeholder_values TEXT NOT NULL,
                updated_at {ts} NOT NULL,
                PRIMARY KEY (tenant_id, name)
            )"
        ),
        format!(
            "CREATE TABLE detection_state (
                tenant_id {uuid} PRIMARY KEY NOT NULL REFERENCES tenants(id),
                cursor_seq BIGINT NOT NULL,
                rules_revision BIGINT NOT NULL,
                correlation_state TEXT NULL,
                updated_at {ts} NOT NULL
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
        // Tenant tables reference the catalogue: they go first.
        sql::drop_tables(manager, &TENANT_TABLES).await?;
        sql::drop_tables(manager, &CATALOG_TABLES).await
    }
}
