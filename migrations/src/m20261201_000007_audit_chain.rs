//! The audit log becomes a hash chain per tenant: every record carries its place
//! in the chain (`seq`), the previous record's hash and its own, and
//! `audit_chain_heads` holds each tenant's last link (its row lock orders
//! concurrent writers, so the chain never forks). Records written before this
//! migration keep NULL links and are reported as unchained by verification.

use crate::sql;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000007_audit_chain"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let postgres = sql::is_postgres(manager);
        let uuid = if postgres { "UUID" } else { "BLOB" };
        let head = format!(
            "CREATE TABLE audit_chain_heads (
                tenant_id {uuid} PRIMARY KEY NOT NULL REFERENCES tenants(id),
                seq BIGINT NOT NULL,
                last_hash TEXT NOT NULL
            )"
        );
        sql::run(
            manager,
            &[
                "ALTER TABLE audit_log ADD COLUMN seq BIGINT NULL",
                "ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NULL",
                "ALTER TABLE audit_log ADD COLUMN hash TEXT NULL",
                "CREATE UNIQUE INDEX audit_log_chain ON audit_log (tenant_id, seq)",
                &head,
            ],
        )
        .await?;
        if postgres {
            sql::enable_rls(manager, "audit_chain_heads").await?;
            sql::grant_app_role(manager).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        sql::run(
            manager,
            &[
                "DROP TABLE audit_chain_heads",
                "DROP INDEX audit_log_chain",
                "ALTER TABLE audit_log DROP COLUMN hash",
                "ALTER TABLE audit_log DROP COLUMN prev_hash",
                "ALTER TABLE audit_log DROP COLUMN seq",
            ],
        )
        .await
    }
}
