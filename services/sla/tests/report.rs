//! Reports against a real database: the MTTD/MTTA/MTTR and attainment figures are
//! exactly what the stepped timeline implies; the overview stays in scope; CSV.

mod common;

use chrono::{DateTime, Utc};
use common::*;
use garrison_core::db::testing::TestDb;
use garrison_core::{Error, Role, Scope, Severity, TenantId};
use garrison_sla::clocks::{complete_target, pause_clocks, resume_clocks, start_clocks, tick};
use garrison_sla::csv::{HEADER, report_csv};
use garrison_sla::report::{sla_overview, sla_report};
use garrison_sla::{SubjectKind, Target};

/// One subject's life: (start, first event, [(target, completed at)], optional pause).
struct Life {
    kind: SubjectKind,
    severity: Severity,
    start: &'static str,
    first_event: Option<&'static str>,
    pause: Option<(&'static str, &'static str)>,
    done: &'static [(Target, &'static str)],
}

async fn live(test: &TestDb, tenant: TenantId, life: &Life) -> uuid::Uuid {
    let scope = Scope::system("test");
    let tx = test.db.begin(&scope).await.expect("begin");
    let s = subject(life.kind, tenant);
    start_clocks(
        &tx,
        s,
        life.severity,
        at(life.start),
        life.first_event.map(at),
    )
    .await
    .expect("start");
    // Everything that happens to the subject, in the order it happens.
    let mut steps: Vec<(DateTime<Utc>, Option<Target>)> = life
        .done
        .iter()
        .map(|(t, when)| (at(when), Some(*t)))
        .collect();
    if let Some((from, to)) = life.pause {
        steps.push((at(from), None));
        steps.push((at(to), None));
    }
    steps.sort_by_key(|(when, _)| *when);
    let mut paused = false;
    for (when, step) in steps {
        match step {
            Some(target) => complete_target(&tx, s, target, when)
                .await
                .expect("complete"),
            None if !paused => pause_clocks(&tx, s, when).await.expect("pause"),
            None => resume_clocks(&tx, s, when).await.expect("resume"),
        }
        if step.is_none() {
            paused = !paused;
        }
    }
    tx.commit().await.expect("commit");
    s.id
}

fn figures(s: garrison_sla::stats::DurationStats) -> (u64, Option<f64>, Option<f64>, Option<f64>) {
    (s.count, s.mean, s.median, s.p90)
}

const DAY: (&str, &str) = ("2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z");

fn period() -> (DateTime<Utc>, DateTime<Utc>) {
    (at(DAY.0), at(DAY.1))
}

