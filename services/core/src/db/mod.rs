//! The database: the only door to stored data is [`Db::begin`] with a [`Scope`].
//!
//! The connection pool is private to this module. A [`ScopedTx`] knows the tenants
//! of its scope; its queries over tenant-owned tables are filtered by it, its
//! inserts are stamped with a tenant it reaches, and on PostgreSQL it declares those
//! tenants to row-level security (transaction-locally) and runs as the unprivileged
//! application role, so even a query written wrong cannot cross tenants there.

mod checkpoint;
mod connect;
mod migrate;
pub mod partitions;
mod scoped;
#[cfg(any(test, feature = "test-util"))]
pub mod testing;

pub use migrate::{MigrationDirection, MigrationStatus};
pub use scoped::{ProviderOwned, Scoped, ScopedTx, TenantOwned};

use crate::scope::{Scope, TenantAccess};
use crate::{Error, Result, Secret, TenantId};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, TransactionTrait};

/// Which engine is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database handle: a pool, entered only through [`Db::begin`].
#[derive(Clone)]
pub struct Db {
    conn: DatabaseConnection,
    backend: Backend,
    /// SQLite's background WAL checkpointer, stopped with the last handle.
    _checkpointer: Option<std::sync::Arc<checkpoint::Checkpointer>>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("backend", &self.backend)
            .finish()
    }
}

impl Db {
    /// Applies pending migrations with the owner's credentials, then opens the
    /// application pool (on PostgreSQL, every pooled connection runs as the
    /// unprivileged application role).
    pub async fn open(url: &Secret<String>, max_connections: u32) -> Result<Db> {
        migrate::run(url, MigrationDirection::Up).await?;
        Db::connect_app(url, max_connections).await
    }

    /// Opens the application pool without migrating (for roles that must not migrate).
    pub async fn connect_app(url: &Secret<String>, max_connections: u32) -> Result<Db> {
        let (conn, backend) = connect::app_pool(url, max_connections).await?;
        let checkpointer = match backend {
            Backend::Sqlite => checkpoint::start(url).map(std::sync::Arc::new),
            Backend::Postgres => None,
        };
        Ok(Db {
            conn,
            backend,
            _checkpointer: checkpointer,
        })
    }

    /// Applies, reverts or reports migrations with the owner's credentials.
    pub async fn migrate(
        url: &Secret<String>,
        direction: MigrationDirection,
    ) -> Result<Vec<MigrationStatus>> {
        migrate::run(url, direction).await
    }

    /// The engine behind the pool.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Begins a transaction for `scope`. On PostgreSQL the scope's tenants are
    /// declared to row-level security for this transaction only.
    pub async fn begin<'s>(&self, scope: &'s Scope) -> Result<ScopedTx<'s>> {
        let tx = self.conn.begin().await?;
        let tenants = match scope.tenants() {
            TenantAccess::Only(set) => set.iter().copied().collect(),
            TenantAccess::All => all_tenant_ids(&tx).await?,
        };
        let scoped = ScopedTx::new(tx, scope, tenants, self.backend);
        scoped.declare_tenants().await?;
        Ok(scoped)
    }

    /// A transaction over the provider registry only (users, sessions, tenant
    /// status) for sign-in and token checks, before any caller scope exists. It
    /// reaches no tenant, so it sees no tenant-owned row.
    pub(crate) async fn begin_registry(&self) -> Result<ScopedTx<'static>> {
        static REGISTRY: std::sync::LazyLock<Scope> = std::sync::LazyLock::new(Scope::registry);
        let tx = self.conn.begin().await?;
        let scoped = ScopedTx::new(tx, &REGISTRY, Vec::new(), self.backend);
        scoped.declare_tenants().await?;
        Ok(scoped)
    }

    /// Readiness: the database answers and no migration is pending.
    pub async fn ready(&self) -> Result<()> {
        self.conn
            .ping()
            .await
            .map_err(|_| Error::Unavailable("database".into()))?;
        if migrate::pending(&self.conn).await? > 0 {
            return Err(Error::Unavailable("migrations pending".into()));
        }
        Ok(())
    }
}

/// Every tenant id, for an all-tenants scope. `tenants` is the provider's registry
/// and carries no row-level security, so this works before any tenant is declared.
async fn all_tenant_ids(tx: &sea_orm::DatabaseTransaction) -> Result<Vec<TenantId>> {
    let backend = tx.get_database_backend();
    let rows = tx
        .query_all_raw(Statement::from_string(backend, "SELECT id FROM tenants"))
        .await?;
    rows.iter()
        .map(|row| {
            row.try_get::<uuid::Uuid>("", "id")
                .map(TenantId::from_uuid)
                .map_err(Error::from)
        })
        .collect()
}

pub(crate) fn backend_of(backend: DbBackend) -> Backend {
    match backend {
        DbBackend::Postgres => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

#[cfg(test)]
mod wall_tests;
