//! Billing through the real server: plans and subscriptions in GraphQL, the
//! computed invoice from what was really ingested, the account and portfolio
//! reports with their authorization (assigned account managers; customers only
//! when the tenant allows), the CSV downloads, and the Stripe webhook endpoint.

mod common;

use common::*;
use garrison_core::Secret;
use serde_json::{Value, json};

const PLAN: &str = r#"mutation { createPlan(input: {name: "Pro", currency: "USD", baseFeeMinor: 50000, endpointPriceMinor: 700, includedGb: 100, overageGbPriceMinor: 25, slaTier: "gold"}) { id name currency } }"#;

fn this_month() -> String {
    chrono::Utc::now().format("%Y-%m").to_string()
}

/// A tenant with a plan from the 1st of last month, and two events from two hosts.
async fn billed_tenant(app: &TestApp, admin: &str, slug: &str) -> (String, String) {
    let tenant = app.create_tenant(admin, slug).await;
    let (_, created) = app.gql_raw(Some(admin), PLAN, json!({})).await;
    let plan = created["data"]["createPlan"]["id"]
        .as_str()
        .map(String::from)
        .unwrap_or_default();
    let plan = if plan.is_empty() {
        app.gql(admin, "{ plans { id } }", json!({})).await["plans"][0]["id"]
            .as_str()
            .expect("plan")
            .to_string()
    } else {
        plan
    };
    let starts = (chrono::Utc::now().date_naive() - chrono::Duration::days(40))
        .format("%Y-%m-01")
        .to_string();
    let sub = app
        .gql(
            admin,
            "mutation($t: ID!, $p: ID!, $s: Date!) { subscribeTenant(tenantId: $t, planId: $p, startsOn: $s) { startsOn plan { name } } }",
            json!({"t": tenant, "p": plan, "s": starts}),
        )
        .await;
    assert_eq!(sub["subscribeTenant"]["startsOn"], starts.as_str());
    let token = app
        .gql(
            admin,
            r#"mutation($t: ID!) { createIngestToken(tenantId: $t, name: "shipper") { token } }"#,
            json!({"t": tenant}),
        )
        .await["createIngestToken"]["token"]
        .as_str()
        .expect("token")
        .to_string();
    let sent = app
        .http
        .post(app.url("/ingest/v1/events"))
        .bearer_auth(&token)
        .body("{\"message\":\"one\",\"host\":{\"name\":\"web-1\"}}\n{\"message\":\"two\",\"host\":{\"name\":\"db-1\"}}\n")
        .send()
        .await
        .expect("send");
    assert_eq!(sent.status(), 200);
    (tenant, plan)
}

#[tokio::test]
async fn plans_subscriptions_and_the_estimate_from_real_usage() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let (tenant, plan) = billed_tenant(&app, &admin, "acme").await;

    let plans = app
        .gql(&admin, "{ plans { id name currency slaTier } }", json!({}))
        .await;
    assert_eq!(plans["plans"][0]["currency"], "usd");
    let updated = app
        .gql(
            &admin,
            "mutation($p: ID!) { updatePlan(id: $p, input: {includedGb: 0, overageGbPriceMinor: 100000}) { includedGb overageGbPriceMinor } }",
            json!({"p": plan}),
        )
        .await;
    assert_eq!(updated["updatePlan"]["includedGb"], 0);

    let (_, bad) = app
        .gql_raw(
            Some(&admin),
            r#"mutation { createPlan(input: {name: "Bad", currency: "dollars", baseFeeMinor: 1, endpointPriceMinor: 1, includedGb: 1, overageGbPriceMinor: 1, slaTier: "x"}) { id } }"#,
            json!({}),
        )
        .await;
    assert_eq!(error_code(&bad), "INVALID_INPUT");
    assert_eq!(bad["errors"][0]["extensions"]["field"], "input.currency");
    let (_, bad) = app
        .gql_raw(
            Some(&admin),
            "mutation($t: ID!, $p: ID!) { subscribeTenant(tenantId: $t, planId: $p, startsOn: \"2026-02-30\") { startsOn } }",
            json!({"t": tenant, "p": plan}),
        )
        .await;
    assert_eq!(error_code(&bad), "INVALID_INPUT", "{bad}");

    let account = app
        .gql(
            &admin,
            "query($t: ID!) { billingAccount(tenantId: $t) { mode customerReports currentSubscription { plan { name } } subscriptions { startsOn } } }",
            json!({"t": tenant}),
        )
        .await;
    assert_eq!(account["billingAccount"]["mode"], "LOCAL");
    assert_eq!(
        account["billingAccount"]["currentSubscription"]["plan"]["name"],
        "Pro"
    );
    assert_eq!(account["billingAccount"]["customerReports"], false);

    // The ingest writer commits within milliseconds; the estimate reads its ledger.
    let query = "query($t: ID!, $m: String!) { invoiceEstimate(tenantId: $t, month: $m) { estimate mode currency totalMinor bytes maxEndpoints lines { kind amountMinor quantity } } }";
    let mut estimate = Value::Null;
    for _ in 0..50 {
        estimate = app
            .gql(&admin, query, json!({"t": tenant, "m": this_month()}))
            .await["invoiceEstimate"]
            .clone();
        if estimate["bytes"].as_i64().unwrap_or(0) > 0 && estimate["maxEndpoints"] == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(estimate["estimate"], true, "{estimate}");
    assert_eq!(estimate["mode"], "LOCAL");
    assert_eq!(estimate["currency"], "usd");
    assert_eq!(estimate["maxEndpoints"], 2, "{estimate}");
    let lines = estimate["lines"].as_array().expect("lines");
    let amount = |kind: &str| {
        lines
            .iter()
            .filter(|l| l["kind"] == kind)
            .map(|l| l["amountMinor"].as_i64().unwrap_or(0))
            .sum::<i64>()
    };
    assert_eq!(amount("base_fee"), 50_000);
    assert_eq!(amount("endpoints"), 1_400);
    // A few hundred bytes at 1000.00 per GB: well under a cent.
    assert_eq!(amount("data_overage"), 0);
    assert_eq!(estimate["totalMinor"], 51_400);

    let none = app
        .gql(&admin, query, json!({"t": tenant, "m": "2001-01"}))
        .await;
    assert_eq!(none["invoiceEstimate"], Value::Null);
    let (_, bad) = app
        .gql_raw(Some(&admin), query, json!({"t": tenant, "m": "2026-13"}))
        .await;
    assert_eq!(bad["errors"][0]["extensions"]["field"], "month");
}

