//! The scoped transaction and the tenant-filtered query builder.

use super::Backend;
use crate::scope::Scope;
use crate::{Error, Result, TenantId};
use sea_orm::sea_query::{IntoCondition, OnConflict, SimpleExpr};
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, IdenStatic, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Select, Statement, Value,
};

/// A table whose rows belong to one tenant. Implemented by each service for its
/// tenant-owned entities; the transaction uses the column to filter and stamp.
pub trait TenantOwned: EntityTrait {
    /// The `tenant_id` column.
    fn tenant_column() -> Self::Column;
}

/// A table of the provider's own catalogue (rule packs, plans): it belongs to no
/// tenant, so it has no tenant filter and no row-level security. Every scope may
/// read it; services check the role before writing (`scope.require(...)`).
pub trait ProviderOwned: EntityTrait {}

/// A transaction that knows its scope's tenants. See the module docs of `db`.
pub struct ScopedTx<'s> {
    tx: DatabaseTransaction,
    scope: &'s Scope,
    tenants: Vec<TenantId>,
    backend: Backend,
}

impl<'s> ScopedTx<'s> {
    pub(super) fn new(
        tx: DatabaseTransaction,
        scope: &'s Scope,
        tenants: Vec<TenantId>,
        backend: Backend,
    ) -> Self {
        ScopedTx {
            tx,
            scope,
            tenants,
            backend,
        }
    }

