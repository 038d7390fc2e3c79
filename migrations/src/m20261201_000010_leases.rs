//! Leases: named, expiring claims that make a job run in one process at a time
//! across many (the worker's jobs, the detection role's partitions). A lease is
//! the provider's, not a tenant's, so it has no row-level security; `epoch`
//! grows each time the lease changes hands, so a holder can tell it was replaced.

use crate::sql;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000010_leases"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let postgres = sql::is_postgres(manager);
        let ts = if postgres { "TIMESTAMPTZ" } else { "TEXT" };
        let table = format!(
            "CREATE TABLE leases (
                name TEXT PRIMARY KEY NOT NULL,
                holder TEXT NOT NULL,
                epoch BIGINT NOT NULL,
                acquired_at {ts} NOT NULL,
                expires_at {ts} NOT NULL
            )"
        );
        sql::run(manager, &[&table]).await?;
        if postgres {
            sql::grant_app_role(manager).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        sql::drop_tables(manager, &["leases"]).await
    }
}
