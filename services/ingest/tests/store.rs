//! The writer, the store and retention against a real database (SQLite, or
//! PostgreSQL when `GARRISON_TEST_DATABASE_URL` is set).

use chrono::{Duration, Utc};
use garrison_core::bus::{Bus, LocalBus, Received};
use garrison_core::config::IngestConfig;
use garrison_core::db::testing::TestDb;
use garrison_core::{Scope, TenantId};
use garrison_ingest::Ingest;
use garrison_ingest::writer::Submission;
use std::sync::Arc;

mod common;

fn events(tenant: TenantId, count: usize, age_days: i64) -> Submission {
    let at = Utc::now() - Duration::days(age_days);
    common::submission(
        tenant,
        (0..count).map(|i| {
            format!(
                "<13>1 {} host{} app - - - event {i}",
                at.to_rfc3339(),
                i % 3
            )
        }),
    )
}

/// Submits without waiting for the commit, as TCP syslog does.
async fn send(ingest: &Ingest, submission: Submission) {
    ingest
        .writer
        .submit_when_room(submission)
        .await
        .expect("taken");
}

/// Waits, as shutdown does, until everything submitted is committed.
async fn drained(ingest: &Ingest) {
    assert!(
        ingest
            .writer
            .drain(std::time::Duration::from_secs(20))
            .await,
        "the writer committed everything in time"
    );
}