    /// Declares the tenants to PostgreSQL row-level security, transaction-locally
    /// (`set_config(..., true)`), so a pooled connection never carries them on.
    pub(super) async fn declare_tenants(&self) -> Result<()> {
        if self.backend != Backend::Postgres {
            return Ok(());
        }
        let list = format!(
            "{{{}}}",
            self.tenants
                .iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
        self.tx
            .execute_raw(Statement::from_sql_and_values(
                sea_orm::DbBackend::Postgres,
                "SELECT set_config('garrison.tenant_ids', $1, true)",
                [Value::from(list)],
            ))
            .await?;
        Ok(())
    }

    /// The scope this transaction acts for.
    pub fn scope(&self) -> &Scope {
        self.scope
    }

    /// The engine behind the transaction.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The tenants this transaction reaches.
    pub fn tenants(&self) -> &[TenantId] {
        &self.tenants
    }

    /// Admits a tenant created inside this transaction (an all-tenants scope only),
    /// so rows stamped with it pass row-level security before commit.
    pub(crate) async fn admit_new_tenant(&mut self, tenant: TenantId) -> Result<()> {
        if !matches!(self.scope.tenants(), crate::scope::TenantAccess::All) {
            return Err(Error::Forbidden(
                "only an all-tenants scope may create tenants".into(),
            ));
        }
        self.tenants.push(tenant);
        self.declare_tenants().await
    }

    /// The raw transaction, for the provider registry inside this crate only.
    pub(crate) fn raw(&self) -> &DatabaseTransaction {
        &self.tx
    }

    /// Fails with `not_found` unless the transaction reaches `tenant`.
    pub fn check_tenant(&self, tenant: TenantId) -> Result<()> {
        if self.tenants.contains(&tenant) {
            Ok(())
        } else {
            Err(Error::NotFound)
        }
    }

    /// A query over a tenant-owned table, already filtered to this transaction's tenants.
    pub fn select<E: TenantOwned>(&self) -> Scoped<E> {
        let ids: Vec<uuid::Uuid> = self.tenants.iter().map(TenantId::as_uuid).collect();
        Scoped {
            select: E::find().filter(E::tenant_column().is_in(ids)),
        }
    }

    /// Inserts a row into a tenant-owned table, stamped with `tenant` (which must be
    /// reachable: otherwise `not_found`).
    pub async fn insert<A>(
        &self,
        tenant: TenantId,
        mut model: A,
    ) -> Result<<A::Entity as EntityTrait>::Model>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        A::Entity: TenantOwned,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
    {
        self.check_tenant(tenant)?;
        model.set(
            <A::Entity as TenantOwned>::tenant_column(),
            tenant.as_uuid().into(),
        );
        Ok(model.insert(&self.tx).await?)
    }

    /// Inserts many rows into a tenant-owned table in one statement, each stamped
    /// with `tenant` (which must be reachable). Returns how many were written.
    pub async fn insert_many<A>(&self, tenant: TenantId, models: Vec<A>) -> Result<u64>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        A::Entity: TenantOwned,
    {
        self.check_tenant(tenant)?;
        let count = models.len() as u64;
        if count == 0 {
            return Ok(0);
        }
        let column = <A::Entity as TenantOwned>::tenant_column();
        let stamped = models.into_iter().map(|mut m| {
            m.set(column, tenant.as_uuid().into());
            m
        });
        <A::Entity as EntityTrait>::insert_many(stamped)
            .exec_without_returning(&self.tx)
            .await?;
        Ok(count)
    }

    /// Inserts rows into a tenant-owned table in multi-row statements, each row's
    /// values in `columns` order, its tenant column stamped with `tenant` (which
    /// must be reachable) whatever the row held. For the ingest writer, where an
    /// active model per row and a query builder per statement cost more than the
    /// database's own work. Returns how many rows were written.
    pub async fn insert_rows<E: TenantOwned>(
        &self,
        tenant: TenantId,
        columns: &[E::Column],
        rows: Vec<Vec<Value>>,
        rows_per_statement: usize,
    ) -> Result<u64> {
        self.check_tenant(tenant)?;
        let stamp = columns
            .iter()
            .position(|c| c.as_str() == E::tenant_column().as_str())
            .ok_or_else(|| Error::internal("insert_rows without the tenant column"))?;
        let width = columns.len();
        let count = rows.len() as u64;
        let mut rows = rows.into_iter().peekable();
        let per_statement = rows_per_statement.max(1);
        while rows.peek().is_some() {
            let mut values = Vec::with_capacity(per_statement * width);
            let mut taken = 0;
            for mut row in rows.by_ref().take(per_statement) {
                if row.len() != width {
                    return Err(Error::internal(format!(
                        "insert_rows: a row of {} values for {width} columns",
                        row.len()
                    )));
                }
                row[stamp] = tenant.as_uuid().into();
                values.extend(row);
                taken += 1;
            }
            let sql = insert_sql(self.backend, E::default().table_name(), columns, taken);
            self.tx
                .execute_raw(Statement::from_sql_and_values(
                    self.tx.get_database_backend(),
                    sql,
                    values,
                ))
                .await?;
        }
        Ok(count)
    }

    /// Inserts a row stamped with `tenant`, or on conflict applies `on_conflict`
    /// (counters and ledgers use this to add to an existing row). Returns the rows
    /// written: 0 when `on_conflict` does nothing.
    pub async fn upsert<A>(
        &self,
        tenant: TenantId,
        mut model: A,
        on_conflict: OnConflict,
    ) -> Result<u64>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        A::Entity: TenantOwned,
    {
        self.check_tenant(tenant)?;
        model.set(
            <A::Entity as TenantOwned>::tenant_column(),
            tenant.as_uuid().into(),
        );
        Ok(<A::Entity as EntityTrait>::insert(model)
            .on_conflict(on_conflict)
            .exec_without_returning(&self.tx)
            .await?)
    }

    /// [`ScopedTx::upsert`] for many rows, a thousand per statement (one round
    /// trip each instead of one per row). No two rows may share a conflict key:
    /// PostgreSQL refuses to update a row twice in one statement.
    pub async fn upsert_many<A>(
        &self,
        tenant: TenantId,
        models: Vec<A>,
        on_conflict: OnConflict,
    ) -> Result<()>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        A::Entity: TenantOwned,
    {
        self.check_tenant(tenant)?;
        let column = <A::Entity as TenantOwned>::tenant_column();
        let mut models = models.into_iter().peekable();
        while models.peek().is_some() {
            let stamped = models.by_ref().take(1000).map(|mut m| {
                m.set(column, tenant.as_uuid().into());
                m
            });
            <A::Entity as EntityTrait>::insert_many(stamped)
                .on_conflict(on_conflict.clone())
                .exec_without_returning(&self.tx)
                .await?;
        }
        Ok(())
    }

    /// Updates rows of a tenant-owned table matching `condition` inside this
    /// transaction's tenants; returns how many changed.
    pub async fn update_where<E: TenantOwned>(
        &self,
        condition: impl IntoCondition,
        set: Vec<(E::Column, SimpleExpr)>,
    ) -> Result<u64> {
        let ids: Vec<uuid::Uuid> = self.tenants.iter().map(TenantId::as_uuid).collect();
        let mut update = E::update_many()
            .filter(E::tenant_column().is_in(ids))
            .filter(condition);
        for (column, value) in set {
            update = update.col_expr(column, value);
        }
        Ok(update.exec(&self.tx).await?.rows_affected)
    }

    /// Deletes rows of a tenant-owned table matching `condition` inside this
    /// transaction's tenants; returns how many went.
    pub async fn delete_where<E: TenantOwned>(&self, condition: impl IntoCondition) -> Result<u64> {
        let ids: Vec<uuid::Uuid> = self.tenants.iter().map(TenantId::as_uuid).collect();
        let delete = E::delete_many()
            .filter(E::tenant_column().is_in(ids))
            .filter(condition);
        Ok(delete.exec(&self.tx).await?.rows_affected)
    }

    /// A query over a provider catalogue table (no tenant filter: it has none).
    pub fn select_catalog<E: ProviderOwned>(&self) -> Scoped<E> {
        Scoped { select: E::find() }
    }

    /// Inserts a row into a provider catalogue table. The caller has checked the role.
    pub async fn insert_catalog<A>(&self, model: A) -> Result<<A::Entity as EntityTrait>::Model>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        A::Entity: ProviderOwned,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
    {
        Ok(model.insert(&self.tx).await?)
    }

    /// Inserts many rows into a provider catalogue table in one statement.
    pub async fn insert_many_catalog<A>(&self, models: Vec<A>) -> Result<u64>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        A::Entity: ProviderOwned,
    {
        let count = models.len() as u64;
        if count == 0 {
            return Ok(0);
        }
        <A::Entity as EntityTrait>::insert_many(models)
            .exec_without_returning(&self.tx)
            .await?;
        Ok(count)
    }

    /// Updates rows of a provider catalogue table; returns how many changed.
    pub async fn update_catalog<E: ProviderOwned>(
        &self,
        condition: impl IntoCondition,
        set: Vec<(E::Column, SimpleExpr)>,
    ) -> Result<u64> {
        let mut update = E::update_many().filter(condition);
        for (column, value) in set {
            update = update.col_expr(column, value);
        }
        Ok(update.exec(&self.tx).await?.rows_affected)
    }

    /// Orders this transaction's commit after every other transaction that took
    /// the same `key` (PostgreSQL: a transaction-level advisory lock, released at
    /// commit or rollback). Ingest takes it per tenant before inserting events, so
    /// that with many ingest processes a tenant's sequence numbers become visible
    /// in order and a consumer's cursor never skips a row committed late. SQLite
    /// has one writer at a time already, so there it does nothing.
    pub async fn serialize_on(&self, key: &str) -> Result<()> {
        if self.backend != Backend::Postgres {
            return Ok(());
        }
        self.tx
            .execute_raw(Statement::from_sql_and_values(
                sea_orm::DbBackend::Postgres,
                "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                [Value::from(key)],
            ))
            .await?;
        Ok(())
    }

    /// Commits.
    pub async fn commit(self) -> Result<()> {
        Ok(self.tx.commit().await?)
    }

    /// Rolls back (dropping the transaction does too).
    pub async fn rollback(self) -> Result<()> {
        Ok(self.tx.rollback().await?)
    }
}

/// A tenant-filtered select. It can be narrowed, never widened.
pub struct Scoped<E: EntityTrait> {
    select: Select<E>,
}

impl<E: EntityTrait> Scoped<E> {
    /// Adds a condition (AND).
    pub fn filter(self, condition: impl IntoCondition) -> Self {
        Scoped {
            select: self.select.filter(condition),
        }
    }

