//! Failure handling against a real local receiver, on explicit instants (no
//! sleeping): retries back off then die, a dead endpoint costs one request per
//! backoff step (the circuit) and drains when it recovers, and 410 disables.

mod common;

use chrono::Duration;
use common::*;
use garrison_core::db::testing::TestDb;
use garrison_notify::endpoint::store::{get_endpoint, list_deliveries};
use garrison_notify::{EndpointKind, EventKind, deliver_due};

#[tokio::test]
async fn failures_retry_with_backoff_then_die() {
    let test = TestDb::new().await;
    let a = tenant(&test, "tenant-a").await;
    let rx = Receiver::start().await;
    rx.answer(503);
    let created = endpoint(
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
    emit(&test, a, breach(uuid::Uuid::now_v7(), t0)).await;
    let mut now = t0;
    let mut delivery_ids = Vec::new();
    // Waits of 30 s, 2 min, 10 min, 1 h, 6 h (+ up to 10% jitter), then dead.
    for (i, wait) in [30i64, 120, 600, 3600, 6 * 3600].iter().enumerate() {
        let stats = deliver_due(&test.db, &client(), now)
            .await
            .expect("deliver");
        assert_eq!(
            (stats.sent, stats.retrying),
            (1, 1),
            "attempt {}: {stats:?}",
            i + 1
        );
        delivery_ids.push(
            rx.seen()
                .last()
                .expect("hit")
                .header("garrison-delivery")
                .to_string(),
        );
        // Just before the earliest retry time nothing is sent...
        let early = deliver_due(&test.db, &client(), now + Duration::seconds(wait - 1))
            .await
            .expect("deliver");
        assert_eq!(early.sent, 0, "attempt {}: retried early", i + 1);
        // ...and after the latest (10% jitter) it is.
        now += Duration::seconds(wait + wait / 10 + 1);
    }
    let last = deliver_due(&test.db, &client(), now)
        .await
        .expect("deliver");
    assert_eq!((last.sent, last.dead), (1, 1), "{last:?}");
    assert_eq!(rx.count("/hook"), 6);
    assert!(
        delivery_ids.windows(2).all(|w| w[0] == w[1]),
        "Garrison-Delivery is stable"
    );
    let after = deliver_due(&test.db, &client(), now + Duration::days(1))
        .await
        .expect("deliver");
    assert_eq!(after.sent, 0, "a dead row is not retried");
    let admin_a = customer_admin(a);
    let tx = test.db.begin(&admin_a).await.expect("begin");
    let log = list_deliveries(&tx, created.endpoint.id, Some(10))
        .await
        .expect("log");
    let attempts: Vec<(i32, &str, Option<i32>)> = log
        .iter()
        .map(|d| (d.attempt, d.outcome.as_str(), d.status_code))
        .collect();
    assert_eq!(
        attempts,
        vec![
            (6, "dead", Some(503)),
            (5, "failed", Some(503)),
            (4, "failed", Some(503)),
            (3, "failed", Some(503)),
            (2, "failed", Some(503)),
            (1, "failed", Some(503))
        ]
    );
    assert!(log[0].error.as_deref().unwrap_or("").contains("HTTP 503"));
}

#[tokio::test]
async fn a_dead_endpoint_costs_one_request_per_backoff_step_then_drains() {
    let test = TestDb::new().await;
    let a = tenant(&test, "tenant-a").await;
    let rx = Receiver::start().await;
    rx.answer(500);
    let created = endpoint(
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
    for _ in 0..100 {
        emit(&test, a, breach(uuid::Uuid::now_v7(), t0)).await;
    }
    let mut now = t0;
    for (step, wait) in [30i64, 120, 600].iter().enumerate() {
        let stats = deliver_due(&test.db, &client(), now)
            .await
            .expect("deliver");
        assert_eq!(stats.sent, 1, "step {step}: {stats:?}");
        assert_eq!(rx.count("/hook"), step + 1);
        // Every pass in between sends nothing (the circuit is open).
        for probe in [1, wait / 2, wait - 1] {
            let idle = deliver_due(&test.db, &client(), now + Duration::seconds(probe))
                .await
                .expect("deliver");
            assert_eq!(idle.sent, 0, "step {step} +{probe}s: {idle:?}");
        }
        now += Duration::seconds(wait + wait / 10 + 1);
    }
    assert_eq!(rx.count("/hook"), 3);
    let admin_a = customer_admin(a);
    let tx = test.db.begin(&admin_a).await.expect("begin");
    let ep = get_endpoint(&tx, created.endpoint.id)
        .await
        .expect("endpoint");
    drop(tx);
    assert_eq!(ep.failures, 3);
    assert!(
        ep.circuit_until
            .is_some_and(|u| u > now - Duration::seconds(700))
    );
    // Recovered: the backlog drains, in bounded batches.
    rx.answer(200);
    let first = deliver_due(&test.db, &client(), now)
        .await
        .expect("deliver");
    assert_eq!(first.delivered, 100, "{first:?}");
    assert_eq!(rx.count("/hook"), 103);
    let admin_a = customer_admin(a);
    let tx = test.db.begin(&admin_a).await.expect("begin");
    let ep = get_endpoint(&tx, created.endpoint.id)
        .await
        .expect("endpoint");
    assert_eq!((ep.failures, ep.circuit_until), (0, None), "circuit closed");
}

#[tokio::test]
async fn gone_disables_the_endpoint_and_drops_its_queue() {
    let test = TestDb::new().await;
    let a = tenant(&test, "tenant-a").await;
    let rx = Receiver::start().await;
    rx.answer(410);
    let created = endpoint(
        &test,
        &customer_admin(a),
        Some(a),
        EndpointKind::Slack,
        &rx.url("/slack"),
        vec![EventKind::SlaBreached],
        None,
    )
    .await;
    let t0 = at("2026-12-01T10:00:00Z");
    for _ in 0..3 {
        emit(&test, a, breach(uuid::Uuid::now_v7(), t0)).await;
    }
    let stats = deliver_due(&test.db, &client(), t0).await.expect("deliver");
    assert_eq!(
        (stats.sent, stats.dead, stats.cancelled),
        (1, 1, 2),
        "{stats:?}"
    );
    let admin_a = customer_admin(a);
    let tx = test.db.begin(&admin_a).await.expect("begin");
    let ep = get_endpoint(&tx, created.endpoint.id)
        .await
        .expect("endpoint");
    drop(tx);
    assert!(!ep.enabled);
    assert_eq!(
        ep.disabled_reason.as_deref(),
        Some("the receiver answered 410 Gone")
    );
    assert_eq!(
        emit(&test, a, breach(uuid::Uuid::now_v7(), t0)).await,
        0,
        "disabled endpoints get nothing"
    );
    let later = deliver_due(&test.db, &client(), t0 + Duration::days(1))
        .await
        .expect("deliver");
    assert_eq!(later.sent, 0);
    assert_eq!(rx.count("/slack"), 1);
}
