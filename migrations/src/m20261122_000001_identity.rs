//! The spine's tables: tenants, users, provider-staff tenant assignments, refresh
//! tokens, and the tenant-owned audit log.
//!
//! `tenants`, `users`, `tenant_assignments` and `refresh_tokens` are the provider's
//! registry (read before any scope exists, e.g. at login), so they are guarded by the
//! application's scope checks. `audit_log` is tenant-owned and carries row-level
//! security on PostgreSQL like every tenant-owned table that follows.

use crate::sql;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261122_000001_identity"
    }
}

const SQLITE_UP: &[&str] = &[
    "CREATE TABLE tenants (
        id BLOB PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('active', 'suspended')),
        timezone TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )",
    "CREATE TABLE users (
        id BLOB PRIMARY KEY NOT NULL,
        email TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL,
        home_tenant_id BLOB NULL REFERENCES tenants(id),
        all_tenants INTEGER NOT NULL DEFAULT 0,
        disabled INTEGER NOT NULL DEFAULT 0,
        last_login_at TEXT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )",
    "CREATE INDEX users_home_tenant ON users (home_tenant_id)",
    "CREATE TABLE tenant_assignments (
        user_id BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tenant_id BLOB NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (user_id, tenant_id)
    )",
    "CREATE INDEX tenant_assignments_tenant ON tenant_assignments (tenant_id)",
    "CREATE TABLE refresh_tokens (
        id BLOB PRIMARY KEY NOT NULL,
        user_id BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id BLOB NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        issued_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT NULL,
        rotated_at TEXT NULL
    )",
    "CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)",
    "CREATE TABLE audit_log (
        id BLOB PRIMARY KEY NOT NULL,
        tenant_id BLOB NOT NULL REFERENCES tenants(id),
        actor_id BLOB NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL,
        created_at TEXT NOT NULL
    )",
    "CREATE INDEX audit_log_tenant_time ON audit_log (tenant_id, created_at)",
];

const POSTGRES_UP: &[&str] = &[
    "CREATE TABLE tenants (
        id UUID PRIMARY KEY,
        name TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('active', 'suspended')),
        timezone TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
    )",
    "CREATE TABLE users (
        id UUID PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL,
        home_tenant_id UUID NULL REFERENCES tenants(id),
        all_tenants BOOLEAN NOT NULL DEFAULT FALSE,
        disabled BOOLEAN NOT NULL DEFAULT FALSE,
        last_login_at TIMESTAMPTZ NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
    )",
    "CREATE INDEX users_home_tenant ON users (home_tenant_id)",
    "CREATE TABLE tenant_assignments (
        user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        created_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (user_id, tenant_id)
    )",
    "CREATE INDEX tenant_assignments_tenant ON tenant_assignments (tenant_id)",
    "CREATE TABLE refresh_tokens (
        id UUID PRIMARY KEY,
        user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id UUID NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        issued_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        revoked_at TIMESTAMPTZ NULL,
        rotated_at TIMESTAMPTZ NULL
    )",
    "CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)",
    "CREATE TABLE audit_log (
        id UUID PRIMARY KEY,
        tenant_id UUID NOT NULL REFERENCES tenants(id),
        actor_id UUID NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
    )",
    "CREATE INDEX audit_log_tenant_time ON audit_log (tenant_id, created_at)",
];

const DOWN: &[&str] = &[
    "DROP TABLE audit_log",
    "DROP TABLE refresh_tokens",
    "DROP TABLE tenant_assignments",
    "DROP TABLE users",
    "DROP TABLE tenants",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if sql::is_postgres(manager) {
            sql::run(manager, POSTGRES_UP).await?;
            sql::enable_rls(manager, "audit_log").await?;
            sql::grant_app_role(manager).await
        } else {
            sql::run(manager, SQLITE_UP).await
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The role is cluster-wide and may serve other databases, so `down` drops the
        // tables (and with them their grants and policies) but leaves the role.
        sql::run(manager, DOWN).await
    }
}
