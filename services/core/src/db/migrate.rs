//! Migrations, applied with the owner's credentials.

use super::connect;
use crate::{Error, Result, Secret};
use garrison_migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

/// The advisory lock key that serialises migrations across processes.
const MIGRATION_LOCK: i64 = 0x6761_7272_6973_6f6e; // "garrison"

/// What `garrison migrate` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MigrationDirection {
    /// Apply every pending migration.
    Up,
    /// Revert the most recent migration.
    Down,
    /// Change nothing; report.
    Status,
}

/// One migration's state after the command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationStatus {
    pub name: String,
    pub applied: bool,
}

pub(super) async fn run(
    url: &Secret<String>,
    direction: MigrationDirection,
) -> Result<Vec<MigrationStatus>> {
    // SQLite creates the file but not its directory.
    let sqlite_dir = sqlite_path(url.expose())
        .and_then(|path| {
            std::path::Path::new(&path)
                .parent()
                .map(|p| p.to_path_buf())
        })
        .filter(|dir| !dir.as_os_str().is_empty());
    if let Some(dir) = sqlite_dir {
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::Unavailable(format!("cannot create {}: {e}", dir.display())))?;
    }
    // Processes of several roles may start together against one PostgreSQL:
    // one migrates while the others wait, then find nothing pending.
    let lock = if url.expose().starts_with("postgres") {
        let lock = connect::owner_single(url).await?;
        lock.execute_raw(Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"),
        ))
        .await?;
        Some(lock)
    } else {
        None
    };
    let conn = connect::owner(url).await?;
    match direction {
        MigrationDirection::Up => Migrator::up(&conn, None).await.map_err(migration_error)?,
        MigrationDirection::Down => Migrator::down(&conn, Some(1))
            .await
            .map_err(migration_error)?,
        MigrationDirection::Status => {}
    }
    let applied: Vec<String> = Migrator::get_applied_migrations(&conn)
        .await
        .map_err(migration_error)?
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    let statuses = Migrator::migrations()
        .iter()
        .map(|m| MigrationStatus {
            name: m.name().to_string(),
            applied: applied.iter().any(|a| a == m.name()),
        })
        .collect();
    conn.close().await.map_err(migration_error)?;
    if let Some(lock) = lock {
        // Closing the session releases the lock too; unlocking says so plainly.
        lock.execute_raw(Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"),
        ))
        .await?;
        lock.close().await.map_err(migration_error)?;
    }
    Ok(statuses)
}

/// Migrations not yet applied, read without installing anything: the application
/// role may not create tables, so sea-orm's own check (which creates its table if
/// missing) is not usable here.
pub(super) async fn pending(conn: &DatabaseConnection) -> Result<usize> {
    let backend = conn.get_database_backend();
    let rows = conn
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT version FROM seaql_migrations",
        ))
        .await
        .map_err(|e| Error::Unavailable(format!("migrations table unreadable: {e}")))?;
    let applied: Vec<String> = rows
        .iter()
        .filter_map(|r| r.try_get::<String>("", "version").ok())
        .collect();
    Ok(Migrator::migrations()
        .iter()
        .filter(|m| !applied.iter().any(|a| a == m.name()))
        .count())
}

fn migration_error(err: sea_orm::DbErr) -> Error {
    Error::internal(format!("migration: {err}"))
}

fn sqlite_path(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then(|| path.to_string())
}