    /// Orders ascending by a column.
    pub fn order_by_asc(self, column: E::Column) -> Self {
        Scoped {
            select: self.select.order_by_asc(column),
        }
    }

    /// Orders descending by a column.
    pub fn order_by_desc(self, column: E::Column) -> Self {
        Scoped {
            select: self.select.order_by_desc(column),
        }
    }

    /// Limits the number of rows.
    pub fn limit(self, limit: u64) -> Self {
        Scoped {
            select: self.select.limit(limit),
        }
    }

    /// Every matching row.
    pub async fn all(self, tx: &ScopedTx<'_>) -> Result<Vec<E::Model>> {
        Ok(self.select.all(&tx.tx).await?)
    }

    /// Every matching row, reading only `columns` into `M` (whose fields they
    /// name): for listing rows whose other columns are large.
    pub async fn all_columns<M: sea_orm::FromQueryResult>(
        self,
        tx: &ScopedTx<'_>,
        columns: &[E::Column],
    ) -> Result<Vec<M>> {
        Ok(self
            .select
            .select_only()
            .columns(columns.iter().copied())
            .into_model::<M>()
            .all(&tx.tx)
            .await?)
    }

    /// The first matching row.
    pub async fn one(self, tx: &ScopedTx<'_>) -> Result<Option<E::Model>> {
        Ok(self.select.one(&tx.tx).await?)
    }

