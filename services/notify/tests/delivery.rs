//! Delivery against real local receivers, on explicit instants (no sleeping):
//! signatures verify, formats have their documented shapes, an event emitted
//! twice is queued once, a rolled-back action notifies nobody, and tenants hear
//! only their own events.

mod common;

use chrono::Duration;
use common::*;
use garrison_core::db::testing::TestDb;
use garrison_core::{Scope, Severity};
use garrison_notify::deliver::format::verify_signature;
use garrison_notify::endpoint::store::list_deliveries;
use garrison_notify::{EndpointKind, EventKind, NotificationEvent, deliver_due, enqueue};

#[tokio::test]
async fn a_webhook_is_signed_filtered_by_severity_and_queued_once() {
    let test = TestDb::new().await;
    let a = tenant(&test, "tenant-a").await;
    let rx = Receiver::start().await;
    let created = endpoint(
        &test,
        &customer_admin(a),
        Some(a),
        EndpointKind::Webhook,
        &rx.url("/hook"),
        vec![EventKind::AlertRaised, EventKind::SlaBreached],
        Some(Severity::Medium),
    )
    .await;
    let secret = created.signing_secret.clone().expect("secret shown once");
    assert!(secret.expose().starts_with("whsec_"));
    assert!(!format!("{created:?}").contains(secret.expose().as_str()));
    let t0 = at("2026-12-01T10:00:00Z");
    let low = NotificationEvent::alert_raised(uuid::Uuid::now_v7(), Severity::Low, "noise", t0);
    assert_eq!(emit(&test, a, low).await, 0, "below the threshold");
    let case = NotificationEvent::case_created(uuid::Uuid::now_v7(), 1, Severity::High, "x", t0);
    assert_eq!(emit(&test, a, case).await, 0, "not subscribed");
    let alert_id = uuid::Uuid::now_v7();
    let high = NotificationEvent::alert_raised(alert_id, Severity::High, "Whoami", t0);
    assert_eq!(emit(&test, a, high.clone()).await, 1);
    assert_eq!(
        emit(&test, a, high).await,
        0,
        "the same event is queued once"
    );

    let stats = deliver_due(&test.db, &client(), t0).await.expect("deliver");
    assert_eq!((stats.sent, stats.delivered), (1, 1), "{stats:?}");
    let seen = rx.seen();
    assert_eq!(seen.len(), 1);
    let hit = &seen[0];
    let ts: i64 = hit.header("garrison-timestamp").parse().expect("timestamp");
    assert_eq!(ts, t0.timestamp());
    assert!(verify_signature(
        secret.expose(),
        ts,
        &hit.body,
        hit.header("garrison-signature")
    ));
    assert!(!verify_signature(
        "whsec_wrong",
        ts,
        &hit.body,
        hit.header("garrison-signature")
    ));
    assert_eq!(hit.header("garrison-event"), "alert.raised");
    assert_eq!(hit.header("content-type"), "application/json");
    let body = hit.json();
    assert_eq!(body["id"], hit.header("garrison-delivery"));
    assert_eq!(body["type"], "alert.raised");
    assert_eq!(body["tenantId"], a.to_string());
    assert_eq!(body["occurredAt"], "2026-12-01T10:00:00Z");
    assert_eq!(body["data"]["alertId"], alert_id.to_string());
    assert_eq!(body["data"]["severity"], "high");
    assert_eq!(body["data"]["link"], format!("/alerts/{alert_id}"));
    assert_eq!(
        body["data"]["url"],
        format!("https://soc.example.test/alerts/{alert_id}")
    );
    // Delivered rows are not sent again.
    let again = deliver_due(&test.db, &client(), t0 + Duration::hours(1))
        .await
        .expect("deliver");
    assert_eq!(again.sent, 0);
    let admin_a = customer_admin(a);
    let tx = test.db.begin(&admin_a).await.expect("begin");
    let log = list_deliveries(&tx, created.endpoint.id, None)
        .await
        .expect("log");
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].outcome.as_str(), log[0].status_code, log[0].attempt),
        ("delivered", Some(200), 1)
    );
}

#[tokio::test]
async fn a_rolled_back_action_notifies_nobody() {
    let test = TestDb::new().await;
    let a = tenant(&test, "tenant-a").await;
    let rx = Receiver::start().await;
    endpoint(
        &test,
        &customer_admin(a),
        Some(a),
        EndpointKind::Webhook,
        &rx.url("/hook"),
        vec![EventKind::SlaBreached],
        None,
    )
    .await;
    let t0 = at("2026-12-01T10:00:00Z");
    let scope = Scope::for_tenant_task("test", a);
    let tx = test.db.begin(&scope).await.expect("begin");
    assert_eq!(
        enqueue(&tx, a, breach(uuid::Uuid::now_v7(), t0), t0)
            .await
            .expect("enqueue"),
        1
    );
    tx.rollback().await.expect("rollback");
    let stats = deliver_due(&test.db, &client(), t0).await.expect("deliver");
    assert_eq!(stats.claimed, 0);
    assert!(rx.seen().is_empty());
}

