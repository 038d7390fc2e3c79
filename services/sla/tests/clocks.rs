//! The clocks against a real database, on a timeline stepped by a `ManualClock`:
//! start, completion, pause and resume, the worker's once-only notices, reopen.

mod common;

use chrono::Duration;
use common::*;
use garrison_core::clock::{Clock, ManualClock};
use garrison_core::db::testing::TestDb;
use garrison_core::{Error, Role, Scope, Severity};
use garrison_sla::clocks::{
    complete_target, pause_clocks, restart_clocks, resume_clocks, start_clocks, subject_sla, tick,
};
use garrison_sla::{InstanceStatus, NoticeKind, Subject, SubjectKind, Target};

/// Runs `f` in a system transaction and commits.
macro_rules! in_tx {
    ($test:expr, |$tx:ident| $body:expr) => {{
        let scope = Scope::system("test");
        let $tx = $test.db.begin(&scope).await.expect("begin");
        let out = $body.await.expect("sla call");
        $tx.commit().await.expect("commit");
        out
    }};
}

async fn view(
    test: &TestDb,
    s: Subject,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<garrison_sla::InstanceView> {
    in_tx!(test, |tx| subject_sla(&tx, s, now))
}

#[tokio::test]
async fn alert_warns_then_breaches_exactly_once_each() {
    let test = TestDb::new().await;
    let t = tenant(&test, "alpha", "UTC").await;
    let clock = ManualClock::new(at("2026-01-05T10:00:00Z"));
    let alert = subject(SubjectKind::Alert, t);
    let first_event = clock.now() - Duration::minutes(5);
    in_tx!(test, |tx| start_clocks(
        &tx,
        alert,
        Severity::Critical,
        clock.now(),
        Some(first_event)
    ));
    // A retried start changes nothing.
    in_tx!(test, |tx| start_clocks(
        &tx,
        alert,
        Severity::Critical,
        clock.now() + Duration::minutes(1),
        None
    ));

    let clocks = view(&test, alert, clock.now()).await;
    assert_eq!(
        clocks.len(),
        2,
        "alerts are clocked on acknowledge and resolve"
    );
    let ack = &clocks[0].instance;
    assert_eq!(ack.target, Target::Acknowledge);
    assert_eq!(ack.due_at, at("2026-01-05T10:15:00Z"));
    assert_eq!(ack.warn_at, at("2026-01-05T10:11:15Z"));
    assert_eq!(ack.first_event_at, Some(first_event));
    assert_eq!(clocks[0].remaining_secs, Some(15 * 60));
    assert_eq!(clocks[1].instance.due_at, at("2026-01-05T14:00:00Z"));

    clock.advance(Duration::minutes(11));
    assert!(tick(&test.db, clock.now()).await.expect("tick").is_empty());
    clock.advance(Duration::minutes(1));
    let notices = tick(&test.db, clock.now()).await.expect("tick");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].kind, NoticeKind::Warning);
    assert_eq!(notices[0].kind.event_name(), "sla.warning");
    assert_eq!(
        (notices[0].subject, notices[0].target),
        (alert, Target::Acknowledge)
    );
    assert!(
        tick(&test.db, clock.now()).await.expect("tick").is_empty(),
        "warned once"
    );

    clock.advance(Duration::minutes(4)); // 10:16
    let notices = tick(&test.db, clock.now()).await.expect("tick");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].kind, NoticeKind::Breached);
    assert_eq!(notices[0].due_at, at("2026-01-05T10:15:00Z"));
    clock.advance(Duration::minutes(1));
    assert!(
        tick(&test.db, clock.now()).await.expect("tick").is_empty(),
        "breached once"
    );

    clock.advance(Duration::minutes(3)); // 10:20: acknowledged late
    in_tx!(test, |tx| complete_target(
        &tx,
        alert,
        Target::Acknowledge,
        clock.now()
    ));
    // A second acknowledgement does not move the first.
    in_tx!(test, |tx| complete_target(
        &tx,
        alert,
        Target::Acknowledge,
        clock.now() + Duration::hours(1)
    ));
    let clocks = view(&test, alert, clock.now()).await;
    assert_eq!(clocks[0].status, InstanceStatus::Missed);
    assert_eq!(
        clocks[0].instance.completed_at,
        Some(at("2026-01-05T10:20:00Z"))
    );
    assert_eq!(
        clocks[0].instance.breached_at,
        Some(at("2026-01-05T10:16:00Z"))
    );
    assert_eq!(clocks[0].remaining_secs, None);
    assert_eq!(clocks[1].status, InstanceStatus::Running);

    clock.set(at("2026-01-05T13:00:00Z"));
    let notices = tick(&test.db, clock.now()).await.expect("tick");
    assert_eq!(notices.len(), 1);
    assert_eq!(
        (notices[0].kind, notices[0].target),
        (NoticeKind::Warning, Target::Resolve)
    );
    clock.advance(Duration::minutes(30));
    in_tx!(test, |tx| complete_target(
        &tx,
        alert,
        Target::Resolve,
        clock.now()
    ));
    clock.advance(Duration::hours(5));
    assert!(tick(&test.db, clock.now()).await.expect("tick").is_empty());
    let clocks = view(&test, alert, clock.now()).await;
    assert_eq!(clocks[1].status, InstanceStatus::Met);
}