    /// The first matching row, or `not_found` (absent and out-of-scope look alike).
    pub async fn found(self, tx: &ScopedTx<'_>) -> Result<E::Model> {
        self.one(tx).await?.ok_or(Error::NotFound)
    }

    /// How many rows match.
    pub async fn count(self, tx: &ScopedTx<'_>) -> Result<u64>
    where
        E::Model: Sync,
    {
        Ok(self.select.count(&tx.tx).await?)
    }

    /// Matching rows counted per value of an integer expression (e.g. a time
    /// bucket): `(key, count)` pairs in key order. The expression is SQL written
    /// by the caller for the transaction's backend, never from user input.
    pub async fn count_by(self, tx: &ScopedTx<'_>, key_sql: &str) -> Result<Vec<(i64, i64)>> {
        #[derive(Debug, sea_orm::FromQueryResult)]
        struct Row {
            key: i64,
            n: i64,
        }
        let key = sea_orm::sea_query::Expr::cust(key_sql.to_string());
        let rows = self
            .select
            .select_only()
            .column_as(key.clone(), "key")
            .column_as(sea_orm::sea_query::Expr::cust("COUNT(*)"), "n")
            .group_by(key.clone())
            .order_by(key, sea_orm::Order::Asc)
            .into_model::<Row>()
            .all(&tx.tx)
            .await?;
        Ok(rows.into_iter().map(|r| (r.key, r.n)).collect())
    }
}

/// `INSERT INTO "t" ("a", "b") VALUES (?, ?), (?, ?)` for `rows` rows, with the
/// backend's placeholders.
fn insert_sql<C: IdenStatic>(backend: Backend, table: &str, columns: &[C], rows: usize) -> String {
    use std::fmt::Write;
    let names: Vec<String> = columns
        .iter()
        .map(|c| format!("\"{}\"", c.as_str()))
        .collect();
    let mut sql = format!("INSERT INTO \"{table}\" ({}) VALUES ", names.join(", "));
    let mut n = 0;
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..columns.len() {
            if column > 0 {
                sql.push_str(", ");
            }
            n += 1;
            match backend {
                Backend::Postgres => {
                    let _ = write!(sql, "${n}");
                }
                Backend::Sqlite => sql.push('?'),
            }
        }
        sql.push(')');
    }
    sql
}
