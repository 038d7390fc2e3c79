//! Opening pools: the SQLite pragmas and the PostgreSQL application role.

use super::{Backend, backend_of};
use crate::{Error, Result, Secret};
use sea_orm::sqlx;
use sea_orm::{ConnectOptions, Database, DatabaseConnection};
use std::time::Duration;

/// How long a SQLite writer waits for the lock before failing.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens a connection with the credentials in `url` (the owner; used to migrate).
pub(super) async fn owner(url: &Secret<String>) -> Result<DatabaseConnection> {
    let mut options = base_options(url, 2);
    sqlite_pragmas(&mut options);
    Database::connect(options)
        .await
        .map_err(|e| connect_error(url, e))
}

/// One owner connection (a pool of one), so session state such as an advisory
/// lock stays on it.
pub(super) async fn owner_single(url: &Secret<String>) -> Result<DatabaseConnection> {
    Database::connect(base_options(url, 1))
        .await
        .map_err(|e| connect_error(url, e))
}

/// Opens the application pool. On PostgreSQL every connection switches to the
/// application role at once, so no request ever runs as the table owner.
pub(super) async fn app_pool(
    url: &Secret<String>,
    max_connections: u32,
) -> Result<(DatabaseConnection, Backend)> {
    let is_sqlite = url.expose().starts_with("sqlite:");
    // SQLite allows one writer; one pooled connection serialises writers instead of
    // surfacing SQLITE_BUSY when a reader upgrades to a writer (sea-orm's default too).
    let size = if is_sqlite { 1 } else { max_connections.max(1) };
    let mut options = base_options(url, size);
    sqlite_pragmas(&mut options);
    options.map_sqlx_postgres_pool_opts(|pool| {
        pool.after_connect(|conn, _meta| {
            Box::pin(async move {
                let set_role = format!("SET ROLE {}", garrison_migrations::APP_ROLE);
                sqlx::Executor::execute(conn, sqlx::AssertSqlSafe(set_role))
                    .await
                    .map(|_| ())
            })
        })
    });
    let conn = Database::connect(options)
        .await
        .map_err(|e| connect_error(url, e))?;
    let backend = backend_of(conn.get_database_backend());
    Ok((conn, backend))
}

fn base_options(url: &Secret<String>, max_connections: u32) -> ConnectOptions {
    let mut options = ConnectOptions::new(url.expose().clone());
    options
        .max_connections(max_connections)
        .min_connections(0)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(30))
        .sqlx_logging(false);
    options
}

fn sqlite_pragmas(options: &mut ConnectOptions) {
    options.map_sqlx_sqlite_opts(|opts| {
        // Ingest writes batches of megabytes: a 64 MiB page cache keeps the index
        // pages of a batch in memory, and a larger WAL checkpoint threshold stops
        // every commit from triggering a checkpoint of its own.
        opts.journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
            .synchronous(sqlx::sqlite::SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(SQLITE_BUSY_TIMEOUT)
            .create_if_missing(true)
            .page_size(8192)
            .pragma("cache_size", "-65536")
            .pragma("wal_autocheckpoint", "8192")
            .pragma("temp_store", "memory")
    });
}

fn connect_error(url: &Secret<String>, err: sea_orm::DbErr) -> Error {
    // The URL may carry a password: log only its scheme.
    let scheme = url.expose().split(':').next().unwrap_or("?");
    tracing::error!(scheme, error = %redact(&err.to_string(), url.expose()), "cannot open database");
    Error::Unavailable(format!("cannot open the {scheme} database"))
}

fn redact(message: &str, url: &str) -> String {
    message.replace(url, "<database url>")
}