#[tokio::test]
async fn a_worker_that_was_down_emits_the_breach_without_a_stale_warning() {
    let test = TestDb::new().await;
    let t = tenant(&test, "alpha", "UTC").await;
    let alert = subject(SubjectKind::Alert, t);
    in_tx!(test, |tx| start_clocks(
        &tx,
        alert,
        Severity::Critical,
        at("2026-01-05T10:00:00Z"),
        None
    ));
    let notices = tick(&test.db, at("2026-01-05T10:30:00Z"))
        .await
        .expect("tick");
    assert_eq!(notices.len(), 1);
    assert_eq!(
        (notices[0].kind, notices[0].target),
        (NoticeKind::Breached, Target::Acknowledge)
    );
    assert!(
        tick(&test.db, at("2026-01-05T10:31:00Z"))
            .await
            .expect("tick")
            .is_empty()
    );
}

#[tokio::test]
async fn a_pause_moves_due_times_out_by_the_paused_span() {
    let test = TestDb::new().await;
    let t = tenant(&test, "alpha", "UTC").await;
    let clock = ManualClock::new(at("2026-01-05T10:00:00Z"));
    let case = subject(SubjectKind::Case, t);
    // High: acknowledge 30 min, respond 1 h, resolve 8 h, 24x7.
    in_tx!(test, |tx| start_clocks(
        &tx,
        case,
        Severity::High,
        clock.now(),
        None
    ));
    clock.advance(Duration::minutes(10));
    in_tx!(test, |tx| complete_target(
        &tx,
        case,
        Target::Acknowledge,
        clock.now()
    ));
    clock.advance(Duration::minutes(10)); // 10:20: waiting on the customer
    in_tx!(test, |tx| pause_clocks(&tx, case, clock.now()));
    in_tx!(test, |tx| pause_clocks(
        &tx,
        case,
        clock.now() + Duration::minutes(5)
    ));

    clock.set(at("2026-01-05T11:30:00Z"));
    assert!(
        tick(&test.db, clock.now()).await.expect("tick").is_empty(),
        "a paused clock never warns"
    );
    let clocks = view(&test, case, clock.now()).await;
    assert_eq!(clocks[1].status, InstanceStatus::Paused);
    // Stood still at 40 minutes left when paused.
    assert_eq!(clocks[1].remaining_secs, Some(40 * 60));

    clock.set(at("2026-01-05T12:20:00Z")); // two hours paused
    in_tx!(test, |tx| resume_clocks(&tx, case, clock.now()));
    let clocks = view(&test, case, clock.now()).await;
    assert_eq!(clocks.len(), 3);
    assert_eq!(clocks[0].status, InstanceStatus::Met);
    assert_eq!(clocks[1].instance.due_at, at("2026-01-05T13:00:00Z"));
    assert_eq!(clocks[1].instance.warn_at, at("2026-01-05T12:45:00Z"));
    assert_eq!(clocks[1].remaining_secs, Some(40 * 60));
    assert_eq!(clocks[2].instance.due_at, at("2026-01-05T20:00:00Z"));

    clock.advance(Duration::minutes(30)); // 12:50
    in_tx!(test, |tx| complete_target(
        &tx,
        case,
        Target::Respond,
        clock.now()
    ));
    let clocks = view(&test, case, clock.now()).await;
    assert_eq!(clocks[1].status, InstanceStatus::Met);
    assert_eq!(
        clocks[1].instance.elapsed_secs(),
        Some(50 * 60),
        "paused time is not counted"
    );
}

#[tokio::test]
async fn completing_while_paused_closes_the_pause_first() {
    let test = TestDb::new().await;
    let t = tenant(&test, "alpha", "UTC").await;
    let case = subject(SubjectKind::Case, t);
    in_tx!(test, |tx| start_clocks(
        &tx,
        case,
        Severity::Critical,
        at("2026-01-05T10:00:00Z"),
        None
    ));
    in_tx!(test, |tx| pause_clocks(
        &tx,
        case,
        at("2026-01-05T10:05:00Z")
    ));
    // Completed an hour into the pause: only the five minutes before it count.
    in_tx!(test, |tx| complete_target(
        &tx,
        case,
        Target::Acknowledge,
        at("2026-01-05T11:05:00Z")
    ));
    let clocks = view(&test, case, at("2026-01-05T11:05:00Z")).await;
    assert_eq!(clocks[0].status, InstanceStatus::Met);
    assert_eq!(clocks[0].instance.elapsed_secs(), Some(300));
    assert_eq!(clocks[0].instance.due_at, at("2026-01-05T11:15:00Z"));
    assert_eq!(
        clocks[1].status,
        InstanceStatus::Paused,
        "the others stay paused"
    );
}

