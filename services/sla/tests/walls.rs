//! PostgreSQL only: wall 2 for the SLA tables (the application role sees no
//! policy, calendar or clock row without a tenant declared, and only the declared
//! tenant's rows with one), and two writers racing to start the same clocks.

mod common;

use common::*;
use garrison_core::db::testing::TestDb;
use garrison_core::{Scope, Severity};
use garrison_sla::SubjectKind;
use garrison_sla::calendar::store::set_calendar;
use garrison_sla::calendar::{CalendarInput, CalendarKind, DayHoursInput};
use garrison_sla::clocks::{start_clocks, subject_sla};
use garrison_sla::policy::{PolicyInput, set_policy};
use sea_orm::{ConnectionTrait, Statement, TransactionTrait};

/// The application role (`garrison_migrations::APP_ROLE`; spelled out so this
/// crate need not depend on the migrations crate).
const APP_ROLE: &str = "garrison_app";

#[tokio::test]
async fn the_application_role_sees_only_declared_tenants() {
    if !TestDb::is_postgres() {
        return; // SQLite has no row-level security; wall 1 stands alone there.
    }
    let test = TestDb::new().await;
    let a = tenant(&test, "alpha", "UTC").await;
    let b = tenant(&test, "bravo", "UTC").await;
    let system = Scope::system("test");
    let tx = test.db.begin(&system).await.expect("begin");
    for t in [a, b] {
        set_policy(
            &tx,
            t,
            Severity::Low,
            PolicyInput {
                acknowledge_secs: 600,
                respond_secs: 600,
                resolve_secs: 600,
                warn_percent: None,
                calendar: CalendarKind::TwentyFourSeven,
            },
            at("2026-01-02T12:00:00Z"),
        )
        .await
        .expect("policy");
        set_calendar(
            &tx,
            t,
            CalendarInput {
                timezone: None,
                weekly_hours: vec![DayHoursInput {
                    weekday: chrono::Weekday::Mon,
                    start: "09:00".into(),
                    end: "17:00".into(),
                }],
                holidays: Vec::new(),
            },
            at("2026-01-02T12:00:00Z"),
        )
        .await
        .expect("calendar");
        start_clocks(
            &tx,
            subject(SubjectKind::Case, t),
            Severity::High,
            at("2026-01-05T10:00:00Z"),
            None,
        )
        .await
        .expect("clocks");
    }
    tx.commit().await.expect("commit");

    let owner = test.owner_connection().await;
    let raw = owner.begin().await.expect("begin");
    raw.execute_unprepared(&format!("SET LOCAL ROLE {}", APP_ROLE))
        .await
        .expect("set role");
    for (table, per_tenant) in [
        ("sla_policies", 1),
        ("sla_calendars", 1),
        ("sla_instances", 3),
    ] {
        let count = |sql: String| {
            let raw = &raw;
            async move {
                raw.query_one_raw(Statement::from_string(sea_orm::DbBackend::Postgres, sql))
                    .await
                    .expect("count")
                    .expect("row")
                    .try_get::<i64>("", "n")
                    .expect("n")
            }
        };
        raw.execute_unprepared("SELECT set_config('garrison.tenant_ids', '', true)")
            .await
            .expect("clear");
        assert_eq!(
            count(format!("SELECT count(*) AS n FROM {table}")).await,
            0,
            "{table}: no tenant declared, no rows"
        );
        raw.execute_unprepared(&format!(
            "SELECT set_config('garrison.tenant_ids', '{{{a}}}', true)"
        ))
        .await
        .expect("declare");
        assert_eq!(
            count(format!("SELECT count(*) AS n FROM {table}")).await,
            per_tenant,
            "{table}: tenant A's rows only"
        );
        assert_eq!(
            count(format!(
                "SELECT count(*) AS n FROM {table} WHERE tenant_id = '{b}'"
            ))
            .await,
            0,
            "{table}: tenant B's rows are invisible"
        );
    }
    raw.rollback().await.expect("rollback");
}

#[tokio::test]
async fn racing_starts_of_the_same_subject_both_succeed_once() {
    if !TestDb::is_postgres() {
        return; // SQLite serialises writers; the race needs two open writers.
    }
    let test = TestDb::new().await;
    let t = tenant(&test, "alpha", "UTC").await;
    let alert = subject(SubjectKind::Alert, t);
    let started = at("2026-01-05T10:00:00Z");
    let scope = Scope::system("test");
    let first = test.db.begin(&scope).await.expect("begin");
    start_clocks(&first, alert, Severity::High, started, None)
        .await
        .expect("first start");
    // The second transaction cannot see the first's rows; its insert waits on the
    // unique index until the first commits, then skips.
    let db = test.db.clone();
    let second = tokio::spawn(async move {
        let scope = Scope::system("test");
        let tx = db.begin(&scope).await.expect("begin");
        start_clocks(&tx, alert, Severity::High, started, None).await?;
        tx.commit().await
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    first.commit().await.expect("commit");
    second.await.expect("task").expect("second start succeeds");
    let tx = test.db.begin(&scope).await.expect("begin");
    let clocks = subject_sla(&tx, alert, started).await.expect("sla");
    assert_eq!(clocks.len(), 2, "one acknowledge and one resolve clock");
}
