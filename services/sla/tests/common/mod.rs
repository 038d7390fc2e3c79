//! Shared set-up for the SLA integration tests: a fresh database (SQLite, or
//! PostgreSQL when `GARRISON_TEST_DATABASE_URL` is set), tenants, and helpers.

#![allow(dead_code)]

use chrono::{DateTime, Utc};
use garrison_core::db::testing::TestDb;
use garrison_core::scope::TenantAccess;
use garrison_core::tenants::{NewTenant, create_tenant};
use garrison_core::{Role, Scope, TenantId};
use garrison_sla::{Subject, SubjectKind};
use std::collections::BTreeSet;

/// Creates a tenant in the given IANA time zone.
pub async fn tenant(test: &TestDb, slug: &str, timezone: &str) -> TenantId {
    let scope = Scope::system("test");
    let mut tx = test.db.begin(&scope).await.expect("begin");
    let t = create_tenant(
        &mut tx,
        NewTenant {
            name: format!("Tenant {slug}"),
            slug: slug.into(),
            timezone: Some(timezone.into()),
        },
    )
    .await
    .expect("tenant");
    tx.commit().await.expect("commit");
    t.id
}

/// An RFC 3339 instant.
pub fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("test instant")
        .with_timezone(&Utc)
}

/// A fresh subject of `tenant`.
pub fn subject(kind: SubjectKind, tenant: TenantId) -> Subject {
    Subject {
        kind,
        id: uuid::Uuid::now_v7(),
        tenant,
    }
}

/// A scope with `role` over exactly `tenants`.
pub fn scope(role: Role, tenants: &[TenantId]) -> Scope {
    Scope::for_test(
        role,
        TenantAccess::Only(tenants.iter().copied().collect::<BTreeSet<_>>()),
    )
}
