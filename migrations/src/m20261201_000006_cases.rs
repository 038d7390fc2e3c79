//! Cases: the incident record an analyst works to closure with the customer —
//! comments (internal or shared), tasks, observables, a timeline, response
//! actions the customer approves, small attachments — plus a per-tenant counter
//! for human case numbers. Every table is tenant-owned.

use crate::sql;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000006_cases"
    }
}

const TENANT_TABLES: [&str; 8] = [
    "case_counters",
    "cases",
    "case_comments",
    "case_tasks",
    "case_observables",
    "case_timeline",
    "case_actions",
    "case_attachments",
];

fn ddl(postgres: bool) -> Vec<String> {
    let (uuid, ts, boolean, blob) = if postgres {
        ("UUID", "TIMESTAMPTZ", "BOOLEAN", "BYTEA")
    } else {
        ("BLOB", "TEXT", "INTEGER", "BLOB")
    };
    vec![
        format!(
            "CREATE TABLE case_counters (
                tenant_id {uuid} PRIMARY KEY NOT NULL REFERENCES tenants(id),
                last_number BIGINT NOT NULL
            )"
        ),
        format!(
            "CREATE TABLE cases (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                number BIGINT NOT NULL,
                title TEXT NOT NULL,
                description TEXT NOT NULL,
                severity SMALLINT NOT NULL,
                status TEXT NOT NULL,
                assignee_id {uuid} NULL,
                tags TEXT NOT NULL,
                tlp TEXT NOT NULL,
                pap TEXT NOT NULL,
                source TEXT NOT NULL,
                waiting_reason TEXT NULL,
                merged_into {uuid} NULL,
                created_by {uuid} NULL,
                created_at {ts} NOT NULL,
                updated_at {ts} NOT NULL,
                resolved_at {ts} NULL,
                closed_at {ts} NULL
            )"
        ),
        "CREATE UNIQUE INDEX cases_tenant_number ON cases (tenant_id, number)".into(),
        "CREATE INDEX cases_tenant_status ON cases (tenant_id, status)".into(),
        format!(
            "CREATE TABLE case_comments (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                case_id {uuid} NOT NULL REFERENCES cases(id),
                author_id {uuid} NULL,
                body TEXT NOT NULL,
                visibility TEXT NOT NULL,
                created_at {ts} NOT NULL
            )"
        ),
        "CREATE INDEX case_comments_case ON case_comments (tenant_id, case_id)".into(),
        format!(
            "CREATE TABLE case_tasks (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                case_id {uuid} NOT NULL REFERENCES cases(id),
                title TEXT NOT NULL,
                status TEXT NOT NULL,
                assignee_id {uuid} NULL,
                due_at {ts} NULL,
                created_at {ts} NOT NULL,
                updated_at {ts} NOT NULL
            )"
        ),
        "CREATE INDEX case_tasks_case ON case_tasks (tenant_id, case_id)".into(),
        format!(
            "CREATE TABLE case_observables (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                case_id {uuid} NOT NULL REFERENCES cases(id),
                kind TEXT NOT NULL,
                value TEXT NOT NULL,
                ioc {boolean} NOT NULL,
                note TEXT NULL,
                created_at {ts} NOT NULL
            )"
        ),
        "CREATE UNIQUE INDEX case_observables_unique ON case_observables (tenant_id, case_id, kind, value)".into(),
        "CREATE INDEX case_observables_value ON case_observables (tenant_id, value)".into(),
        format!(
            "CREATE TABLE case_timeline (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                case_id {uuid} NOT NULL REFERENCES cases(id),
                at {ts} NOT NULL,
                kind TEXT NOT NULL,
                actor_id {uuid} NULL,
                summary TEXT NOT NULL,
                visibility TEXT NOT NULL,
                created_at {ts} NOT NULL
            )"
        ),
        "CREATE INDEX case_timeline_case ON case_timeline (tenant_id, case_id, at)".into(),
        format!(
            "CREATE TABLE case_actions (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                case_id {uuid} NOT NULL REFERENCES cases(id),
                description TEXT NOT NULL,
                status TEXT NOT NULL,
                proposed_by {uuid} NULL,
                proposed_at {ts} NOT NULL,
                decided_by {uuid} NULL,
                decided_at {ts} NULL,
                decision_comment TEXT NULL
            )"
        ),
        "CREATE INDEX case_actions_case ON case_actions (tenant_id, case_id)".into(),
        format!(
            "CREATE TABLE case_attachments (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                case_id {uuid} NOT NULL REFERENCES cases(id),
                filename TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size BIGINT NOT NULL,
                sha256 TEXT NOT NULL,
                data {blob} NOT NULL,
                visibility TEXT NOT NULL,
                uploaded_by {uuid} NULL,
                created_at {ts} NOT NULL
            )"
        ),
        "CREATE INDEX case_attachments_case ON case_attachments (tenant_id, case_id)".into(),
        "CREATE INDEX alerts_tenant_case ON alerts (tenant_id, case_id)".into(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let statements = ddl(sql::is_postgres(manager));
        sql::create_tenant_tables(manager, &statements, &TENANT_TABLES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        sql::run(manager, &["DROP INDEX alerts_tenant_case"]).await?;
        sql::drop_tables(manager, &TENANT_TABLES).await
    }
}
