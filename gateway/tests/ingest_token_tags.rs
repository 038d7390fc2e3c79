//! Log-source tags configured on an ingest token: every event the token sends
//! (NDJSON, HEC, syslog with the token in structured data) carries them, over
//! what the transport or parser would infer; a change applies to the next
//! event; bad tags are refused naming the field.

mod common;

use common::*;
use serde_json::{Value, json};
use std::io::Write;
use std::time::Duration;

const EVENTS: &str = "query($t: ID!) { events(tenantId: $t, filter: {from: \"2000-01-01T00:00:00Z\"}, first: 50) { totalCount edges { node { raw source product category service } } } }";

async fn stored(app: &TestApp, admin: &str, tenant: &str, want: i64) -> Vec<Value> {
    for _ in 0..100 {
        let data = app.gql(admin, EVENTS, json!({"t": tenant})).await;
        if data["events"]["totalCount"].as_i64() == Some(want) {
            return data["events"]["edges"]
                .as_array()
                .expect("edges")
                .iter()
                .map(|e| e["node"].clone())
                .collect();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{tenant} never had {want} events");
}

fn tags(node: &Value) -> (Value, Value, Value) {
    (
        node["product"].clone(),
        node["category"].clone(),
        node["service"].clone(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tokens_tags_follow_its_events_on_every_channel() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let tenant = app.create_tenant(&admin, "tagged").await;
    let created = app
        .gql(
            &admin,
            "mutation($t: ID!) { createIngestToken(tenantId: $t, name: \"dc logs\", logSource: {product: \" Windows \", service: \"security\", category: \"\"}) { token ingestToken { id logSource { product category service } } } }",
            json!({"t": tenant}),
        )
        .await["createIngestToken"]
        .clone();
    assert_eq!(
        created["ingestToken"]["logSource"],
        json!({"product": "windows", "category": null, "service": "security"}),
        "trimmed, lower-cased, empty is unset"
    );
    let token = created["token"].as_str().expect("token").to_string();
    let token_id = created["ingestToken"]["id"].clone();

    // NDJSON, and HEC raw with a sourcetype that would otherwise say linux.
    let sent = app
        .http
        .post(app.url("/ingest/v1/events"))
        .bearer_auth(&token)
        .body("{\"message\":\"logon failure\",\"EventID\":4625}\n")
        .send()
        .await
        .expect("send");
    assert_eq!(sent.status(), 200);
    let sent = app
        .http
        .post(app.url("/services/collector/raw?sourcetype=linux_secure"))
        .header("Authorization", format!("Splunk {token}"))
        .body("an odd line from the dc\n")
        .send()
        .await
        .expect("send");
    assert_eq!(sent.status(), 200);
    // Syslog over TCP with the token in structured data.
    let port = app.server.syslog_addr.expect("syslog").port();
    let line = format!(
        "<134>1 2026-11-01T00:00:00Z dc01 app - - [garrison@32473 token=\"{token}\"] over syslog\n"
    );
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.write_all(line.as_bytes()).expect("write");
    drop(stream);

    let events = stored(&app, &admin, &tenant, 3).await;
    for node in &events {
        assert_eq!(
            (node["product"].clone(), node["service"].clone()),
            (json!("windows"), json!("security")),
            "{node}"
        );
    }

    // Retagged: the next event carries the new tags; an empty tag is unset.
    let retagged = app
        .gql(
            &admin,
            "mutation($i: ID!) { setIngestTokenLogSource(id: $i, logSource: {product: \"linux\", category: \"firewall\"}) { logSource { product category service } } }",
            json!({"i": token_id}),
        )
        .await;
    assert_eq!(
        retagged["setIngestTokenLogSource"]["logSource"],
        json!({"product": "linux", "category": "firewall", "service": null})
    );
    let sent = app
        .http
        .post(app.url("/ingest/v1/events"))
        .bearer_auth(&token)
        .body("{\"message\":\"after the change\"}\n")
        .send()
        .await
        .expect("send");
    assert_eq!(sent.status(), 200);
    let events = stored(&app, &admin, &tenant, 4).await;
    let latest = events
        .iter()
        .find(|n| {
            n["raw"]
                .as_str()
                .is_some_and(|r| r.contains("after the change"))
        })
        .expect("the new event");
    assert_eq!(
        tags(latest),
        (json!("linux"), json!("firewall"), Value::Null)
    );

    let (_, body) = app
        .gql_raw(
            Some(&admin),
            "mutation($i: ID!) { setIngestTokenLogSource(id: $i, logSource: {service: \"bad tag!\"}) { id } }",
            json!({"i": token_id}),
        )
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["field"], "logSource.service",
        "{body}"
    );
}
