//! The hunt page's histogram: `events { histogram }` counts exactly what the
//! search matches, per time bucket by event time, with and without a query, and
//! never for a tenant the caller cannot reach.

mod common;

use common::*;
use serde_json::{Value, json};
use std::process::Command;

const HISTOGRAM: &str = "query($t: ID!, $f: EventFilter, $b: Int) { events(tenantId: $t, filter: $f, first: 1) { totalCount histogram(buckets: $b) { from to bucketSeconds counts } } }";

fn send(app: &TestApp, token: &str, events: &[Value]) {
    let body: String = events.iter().map(|e| format!("{e}\n")).collect();
    let out = Command::new("curl")
        .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-XPOST"])
        .arg(app.url("/ingest/v1/events"))
        .args(["-H", &format!("Authorization: Bearer {token}")])
        .args(["--data-binary", &body])
        .output()
        .expect("curl");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "200");
}

fn event(at: &str, host: &str) -> Value {
    json!({"@timestamp": at, "host": {"name": host}, "message": format!("login on {host}")})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn histogram_counts_the_search_per_bucket_and_respects_tenants() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = app.create_tenant(&admin, "hist-a").await;
    let b = app.create_tenant(&admin, "hist-b").await;
    let token = app
        .gql(
            &admin,
            "mutation($t: ID!) { createIngestToken(tenantId: $t, name: \"s\") { token } }",
            json!({"t": a}),
        )
        .await["createIngestToken"]["token"]
        .as_str()
        .expect("token")
        .to_string();
    send(
        &app,
        &token,
        &[
            event("2026-11-30T10:05:00Z", "web-1"),
            event("2026-11-30T10:06:00Z", "web-1"),
            event("2026-11-30T10:29:59Z", "db-1"),
            event("2026-11-30T10:30:00Z", "web-1"),
            event("2026-11-30T10:59:00Z", "db-1"),
            event("2026-11-30T11:45:00Z", "web-1"),
            // Outside the range: not counted.
            event("2026-11-30T12:00:00Z", "web-1"),
        ],
    );
    let range = json!({"from": "2026-11-30T10:00:00Z", "to": "2026-11-30T12:00:00Z"});
    let all = app
        .gql(&admin, HISTOGRAM, json!({"t": a, "f": range, "b": 4}))
        .await;
    let h = &all["events"]["histogram"];
    assert_eq!(h["bucketSeconds"], 1800);
    assert_eq!(h["counts"], json!([3, 2, 0, 1]), "{all}");
    assert_eq!(all["events"]["totalCount"], 6);

    // With a query, the same buckets over the matches only.
    let web = json!({"from": "2026-11-30T10:00:00Z", "to": "2026-11-30T12:00:00Z", "query": "host:web-1"});
    let only_web = app
        .gql(&admin, HISTOGRAM, json!({"t": a, "f": web, "b": 4}))
        .await;
    assert_eq!(
        only_web["events"]["histogram"]["counts"],
        json!([2, 1, 0, 1])
    );

    // Buckets out of range are named.
    let (_, bad) = app
        .gql_raw(Some(&admin), HISTOGRAM, json!({"t": a, "f": range, "b": 0}))
        .await;
    assert_eq!(
        bad["errors"][0]["extensions"]["code"], "INVALID_INPUT",
        "{bad}"
    );
    assert!(
        bad["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("buckets")
    );

    // Tenant b's admin cannot count tenant a's events.
    app.gql(&admin, "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
        json!({"i": {"email": "lead@hist-b.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": b}}))
        .await;
    let lead_b = app.token("lead@hist-b.test", PASSWORD).await;
    let (_, denied) = app
        .gql_raw(
            Some(&lead_b),
            HISTOGRAM,
            json!({"t": a, "f": range, "b": 4}),
        )
        .await;
    assert_eq!(
        denied["errors"][0]["extensions"]["code"], "NOT_FOUND",
        "{denied}"
    );
}