#[tokio::test]
async fn report_shows_exactly_the_stepped_durations() {
    let test = TestDb::new().await;
    let t = tenant(&test, "alpha", "UTC").await;
    use Target::*;
    // Critical alerts: acknowledge 15 min, resolve 4 h.
    let alert = |start, first_event, done| Life {
        kind: SubjectKind::Alert,
        severity: Severity::Critical,
        start,
        first_event: Some(first_event),
        pause: None,
        done,
    };
    live(
        &test,
        t,
        &alert(
            "2026-01-05T10:00:00Z",
            "2026-01-05T09:59:00Z",
            &[
                (Acknowledge, "2026-01-05T10:05:00Z"),
                (Resolve, "2026-01-05T11:00:00Z"),
            ],
        ),
    )
    .await;
    live(
        &test,
        t,
        &alert(
            "2026-01-05T10:10:00Z",
            "2026-01-05T10:08:00Z",
            &[
                (Acknowledge, "2026-01-05T10:20:00Z"),
                (Resolve, "2026-01-05T12:10:00Z"),
            ],
        ),
    )
    .await;
    // The worker sees the third alert's acknowledgement overdue at 10:40.
    let late = live(
        &test,
        t,
        &alert("2026-01-05T10:20:00Z", "2026-01-05T10:17:00Z", &[]),
    )
    .await;
    tick(&test.db, at("2026-01-05T10:40:00Z"))
        .await
        .expect("tick");
    {
        let scope = Scope::system("test");
        let tx = test.db.begin(&scope).await.expect("begin");
        let s = garrison_sla::Subject {
            kind: SubjectKind::Alert,
            id: late,
            tenant: t,
        };
        complete_target(&tx, s, Acknowledge, at("2026-01-05T10:50:00Z"))
            .await
            .expect("ack");
        complete_target(&tx, s, Resolve, at("2026-01-05T15:20:00Z"))
            .await
            .expect("resolve");
        tx.commit().await.expect("commit");
    }
    // A high case (30 min / 1 h / 8 h) waiting on the customer for an hour.
    live(
        &test,
        t,
        &Life {
            kind: SubjectKind::Case,
            severity: Severity::High,
            start: "2026-01-05T10:00:00Z",
            first_event: None,
            pause: Some(("2026-01-05T10:30:00Z", "2026-01-05T11:30:00Z")),
            done: &[
                (Acknowledge, "2026-01-05T10:20:00Z"),
                (Respond, "2026-01-05T12:00:00Z"),
                (Resolve, "2026-01-05T14:00:00Z"),
            ],
        },
    )
    .await;
    // Still open at the end of the day; and one outside the period.
    live(
        &test,
        t,
        &alert("2026-01-05T23:00:00Z", "2026-01-05T22:00:00Z", &[]),
    )
    .await;
    live(
        &test,
        t,
        &alert(
            "2026-01-06T10:00:00Z",
            "2026-01-06T09:00:00Z",
            &[(Acknowledge, "2026-01-06T10:01:00Z")],
        ),
    )
    .await;

    let scope = scope(Role::AccountManager, &[t]);
    let tx = test.db.begin(&scope).await.expect("begin");
    let (from, to) = period();
    let report = sla_report(&tx, t, from, to).await.expect("report");
    let all = &report.overall;
    // Acknowledged after 300, 600, 1800 (alerts) and 1200 s (case).
    assert_eq!(
        figures(all.mtta),
        (4, Some(975.0), Some(900.0), Some(1800.0))
    );
    // Responded after 2 h minus the 1 h pause.
    assert_eq!(
        figures(all.mttr_respond),
        (1, Some(3600.0), Some(3600.0), Some(3600.0))
    );
    // Resolved after 3600, 7200, 18000 and (4 h - 1 h) 10800 s.
    assert_eq!(
        figures(all.mttr_resolve),
        (4, Some(9900.0), Some(9000.0), Some(18000.0))
    );
    // Detected 60, 120, 180 and 3600 s after the first event.
    assert_eq!(
        figures(all.mttd),
        (4, Some(990.0), Some(150.0), Some(3600.0))
    );

    let ack = &all.attainment[0];
    assert_eq!(
        (ack.target, ack.met, ack.breached, ack.open),
        (Acknowledge, 3, 1, 1)
    );
    assert_eq!(ack.percent, Some(75.0));
    assert_eq!(all.attainment[1].percent, Some(100.0));
    assert_eq!((all.attainment[2].met, all.attainment[2].breached), (3, 1));
    assert_eq!(all.breach_count, 2);
    let overall = all.attainment_percent.expect("decided");
    assert!((overall - 700.0 / 9.0).abs() < 1e-9, "{overall}");

    let (critical, c) = &report.by_severity[0];
    assert_eq!(*critical, Severity::Critical);
    assert_eq!(figures(c.mtta), (3, Some(900.0), Some(600.0), Some(1800.0)));
    let (high, h) = &report.by_severity[1];
    assert_eq!(*high, Severity::High);
    assert_eq!(
        figures(h.mtta),
        (1, Some(1200.0), Some(1200.0), Some(1200.0))
    );
    assert_eq!(report.by_severity[2].1.mtta.count, 0);

    assert_eq!(report.breaches.len(), 2);
    let b = &report.breaches[0];
    assert_eq!((b.subject_id, b.target), (late, Acknowledge));
    assert_eq!(b.due_at, at("2026-01-05T10:35:00Z"));
    assert_eq!(b.breached_at, Some(at("2026-01-05T10:40:00Z")));
    assert_eq!(b.completed_at, Some(at("2026-01-05T10:50:00Z")));
    let b = &report.breaches[1];
    assert_eq!(
        (b.target, b.due_at, b.breached_at),
        (Resolve, at("2026-01-05T14:20:00Z"), None)
    );

    let csv = report_csv(&report);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], HEADER);
    assert_eq!(lines.len(), 1 + report.instances.len());
    assert_eq!(
        report.instances.len(),
        4 * 2 + 3,
        "four alerts and a case in the period"
    );
    let late_ack = lines
        .iter()
        .find(|l| l.contains(&late.to_string()) && l.contains(",acknowledge,"))
        .expect("row of the late acknowledgement");
    assert!(
        late_ack.ends_with(",2026-01-05T10:20:00Z,2026-01-05T10:35:00Z,2026-01-05T10:50:00Z,2026-01-05T10:40:00Z,0,1800,breached"),
        "{late_ack}"
    );
}

