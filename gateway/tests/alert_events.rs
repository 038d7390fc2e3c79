//! `alertEvents` over a real WebSocket (`/graphql/ws`, graphql-transport-ws): tenant
//! A's analyst is pushed A's new alert as it is raised; tenant B's customer admin,
//! subscribed at the same time, never receives it; a connection without a valid
//! token is refused.

mod common;

use common::*;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

const WHOAMI: &str = "title: Whoami\nid: ws-whoami\nlogsource: {product: windows, category: process_creation}\ndetection:\n  s:\n    Image|endswith: '\\whoami.exe'\n  condition: s\nlevel: high\n";

async fn connect(app: &TestApp, payload: Value) -> Socket {
    let url = format!("ws://{}/graphql/ws", app.server.addr);
    let mut request = url.into_client_request().expect("request");
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().expect("header"),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("websocket");
    let init = json!({"type": "connection_init", "payload": payload});
    socket
        .send(Message::text(init.to_string()))
        .await
        .expect("init");
    socket
}

/// The next JSON message, or `None` after `wait`.
async fn next(socket: &mut Socket, wait: Duration) -> Option<Value> {
    loop {
        match tokio::time::timeout(wait, socket.next()).await {
            Ok(Some(Ok(Message::Text(text)))) => {
                return Some(serde_json::from_str(&text).expect("json"));
            }
            Ok(Some(Ok(Message::Close(frame)))) => {
                return Some(
                    json!({"type": "closed", "frame": frame.map(|f| f.reason.to_string())}),
                );
            }
            Ok(Some(Ok(_))) => continue,
            Ok(Some(Err(_))) | Ok(None) => return Some(json!({"type": "closed"})),
            Err(_) => return None,
        }
    }
}

async fn subscribe(app: &TestApp, token: &str) -> Socket {
    subscribe_to(
        app,
        token,
        "subscription { alertEvents { kind matchesFilter alert { id tenantId ruleTitle severity } } }",
    )
    .await
}

async fn subscribe_to(app: &TestApp, token: &str, query: &str) -> Socket {
    let mut socket = connect(app, json!({"authorization": format!("Bearer {token}")})).await;
    let ack = next(&mut socket, Duration::from_secs(5))
        .await
        .expect("ack");
    assert_eq!(ack["type"], "connection_ack", "{ack}");
    let subscribe = json!({"id": "1", "type": "subscribe", "payload": {"query": query}});
    socket
        .send(Message::text(subscribe.to_string()))
        .await
        .expect("subscribe");
    socket
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subscribers_receive_their_own_tenants_alerts_only() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = app.create_tenant(&admin, "tenant-a").await;
    let b = app.create_tenant(&admin, "tenant-b").await;
    let pack = app
        .gql(
            &admin,
            "mutation($r: [String!]!) { importRulePack(name: \"ws\", rules: $r) { id } }",
            json!({"r": [WHOAMI]}),
        )
        .await["importRulePack"]["id"]
        .clone();
    for t in [&a, &b] {
        app.gql(
            &admin,
            "mutation($t: ID!, $p: ID!) { enableRulePack(tenantId: $t, packId: $p) { id } }",
            json!({"t": t, "p": pack}),
        )
        .await;
    }
    app.create_user(&admin, json!({"email": "analyst-a@provider.test", "password": PASSWORD, "role": "ANALYST", "tenantIds": [a]}))
        .await;
    app.create_user(&admin, json!({"email": "lead@b.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": b}))
        .await;
    let secret = app
        .gql(
            &admin,
            "mutation($t: ID!) { createIngestToken(tenantId: $t, name: \"s\") { token } }",
            json!({"t": a}),
        )
        .await["createIngestToken"]["token"]
        .as_str()
        .expect("token")
        .to_string();

    // A's analyst watches the NEW alerts only.
    let mut for_a = subscribe_to(
        &app,
        &app.token("analyst-a@provider.test", PASSWORD).await,
        "subscription { alertEvents(filter: {status: [NEW]}) { kind matchesFilter alert { id tenantId ruleTitle severity } } }",
    )
    .await;
    let mut for_b = subscribe(&app, &app.token("lead@b.test", PASSWORD).await).await;
    // Let both subscriptions register before the event arrives.
    tokio::time::sleep(Duration::from_millis(300)).await;

    let event = json!({"Channel": "Microsoft-Windows-Sysmon/Operational", "EventID": 1, "Computer": "WS-9",
        "User": "CORP\\eve", "Image": "C:\\Windows\\System32\\whoami.exe"});
    let sent = app
        .http
        .post(app.url("/ingest/v1/events"))
        .bearer_auth(&secret)
        .body(format!("{event}\n"))
        .send()
        .await
        .expect("send");
    assert_eq!(sent.status(), 200);

    // The background detection role raises it; A's analyst is told.
    let message = next(&mut for_a, Duration::from_secs(20))
        .await
        .expect("A's analyst is pushed the alert");
    assert_eq!(message["type"], "next", "{message}");
    let pushed = &message["payload"]["data"]["alertEvents"];
    assert_eq!(pushed["kind"], "RAISED");
    assert_eq!(pushed["matchesFilter"], true);
    assert_eq!(pushed["alert"]["tenantId"], a.as_str());
    assert_eq!(pushed["alert"]["ruleTitle"], "Whoami");

    // B's subscriber got nothing (its first message would have arrived by now).
    assert!(
        next(&mut for_b, Duration::from_millis(500)).await.is_none(),
        "B must not be pushed A's alert"
    );

    // Triage shows up as an update that says the alert left the NEW-only view.
    let id = pushed["alert"]["id"].clone();
    app.gql(
        &admin,
        "mutation($i: ID!) { acknowledgeAlert(id: $i) { id } }",
        json!({"i": id}),
    )
    .await;
    let update = next(&mut for_a, Duration::from_secs(5))
        .await
        .expect("update");
    assert_eq!(
        update["payload"]["data"]["alertEvents"]["kind"], "UPDATED",
        "{update}"
    );
    assert!(next(&mut for_b, Duration::from_millis(300)).await.is_none());
}

#[tokio::test]
async fn a_connection_without_a_valid_token_is_refused() {
    let app = spawn_app().await;
    for payload in [json!({}), json!({"authorization": "Bearer not-a-token"})] {
        let mut socket = connect(&app, payload.clone()).await;
        let reply = next(&mut socket, Duration::from_secs(5))
            .await
            .expect("reply");
        assert_ne!(reply["type"], "connection_ack", "{payload}: {reply}");
    }
}
