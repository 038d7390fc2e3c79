//! The SLA API through the real server: who may set and read policies, the report
//! over clocks on a stepped timeline, the CSV endpoint's statuses, and the worker's
//! tick.
//!
//! The timeline is in 2099 on purpose: the server's own worker ticks at the wall
//! clock every 30 s, and must find nothing of these tests' clocks due.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::*;
use garrison_core::Scope;
use garrison_core::clock::{Clock, ManualClock};
use garrison_core::{Severity, TenantId};
use garrison_sla::clocks::{complete_target, start_clocks};
use garrison_sla::{NoticeKind, Subject, SubjectKind, Target};
use serde_json::{Value, json};

const SET_POLICY: &str = "mutation($t: ID!, $i: SlaPolicyInput!) { setSlaPolicy(tenantId: $t, severity: HIGH, input: $i) { severity acknowledgeSeconds warnPercent calendar isDefault } }";

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("instant")
        .with_timezone(&Utc)
}

/// A provider admin token, a tenant, and its customer admin's token.
async fn tenant_with_customer(app: &TestApp, admin: &str, slug: &str) -> (String, String) {
    let tenant = app.create_tenant(admin, slug).await;
    let email = format!("lead@{slug}.test");
    app.create_user(
        admin,
        json!({"email": email, "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": tenant}),
    )
    .await;
    (tenant, app.token(&email, PASSWORD).await)
}

#[tokio::test]
async fn provider_admins_set_policies_and_customers_only_read_them() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let (tenant, customer) = tenant_with_customer(&app, &admin, "acme").await;
    let input = json!({"acknowledgeSeconds": 600, "respondSeconds": 1800, "resolveSeconds": 14400, "warnPercent": 80, "calendar": "BUSINESS_HOURS"});
    let set = app
        .gql(&admin, SET_POLICY, json!({"t": tenant, "i": input}))
        .await;
    assert_eq!(
        set["setSlaPolicy"],
        json!({"severity": "HIGH", "acknowledgeSeconds": 600, "warnPercent": 80, "calendar": "BUSINESS_HOURS", "isDefault": false})
    );

    let read = app
        .gql(
            &customer,
            "query($t: ID!) { slaPolicies(tenantId: $t) { severity acknowledgeSeconds isDefault } businessCalendar(tenantId: $t) { timezone isDefault weeklyHours { weekday start end } } }",
            json!({"t": tenant}),
        )
        .await;
    let policies = read["slaPolicies"].as_array().expect("policies");
    assert_eq!(policies.len(), 5);
    assert_eq!(
        policies[0],
        json!({"severity": "CRITICAL", "acknowledgeSeconds": 900, "isDefault": true})
    );
    assert_eq!(
        policies[1],
        json!({"severity": "HIGH", "acknowledgeSeconds": 600, "isDefault": false})
    );
    assert_eq!(read["businessCalendar"]["timezone"], "UTC");
    assert_eq!(read["businessCalendar"]["isDefault"], true);
    assert_eq!(
        read["businessCalendar"]["weeklyHours"][0],
        json!({"weekday": "MONDAY", "start": "09:00", "end": "17:00"})
    );

    let (_, body) = app
        .gql_raw(
            Some(&customer),
            SET_POLICY,
            json!({"t": tenant, "i": input}),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    let calendar = "mutation($t: ID!) { setBusinessCalendar(tenantId: $t, input: {timezone: \"Europe/Berlin\", weeklyHours: [{weekday: MONDAY, start: \"08:00\", end: \"16:00\"}], holidays: [\"2026-12-25\"]}) { timezone isDefault holidays } }";
    let (_, body) = app
        .gql_raw(Some(&customer), calendar, json!({"t": tenant}))
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    let set = app.gql(&admin, calendar, json!({"t": tenant})).await;
    assert_eq!(
        set["setBusinessCalendar"],
        json!({"timezone": "Europe/Berlin", "isDefault": false, "holidays": ["2026-12-25"]})
    );

    // Bad input names the argument and changes nothing.
    let mut bad = input.clone();
    bad["warnPercent"] = json!(0);
    let (_, body) = app
        .gql_raw(Some(&admin), SET_POLICY, json!({"t": tenant, "i": bad}))
        .await;
    assert_eq!(error_code(&body), "INVALID_INPUT", "{body}");
    assert_eq!(
        body["errors"][0]["extensions"]["field"],
        "input.warnPercent"
    );
    let (_, body) = app
        .gql_raw(
            Some(&admin),
            "mutation($t: ID!) { setBusinessCalendar(tenantId: $t, input: {weeklyHours: [{weekday: MONDAY, start: \"17:00\", end: \"09:00\"}]}) { timezone } }",
            json!({"t": tenant}),
        )
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["field"], "input.weeklyHours[0].end",
        "{body}"
    );
}