#[tokio::test]
async fn reports_follow_assignments_and_the_customer_flag() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let (mine, _) = billed_tenant(&app, &admin, "mine").await;
    let (other, _) = billed_tenant(&app, &admin, "other").await;
    app.create_user(&admin, json!({"email": "am@provider.test", "password": PASSWORD, "role": "ACCOUNT_MANAGER", "tenantIds": [mine]}))
        .await;
    app.create_user(&admin, json!({"email": "lead@mine.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": mine}))
        .await;
    app.create_user(&admin, json!({"email": "viewer@mine.test", "password": PASSWORD, "role": "CUSTOMER_VIEWER", "tenantId": mine}))
        .await;
    let am = app.token("am@provider.test", PASSWORD).await;
    let lead = app.token("lead@mine.test", PASSWORD).await;
    let viewer = app.token("viewer@mine.test", PASSWORD).await;
    let report = "query($t: ID!, $m: String!) { accountReport(tenantId: $t, month: $m) { tenantName month usageByDay { day events endpoints } sla { breachCount mttaSeconds } alertsBySeverity { key count } estimate { totalMinor } flags } }";
    let m = this_month();

    let data = app.gql(&am, report, json!({"t": mine, "m": m})).await;
    let days = data["accountReport"]["usageByDay"]
        .as_array()
        .expect("days");
    assert!((28..=31).contains(&days.len()));
    assert_eq!(data["accountReport"]["tenantName"], "Tenant mine");
    let (_, denied) = app
        .gql_raw(Some(&am), report, json!({"t": other, "m": m}))
        .await;
    assert_eq!(error_code(&denied), "NOT_FOUND");

    let (_, denied) = app
        .gql_raw(Some(&lead), report, json!({"t": mine, "m": m}))
        .await;
    assert_eq!(
        error_code(&denied),
        "NOT_FOUND",
        "customers wait for the flag"
    );
    let (_, refused) = app
        .gql_raw(
            Some(&am),
            "mutation($t: ID!) { setCustomerReports(tenantId: $t, enabled: true) }",
            json!({"t": mine}),
        )
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN");
    app.gql(
        &admin,
        "mutation($t: ID!) { setCustomerReports(tenantId: $t, enabled: true) }",
        json!({"t": mine}),
    )
    .await;
    let data = app.gql(&lead, report, json!({"t": mine, "m": m})).await;
    assert_eq!(data["accountReport"]["tenantName"], "Tenant mine");
    let (_, denied) = app
        .gql_raw(Some(&viewer), report, json!({"t": mine, "m": m}))
        .await;
    assert_eq!(error_code(&denied), "NOT_FOUND", "viewers never");
    let (_, denied) = app
        .gql_raw(Some(&lead), report, json!({"t": other, "m": m}))
        .await;
    assert_eq!(error_code(&denied), "NOT_FOUND");

    let portfolio = "query($m: String!) { portfolioReport(month: $m) { tenantId tenantName planName estimatedTotalMinor flags } }";
    let rows = app.gql(&am, portfolio, json!({"m": m})).await["portfolioReport"].clone();
    assert_eq!(rows.as_array().map(Vec::len), Some(1), "{rows}");
    assert_eq!(rows[0]["tenantId"], mine.as_str());
    assert_eq!(rows[0]["planName"], "Pro");
    let all = app.gql(&admin, portfolio, json!({"m": m})).await;
    assert_eq!(all["portfolioReport"].as_array().map(Vec::len), Some(2));
    let none = app.gql(&lead, portfolio, json!({"m": m})).await;
    assert_eq!(none["portfolioReport"], json!([]));
}