#[tokio::test]
async fn writer_commits_announces_and_reads_back_by_sequence() {
    let test = TestDb::new().await;
    let a = test.tenant("alpha").await;
    let b = test.tenant("bravo").await;
    let bus: Arc<dyn Bus> = Arc::new(LocalBus::new(64));
    let mut notices = bus.subscribe();
    let (ingest, _task) = Ingest::start(test.db.clone(), bus, IngestConfig::default());
    let mut both = events(a, 30, 0);
    let at = Utc::now().to_rfc3339();
    both.append(common::submission(
        b,
        (0..5).map(|i| format!("<13>1 {at} bravo-host app - - - bravo event {i}")),
    ));
    common::commit(&ingest, both).await;
    let mut counts = std::collections::HashMap::new();
    for _ in 0..2 {
        match notices.recv().await {
            Received::Notice(n) => {
                counts.insert(n.tenant_id, n.count);
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(counts[&a], 30);
    assert_eq!(counts[&b], 5);

    // A consumer reads A's events in order after a cursor, and never B's.
    let scope = Scope::for_tenant_task("test", a);
    let tx = test.db.begin(&scope).await.expect("begin");
    let first = garrison_ingest::store::events_after(&tx, a, 0, 10)
        .await
        .expect("read");
    assert_eq!(first.len(), 10);
    assert!(first.windows(2).all(|w| w[0].seq < w[1].seq));
    let rest = garrison_ingest::store::events_after(&tx, a, first[9].seq, 100)
        .await
        .expect("read");
    assert_eq!(rest.len(), 20);
    assert!(rest.iter().all(|e| e.event.tenant_id == a));
    assert!(
        first
            .iter()
            .chain(&rest)
            .all(|e| !e.event.raw.contains("bravo")),
        "none of B's lines among A's events"
    );
    assert!(
        garrison_ingest::store::events_after(&tx, b, 0, 10)
            .await
            .is_err(),
        "B is outside A's scope"
    );
    let hosts =
        garrison_ingest::stats::distinct_hosts(&tx, a, &Utc::now().format("%Y-%m-%d").to_string())
            .await
            .expect("hosts");
    assert_eq!(hosts, 3);
    drop(tx);

    // B's events, read in B's scope, are B's own lines, in order.
    let scope = Scope::for_tenant_task("test", b);
    let tx = test.db.begin(&scope).await.expect("begin");
    let mine = garrison_ingest::store::events_after(&tx, b, 0, 10)
        .await
        .expect("read");
    let raws: Vec<&str> = mine.iter().map(|e| e.event.raw.as_str()).collect();
    assert_eq!(raws.len(), 5);
    for (i, raw) in raws.iter().enumerate() {
        assert!(raw.ends_with(&format!("bravo event {i}")), "{raw}");
    }
    assert_eq!(mine[0].event.host.as_deref(), Some("bravo-host"));
}

#[tokio::test]
async fn retention_deletes_only_expired_events_of_each_tenant() {
    let test = TestDb::new().await;
    let a = test.tenant("alpha").await;
    let b = test.tenant("bravo").await;
    let bus: Arc<dyn Bus> = Arc::new(LocalBus::new(64));
    let (ingest, _task) = Ingest::start(test.db.clone(), bus, IngestConfig::default());
    for submission in [events(a, 12, 100), events(a, 4, 1), events(b, 7, 100)] {
        common::commit(&ingest, submission).await;
    }
    // B keeps a year; A the default 90 days.
    let scope = Scope::system("test");
    let tx = test.db.begin(&scope).await.expect("begin");
    let limits = garrison_ingest::settings::IngestLimits {
        retention_days: Some(365),
        ..Default::default()
    };
    garrison_ingest::settings::set_ingest_limits(&tx, b, limits)
        .await
        .expect("limits");
    tx.commit().await.expect("commit");

    let deleted = garrison_ingest::retention::enforce_retention(&test.db, 90)
        .await
        .expect("retention");
    assert_eq!(deleted, 12);
    let tx = test.db.begin(&scope).await.expect("begin");
    assert_eq!(
        garrison_ingest::store::events_after(&tx, a, 0, 100)
            .await
            .expect("a")
            .len(),
        4
    );
    assert_eq!(
        garrison_ingest::store::events_after(&tx, b, 0, 100)
            .await
            .expect("b")
            .len(),
        7
    );
}

#[tokio::test]
async fn drain_waits_until_everything_submitted_is_committed() {
    let test = TestDb::new().await;
    let a = test.tenant("alpha").await;
    let bus: Arc<dyn Bus> = Arc::new(LocalBus::new(64));
    let config = IngestConfig {
        batch_linger_ms: 200,
        ..IngestConfig::default()
    };
    let (ingest, _task) = Ingest::start(test.db.clone(), bus, config);
    // Fire-and-forget, as TCP syslog does; then drain as shutdown does.
    send(&ingest, events(a, 50, 0)).await;
    drained(&ingest).await;
    let scope = Scope::for_tenant_task("test", a);
    let tx = test.db.begin(&scope).await.expect("begin");
    assert_eq!(
        garrison_ingest::store::events_after(&tx, a, 0, 100)
            .await
            .expect("read")
            .len(),
        50
    );
}

/// The writer prepares the next batch while one commits: with batches of a
/// few events, many are in flight at once, and they must still be numbered
/// in the order they were submitted, each tenant's apart.
#[tokio::test]
async fn batches_in_flight_commit_in_the_order_submitted() {
    let test = TestDb::new().await;
    let a = test.tenant("alpha").await;
    let b = test.tenant("bravo").await;
    let bus: Arc<dyn Bus> = Arc::new(LocalBus::new(1024));
    let config = IngestConfig {
        batch_max_events: 3,
        batch_linger_ms: 1,
        ..IngestConfig::default()
    };
    let (ingest, _task) = Ingest::start(test.db.clone(), bus, config);
    let at = Utc::now().to_rfc3339();
    for s in 0..40 {
        let tenant = if s % 4 == 3 { b } else { a };
        let lines = (0..2).map(|i| format!("<13>1 {at} host app - - - submission {s} line {i}"));
        send(&ingest, common::submission(tenant, lines)).await;
    }
    drained(&ingest).await;
    for (tenant, submissions) in [
        (a, (0..40).filter(|s| s % 4 != 3).collect::<Vec<_>>()),
        (b, (3..40).step_by(4).collect()),
    ] {
        let scope = Scope::for_tenant_task("test", tenant);
        let tx = test.db.begin(&scope).await.expect("begin");
        let stored = garrison_ingest::store::events_after(&tx, tenant, 0, 1000)
            .await
            .expect("read");
        let expected: Vec<String> = submissions
            .iter()
            .flat_map(|s| (0..2).map(move |i| format!("submission {s} line {i}")))
            .collect();
        let got: Vec<&str> = stored
            .iter()
            .map(|e| e.event.raw.split(" - - - ").nth(1).unwrap_or_default())
            .collect();
        assert_eq!(got, expected);
        assert!(
            stored.windows(2).all(|w| w[1].seq == w[0].seq + 1),
            "numbered without gaps"
        );
    }
}

#[tokio::test]
async fn small_batches_are_merged_and_read_back_unchanged() {
    use garrison_ingest::entity::event_segment;
    use garrison_ingest::segment::compact::TAIL_RUN;
    use sea_orm::ColumnTrait;
    let test = TestDb::new().await;
    let a = test.tenant("alpha").await;
    let b = test.tenant("bravo").await;
    let bus: Arc<dyn Bus> = Arc::new(LocalBus::new(1024));
    let (ingest, _task) = Ingest::start(test.db.clone(), bus, IngestConfig::default());
    // A trickle: two events per commit, far more commits than a tail run; B's
    // commits interleave and are never merged with A's.
    let commits = 3 * TAIL_RUN + 5;
    for _ in 0..commits {
        for t in [a, b] {
            common::commit(&ingest, events(t, 2, 0)).await;
        }
    }
    let scope = Scope::system("test");
    let tx = test.db.begin(&scope).await.expect("begin");
    for t in [a, b] {
        let segments = tx
            .select::<event_segment::Entity>()
            .filter(event_segment::Column::TenantId.eq(t.as_uuid()))
            .all(&tx)
            .await
            .expect("segments");
        assert!(
            segments.len() < TAIL_RUN,
            "{} segments for {} commits",
            segments.len(),
            commits
        );
        let events = garrison_ingest::store::events_after(&tx, t, 0, 1000)
            .await
            .expect("read");
        let seqs: Vec<i64> = events.iter().map(|e| e.seq).collect();
        let expected: Vec<i64> = (1..=2 * commits as i64).collect();
        assert_eq!(seqs, expected, "every event once, numbered as committed");
        // Each commit's two events are `event 0` and `event 1`, in that order.
        assert!(events.iter().enumerate().all(|(i, e)| {
            e.event.tenant_id == t && e.event.fields["message"] == format!("event {}", i % 2)
        }));
        // An alert's evidence is found by id inside a merged segment.
        let ids = [events[3].event.id, events[40].event.id];
        let found = garrison_ingest::store::events_by_ids(&tx, t, &ids)
            .await
            .expect("by id");
        let found_seqs: Vec<i64> = found.iter().map(|e| e.seq).collect();
        assert_eq!(found_seqs, [4, 41]);
    }
    tx.commit().await.expect("commit");
}

#[tokio::test]
async fn numbers_are_never_reused_and_gaps_never_stop_the_writer() {
    use garrison_ingest::segment::compact::TAIL_RUN;
    let test = TestDb::new().await;
    let a = test.tenant("alpha").await;
    let bus: Arc<dyn Bus> = Arc::new(LocalBus::new(1024));
    let (ingest, _task) = Ingest::start(test.db.clone(), bus, IngestConfig::default());
    // Small commits alternating old and new event times, then retention:
    // the old ones go, leaving gaps between the tail's segments.
    for i in 0..TAIL_RUN + 3 {
        common::commit(&ingest, events(a, 1, if i % 2 == 0 { 200 } else { 0 })).await;
    }
    let deleted = garrison_ingest::retention::enforce_retention(&test.db, 90)
        .await
        .expect("retention");
    assert!(deleted > 0, "some old segments expired");
    // More small commits: compaction meets the gaps and must neither fail
    // the commit nor merge across them.
    for _ in 0..2 * TAIL_RUN {
        common::commit(&ingest, events(a, 1, 0)).await;
    }
    // The newest segment expires too: the next number still follows on.
    common::commit(&ingest, events(a, 1, 300)).await;
    let scope = Scope::for_tenant_task("test", a);
    let tx = test.db.begin(&scope).await.expect("begin");
    let before = garrison_ingest::store::events_after(&tx, a, 0, 1000)
        .await
        .expect("read");
    let top = before.last().map(|e| e.seq).expect("events");
    tx.commit().await.expect("commit");
    garrison_ingest::retention::enforce_retention(&test.db, 90)
        .await
        .expect("retention");
    common::commit(&ingest, events(a, 2, 0)).await;
    let tx = test.db.begin(&scope).await.expect("begin");
    let after = garrison_ingest::store::events_after(&tx, a, 0, 1000)
        .await
        .expect("read");
    let seqs: Vec<i64> = after.iter().map(|e| e.seq).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    assert_eq!(&seqs[seqs.len() - 2..], [top + 1, top + 2], "{seqs:?}");
    assert!(!seqs.contains(&top), "the expired newest segment went");
    // Every recent event is still there. (Old events merged into a segment
    // with recent ones stay until its newest expires.)
    let recent = after
        .iter()
        .filter(|e| e.event.timestamp > Utc::now() - Duration::days(1))
        .count();
    assert_eq!(recent, (TAIL_RUN + 3) / 2 + 2 * TAIL_RUN + 2);
    tx.commit().await.expect("commit");
}