#[tokio::test]
async fn slack_and_teams_get_their_documented_shapes() {
    let test = TestDb::new().await;
    let a = tenant(&test, "tenant-a").await;
    let rx = Receiver::start().await;
    let events = vec![EventKind::CaseCreated];
    let admin = customer_admin(a);
    let slack = endpoint(
        &test,
        &admin,
        Some(a),
        EndpointKind::Slack,
        &rx.url("/slack"),
        events.clone(),
        None,
    )
    .await;
    assert!(slack.signing_secret.is_none(), "only webhooks are signed");
    endpoint(
        &test,
        &admin,
        Some(a),
        EndpointKind::Teams,
        &rx.url("/teams"),
        events,
        None,
    )
    .await;
    let t0 = at("2026-12-01T10:00:00Z");
    let case = uuid::Uuid::now_v7();
    emit(
        &test,
        a,
        NotificationEvent::case_created(
            case,
            7,
            Severity::Critical,
            "Ransomware <on> web01 & db",
            t0,
        ),
    )
    .await;
    let stats = deliver_due(&test.db, &client(), t0).await.expect("deliver");
    assert_eq!(stats.delivered, 2);
    let seen = rx.seen();
    let slack = seen
        .iter()
        .find(|s| s.path == "/slack")
        .expect("slack")
        .json();
    assert_eq!(
        slack["text"],
        "Case #7 opened: Ransomware &lt;on&gt; web01 &amp; db"
    );
    let blocks = slack["blocks"].as_array().expect("blocks");
    assert_eq!(blocks[0]["type"], "header");
    assert_eq!(blocks[0]["text"]["type"], "plain_text");
    assert_eq!(blocks[1]["type"], "section");
    assert_eq!(blocks[1]["text"]["type"], "mrkdwn");
    assert_eq!(blocks[2]["type"], "context");
    assert!(
        blocks[2]["elements"][0]["text"]
            .as_str()
            .expect("context")
            .contains(&format!(
                "<https://soc.example.test/cases/{case}|Open in Garrison>"
            ))
    );
    let teams = seen
        .iter()
        .find(|s| s.path == "/teams")
        .expect("teams")
        .json();
    assert_eq!(teams["type"], "message");
    let attachment = &teams["attachments"][0];
    assert_eq!(
        attachment["contentType"],
        "application/vnd.microsoft.card.adaptive"
    );
    assert!(attachment["contentUrl"].is_null());
    let card = &attachment["content"];
    assert_eq!(card["type"], "AdaptiveCard");
    assert_eq!(
        card["$schema"],
        "http://adaptivecards.io/schemas/adaptive-card.json"
    );
    assert_eq!(card["body"][0]["type"], "TextBlock");
    assert_eq!(
        card["body"][0]["text"],
        "Case #7 opened: Ransomware <on> web01 & db"
    );
    assert_eq!(card["body"][2]["type"], "FactSet");
    assert_eq!(card["actions"][0]["type"], "Action.OpenUrl");
    assert_eq!(
        card["actions"][0]["url"],
        format!("https://soc.example.test/cases/{case}")
    );
}

#[tokio::test]
async fn tenants_hear_only_their_own_events_and_the_provider_hears_all() {
    let test = TestDb::new().await;
    let a = tenant(&test, "tenant-a").await;
    let b = tenant(&test, "tenant-b").await;
    let rx = Receiver::start().await;
    let events = vec![EventKind::SlaBreached];
    endpoint(
        &test,
        &customer_admin(a),
        Some(a),
        EndpointKind::Webhook,
        &rx.url("/a"),
        events.clone(),
        None,
    )
    .await;
    endpoint(
        &test,
        &customer_admin(b),
        Some(b),
        EndpointKind::Webhook,
        &rx.url("/b"),
        events.clone(),
        None,
    )
    .await;
    endpoint(
        &test,
        &provider_admin(),
        None,
        EndpointKind::Webhook,
        &rx.url("/provider"),
        events,
        None,
    )
    .await;
    let t0 = at("2026-12-01T10:00:00Z");
    assert_eq!(emit(&test, a, breach(uuid::Uuid::now_v7(), t0)).await, 2);
    assert_eq!(emit(&test, a, breach(uuid::Uuid::now_v7(), t0)).await, 2);
    assert_eq!(emit(&test, b, breach(uuid::Uuid::now_v7(), t0)).await, 2);
    deliver_due(&test.db, &client(), t0).await.expect("deliver");
    assert_eq!(
        (rx.count("/a"), rx.count("/b"), rx.count("/provider")),
        (2, 1, 3)
    );
    for hit in rx.seen() {
        let tenant = hit.json()["tenantId"].as_str().expect("tenant").to_string();
        match hit.path.as_str() {
            "/a" => assert_eq!(tenant, a.to_string()),
            "/b" => assert_eq!(tenant, b.to_string()),
            _ => {}
        }
    }
}