#[tokio::test]
async fn business_hours_clocks_report_wall_time_and_attain_in_business_time() {
    let test = TestDb::new().await;
    let t = tenant(&test, "alpha", "UTC").await;
    // Medium (business hours): acknowledge within 2 business hours. Friday 16:00
    // start, Monday 09:30 acknowledgement: due Monday 10:00, so met, yet the
    // customer waited 65.5 hours, and that is what MTTA says.
    live(
        &test,
        t,
        &Life {
            kind: SubjectKind::Alert,
            severity: Severity::Medium,
            start: "2026-01-09T16:00:00Z",
            first_event: None,
            pause: None,
            done: &[(Target::Acknowledge, "2026-01-12T09:30:00Z")],
        },
    )
    .await;
    let scope = Scope::system("test");
    let tx = test.db.begin(&scope).await.expect("begin");
    let report = sla_report(
        &tx,
        t,
        at("2026-01-01T00:00:00Z"),
        at("2026-02-01T00:00:00Z"),
    )
    .await
    .expect("report");
    assert_eq!(report.overall.mtta.mean, Some(65.5 * 3600.0));
    assert_eq!(report.overall.attainment[0].percent, Some(100.0));
    assert_eq!(report.instances[0].due_at, at("2026-01-12T10:00:00Z"));
}

#[tokio::test]
async fn overview_lists_only_tenants_in_scope_and_periods_are_checked() {
    let test = TestDb::new().await;
    let a = tenant(&test, "alpha", "UTC").await;
    let b = tenant(&test, "bravo", "UTC").await;
    for t in [a, b] {
        live(
            &test,
            t,
            &Life {
                kind: SubjectKind::Alert,
                severity: Severity::Critical,
                start: "2026-01-05T10:00:00Z",
                first_event: None,
                pause: None,
                done: &[(Target::Acknowledge, "2026-01-05T10:01:00Z")],
            },
        )
        .await;
    }
    let (from, to) = period();
    let only_b = scope(Role::CustomerViewer, &[b]);
    let tx = test.db.begin(&only_b).await.expect("begin");
    let rows = sla_overview(&tx, from, to).await.expect("overview");
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].tenant_id, rows[0].tenant_name.as_str()),
        (b, "Tenant bravo")
    );
    assert_eq!(
        (rows[0].instance_count, rows[0].attainment_percent),
        (2, Some(100.0))
    );
    let err = sla_report(&tx, a, from, to)
        .await
        .expect_err("A is out of scope");
    assert!(matches!(err, Error::NotFound), "{err:?}");
    match sla_report(&tx, b, to, from).await {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "to"),
        other => panic!("expected invalid `to`, got {other:?}"),
    }
    drop(tx);

    let all = Scope::system("test");
    let tx = test.db.begin(&all).await.expect("begin");
    let rows = sla_overview(&tx, from, to).await.expect("overview");
    let ids: Vec<TenantId> = rows.iter().map(|r| r.tenant_id).collect();
    assert_eq!(ids, [a, b]);
}
