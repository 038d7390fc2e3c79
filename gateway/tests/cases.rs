//! The response loop through the real server on a stepped clock: an event of
//! tenant A raises an alert; A's analyst acknowledges and escalates it, works the
//! case with internal and shared comments, proposes an action that A's customer
//! admin approves, waits on the customer (the SLA pauses), resolves; the SLA
//! report then shows exactly the MTTA and MTTR the steps imply. Tenant B's people
//! see none of it; A's customer never sees an internal comment.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::*;
use garrison_core::TenantId;
use garrison_core::clock::ManualClock;
use serde_json::{Value, json};
use std::process::Command;

const RULE: &str = "title: Whoami\nid: case-whoami\ntags: [attack.discovery, attack.t1033]\nlogsource: {product: windows, category: process_creation}\ndetection:\n  s:\n    Image|endswith: '\\whoami.exe'\n  condition: s\nlevel: high\n";

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("time")
        .with_timezone(&Utc)
}

struct World {
    admin: String,
    a: String,
    analyst: String,
    customer: String,
    customer_b: String,
    secret: String,
}

async fn world(app: &TestApp) -> World {
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = app.create_tenant(&admin, "tenant-a").await;
    let b = app.create_tenant(&admin, "tenant-b").await;
    let pack = app
        .gql(
            &admin,
            "mutation($r: [String!]!) { importRulePack(name: \"p\", rules: $r) { id } }",
            json!({"r": [RULE]}),
        )
        .await["importRulePack"]["id"]
        .clone();
    app.gql(
        &admin,
        "mutation($t: ID!, $p: ID!) { enableRulePack(tenantId: $t, packId: $p) { id } }",
        json!({"t": a, "p": pack}),
    )
    .await;
    // A deterministic policy for HIGH: acknowledge 15 min, respond 30 min, resolve 4 h, around the clock.
    app.gql(
        &admin,
        "mutation($t: ID!) { setSlaPolicy(tenantId: $t, severity: HIGH, input: {acknowledgeSeconds: 900, respondSeconds: 1800, resolveSeconds: 14400, calendar: TWENTY_FOUR_SEVEN}) { isDefault } }",
        json!({"t": a}),
    )
    .await;
    app.create_user(&admin, json!({"email": "analyst-a@provider.test", "password": PASSWORD, "role": "ANALYST", "tenantIds": [a]}))
        .await;
    app.create_user(&admin, json!({"email": "lead@a.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": a}))
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
    World {
        analyst: app.token("analyst-a@provider.test", PASSWORD).await,
        customer: app.token("lead@a.test", PASSWORD).await,
        customer_b: app.token("lead@b.test", PASSWORD).await,
        admin,
        a,
        secret,
    }
}

fn send(app: &TestApp, secret: &str, event: &Value) {
    let out = Command::new("curl")
        .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-XPOST"])
        .arg(app.url("/ingest/v1/events"))
        .args(["-H", &format!("Authorization: Bearer {secret}")])
        .args(["--data-binary", &format!("{event}\n")])
        .output()
        .expect("curl");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "200");
}

