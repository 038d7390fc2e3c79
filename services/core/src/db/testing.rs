//! Fresh databases for tests: a SQLite file in a temporary directory, or, when
//! `GARRISON_TEST_DATABASE_URL` is set, a new PostgreSQL database on that server.
//!
//! PostgreSQL test databases are named `garrison_t_<pid>_<n>`; each new one sweeps
//! away those whose process is gone, so crashed runs do not pile up.

use super::Db;
use crate::Secret;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use std::sync::atomic::{AtomicU32, Ordering};

/// The environment variable that switches the suite to PostgreSQL.
pub const TEST_DATABASE_URL: &str = "GARRISON_TEST_DATABASE_URL";

/// A fresh, migrated database for one test.
pub struct TestDb {
    pub db: Db,
    pub url: Secret<String>,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    /// Creates and migrates a fresh database. Panics with a clear message on failure
    /// (this is test setup).
    pub async fn new() -> TestDb {
        let (url, dir) = match std::env::var(TEST_DATABASE_URL)
            .ok()
            .filter(|v| !v.is_empty())
        {
            Some(admin) => (fresh_postgres(&admin).await, None),
            None => {
                let dir = tempfile::tempdir().expect("temporary directory for the test database");
                let url = format!(
                    "sqlite://{}?mode=rwc",
                    dir.path().join("garrison.db").display()
                );
                (url, Some(dir))
            }
        };
        let url = Secret::new(url);
        let db = Db::open(&url, 4)
            .await
            .expect("test database opens and migrates");
        TestDb { db, url, _dir: dir }
    }

    /// Creates a tenant slugged `slug`, named `Tenant <slug>` (test setup:
    /// panics on failure).
    pub async fn tenant(&self, slug: &str) -> crate::TenantId {
        let scope = crate::Scope::system("test");
        let mut tx = self.db.begin(&scope).await.expect("begin");
        let tenant = crate::tenants::create_tenant(
            &mut tx,
            crate::tenants::NewTenant {
                name: format!("Tenant {slug}"),
                slug: slug.into(),
                timezone: None,
            },
        )
        .await
        .expect("tenant");
        tx.commit().await.expect("commit");
        tenant.id
    }

    /// Whether this run is against PostgreSQL.
    pub fn is_postgres() -> bool {
        std::env::var(TEST_DATABASE_URL).is_ok_and(|v| !v.is_empty())
    }

    /// An owner connection to the same database, for tests that must look past
    /// the application's walls (e.g. the raw row-level-security test).
    pub async fn owner_connection(&self) -> DatabaseConnection {
        Database::connect(self.url.expose().as_str())
            .await
            .expect("owner connection")
    }
}

async fn fresh_postgres(admin_url: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let admin = Database::connect(admin_url)
        .await
        .expect("GARRISON_TEST_DATABASE_URL reachable");
    sweep_stale(&admin).await;
    let name = format!(
        "garrison_t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        &crate::token::random_token(6)
            .to_ascii_lowercase()
            .replace(['-', '_'], "x")
    );
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create test database");
    let _ = admin.close().await;
    replace_database(admin_url, &name)
}

async fn sweep_stale(admin: &DatabaseConnection) {
    let rows = admin
        .query_all_raw(Statement::from_string(
            admin.get_database_backend(),
            "SELECT datname FROM pg_database WHERE datname LIKE 'garrison_t_%'",
        ))
        .await
        .unwrap_or_default();
    for row in rows {
        let Ok(name) = row.try_get::<String>("", "datname") else {
            continue;
        };
        let pid = name.split('_').nth(2).and_then(|p| p.parse::<u32>().ok());
        let alive = pid.is_some_and(|p| std::path::Path::new(&format!("/proc/{p}")).exists());
        if !alive {
            let _ = admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await;
        }
    }
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let root = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{root}/{name}?{q}"),
        None => format!("{root}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_database_name() {
        assert_eq!(
            super::replace_database("postgres://u@h:5432/test", "x"),
            "postgres://u@h:5432/x"
        );
        assert_eq!(
            super::replace_database("postgres://u@h/test?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(
            super::replace_database("postgres://h", "x"),
            "postgres://h/x"
        );
    }
}
