//! The audit log as a tamper-evident record: every mutation writes an entry in its
//! tenant's hash chain; verification passes on an untouched log and names the
//! first broken record after someone with database access edits or deletes rows.

mod common;

use common::*;
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value as SqlValue};
use serde_json::{Value, json};

const VERIFY: &str = "query($t: ID!) { verifyAuditChain(tenantId: $t) { ok records unchained brokenAtSeq brokenRecordId reason } }";

async fn busy_tenant(app: &TestApp, admin: &str, slug: &str) -> String {
    let t = app.create_tenant(admin, slug).await;
    for title in ["first", "second", "third"] {
        let case = app
            .gql(admin, "mutation($t: ID!, $x: String!) { createCase(input: {tenantId: $t, title: $x, severity: LOW}) { id } }", json!({"t": t, "x": title}))
            .await["createCase"]["id"]
            .clone();
        app.gql(
            admin,
            "mutation($c: ID!) { updateCaseStatus(id: $c, status: ACKNOWLEDGED) { id } }",
            json!({"c": case}),
        )
        .await;
    }
    t
}

/// The chain position and id of a tenant's audit records, oldest first.
async fn records(app: &TestApp, admin: &str, tenant: &str) -> Vec<Value> {
    let data = app
        .gql(admin, "query($t: ID!) { auditLog(tenantId: $t, first: 200) { edges { node { id action } } } }", json!({"t": tenant}))
        .await;
    let mut list: Vec<Value> = data["auditLog"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| e["node"].clone())
        .collect();
    list.reverse();
    list
}

async fn tamper(app: &TestApp, sql_pg: &str, sql_lite: &str, id: &str) {
    let conn = app.owner_connection().await;
    let backend = conn.get_database_backend();
    let sql = if backend == DbBackend::Postgres {
        sql_pg
    } else {
        sql_lite
    };
    let uuid = uuid::Uuid::parse_str(id).expect("uuid");
    let done = conn
        .execute_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [SqlValue::from(uuid)],
        ))
        .await
        .expect("tamper");
    assert_eq!(done.rows_affected(), 1);
}

#[tokio::test]
async fn the_chain_verifies_and_breaks_where_a_row_was_edited_or_removed() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = busy_tenant(&app, &admin, "tenant-a").await;
    let b = busy_tenant(&app, &admin, "tenant-b").await;

    let clean = app.gql(&admin, VERIFY, json!({"t": a})).await["verifyAuditChain"].clone();
    assert_eq!(clean["ok"], true, "{clean}");
    // tenant.create + 3 x (case.create + case.status)
    assert_eq!(clean["records"], 7, "{clean}");
    assert_eq!(clean["unchained"], 0);

    // The provider admin's log without a tenant covers both; a customer sees its own.
    let all = app
        .gql(&admin, "{ auditLog(first: 200) { totalCount } }", json!({}))
        .await;
    assert_eq!(all["auditLog"]["totalCount"], 14);
    app.create_user(&admin, json!({"email": "lead@b.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": b}))
        .await;
    let lead_b = app.token("lead@b.test", PASSWORD).await;
    let own = app
        .gql(
            &lead_b,
            "{ auditLog(first: 200) { totalCount edges { node { tenantId } } } }",
            json!({}),
        )
        .await;
    assert!(
        own["auditLog"]["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .all(|e| e["node"]["tenantId"] == b.as_str()),
        "{own}"
    );
    assert_eq!(
        app.gql(&lead_b, VERIFY, json!({"t": b})).await["verifyAuditChain"]["ok"],
        true
    );
    let (_, body) = app.gql_raw(Some(&lead_b), VERIFY, json!({"t": a})).await;
    assert_eq!(error_code(&body), "NOT_FOUND", "{body}");

    // Someone with database access rewrites A's third record.
    let a_records = records(&app, &admin, &a).await;
    let third = a_records[2]["id"].as_str().expect("id").to_string();
    tamper(
        &app,
        "UPDATE audit_log SET detail = '{\"forged\":true}' WHERE id = $1",
        "UPDATE audit_log SET detail = '{\"forged\":true}' WHERE id = ?",
        &third,
    )
    .await;
    let broken = app.gql(&admin, VERIFY, json!({"t": a})).await["verifyAuditChain"].clone();
    assert_eq!(broken["ok"], false, "{broken}");
    assert_eq!(broken["brokenAtSeq"], 3, "{broken}");
    assert_eq!(broken["brokenRecordId"], third.as_str());
    assert!(
        broken["reason"]
            .as_str()
            .is_some_and(|r| r.contains("changed")),
        "{broken}"
    );

    // B's chain is untouched; then its newest record is deleted outright.
    assert_eq!(
        app.gql(&admin, VERIFY, json!({"t": b})).await["verifyAuditChain"]["ok"],
        true
    );
    let b_records = records(&app, &admin, &b).await;
    let last = b_records.last().expect("records")["id"]
        .as_str()
        .expect("id")
        .to_string();
    tamper(
        &app,
        "DELETE FROM audit_log WHERE id = $1",
        "DELETE FROM audit_log WHERE id = ?",
        &last,
    )
    .await;
    let cut = app.gql(&admin, VERIFY, json!({"t": b})).await["verifyAuditChain"].clone();
    assert_eq!(cut["ok"], false, "{cut}");
    assert!(
        cut["reason"]
            .as_str()
            .is_some_and(|r| r.contains("removed")),
        "{cut}"
    );

    // A record removed from the middle is a gap.
    let second = b_records[1]["id"].as_str().expect("id").to_string();
    tamper(
        &app,
        "DELETE FROM audit_log WHERE id = $1",
        "DELETE FROM audit_log WHERE id = ?",
        &second,
    )
    .await;
    let gap = app.gql(&admin, VERIFY, json!({"t": b})).await["verifyAuditChain"].clone();
    assert_eq!(gap["brokenAtSeq"], 2, "{gap}");
    assert!(
        gap["reason"]
            .as_str()
            .is_some_and(|r| r.contains("missing")),
        "{gap}"
    );
}
