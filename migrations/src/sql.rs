//! Helpers that run backend-specific SQL and the PostgreSQL isolation boilerplate.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

/// Runs each statement in order on the migration's connection.
pub async fn run(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    let conn = manager.get_connection();
    for statement in statements {
        conn.execute_unprepared(statement).await?;
    }
    Ok(())
}

/// Whether this migration runs on PostgreSQL.
pub fn is_postgres(manager: &SchemaManager<'_>) -> bool {
    manager.get_database_backend() == DatabaseBackend::Postgres
}

/// Creates the application role if the cluster lacks it and grants it data access
/// (not ownership) to every table and sequence in the schema, now and for those
/// created later. Each migration that adds tables calls it again.
pub async fn grant_app_role(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let role = crate::APP_ROLE;
    let create = format!(
        "DO $$ BEGIN
           IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
             CREATE ROLE {role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
           END IF;
         -- Roles are cluster-wide: databases migrating at once (parallel tests on a
         -- fresh cluster) race to create it, and the loser finds it made.
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
         END $$"
    );
    // The migrating user must be able to SET ROLE to it (superusers always can).
    let membership = format!(
        "DO $$ BEGIN
           IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
             EXECUTE format('GRANT {role} TO %I', current_user);
           END IF;
         END $$"
    );
    let usage = format!("GRANT USAGE ON SCHEMA public TO {role}");
    let tables =
        format!("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}");
    let defaults = format!(
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}"
    );
    let sequences = format!("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}");
    let sequence_defaults = format!(
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {role}"
    );
    run(
        manager,
        &[
            &create,
            &membership,
            &usage,
            &tables,
            &defaults,
            &sequences,
            &sequence_defaults,
        ],
    )
    .await
}

/// Turns on row-level security for a tenant-owned table: `ENABLE` + `FORCE`, and a
/// policy that admits only rows of the tenants the transaction declared. A
/// transaction that declared nothing sees nothing (`NULLIF` turns the empty string a
/// pooled connection is left with into NULL, and `= ANY(NULL)` is never true).
pub async fn enable_rls(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    let enable = format!("ALTER TABLE {table} ENABLE ROW LEVEL SECURITY");
    let force = format!("ALTER TABLE {table} FORCE ROW LEVEL SECURITY");
    let policy = format!(
        "CREATE POLICY tenant_isolation ON {table} \
         USING (tenant_id = ANY(NULLIF(current_setting('garrison.tenant_ids', true), '')::uuid[])) \
         WITH CHECK (tenant_id = ANY(NULLIF(current_setting('garrison.tenant_ids', true), '')::uuid[]))"
    );
    run(manager, &[&enable, &force, &policy]).await
}

/// Runs a migration's DDL and, on PostgreSQL, puts its tenant-owned tables behind
/// row-level security and grants the application role access: what every
/// migration that adds tenant-owned tables does.
pub async fn create_tenant_tables(
    manager: &SchemaManager<'_>,
    statements: &[String],
    tenant_tables: &[&str],
) -> Result<(), DbErr> {
    let refs: Vec<&str> = statements.iter().map(String::as_str).collect();
    run(manager, &refs).await?;
    if is_postgres(manager) {
        for table in tenant_tables {
            enable_rls(manager, table).await?;
        }
        grant_app_role(manager).await?;
    }
    Ok(())
}

/// Drops tables in the reverse of the order given (the order they were created in).
pub async fn drop_tables(manager: &SchemaManager<'_>, tables: &[&str]) -> Result<(), DbErr> {
    let drops: Vec<String> = tables
        .iter()
        .rev()
        .map(|t| format!("DROP TABLE {t}"))
        .collect();
    let refs: Vec<&str> = drops.iter().map(String::as_str).collect();
    run(manager, &refs).await
}

/// Row-level security on each partition too, in case one is ever queried by name.
pub async fn enable_rls_on_partitions(
    manager: &SchemaManager<'_>,
    parent: &str,
) -> Result<(), DbErr> {
    let statement = format!(
        "DO $$ DECLARE p text; BEGIN
           FOR p IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                    JOIN pg_class t ON t.oid = i.inhparent WHERE t.relname = '{parent}'
           LOOP
             EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', p);
             EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', p);
             EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = ANY(NULLIF(current_setting(''garrison.tenant_ids'', true), '''')::uuid[])) WITH CHECK (tenant_id = ANY(NULLIF(current_setting(''garrison.tenant_ids'', true), '''')::uuid[]))', p);
           END LOOP;
         END $$"
    );
    run(manager, &[&statement]).await
}

/// PostgreSQL: one daily partition of `parent` (named `<parent>_pYYYYMMDD`) per
/// day that has rows in `existing` (by `received_at`), plus today and the next
/// week.
pub fn daily_partitions(parent: &str, existing: &str) -> String {
    format!(
        "DO $$ DECLARE d date; BEGIN
           FOR d IN SELECT DISTINCT (received_at AT TIME ZONE 'UTC')::date FROM {existing}
                    UNION SELECT (now() AT TIME ZONE 'UTC')::date + i FROM generate_series(0, 7) AS i
           LOOP
             EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF {parent} FOR VALUES FROM (%L) TO (%L)',
                            '{parent}_p' || to_char(d, 'YYYYMMDD'), d::timestamp AT TIME ZONE 'UTC', (d + 1)::timestamp AT TIME ZONE 'UTC');
           END LOOP;
         END $$"
    )
}
