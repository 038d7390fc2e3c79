//! The isolation walls at the storage layer: the scoped transaction (wall 1) on
//! every backend, and PostgreSQL row-level security (wall 2) seen from a raw
//! connection as the application role.

use super::testing::TestDb;
use crate::entity::audit_log;
use crate::role::Role;
use crate::scope::{Scope, TenantAccess};
use crate::tenants::{NewTenant, create_tenant};
use crate::{Error, TenantId, audit};
use sea_orm::{ConnectionTrait, Statement, TransactionTrait};
use std::collections::BTreeSet;

async fn two_tenants(db: &super::Db) -> (TenantId, TenantId) {
    let scope = Scope::system("test");
    let mut tx = db.begin(&scope).await.expect("begin");
    let mut ids = Vec::new();
    for slug in ["tenant-a", "tenant-b"] {
        let t = create_tenant(
            &mut tx,
            NewTenant {
                name: slug.into(),
                slug: slug.into(),
                timezone: None,
            },
        )
        .await
        .expect("create tenant");
        audit::record(
            &tx,
            t.id,
            "test.event",
            "x",
            serde_json::json!({"slug": slug}),
        )
        .await
        .expect("audit");
        ids.push(t.id);
    }
    tx.commit().await.expect("commit");
    (ids[0], ids[1])
}

/// The audit log's columns that [`audit_row`] fills, for bulk-insert tests.
pub(super) const AUDIT_COLUMNS: [audit_log::Column; 6] = [
    audit_log::Column::Id,
    audit_log::Column::TenantId,
    audit_log::Column::Action,
    audit_log::Column::Target,
    audit_log::Column::Detail,
    audit_log::Column::CreatedAt,
];

/// One audit record's values in [`AUDIT_COLUMNS`] order.
pub(super) fn audit_row(tenant: TenantId, action: &str, detail: &str) -> Vec<sea_orm::Value> {
    vec![
        uuid::Uuid::now_v7().into(),
        tenant.as_uuid().into(),
        action.into(),
        "x".into(),
        detail.into(),
        chrono::Utc::now().into(),
    ]
}

fn only(t: TenantId) -> TenantAccess {
    TenantAccess::Only(BTreeSet::from([t]))
}

#[tokio::test]
async fn scoped_reads_and_writes_stay_in_their_tenant() {
    let test = TestDb::new().await;
    let (a, b) = two_tenants(&test.db).await;
    let scope = Scope::for_test(Role::CustomerAdmin, only(a));
    let tx = test.db.begin(&scope).await.expect("begin");
    let rows = tx
        .select::<audit_log::Entity>()
        .all(&tx)
        .await
        .expect("select");
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r.tenant_id == a.as_uuid()),
        "only tenant A's rows"
    );
    // Writing into B from A's scope is refused before it reaches the database.
    let err = audit::record(&tx, b, "test.cross", "x", serde_json::json!({}))
        .await
        .expect_err("refused");
    assert!(matches!(err, Error::NotFound));
    // And B's log is simply not there for A.
    let err = audit::list_audit(
        &tx,
        Some(b),
        crate::page::PageRequest::parse(None, None).expect("page"),
    )
    .await
    .expect_err("not found");
    assert!(matches!(err, Error::NotFound));
}