#[tokio::test]
async fn csv_downloads_answer_401_200_404_and_400() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let (mine, _) = billed_tenant(&app, &admin, "mine").await;
    let (other, _) = billed_tenant(&app, &admin, "other").await;
    app.create_user(&admin, json!({"email": "am@provider.test", "password": PASSWORD, "role": "ACCOUNT_MANAGER", "tenantIds": [mine]}))
        .await;
    let am = app.token("am@provider.test", PASSWORD).await;
    let m = this_month();
    let get = |path: String, token: Option<String>| {
        let mut request = app.http.get(app.url(&path));
        if let Some(t) = token {
            request = request.bearer_auth(t);
        }
        request.send()
    };
    let account = |t: &str| format!("/reports/account.csv?tenant={t}&month={m}");

    let anon = get(account(&mine), None).await.expect("request");
    assert_eq!(anon.status(), 401);
    let ok = get(account(&mine), Some(am.clone()))
        .await
        .expect("request");
    assert_eq!(ok.status(), 200);
    assert_eq!(
        ok.headers()["content-type"].to_str().unwrap_or(""),
        "text/csv; charset=utf-8"
    );
    let body = ok.text().await.expect("body");
    assert!(body.starts_with("section,key,"), "{body}");
    assert!(body.contains("usage_day,"), "{body}");
    assert!(body.contains("estimate_total,total,"), "{body}");
    let hidden = get(account(&other), Some(am.clone()))
        .await
        .expect("request");
    assert_eq!(hidden.status(), 404);
    let bad = get(
        format!("/reports/account.csv?tenant={mine}&month=May"),
        Some(am.clone()),
    )
    .await
    .expect("request");
    assert_eq!(bad.status(), 400);
    let err: Value = bad.json().await.expect("json");
    assert_eq!(err["error"]["field"], "month");
    let missing = get(format!("/reports/account.csv?month={m}"), Some(am.clone()))
        .await
        .expect("request");
    assert_eq!(missing.status(), 400);

    let portfolio = get(
        format!("/reports/portfolio.csv?month={m}"),
        Some(am.clone()),
    )
    .await
    .expect("request");
    assert_eq!(portfolio.status(), 200);
    let body = portfolio.text().await.expect("body");
    assert_eq!(
        body.lines().count(),
        2,
        "a header and the one assigned tenant: {body}"
    );
    assert!(body.contains(&mine) && !body.contains(&other));
    let anon = get(format!("/reports/portfolio.csv?month={m}"), None)
        .await
        .expect("request");
    assert_eq!(anon.status(), 401);
    let bad = get("/reports/portfolio.csv".into(), Some(am))
        .await
        .expect("request");
    assert_eq!(bad.status(), 400);
}

#[tokio::test]
async fn stripe_mode_previews_and_the_webhook_refuses_forgeries_and_replays() {
    let secret = Secret::new("whsec_gateway_test".to_string());
    let configured = secret.clone();
    let app = spawn_app_with(move |c| {
        c.billing.stripe_webhook_secret = Some(configured);
        // Stripe mode; the worker's first sync waits a minute, so nothing is called here.
        c.billing.stripe_secret_key = Some(Secret::new("sk_test_unused".into()));
    })
    .await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let (tenant, _) = billed_tenant(&app, &admin, "stripe").await;
    let account = app
        .gql(
            &admin,
            "query($t: ID!, $m: String!) { billingAccount(tenantId: $t) { mode } invoiceEstimate(tenantId: $t, month: $m) { estimate mode } }",
            json!({"t": tenant, "m": this_month()}),
        )
        .await;
    assert_eq!(account["billingAccount"]["mode"], "STRIPE");
    assert_eq!(
        account["invoiceEstimate"]["mode"], "STRIPE",
        "the preview of the upcoming invoice"
    );
    assert_eq!(account["invoiceEstimate"]["estimate"], true);
    let body = json!({"id": "evt_gw_1", "object": "event", "type": "customer.created", "data": {"object": {"id": "cus_x"}}})
        .to_string();
    let now = chrono::Utc::now().timestamp();
    let post = |signature: String| {
        app.http
            .post(app.url("/webhooks/stripe"))
            .header("Stripe-Signature", signature)
            .body(body.clone())
            .send()
    };
    let wrong =
        garrison_billing::webhook::sign(body.as_bytes(), &Secret::new("whsec_nope".into()), now);
    assert_eq!(post(wrong).await.expect("post").status(), 400);
    let stale = garrison_billing::webhook::sign(body.as_bytes(), &secret, now - 3600);
    assert_eq!(post(stale).await.expect("post").status(), 400);
    assert_eq!(post(String::new()).await.expect("post").status(), 400);
    let good = garrison_billing::webhook::sign(body.as_bytes(), &secret, now);
    let ok = post(good.clone()).await.expect("post");
    assert_eq!(ok.status(), 200);
    assert_eq!(
        post(good).await.expect("post").status(),
        409,
        "a replay is refused"
    );

    let unconfigured = spawn_app().await;
    let response = unconfigured
        .http
        .post(unconfigured.url("/webhooks/stripe"))
        .body("{}")
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 503);
}
