//! Ingest attribution, second part: log-source tags configured on an ingest token
//! (applied to every event the token sends, so detection routes a shipper's
//! events without guessing), and syslog TLS client certificates bound to a tenant
//! by their SHA-256 fingerprint (a certificate names its sender's tenant the way
//! a bound address range does). Like address ranges, a certificate is bound to at
//! most one tenant across the installation. And per host and day, how many events
//! arrived and when the last one did, so a source that went silent stands out.

use crate::sql;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000012_ingest_sources"
    }
}

const TAGS: [&str; 3] = ["product", "category", "service"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let postgres = sql::is_postgres(manager);
        let (uuid, ts) = if postgres {
            ("UUID", "TIMESTAMPTZ")
        } else {
            ("TEXT", "TEXT")
        };
        let columns: Vec<String> = TAGS
            .iter()
            .map(|c| format!("ALTER TABLE ingest_tokens ADD COLUMN {c} TEXT NULL"))
            .collect();
        let mut columns: Vec<String> = columns;
        columns.push(
            "ALTER TABLE ingest_hosts_daily ADD COLUMN events BIGINT NOT NULL DEFAULT 0".into(),
        );
        columns.push(format!(
            "ALTER TABLE ingest_hosts_daily ADD COLUMN last_seen_at {ts} NULL"
        ));
        let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
        sql::run(manager, &columns).await?;
        let statements = vec![
            format!(
                "CREATE TABLE syslog_certificates (
                    id {uuid} PRIMARY KEY NOT NULL,
                    tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                    name TEXT NOT NULL,
                    fingerprint TEXT NOT NULL UNIQUE,
                    created_at {ts} NOT NULL
                )"
            ),
            "CREATE INDEX syslog_certificates_tenant ON syslog_certificates (tenant_id)".into(),
        ];
        sql::create_tenant_tables(manager, &statements, &["syslog_certificates"]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        sql::drop_tables(manager, &["syslog_certificates"]).await?;
        let mut columns: Vec<String> = TAGS
            .iter()
            .map(|c| format!("ALTER TABLE ingest_tokens DROP COLUMN {c}"))
            .collect();
        columns.push("ALTER TABLE ingest_hosts_daily DROP COLUMN events".into());
        columns.push("ALTER TABLE ingest_hosts_daily DROP COLUMN last_seen_at".into());
        let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
        sql::run(manager, &columns).await
    }
}