#[tokio::test]
async fn postgres_rls_hides_rows_from_the_app_role() {
    if !TestDb::is_postgres() {
        eprintln!(
            "skipped: row-level security exists only on PostgreSQL (set GARRISON_TEST_DATABASE_URL)"
        );
        return;
    }
    let test = TestDb::new().await;
    let (a, _b) = two_tenants(&test.db).await;

    // The application pool runs as a role that is neither superuser nor owner.
    let backend = test.db.conn.get_database_backend();
    let row = test
        .db
        .conn
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT current_user::text AS who, r.rolsuper AS su, r.rolbypassrls AS bypass,
                    (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log') AS owner
             FROM pg_roles r WHERE r.rolname = current_user",
        ))
        .await
        .expect("query")
        .expect("row");
    let who: String = row.try_get("", "who").expect("who");
    assert_eq!(who, garrison_migrations::APP_ROLE);
    assert!(
        !row.try_get::<bool>("", "su").expect("su"),
        "app role must not be superuser"
    );
    assert!(
        !row.try_get::<bool>("", "bypass").expect("bypass"),
        "app role must not bypass RLS"
    );
    assert_ne!(
        row.try_get::<String>("", "owner").expect("owner"),
        who,
        "app role must not own tables"
    );

    // A raw connection as the application role, with no tenant declared, sees nothing.
    let owner = test.owner_connection().await;
    let raw = owner.begin().await.expect("begin");
    let count = |sql: &'static str| {
        let raw = &raw;
        async move {
            let row = raw
                .query_one_raw(Statement::from_string(sea_orm::DbBackend::Postgres, sql))
                .await
                .expect("count")
                .expect("row");
            row.try_get::<i64>("", "n").expect("n")
        }
    };
    assert_eq!(
        count("SELECT count(*) AS n FROM audit_log").await,
        4,
        "the owner (superuser) sees both tenants' rows"
    );
    raw.execute_unprepared(&format!("SET LOCAL ROLE {}", garrison_migrations::APP_ROLE))
        .await
        .expect("set role");
    assert_eq!(
        count("SELECT count(*) AS n FROM audit_log").await,
        0,
        "no tenant setting: zero rows"
    );
    raw.execute_unprepared(&format!(
        "SELECT set_config('garrison.tenant_ids', '{{{a}}}', true)"
    ))
    .await
    .expect("declare");
    assert_eq!(
        count("SELECT count(*) AS n FROM audit_log").await,
        2,
        "tenant A's rows only"
    );
    let foreign = count("SELECT count(*) AS n FROM audit_log WHERE tenant_id <> (SELECT NULLIF(current_setting('garrison.tenant_ids'), '')::uuid[])[1]").await;
    assert_eq!(foreign, 0);
    // Inserting a row for another tenant is refused by the policy's WITH CHECK.
    let insert = raw
        .execute_unprepared(&format!(
            "INSERT INTO audit_log (id, tenant_id, action, target, detail, created_at)
             VALUES ('{}', '{}', 'x', 'x', '{{}}', now())",
            uuid::Uuid::now_v7(),
            uuid::Uuid::now_v7()
        ))
        .await;
    assert!(
        insert.is_err(),
        "insert into an undeclared tenant must fail"
    );
    raw.rollback().await.expect("rollback");

    // A pooled connection does not carry one transaction's tenants into the next.
    let scope = Scope::for_test(Role::CustomerAdmin, only(a));
    let tx = test.db.begin(&scope).await.expect("begin");
    tx.commit().await.expect("commit");
    let leftover = test
        .db
        .conn
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT count(*) AS n FROM audit_log",
        ))
        .await
        .expect("count")
        .expect("row");
    assert_eq!(leftover.try_get::<i64>("", "n").expect("n"), 0);
}

#[tokio::test]
async fn migrations_round_trip_down_and_up() {
    use super::{Db, MigrationDirection};
    let test = TestDb::new().await;
    // `down` reverts the most recent migration only.
    let down = Db::migrate(&test.url, MigrationDirection::Down)
        .await
        .expect("down");
    let (last, earlier) = down.split_last().expect("migrations");
    assert!(
        !last.applied && earlier.iter().all(|m| m.applied),
        "{down:?}"
    );
    let up = Db::migrate(&test.url, MigrationDirection::Up)
        .await
        .expect("up");
    assert!(up.iter().all(|m| m.applied), "{up:?}");
    let scope = Scope::system("test");
    let tx = test.db.begin(&scope).await.expect("begin after round trip");
    tx.commit().await.expect("commit");
}

#[tokio::test]
async fn insert_rows_stamps_the_tenant_and_refuses_others() {
    let test = TestDb::new().await;
    let (a, b) = two_tenants(&test.db).await;
    let scope = Scope::for_test(Role::CustomerAdmin, only(a));
    let tx = test.db.begin(&scope).await.expect("begin");
    // A row that names B is written as A's: the stamp wins over what a row says.
    let rows = (0..3)
        .map(|i| audit_row(b, &format!("bulk.{i}"), "{}"))
        .collect();
    let written = tx
        .insert_rows::<audit_log::Entity>(a, &AUDIT_COLUMNS, rows, 2)
        .await
        .expect("insert");
    assert_eq!(written, 3);
    // B is outside the scope: refused before the database sees anything.
    let err = tx
        .insert_rows::<audit_log::Entity>(b, &AUDIT_COLUMNS, vec![audit_row(b, "bulk.b", "{}")], 2)
        .await
        .expect_err("refused");
    assert!(matches!(err, Error::NotFound));
    // A row of the wrong width names the problem instead of shifting columns.
    let err = tx
        .insert_rows::<audit_log::Entity>(a, &AUDIT_COLUMNS, vec![vec!["short".into()]], 2)
        .await
        .expect_err("width");
    assert!(
        matches!(&err, Error::Internal(d) if d.contains("1 values for 6 columns")),
        "{err:?}"
    );
    let bulk: Vec<_> = tx
        .select::<audit_log::Entity>()
        .all(&tx)
        .await
        .expect("select")
        .into_iter()
        .filter(|r| r.action.starts_with("bulk."))
        .collect();
    assert_eq!(bulk.len(), 3, "three statements' worth, in chunks of two");
    assert!(bulk.iter().all(|r| r.tenant_id == a.as_uuid()));
    tx.commit().await.expect("commit");
}