const CASE: &str = "query($i: ID!) { case(id: $i) { number status severity source allowedTransitions
    comments { body visibility } timeline { kind summary visibility } actions { id status }
    alerts { id } tasks { title } observables { value sightings { alerts } } sla { target status } } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_alert_becomes_a_case_worked_with_the_customer_and_measured_exactly() {
    let t0 = at("2026-11-30T10:00:00Z");
    let clock = ManualClock::new(t0);
    let app = spawn_app_on(clock.clone()).await;
    let w = world(&app).await;

    // The event happened two minutes before detection saw it (MTTD 120 s).
    send(
        &app,
        &w.secret,
        &json!({"@timestamp": "2026-11-30T09:58:00Z", "Channel": "Microsoft-Windows-Sysmon/Operational",
        "EventID": 1, "Computer": "WS-01", "User": "CORP\\alice", "Image": "C:\\Windows\\System32\\whoami.exe"}),
    );
    let detection = app.server.state.detection.clone().expect("detection");
    detection
        .process_tenant(TenantId::parse("a", &w.a).expect("id"))
        .await
        .expect("pass");
    let queue = app
        .gql(
            &w.analyst,
            "{ alerts { edges { node { id status sla { target status } } } } }",
            json!({}),
        )
        .await;
    let alert = queue["alerts"]["edges"][0]["node"].clone();
    assert_eq!(alert["status"], "NEW");
    assert_eq!(
        alert["sla"].as_array().map(Vec::len),
        Some(2),
        "acknowledge and resolve clocks: {alert}"
    );

    // +5 min: acknowledge and escalate.
    clock.advance(Duration::minutes(5));
    app.gql(
        &w.analyst,
        "mutation($i: ID!) { acknowledgeAlert(id: $i) { id } }",
        json!({"i": alert["id"]}),
    )
    .await;
    let case = app
        .gql(&w.analyst, "mutation($i: [ID!]!) { escalateAlerts(alertIds: $i) { id number title severity source status } }", json!({"i": [alert["id"]]}))
        .await["escalateAlerts"]
        .clone();
    assert_eq!(case["number"], 1);
    assert_eq!(case["title"], "Whoami");
    assert_eq!(case["severity"], "HIGH");
    assert_eq!(case["source"], "ALERT");
    let case_id = case["id"].clone();
    let vars = json!({"i": case_id});

    // +10 min: investigating (the case is acknowledged 600 s after it opened).
    clock.advance(Duration::minutes(10));
    app.gql(
        &w.analyst,
        "mutation($i: ID!) { updateCaseStatus(id: $i, status: INVESTIGATING) { status } }",
        vars.clone(),
    )
    .await;
    app.gql(&w.analyst, "mutation($i: ID!) { addComment(caseId: $i, body: \"Probably the red team; checking with them\", visibility: INTERNAL) { id } }", vars.clone())
        .await;
    app.gql(&w.analyst, "mutation($i: ID!) { addTask(caseId: $i, title: \"Pull WS-01 process tree\") { id status } }", vars.clone())
        .await;
    let obs = app
        .gql(&w.analyst, "mutation($i: ID!) { addObservable(caseId: $i, kind: HOST, value: \"WS-01\", ioc: false) { value sightings { events alerts } } }", vars.clone())
        .await;
    assert_eq!(obs["addObservable"]["sightings"]["alerts"], 1, "{obs}");
    assert!(
        obs["addObservable"]["sightings"]["events"]
            .as_i64()
            .expect("events")
            >= 1,
        "{obs}"
    );
    let (_, bad) = app
        .gql_raw(Some(&w.analyst), "mutation($i: ID!) { addObservable(caseId: $i, kind: IP, value: \"999.1.1.1\") { id } }", vars.clone())
        .await;
    assert_eq!(bad["errors"][0]["extensions"]["field"], "value", "{bad}");

    // +10 min: the first shared comment is the response (1200 s after opening).
    clock.advance(Duration::minutes(10));
    app.gql(&w.analyst, "mutation($i: ID!) { addComment(caseId: $i, body: \"We are investigating whoami runs on WS-01.\", visibility: SHARED) { id } }", vars.clone())
        .await;
    clock.advance(Duration::minutes(5));
    let action = app
        .gql(&w.analyst, "mutation($i: ID!) { proposeAction(caseId: $i, description: \"Isolate WS-01 from the network\") { id status } }", vars.clone())
        .await["proposeAction"]
        .clone();
    assert_eq!(action["status"], "PROPOSED");

    // The customer: shared comments only, and the decision is theirs.
    let seen = app.gql(&w.customer, CASE, vars.clone()).await["case"].clone();
    let bodies: Vec<&str> = seen["comments"]
        .as_array()
        .expect("comments")
        .iter()
        .filter_map(|c| c["body"].as_str())
        .collect();
    assert_eq!(
        bodies,
        vec!["We are investigating whoami runs on WS-01."],
        "{seen}"
    );
    assert!(
        seen["timeline"]
            .as_array()
            .expect("timeline")
            .iter()
            .all(|e| e["visibility"] == "SHARED"),
        "{seen}"
    );
    assert_eq!(seen["tasks"], json!([]));
    assert_eq!(seen["observables"], json!([]));
    let (_, body) = app
        .gql_raw(Some(&w.customer), "mutation($i: ID!) { addComment(caseId: $i, body: \"sneak\", visibility: INTERNAL) { id } }", vars.clone())
        .await;
    assert_eq!(error_code(&body), "NOT_FOUND", "{body}");
    let (_, body) = app
        .gql_raw(
            Some(&w.customer),
            "mutation($i: ID!) { updateCaseStatus(id: $i, status: RESOLVED) { id } }",
            vars.clone(),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    clock.advance(Duration::minutes(5));
    let decided = app
        .gql(&w.customer, "mutation($a: ID!) { decideAction(id: $a, approve: true, comment: \"Go ahead\") { status decisionComment } }", json!({"a": action["id"]}))
        .await;
    assert_eq!(decided["decideAction"]["status"], "APPROVED");
    let (_, twice) = app
        .gql_raw(
            Some(&w.customer),
            "mutation($a: ID!) { decideAction(id: $a, approve: false) { status } }",
            json!({"a": action["id"]}),
        )
        .await;
    assert_eq!(error_code(&twice), "INVALID_INPUT", "{twice}");
    app.gql(&w.customer, "mutation($i: ID!) { addComment(caseId: $i, body: \"Approved; WS-01 is a kiosk.\", visibility: SHARED) { id } }", vars.clone())
        .await;

    // Tenant B's customer learns nothing.
    let (_, body) = app.gql_raw(Some(&w.customer_b), CASE, vars.clone()).await;
    assert_eq!(error_code(&body), "NOT_FOUND", "{body}");
    let b_cases = app
        .gql(&w.customer_b, "{ cases { totalCount } }", json!({}))
        .await;
    assert_eq!(b_cases["cases"]["totalCount"], 0);

    // Waiting on the customer needs a reason, and pauses the clocks for an hour.
    let (_, body) = app
        .gql_raw(
            Some(&w.analyst),
            "mutation($i: ID!) { updateCaseStatus(id: $i, status: WAITING_ON_CUSTOMER) { id } }",
            vars.clone(),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["field"], "reason", "{body}");
    app.gql(&w.analyst, "mutation($i: ID!) { updateCaseStatus(id: $i, status: WAITING_ON_CUSTOMER, reason: \"Need the kiosk's owner\") { status waitingReason } }", vars.clone())
        .await;
    clock.advance(Duration::minutes(60));
    app.gql(
        &w.analyst,
        "mutation($i: ID!) { updateCaseStatus(id: $i, status: CONTAINED) { status } }",
        vars.clone(),
    )
    .await;
    clock.advance(Duration::minutes(5));
    let resolved = app
        .gql(&w.analyst, "mutation($i: ID!) { updateCaseStatus(id: $i, status: RESOLVED) { status resolvedAt allowedTransitions } }", vars.clone())
        .await;
    assert_eq!(
        resolved["updateCaseStatus"]["allowedTransitions"],
        json!(["CLOSED", "NEW"])
    );
    let (_, body) = app
        .gql_raw(
            Some(&w.analyst),
            "mutation($i: ID!) { updateCaseStatus(id: $i, status: INVESTIGATING) { id } }",
            vars.clone(),
        )
        .await;
    assert_eq!(error_code(&body), "INVALID_INPUT");
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("from RESOLVED to INVESTIGATING"),
        "{message}"
    );

    // Opened at +5 min; acknowledged at +15; first shared reply at +25; resolved at
    // +1 h 40 with an hour of it waiting on the customer: 600 s, 1200 s, and
    // 95 min - 60 min = 2100 s.
    let report = app
        .gql(&w.admin, "query($t: ID!) { slaReport(tenantId: $t, from: \"2026-11-30T00:00:00Z\", to: \"2026-12-01T00:00:00Z\") {
            mttd { count mean } mtta { count mean } mttrRespond { count mean } mttrResolve { count mean } breachCount } }", json!({"t": w.a}))
        .await["slaReport"]
        .clone();
    assert_eq!(
        report["mttd"],
        json!({"count": 1, "mean": 120.0}),
        "{report}"
    );
    // MTTA spans the alert (300 s) and the case (600 s).
    assert_eq!(
        report["mtta"],
        json!({"count": 2, "mean": 450.0}),
        "{report}"
    );
    assert_eq!(
        report["mttrRespond"],
        json!({"count": 1, "mean": 1200.0}),
        "{report}"
    );
    assert_eq!(
        report["mttrResolve"],
        json!({"count": 1, "mean": 2100.0}),
        "{report}"
    );
    assert_eq!(report["breachCount"], 0, "{report}");

    // The whole story is in the timeline, in order.
    let full = app.gql(&w.analyst, CASE, vars.clone()).await["case"].clone();
    let kinds: Vec<&str> = full["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    for expected in [
        "created",
        "alert_linked",
        "status_changed",
        "comment_added",
        "task_added",
        "observable_added",
        "action_proposed",
        "action_decided",
    ] {
        assert!(
            kinds.contains(&expected),
            "{expected} missing from {kinds:?}"
        );
    }
    assert_eq!(full["alerts"].as_array().map(Vec::len), Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customers_report_incidents_and_cases_never_cross_tenants() {
    let clock = ManualClock::new(at("2026-11-30T10:00:00Z"));
    let app = spawn_app_on(clock.clone()).await;
    let w = world(&app).await;

    let reported = app
        .gql(&w.customer, "mutation { reportIncident(input: {title: \"Phishing mail clicked\", description: \"Bob clicked a link\", severity: HIGH}) { id source tenantId status } }", json!({}))
        .await["reportIncident"]
        .clone();
    assert_eq!(reported["source"], "CUSTOMER");
    assert_eq!(reported["tenantId"], w.a.as_str());
    let (_, body) = app
        .gql_raw(Some(&w.analyst), "mutation { reportIncident(input: {title: \"x\", description: \"y\", severity: LOW}) { id } }", json!({}))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["field"], "input", "{body}");

    // A case of B cannot absorb A's case, and B's customer cannot touch A's.
    let admin = &w.admin;
    let b = app
        .gql(
            admin,
            "{ tenants { edges { node { id slug } } } }",
            json!({}),
        )
        .await["tenants"]["edges"]
        .as_array()
        .expect("tenants")
        .iter()
        .find(|t| t["node"]["slug"] == "tenant-b")
        .map(|t| t["node"]["id"].clone())
        .expect("b");
    let b_case = app
        .gql(admin, "mutation($t: ID!) { createCase(input: {tenantId: $t, title: \"B's own\", severity: LOW}) { id number } }", json!({"t": b}))
        .await["createCase"]
        .clone();
    assert_eq!(b_case["number"], 1, "numbers count per tenant");
    let (_, body) = app
        .gql_raw(
            Some(admin),
            "mutation($t: ID!, $s: [ID!]!) { mergeCases(targetId: $t, sourceIds: $s) { id } }",
            json!({"t": b_case["id"], "s": [reported["id"]]}),
        )
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["field"], "sourceIds[0]",
        "{body}"
    );
    let (_, body) = app
        .gql_raw(
            Some(&w.customer_b),
            "mutation($i: ID!) { addComment(caseId: $i, body: \"hi\", visibility: SHARED) { id } }",
            json!({"i": reported["id"]}),
        )
        .await;
    assert_eq!(error_code(&body), "NOT_FOUND", "{body}");

    // Two of A's cases merge into one; the source closes as merged.
    let second = app
        .gql(&w.analyst, "mutation($t: ID!) { createCase(input: {tenantId: $t, title: \"Same phishing wave\", severity: MEDIUM}) { id } }", json!({"t": w.a}))
        .await["createCase"]["id"]
        .clone();
    app.gql(&w.analyst, "mutation($i: ID!) { addComment(caseId: $i, body: \"second mailbox\", visibility: INTERNAL) { id } }", json!({"i": second}))
        .await;
    let merged = app
        .gql(&w.analyst, "mutation($t: ID!, $s: [ID!]!) { mergeCases(targetId: $t, sourceIds: $s) { id comments { body } } }", json!({"t": reported["id"], "s": [second]}))
        .await;
    assert_eq!(
        merged["mergeCases"]["comments"].as_array().map(Vec::len),
        Some(1)
    );
    let source = app
        .gql(
            &w.analyst,
            "query($i: ID!) { case(id: $i) { status mergedInto } }",
            json!({"i": second}),
        )
        .await;
    assert_eq!(source["case"]["status"], "CLOSED");
    assert_eq!(source["case"]["mergedInto"], reported["id"]);

    // Attachments are downloads only, in scope only.
    let attached = app
        .gql(&w.customer, "mutation($i: ID!, $c: String!) { addAttachment(caseId: $i, filename: \"../../mail.eml\", contentType: \"message/rfc822\", contentBase64: $c, visibility: SHARED) { id filename size url } }",
            json!({"i": reported["id"], "c": "U3ViamVjdDogaGk="}))
        .await["addAttachment"]
        .clone();
    assert_eq!(attached["filename"], "mail.eml");
    let url = app.url(attached["url"].as_str().expect("url"));
    let ok = app
        .http
        .get(&url)
        .bearer_auth(&w.analyst)
        .send()
        .await
        .expect("get");
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.headers()["content-type"], "application/octet-stream");
    assert!(
        ok.headers()["content-disposition"]
            .to_str()
            .expect("h")
            .starts_with("attachment")
    );
    assert_eq!(ok.bytes().await.expect("body").as_ref(), b"Subject: hi");
    let other = app
        .http
        .get(&url)
        .bearer_auth(&w.customer_b)
        .send()
        .await
        .expect("get");
    assert_eq!(other.status(), 404);
    let anon = app.http.get(&url).send().await.expect("get");
    assert_eq!(anon.status(), 401);
}