#[tokio::test]
async fn resolving_stops_open_targets_and_a_reopen_starts_a_new_cycle() {
    let test = TestDb::new().await;
    let t = tenant(&test, "alpha", "UTC").await;
    let case = subject(SubjectKind::Case, t);
    in_tx!(test, |tx| start_clocks(
        &tx,
        case,
        Severity::Critical,
        at("2026-01-05T10:00:00Z"),
        None
    ));
    in_tx!(test, |tx| complete_target(
        &tx,
        case,
        Target::Resolve,
        at("2026-01-05T10:10:00Z")
    ));
    let clocks = view(&test, case, at("2026-01-05T10:10:00Z")).await;
    let statuses: Vec<_> = clocks.iter().map(|c| c.status).collect();
    assert_eq!(
        statuses,
        [
            InstanceStatus::Cancelled,
            InstanceStatus::Cancelled,
            InstanceStatus::Met
        ]
    );
    assert_eq!(
        clocks[0].instance.completed_at, None,
        "no acknowledgement is invented"
    );
    assert!(
        tick(&test.db, at("2026-01-06T10:00:00Z"))
            .await
            .expect("tick")
            .is_empty()
    );

    let reopened = at("2026-01-06T09:00:00Z");
    in_tx!(test, |tx| restart_clocks(
        &tx,
        case,
        Severity::High,
        reopened
    ));
    in_tx!(test, |tx| restart_clocks(
        &tx,
        case,
        Severity::High,
        reopened
    ));
    let clocks = view(&test, case, reopened).await;
    assert_eq!(clocks.len(), 3, "one new cycle, not two");
    assert!(
        clocks
            .iter()
            .all(|c| c.instance.cycle == 2 && c.status == InstanceStatus::Running)
    );
    assert_eq!(clocks[0].instance.severity, Severity::High);
    assert_eq!(clocks[0].instance.due_at, at("2026-01-06T09:30:00Z"));
}

#[tokio::test]
async fn business_hours_clocks_skip_the_weekend_and_pause_in_business_time() {
    let test = TestDb::new().await;
    let t = tenant(&test, "alpha", "Europe/Berlin").await;
    let alert = subject(SubjectKind::Alert, t);
    // Medium: acknowledge 2 business hours, Mon-Fri 09:00-17:00 Berlin (UTC+1).
    // Friday 15:00 UTC = 16:00 local: one hour on Friday, one on Monday.
    in_tx!(test, |tx| start_clocks(
        &tx,
        alert,
        Severity::Medium,
        at("2026-01-09T15:00:00Z"),
        None
    ));
    let clocks = view(&test, alert, at("2026-01-09T15:00:00Z")).await;
    assert_eq!(clocks[0].instance.due_at, at("2026-01-12T09:00:00Z"));
    assert_eq!(clocks[0].remaining_secs, Some(7200));
    // Paused from Friday 16:30 to Monday 08:30 local: 30 business minutes.
    in_tx!(test, |tx| pause_clocks(
        &tx,
        alert,
        at("2026-01-09T15:30:00Z")
    ));
    in_tx!(test, |tx| resume_clocks(
        &tx,
        alert,
        at("2026-01-12T07:30:00Z")
    ));
    let clocks = view(&test, alert, at("2026-01-12T07:30:00Z")).await;
    assert_eq!(clocks[0].instance.due_at, at("2026-01-12T09:30:00Z"));
}

#[tokio::test]
async fn clocks_outside_the_transaction_tenants_are_not_found() {
    let test = TestDb::new().await;
    let a = tenant(&test, "alpha", "UTC").await;
    let b = tenant(&test, "bravo", "UTC").await;
    let scope = scope(Role::Analyst, &[b]);
    let tx = test.db.begin(&scope).await.expect("begin");
    let foreign = subject(SubjectKind::Alert, a);
    let err = start_clocks(
        &tx,
        foreign,
        Severity::High,
        at("2026-01-05T10:00:00Z"),
        None,
    )
    .await
    .expect_err("tenant A is not in B's transaction");
    assert!(matches!(err, Error::NotFound), "{err:?}");
    let err = subject_sla(&tx, foreign, at("2026-01-05T10:00:00Z"))
        .await
        .expect_err("not found");
    assert!(matches!(err, Error::NotFound));
}
