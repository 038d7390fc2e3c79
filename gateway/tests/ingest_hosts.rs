//! Ingest health per sending host: events per host and when each last sent, the
//! least recently seen first, counted per tenant and never across tenants.

mod common;

use common::*;
use serde_json::{Value, json};

const HOSTS: &str = "query($t: ID!) { ingestHosts(tenantId: $t, from: \"2000-01-01T00:00:00Z\", to: \"2100-01-01T00:00:00Z\") { host events lastSeenAt } }";

async fn token(app: &TestApp, admin: &str, tenant: &str) -> String {
    app.gql(
        admin,
        "mutation($t: ID!) { createIngestToken(tenantId: $t, name: \"s\") { token } }",
        json!({"t": tenant}),
    )
    .await["createIngestToken"]["token"]
        .as_str()
        .expect("token")
        .to_string()
}

async fn send(app: &TestApp, token: &str, hosts: &[&str]) {
    let body: String = hosts
        .iter()
        .map(|h| format!("{{\"message\":\"hello\",\"host\":{{\"name\":\"{h}\"}}}}\n"))
        .collect();
    let sent = app
        .http
        .post(app.url("/ingest/v1/events"))
        .bearer_auth(token)
        .body(body)
        .send()
        .await
        .expect("send");
    assert_eq!(sent.status(), 200);
}

#[tokio::test]
async fn each_host_shows_its_events_and_last_arrival_silent_first() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = app.create_tenant(&admin, "hosts-a").await;
    let b = app.create_tenant(&admin, "hosts-b").await;
    let (ta, tb) = (token(&app, &admin, &a).await, token(&app, &admin, &b).await);
    send(&app, &ta, &["web01"]).await;
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    send(&app, &ta, &["fw01", "fw01"]).await;
    send(&app, &ta, &["fw01"]).await;
    send(&app, &tb, &["fw01", "b-only"]).await;

    let hosts = app.gql(&admin, HOSTS, json!({"t": a})).await["ingestHosts"].clone();
    let list = hosts.as_array().expect("hosts");
    let named: Vec<(&str, i64)> = list
        .iter()
        .map(|h| {
            (
                h["host"].as_str().unwrap_or(""),
                h["events"].as_i64().unwrap_or(-1),
            )
        })
        .collect();
    assert_eq!(named, [("web01", 1), ("fw01", 3)], "silent first: {hosts}");
    let seen = |h: &Value| h["lastSeenAt"].as_str().unwrap_or("").to_string();
    assert!(
        !seen(&list[0]).is_empty() && seen(&list[0]) < seen(&list[1]),
        "{hosts}"
    );

    // A's customer reads A's hosts, and B's are NOT_FOUND to them.
    app.create_user(&admin, json!({"email": "lead@hosts-a.test", "password": PASSWORD, "role": "CUSTOMER_VIEWER", "tenantId": a}))
        .await;
    let viewer = app.token("lead@hosts-a.test", PASSWORD).await;
    let own = app.gql(&viewer, HOSTS, json!({"t": a})).await;
    assert_eq!(own["ingestHosts"].as_array().map(Vec::len), Some(2));
    let (_, body) = app.gql_raw(Some(&viewer), HOSTS, json!({"t": b})).await;
    assert_eq!(error_code(&body), "NOT_FOUND", "{body}");
    let theirs = app.gql(&admin, HOSTS, json!({"t": b})).await;
    assert_eq!(theirs["ingestHosts"].as_array().map(Vec::len), Some(2));
}
