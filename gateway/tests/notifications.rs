//! A breach fires one webhook with a valid signature, through the real server on
//! a stepped clock: tenant A's customer admin registers a webhook for
//! `sla.breached`; an event of A's raises an alert; the clock passes the
//! acknowledge target; one SLA tick and one delivery run send exactly one signed
//! request, and running them again sends nothing more. Tenant B's endpoint hears
//! nothing of A's.

mod common;

use axum::Router;
use axum::body::Bytes;
use axum::http::HeaderMap;
use chrono::{Duration, SubsecRound, Utc};
use common::*;
use garrison_core::TenantId;
use garrison_core::clock::{Clock, ManualClock};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use std::sync::{Arc, Mutex};

const RULE: &str = "title: Whoami\nid: notify-whoami\nlogsource: {product: windows, category: process_creation}\ndetection:\n  s:\n    Image|endswith: '\\whoami.exe'\n  condition: s\nlevel: high\n";

type Seen = Arc<Mutex<Vec<(String, HeaderMap, Bytes)>>>;

/// A webhook receiver on 127.0.0.1 recording every request.
async fn receiver() -> (String, Seen) {
    let seen: Seen = Arc::default();
    let record = seen.clone();
    let app = Router::new().fallback(
        move |uri: axum::http::Uri, headers: HeaderMap, body: Bytes| {
            let record = record.clone();
            async move {
                record
                    .lock()
                    .expect("lock")
                    .push((uri.path().to_string(), headers, body));
                "ok"
            }
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (base, seen)
}

fn hits(seen: &Seen, path: &str) -> Vec<(HeaderMap, Bytes)> {
    seen.lock()
        .expect("lock")
        .iter()
        .filter(|(p, _, _)| p == path)
        .map(|(_, h, b)| (h.clone(), b.clone()))
        .collect()
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

async fn webhook(app: &TestApp, token: &str, tenant: &str, target: &str, events: Value) -> String {
    let created = app
        .gql(
            token,
            "mutation($i: CreateNotificationEndpointInput!) { createNotificationEndpoint(input: $i) { signingSecret endpoint { id kind signed events } } }",
            json!({"i": {"tenantId": tenant, "name": "SOC hook", "kind": "WEBHOOK", "target": target, "events": events}}),
        )
        .await;
    let created = &created["createNotificationEndpoint"];
    assert_eq!(created["endpoint"]["kind"], "WEBHOOK");
    assert_eq!(created["endpoint"]["signed"], true);
    created["signingSecret"]
        .as_str()
        .expect("secret shown at creation")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_breach_fires_one_signed_webhook_and_only_to_its_tenant() {
    // The stepped clock starts at the wall clock's now, so the background jobs
    // (which run on the wall clock) never reach the instants this test steps to.
    let t0 = Utc::now().trunc_subsecs(0);
    let clock = ManualClock::new(t0);
    let app = spawn_app_on(clock.clone()).await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = app.create_tenant(&admin, "tenant-a").await;
    let b = app.create_tenant(&admin, "tenant-b").await;
    let pack = app
        .gql(
            &admin,
            "mutation($r: [String!]!) { importRulePack(name: \"p\", rules: $r) { id } }",
            json!({"r": [RULE]}),
        )
        .await["importRulePack"]["id"]
        .clone();
    app.gql(
        &admin,
        "mutation($t: ID!, $p: ID!) { enableRulePack(tenantId: $t, packId: $p) { id } }",
        json!({"t": a, "p": pack}),
    )
    .await;
    app.gql(&admin, "mutation($t: ID!) { setSlaPolicy(tenantId: $t, severity: HIGH, input: {acknowledgeSeconds: 900, respondSeconds: 1800, resolveSeconds: 14400, calendar: TWENTY_FOUR_SEVEN}) { isDefault } }", json!({"t": a}))
        .await;
    app.create_user(&admin, json!({"email": "lead@a.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": a}))
        .await;
    app.create_user(&admin, json!({"email": "lead@b.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": b}))
        .await;
    let lead_a = app.token("lead@a.test", PASSWORD).await;
    let lead_b = app.token("lead@b.test", PASSWORD).await;

    let (base, seen) = receiver().await;
    let secret = webhook(
        &app,
        &lead_a,
        &a,
        &format!("{base}/a"),
        json!(["SLA_BREACHED"]),
    )
    .await;
    webhook(
        &app,
        &lead_b,
        &b,
        &format!("{base}/b"),
        json!(["SLA_BREACHED", "ALERT_RAISED", "CASE_CREATED"]),
    )
    .await;
    // The customer cannot make a provider-wide endpoint, nor read the secret again.
    let (_, body) = app
        .gql_raw(Some(&lead_a), r#"mutation { createNotificationEndpoint(input: {name: "x", kind: WEBHOOK, target: "https://x.test/", events: [SLA_BREACHED]}) { signingSecret } }"#, json!({}))
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    let listed = app
        .gql(
            &lead_a,
            "query($t: ID!) { notificationEndpoints(tenantId: $t) { id target events } }",
            json!({"t": a}),
        )
        .await;
    assert!(
        !listed.to_string().contains(&secret),
        "the secret is never returned again"
    );
    let endpoint_a = listed["notificationEndpoints"][0]["id"].clone();

    // An event of A's, two minutes before detection sees it, raises a HIGH alert.
    let ingest = app
        .gql(
            &admin,
            "mutation($t: ID!) { createIngestToken(tenantId: $t, name: \"s\") { token } }",
            json!({"t": a}),
        )
        .await["createIngestToken"]["token"]
        .as_str()
        .expect("token")
        .to_string();
    let event = json!({"@timestamp": (t0 - Duration::minutes(2)).to_rfc3339(), "Channel": "Microsoft-Windows-Sysmon/Operational",
        "EventID": 1, "Computer": "WS-01", "User": "CORP\\alice", "Image": "C:\\Windows\\System32\\whoami.exe"});
    let sent = app
        .http
        .post(app.url("/ingest/v1/events"))
        .bearer_auth(&ingest)
        .body(format!("{event}\n"))
        .send()
        .await
        .expect("ingest");
    assert_eq!(sent.status(), 200);
    let detection = app.server.state.detection.clone().expect("detection");
    detection
        .process_tenant(TenantId::parse("a", &a).expect("id"))
        .await
        .expect("pass");
    let alerts = app
        .gql(&admin, "{ alerts { totalCount } }", json!({}))
        .await;
    assert_eq!(alerts["alerts"]["totalCount"], 1);

    let db = &app.server.state.db;
    let client =
        garrison_gateway::worker::delivery_client(&app.server.state.config).expect("client");
    // Before the target nothing is due.
    clock.advance(Duration::minutes(5));
    garrison_gateway::worker::run_sla_tick(db, clock.now())
        .await
        .expect("tick");
    let early = garrison_gateway::worker::run_notify_delivery(db, &client, clock.now())
        .await
        .expect("deliver");
    assert_eq!(early.sent, 0, "{early:?}");

    // Past the 15-minute acknowledge target: one breach, one webhook.
    clock.advance(Duration::minutes(11));
    let notices = garrison_gateway::worker::run_sla_tick(db, clock.now())
        .await
        .expect("tick");
    assert_eq!(notices.len(), 1, "{notices:?}");
    let stats = garrison_gateway::worker::run_notify_delivery(db, &client, clock.now())
        .await
        .expect("deliver");
    assert_eq!((stats.sent, stats.delivered), (1, 1), "{stats:?}");
    let got = hits(&seen, "/a");
    assert_eq!(got.len(), 1);
    let (headers, body) = &got[0];
    assert_eq!(header(headers, "garrison-event"), "sla.breached");
    let timestamp = header(headers, "garrison-timestamp");
    assert_eq!(timestamp, clock.now().timestamp().to_string());
    // Verified independently of the server's code: HMAC-SHA256(secret, "<ts>.<body>").
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(format!("{timestamp}.").as_bytes());
    mac.update(body);
    let expected = format!("v1={}", hex::encode(mac.finalize().into_bytes()));
    assert_eq!(header(headers, "garrison-signature"), expected);
    let payload: Value = serde_json::from_slice(body).expect("json");
    assert_eq!(payload["type"], "sla.breached");
    assert_eq!(payload["tenantId"], a.as_str());
    assert_eq!(payload["id"], header(headers, "garrison-delivery"));
    assert!(
        payload["data"]["link"]
            .as_str()
            .expect("link")
            .starts_with("/alerts/")
    );

    // Again, and later: nothing more.
    for later in [0, 1, 60] {
        clock.advance(Duration::minutes(later));
        let notices = garrison_gateway::worker::run_sla_tick(db, clock.now())
            .await
            .expect("tick");
        assert!(notices.is_empty(), "{notices:?}");
        let again = garrison_gateway::worker::run_notify_delivery(db, &client, clock.now())
            .await
            .expect("deliver");
        assert_eq!(again.sent, 0, "{again:?}");
    }
    assert_eq!(hits(&seen, "/a").len(), 1);
    assert!(hits(&seen, "/b").is_empty(), "B heard something of A's");

    // The delivery log shows the attempt to A's admin.
    let log = app
        .gql(&lead_a, "query($e: ID!) { notificationDeliveries(endpointId: $e) { event attempt outcome statusCode } }", json!({"e": endpoint_a}))
        .await;
    assert_eq!(
        log["notificationDeliveries"],
        json!([{"event": "sla.breached", "attempt": 1, "outcome": "delivered", "statusCode": 200}])
    );
}
