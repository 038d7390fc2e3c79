//! Policies and calendars against a real database: defaults, overrides, who may
//! change them, and clocks started after a change use the new targets.

mod common;

use chrono::Weekday;
use common::*;
use garrison_core::db::testing::TestDb;
use garrison_core::{Error, Role, Scope, Severity};
use garrison_sla::calendar::store::{get_calendar, set_calendar};
use garrison_sla::calendar::{CalendarInput, CalendarKind, DayHoursInput};
use garrison_sla::clocks::{start_clocks, subject_sla};
use garrison_sla::policy::{PolicyInput, list_policies, set_policy};
use garrison_sla::{SubjectKind, Target};

fn input() -> PolicyInput {
    PolicyInput {
        acknowledge_secs: 600,
        respond_secs: 1200,
        resolve_secs: 7200,
        warn_percent: Some(50),
        calendar: CalendarKind::BusinessHours,
    }
}

#[tokio::test]
async fn overrides_replace_the_default_for_one_severity() {
    let test = TestDb::new().await;
    let t = tenant(&test, "alpha", "UTC").await;
    let admin = Scope::system("test");
    let tx = test.db.begin(&admin).await.expect("begin");
    let policies = list_policies(&tx, t).await.expect("list");
    assert_eq!(policies.len(), 5);
    assert_eq!(policies[0].severity, Severity::Critical);
    assert!(policies.iter().all(|p| p.is_default));
    let set = set_policy(&tx, t, Severity::High, input(), at("2026-01-02T12:00:00Z"))
        .await
        .expect("set");
    assert_eq!(set.targets.warn_percent, 50);
    // Setting it again replaces it (no duplicate row).
    set_policy(&tx, t, Severity::High, input(), at("2026-01-02T12:00:00Z"))
        .await
        .expect("set again");
    let policies = list_policies(&tx, t).await.expect("list");
    let high = &policies[1];
    assert_eq!(high.severity, Severity::High);
    assert!(!high.is_default);
    assert_eq!(high.updated_at, Some(at("2026-01-02T12:00:00Z")));
    assert_eq!(high.targets.acknowledge_secs, 600);
    assert_eq!(high.targets.calendar, CalendarKind::BusinessHours);
    assert_eq!(policies.iter().filter(|p| p.is_default).count(), 4);

    // New clocks use it: Monday 10:00, 600 s of business time, warning at 50%.
    let alert = subject(SubjectKind::Alert, t);
    start_clocks(&tx, alert, Severity::High, at("2026-01-05T10:00:00Z"), None)
        .await
        .expect("start");
    let clocks = subject_sla(&tx, alert, at("2026-01-05T10:00:00Z"))
        .await
        .expect("sla");
    assert_eq!(clocks[0].instance.target, Target::Acknowledge);
    assert_eq!(clocks[0].instance.due_at, at("2026-01-05T10:10:00Z"));
    assert_eq!(clocks[0].instance.warn_at, at("2026-01-05T10:05:00Z"));
    tx.commit().await.expect("commit");
}

#[tokio::test]
async fn customers_read_policies_but_only_provider_admins_change_them() {
    let test = TestDb::new().await;
    let a = tenant(&test, "alpha", "UTC").await;
    let b = tenant(&test, "bravo", "UTC").await;
    let customer = scope(Role::CustomerAdmin, &[a]);
    let tx = test.db.begin(&customer).await.expect("begin");
    assert_eq!(list_policies(&tx, a).await.expect("read own").len(), 5);
    let err = set_policy(&tx, a, Severity::Low, input(), at("2026-01-02T12:00:00Z"))
        .await
        .expect_err("customer");
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = list_policies(&tx, b).await.expect_err("other tenant");
    assert!(matches!(err, Error::NotFound), "{err:?}");
    let err = set_policy(&tx, b, Severity::Low, input(), at("2026-01-02T12:00:00Z"))
        .await
        .expect_err("other tenant");
    assert!(matches!(err, Error::NotFound), "{err:?}");
    let err = get_calendar(&tx, b).await.expect_err("other tenant");
    assert!(matches!(err, Error::NotFound), "{err:?}");
    drop(tx);

    let analyst = scope(Role::Analyst, &[a]);
    let tx = test.db.begin(&analyst).await.expect("begin");
    let err = set_policy(&tx, a, Severity::Low, input(), at("2026-01-02T12:00:00Z"))
        .await
        .expect_err("analyst");
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    drop(tx);
    let mut bad = input();
    bad.warn_percent = Some(0);
    let admin = Scope::system("test");
    let tx = test.db.begin(&admin).await.expect("begin");
    match set_policy(&tx, a, Severity::Low, bad, at("2026-01-02T12:00:00Z")).await {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "input.warnPercent"),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[tokio::test]
async fn the_default_calendar_is_office_hours_in_the_tenant_zone() {
    let test = TestDb::new().await;
    let t = tenant(&test, "alpha", "Europe/Berlin").await;
    let admin = Scope::system("test");
    let tx = test.db.begin(&admin).await.expect("begin");
    let cal = get_calendar(&tx, t).await.expect("calendar");
    assert!(cal.is_default);
    assert_eq!(cal.calendar.timezone, chrono_tz::Tz::Europe__Berlin);
    assert_eq!(cal.calendar.hours.iter().filter(|h| h.is_some()).count(), 5);

    let set = set_calendar(
        &tx,
        t,
        CalendarInput {
            timezone: Some("America/New_York".into()),
            weekly_hours: vec![DayHoursInput {
                weekday: Weekday::Sat,
                start: "10:00".into(),
                end: "14:00".into(),
            }],
            holidays: vec!["2026-12-26".into()],
        },
        at("2026-01-02T12:00:00Z"),
    )
    .await
    .expect("set");
    assert!(!set.is_default);
    let read = get_calendar(&tx, t).await.expect("calendar");
    assert!(!read.is_default);
    assert_eq!(read.calendar, set.calendar);
    assert_eq!(read.calendar.timezone, chrono_tz::Tz::America__New_York);
    assert!(read.calendar.hours_on(Weekday::Sat).is_some());
    assert!(read.calendar.hours_on(Weekday::Mon).is_none());
    tx.commit().await.expect("commit");
}
