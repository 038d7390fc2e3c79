//! The spine's "done when", through the real server: the admin creates two
//! tenants with a customer admin each; an analyst assigned to one sees only it; a
//! customer admin of A sees only A and gets NOT_FOUND for B.

mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn provider_and_customers_see_exactly_their_tenants() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = app.create_tenant(&admin, "alpha").await;
    let b = app.create_tenant(&admin, "bravo").await;
    for (slug, tenant) in [("alpha", &a), ("bravo", &b)] {
        app.create_user(
            &admin,
            json!({"email": format!("lead@{slug}.test"), "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": tenant}),
        )
        .await;
    }
    let analyst_id = app
        .create_user(&admin, json!({"email": "ana@provider.test", "password": PASSWORD, "role": "ANALYST", "tenantIds": [a]}))
        .await;

    let analyst = app.token("ana@provider.test", PASSWORD).await;
    let seen = app
        .gql(
            &analyst,
            "{ tenants { totalCount edges { node { slug } } } }",
            json!({}),
        )
        .await;
    assert_eq!(seen["tenants"]["totalCount"], 1);
    assert_eq!(seen["tenants"]["edges"][0]["node"]["slug"], "alpha");

    // Reassigning takes effect on the analyst's next request (scope is per request).
    app.gql(
        &admin,
        "mutation($u: ID!, $t: [ID!]!) { assignTenants(userId: $u, tenantIds: $t) { tenantIds } }",
        json!({"u": analyst_id, "t": [b]}),
    )
    .await;
    let seen = app
        .gql(
            &analyst,
            "{ tenants { edges { node { slug } } } }",
            json!({}),
        )
        .await;
    assert_eq!(seen["tenants"]["edges"][0]["node"]["slug"], "bravo");

    let lead_a = app.token("lead@alpha.test", PASSWORD).await;
    let seen = app
        .gql(
            &lead_a,
            "{ tenants { totalCount edges { node { id slug } } } }",
            json!({}),
        )
        .await;
    assert_eq!(seen["tenants"]["totalCount"], 1);
    assert_eq!(seen["tenants"]["edges"][0]["node"]["id"], a.as_str());
    let (_, body) = app
        .gql_raw(
            Some(&lead_a),
            "query($id: ID!) { tenant(id: $id) { id } }",
            json!({"id": b}),
        )
        .await;
    assert_eq!(error_code(&body), "NOT_FOUND");

    // A customer admin creates a viewer in its own tenant but not a provider user.
    app.create_user(&lead_a, json!({"email": "viewer@alpha.test", "password": PASSWORD, "role": "CUSTOMER_VIEWER", "tenantId": a}))
        .await;
    let (_, body) = app
        .gql_raw(
            Some(&lead_a),
            "mutation { createUser(input: {email: \"x@provider.test\", password: \"a-long-enough-pw\", role: ANALYST}) { id } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN");
    let users = app.gql(&lead_a, "{ users { email } }", json!({})).await;
    let emails: Vec<&str> = users["users"]
        .as_array()
        .expect("users")
        .iter()
        .filter_map(|u| u["email"].as_str())
        .collect();
    assert_eq!(emails, vec!["lead@alpha.test", "viewer@alpha.test"]);

    // The audit log records who did what, per tenant.
    let log = app
        .gql(
            &lead_a,
            "query($t: ID!) { auditLog(tenantId: $t) { totalCount edges { node { action } } } }",
            json!({"t": a}),
        )
        .await;
    let actions: Vec<&str> = log["auditLog"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .filter_map(|e| e["node"]["action"].as_str())
        .collect();
    assert!(
        actions.contains(&"tenant.create") && actions.contains(&"user.create"),
        "{actions:?}"
    );
}

#[tokio::test]
async fn tenants_paginate_with_cursors() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    for i in 0..5 {
        app.create_tenant(&admin, &format!("t{i}")).await;
    }
    let query = "query($after: String) { tenants(first: 2, after: $after) { totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } } }";
    let mut after = serde_json::Value::Null;
    let mut slugs = Vec::new();
    loop {
        let page = app.gql(&admin, query, json!({"after": after})).await;
        assert_eq!(page["tenants"]["totalCount"], 5);
        for edge in page["tenants"]["edges"].as_array().expect("edges") {
            slugs.push(edge["node"]["slug"].as_str().expect("slug").to_string());
        }
        if page["tenants"]["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = page["tenants"]["pageInfo"]["endCursor"].clone();
    }
    assert_eq!(slugs, vec!["t0", "t1", "t2", "t3", "t4"]);
}

#[tokio::test]
async fn probes_report_health_and_readiness() {
    let app = spawn_app().await;
    let health = app
        .http
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("send");
    assert_eq!(health.status(), 200);
    let ready = app.http.get(app.url("/readyz")).send().await.expect("send");
    assert_eq!(ready.status(), 200);
    assert_eq!(
        ready.json::<serde_json::Value>().await.expect("json")["status"],
        "ready"
    );
}