/// Two critical alerts of `tenant` on a stepped clock: acknowledged after 5 and
/// 25 minutes (the second one late: the target is 15).
async fn two_alerts(app: &TestApp, tenant: &str) -> Vec<Subject> {
    let tenant = TenantId::parse("tenant", tenant).expect("tenant id");
    let clock = ManualClock::new(at("2099-01-05T10:00:00Z"));
    let scope = Scope::system("test");
    let tx = app.server.state.db.begin(&scope).await.expect("begin");
    let mut subjects = Vec::new();
    for ack_after in [5, 25] {
        let s = Subject {
            kind: SubjectKind::Alert,
            id: uuid::Uuid::now_v7(),
            tenant,
        };
        let started = clock.now();
        start_clocks(
            &tx,
            s,
            Severity::Critical,
            started,
            Some(started - Duration::minutes(2)),
        )
        .await
        .expect("start");
        complete_target(
            &tx,
            s,
            Target::Acknowledge,
            started + Duration::minutes(ack_after),
        )
        .await
        .expect("acknowledge");
        subjects.push(s);
        clock.advance(Duration::hours(1));
    }
    tx.commit().await.expect("commit");
    subjects
}

#[tokio::test]
async fn the_report_and_its_csv_show_the_stepped_times() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let (tenant, customer) = tenant_with_customer(&app, &admin, "acme").await;
    let (other, other_customer) = tenant_with_customer(&app, &admin, "globex").await;
    let subjects = two_alerts(&app, &tenant).await;

    let report = app
        .gql(
            &customer,
            r#"query($t: ID!) { slaReport(tenantId: $t, from: "2099-01-05T00:00:00Z", to: "2099-01-06T00:00:00Z") {
                mtta { mean median p90 count } mttd { mean } mttrResolve { count }
                attainment { target met breached open percent } breachCount
                bySeverity { severity mtta { count } }
                breaches { subjectKind subjectId target dueAt completedAt } } }"#,
            json!({"t": tenant}),
        )
        .await;
    let r = &report["slaReport"];
    assert_eq!(
        r["mtta"],
        json!({"mean": 900.0, "median": 900.0, "p90": 1500.0, "count": 2})
    );
    assert_eq!(r["mttd"]["mean"], 120.0);
    assert_eq!(r["mttrResolve"]["count"], 0);
    assert_eq!(
        r["attainment"][0],
        json!({"target": "ACKNOWLEDGE", "met": 1, "breached": 1, "open": 0, "percent": 50.0})
    );
    assert_eq!(r["breachCount"], 1);
    assert_eq!(
        r["bySeverity"][0],
        json!({"severity": "CRITICAL", "mtta": {"count": 2}})
    );
    assert_eq!(
        r["breaches"],
        json!([{"subjectKind": "ALERT", "subjectId": subjects[1].id.to_string(), "target": "ACKNOWLEDGE",
                "dueAt": "2099-01-05T11:15:00+00:00", "completedAt": "2099-01-05T11:25:00+00:00"}])
    );

    // The trend splits the same clocks by period, in the order asked, in one read.
    let trend = app
        .gql(
            &customer,
            r#"query($t: ID!) { slaTrend(tenantId: $t, periods: [
                {from: "2099-01-05T00:00:00Z", to: "2099-01-06T00:00:00Z"},
                {from: "2099-01-04T00:00:00Z", to: "2099-01-05T00:00:00Z"}]) {
                from mtta { median count } mttrResolve { count } } }"#,
            json!({"t": tenant}),
        )
        .await;
    assert_eq!(
        trend["slaTrend"],
        json!([
            {"from": "2099-01-05T00:00:00+00:00", "mtta": {"median": 900.0, "count": 2}, "mttrResolve": {"count": 0}},
            {"from": "2099-01-04T00:00:00+00:00", "mtta": {"median": null, "count": 0}, "mttrResolve": {"count": 0}},
        ])
    );
    let (_, body) = app
        .gql_raw(
            Some(&customer),
            r#"query($t: ID!) { slaTrend(tenantId: $t, periods: [{from: "2099-01-05T00:00:00Z", to: "2099-01-04T00:00:00Z"}]) { from } }"#,
            json!({"t": tenant}),
        )
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["field"], "periods[0].to",
        "{body}"
    );

    let overview = app
        .gql(
            &admin,
            r#"{ slaOverview(from: "2099-01-05T00:00:00Z", to: "2099-01-06T00:00:00Z") { tenantId breachCount instanceCount attainmentPercent } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        overview["slaOverview"],
        json!([
            {"tenantId": tenant, "breachCount": 1, "instanceCount": 4, "attainmentPercent": 50.0},
            {"tenantId": other, "breachCount": 0, "instanceCount": 0, "attainmentPercent": null},
        ])
    );

    let csv_url = |t: &str, from: &str| {
        app.url(&format!(
            "/reports/sla.csv?tenant={t}&from={from}&to=2099-01-06T00:00:00Z"
        ))
    };
    let get = |url: String, token: Option<String>| {
        let mut request = app.http.get(url);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        async move { request.send().await.expect("request") }
    };
    let from = "2099-01-05T00:00:00Z";
    let response = get(csv_url(&tenant, from), None).await;
    assert_eq!(response.status(), 401);
    let response = get(csv_url(&tenant, from), Some("not-a-token".into())).await;
    assert_eq!(response.status(), 401);

    let response = get(csv_url(&tenant, from), Some(customer.clone())).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let body = response.text().await.expect("body");
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines[0], garrison_sla::csv::HEADER);
    assert_eq!(lines.len(), 1 + 4, "two alerts, two clocks each: {body}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&subjects[1].id.to_string()) && l.ends_with(",1500,breached")),
        "{body}"
    );

    // Another tenant's customer: not found. The tenant's own range, a bad time: 400.
    let response = get(csv_url(&tenant, from), Some(other_customer.clone())).await;
    assert_eq!(response.status(), 404);
    let response = get(csv_url(&tenant, "yesterday"), Some(customer.clone())).await;
    assert_eq!(response.status(), 400);
    let error: Value = response.json().await.expect("json");
    assert_eq!(error["error"]["field"], "from");
    let response = get(
        app.url("/reports/sla.csv?from=2099-01-05T00:00:00Z&to=2099-01-06T00:00:00Z"),
        Some(customer.clone()),
    )
    .await;
    assert_eq!(response.status(), 400);
    let error: Value = response.json().await.expect("json");
    assert_eq!(error["error"]["field"], "tenant");
    // An offset whose `+` was not percent-encoded still parses.
    let response = get(
        csv_url(&tenant, "2099-01-05T01:00:00+01:00"),
        Some(customer),
    )
    .await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn the_worker_tick_emits_each_breach_once() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let tenant = app.create_tenant(&admin, "acme").await;
    let tenant = TenantId::parse("tenant", &tenant).expect("id");
    let alert = Subject {
        kind: SubjectKind::Alert,
        id: uuid::Uuid::now_v7(),
        tenant,
    };
    let db = &app.server.state.db;
    let scope = Scope::system("test");
    let tx = db.begin(&scope).await.expect("begin");
    start_clocks(
        &tx,
        alert,
        Severity::Critical,
        at("2099-01-05T10:00:00Z"),
        None,
    )
    .await
    .expect("start");
    tx.commit().await.expect("commit");

    let tick = garrison_gateway::worker::run_sla_tick;
    let notices = tick(db, at("2099-01-05T10:12:00Z")).await.expect("tick");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].kind, NoticeKind::Warning);
    let notices = tick(db, at("2099-01-05T10:20:00Z")).await.expect("tick");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].kind, NoticeKind::Breached);
    assert_eq!(notices[0].subject, alert);
    assert!(
        tick(db, at("2099-01-05T10:21:00Z"))
            .await
            .expect("tick")
            .is_empty()
    );
}
