//! Detection end to end through the real server: a rule pack imported over
//! GraphQL, enabled per tenant; events sent with curl to tenant A's ingest token
//! raise alerts that A's analyst triages and tenant B never sees; tuning
//! (overrides, exceptions, placeholders, re-imports) takes effect without a
//! restart; replaying events raises nothing twice.

mod common;

use common::*;
use garrison_core::TenantId;
use serde_json::{Value, json};
use std::process::Command;

const WHOAMI: &str = r#"
title: Whoami Execution
id: 11111111-0000-4000-8000-000000000001
description: whoami ran
tags: [attack.discovery, attack.t1033]
logsource: {product: windows, category: process_creation}
detection:
  selection:
    Image|endswith: '\whoami.exe'
  condition: selection
level: medium
"#;

const SSH_FAIL: &str = r#"
title: SSH failure
id: 11111111-0000-4000-8000-000000000002
logsource: {product: linux, service: sshd}
detection:
  selection:
    process.name: sshd
    event.outcome: failure
  condition: selection
level: low
"#;

const SSH_BRUTE: &str = r#"
title: SSH brute force
id: 11111111-0000-4000-8000-000000000003
tags: [attack.credential-access, attack.t1110.001]
correlation:
  type: event_count
  rules: [11111111-0000-4000-8000-000000000002]
  group-by: [source.ip]
  timespan: 10m
  condition: {gte: 3}
level: high
"#;

const ADMINS: &str = r#"
title: Login by a listed admin
id: 11111111-0000-4000-8000-000000000004
logsource: {product: linux, service: sshd}
detection:
  selection:
    event.outcome: success
    user.name|expand: '%admins%'
  condition: selection
level: high
"#;

const BROKEN: &str = "title: broken\nid: broken-1\nlogsource: {product: linux}\ndetection:\n  sel: {a|nosuchmodifier: b}\n  condition: sel\n";

struct World {
    admin: String,
    a: String,
    b: String,
    pack: String,
    secret_a: String,
    secret_b: String,
}

async fn world(app: &TestApp) -> World {
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = app.create_tenant(&admin, "tenant-a").await;
    let b = app.create_tenant(&admin, "tenant-b").await;
    let imported = app
        .gql(
            &admin,
            "mutation($r: [String!]!) { importRulePack(name: \"test-pack\", rules: $r) { id version ruleCount versions { version added rejected { source reason } } } }",
            json!({"r": [WHOAMI, SSH_FAIL, SSH_BRUTE, ADMINS, BROKEN]}),
        )
        .await;
    let pack = &imported["importRulePack"];
    assert_eq!(pack["version"], 1);
    assert_eq!(pack["ruleCount"], 4, "{pack}");
    let rejected = &pack["versions"][0]["rejected"];
    assert_eq!(rejected.as_array().map(Vec::len), Some(1), "{pack}");
    assert_eq!(rejected[0]["source"], "rules[4]");
    assert!(
        rejected[0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("nosuchmodifier")),
        "{pack}"
    );
    let pack_id = pack["id"].as_str().expect("pack id").to_string();
    for t in [&a, &b] {
        app.gql(
            &admin,
            "mutation($t: ID!, $p: ID!) { enableRulePack(tenantId: $t, packId: $p) { id } }",
            json!({"t": t, "p": pack_id}),
        )
        .await;
    }
    let secret = |t: String| {
        let admin = admin.clone();
        async move {
            let data = app
                .gql(
                    &admin,
                    "mutation($t: ID!) { createIngestToken(tenantId: $t, name: \"shipper\") { token } }",
                    json!({"t": t}),
                )
                .await;
            data["createIngestToken"]["token"]
                .as_str()
                .expect("token")
                .to_string()
        }
    };
    let secret_a = secret(a.clone()).await;
    let secret_b = secret(b.clone()).await;
    app.create_user(
        &admin,
        json!({"email": "analyst-a@provider.test", "password": PASSWORD, "role": "ANALYST", "tenantIds": [a]}),
    )
    .await;
    app.create_user(
        &admin,
        json!({"email": "analyst-b@provider.test", "password": PASSWORD, "role": "ANALYST", "tenantIds": [b]}),
    )
    .await;
    app.create_user(
        &admin,
        json!({"email": "lead@b.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": b}),
    )
    .await;
    World {
        admin,
        a,
        b,
        pack: pack_id,
        secret_a,
        secret_b,
    }
}

fn whoami(user: &str, at: &str) -> Value {
    json!({"@timestamp": at, "Channel": "Microsoft-Windows-Sysmon/Operational", "EventID": 1,
           "Computer": "WS-01", "User": user, "Image": "C:\\Windows\\System32\\whoami.exe",
           "CommandLine": "whoami /all"})
}

fn ssh(outcome: &str, user: &str, ip: &str, at: &str) -> Value {
    json!({"@timestamp": at, "host": {"name": "srv-01"}, "process": {"name": "sshd"},
           "event": {"outcome": outcome}, "user": {"name": user}, "source": {"ip": ip}})
}

/// Sends events as NDJSON with curl; returns the HTTP status.
fn send(app: &TestApp, secret: &str, events: &[Value]) -> u16 {
    let body: String = events.iter().map(|e| format!("{e}\n")).collect();
    let out = Command::new("curl")
        .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-XPOST"])
        .arg(app.url("/ingest/v1/events"))
        .args(["-H", &format!("Authorization: Bearer {secret}")])
        .args(["--data-binary", &body])
        .output()
        .expect("curl");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("status")
}

/// Runs detection for a tenant now (the background loop would within seconds).
async fn detect(app: &TestApp, tenant: &str) -> garrison_detection::consumer::PassStats {
    let detection = app.server.state.detection.clone().expect("detection runs");
    detection
        .process_tenant(TenantId::parse("t", tenant).expect("id"))
        .await
        .expect("detection pass")
}

const QUEUE: &str = "query($f: AlertFilter) { alerts(filter: $f, orderBy: SEVERITY) { totalCount edges { node {
    id tenantId ruleId ruleTitle severity status eventCount techniques tactics groupKey group assigneeId
    detectionDelaySeconds events { id } tenant { slug } } } } }";

async fn queue(app: &TestApp, token: &str, filter: Value) -> Vec<Value> {
    let data = app.gql(token, QUEUE, json!({"f": filter})).await;
    data["alerts"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_raise_alerts_for_their_tenant_only_and_triage_works() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let events = [
        whoami("CORP\\alice", "2026-11-30T10:00:00Z"),
        whoami("CORP\\alice", "2026-11-30T10:05:00Z"),
        ssh("failure", "root", "203.0.113.9", "2026-11-30T10:00:00Z"),
        ssh("failure", "root", "203.0.113.9", "2026-11-30T10:01:00Z"),
        ssh("failure", "admin", "203.0.113.9", "2026-11-30T10:02:00Z"),
    ];
    assert_eq!(send(&app, &w.secret_a, &events), 200);
    // Detection runs in the background; a pass here waits for it and finishes
    // whatever is left, so the queue is complete when it returns.
    detect(&app, &w.a).await;
    let analyst_a = app.token("analyst-a@provider.test", PASSWORD).await;
    let alerts = queue(&app, &analyst_a, json!({})).await;
    assert_eq!(alerts.len(), 2, "{alerts:?}");
    // Most severe first: the correlation (high), then whoami (medium).
    let brute = &alerts[0];
    assert_eq!(brute["ruleTitle"], "SSH brute force");
    assert_eq!(brute["severity"], "HIGH");
    assert_eq!(brute["group"], json!({"source.ip": "203.0.113.9"}));
    assert_eq!(brute["techniques"], json!(["T1110.001"]));
    assert_eq!(brute["eventCount"], 3);
    let who = &alerts[1];
    assert_eq!(who["ruleId"], "11111111-0000-4000-8000-000000000001");
    assert_eq!(who["severity"], "MEDIUM");
    assert_eq!(who["status"], "NEW");
    assert_eq!(
        who["eventCount"], 2,
        "two matches of one group fold into one alert"
    );
    assert_eq!(who["groupKey"], "host=WS-01|user=CORP\\alice");
    assert_eq!(who["techniques"], json!(["T1033"]));
    assert_eq!(who["tactics"], json!(["discovery"]));
    assert_eq!(who["events"].as_array().map(Vec::len), Some(2));
    assert_eq!(who["tenant"]["slug"], "tenant-a");
    assert!(who["detectionDelaySeconds"].as_i64().expect("delay") > 0);

    // Tenant B's people see nothing of it, through the queue or by id.
    for principal in ["analyst-b@provider.test", "lead@b.test"] {
        let token = app.token(principal, PASSWORD).await;
        assert!(
            queue(&app, &token, json!({})).await.is_empty(),
            "{principal}"
        );
        assert!(
            queue(&app, &token, json!({"tenantIds": [w.a]}))
                .await
                .is_empty(),
            "{principal}"
        );
        let (_, body) = app
            .gql_raw(
                Some(&token),
                "query($i: ID!) { alert(id: $i) { id } }",
                json!({"i": who["id"]}),
            )
            .await;
        assert_eq!(error_code(&body), "NOT_FOUND", "{principal}: {body}");
        let (_, body) = app
            .gql_raw(
                Some(&token),
                "mutation($i: ID!) { acknowledgeAlert(id: $i) { id } }",
                json!({"i": who["id"]}),
            )
            .await;
        assert_eq!(error_code(&body), "NOT_FOUND", "{principal}: {body}");
    }

    // Triage: acknowledge takes ownership; assign needs someone who reaches A.
    let acked = app
        .gql(
            &analyst_a,
            "mutation($i: ID!) { acknowledgeAlert(id: $i) { status assigneeId acknowledgedAt } }",
            json!({"i": who["id"]}),
        )
        .await;
    assert_eq!(acked["acknowledgeAlert"]["status"], "ACKNOWLEDGED");
    assert!(acked["acknowledgeAlert"]["assigneeId"].is_string());
    let analyst_b_id = {
        let t = app.token("analyst-b@provider.test", PASSWORD).await;
        app.gql(&t, "{ me { id } }", json!({})).await["me"]["id"].clone()
    };
    let (_, body) = app
        .gql_raw(
            Some(&w.admin),
            "mutation($i: ID!, $u: ID) { assignAlert(id: $i, userId: $u) { id } }",
            json!({"i": who["id"], "u": analyst_b_id}),
        )
        .await;
    assert_eq!(error_code(&body), "INVALID_INPUT", "{body}");
    assert_eq!(body["errors"][0]["extensions"]["field"], "userId");
    let closed = app
        .gql(&analyst_a, "mutation($i: [ID!]!) { closeAlerts(ids: $i, disposition: FALSE_POSITIVE, comment: \"admin testing\") { status disposition closeComment } }", json!({"i": [who["id"]]}))
        .await;
    assert_eq!(closed["closeAlerts"][0]["status"], "CLOSED");
    assert_eq!(closed["closeAlerts"][0]["disposition"], "FALSE_POSITIVE");
    let stats = app
        .gql(
            &analyst_a,
            "{ ruleTriageStats { ruleId alerts closed falsePositives falsePositiveRate } }",
            json!({}),
        )
        .await;
    let row = stats["ruleTriageStats"]
        .as_array()
        .expect("stats")
        .iter()
        .find(|r| r["ruleId"] == "11111111-0000-4000-8000-000000000001")
        .cloned()
        .expect("whoami stats");
    assert_eq!(row["falsePositiveRate"], 1.0, "{row}");
    let open = queue(&app, &analyst_a, json!({"status": ["NEW", "ACKNOWLEDGED"]})).await;
    assert_eq!(open.len(), 1);

    // Replay: rewinding the cursor re-reads every event and raises nothing new.
    let detection = app.server.state.detection.clone().expect("detection");
    let tenant_a = TenantId::parse("a", &w.a).expect("id");
    detection.rewind(tenant_a, 0).await.expect("rewind");
    let replay = detection.process_tenant(tenant_a).await.expect("replay");
    assert_eq!(replay.events, 5, "{replay:?}");
    assert_eq!(replay.alerts_created, 0, "{replay:?}");
    let all = queue(&app, &w.admin, json!({"tenantIds": [w.a]})).await;
    assert_eq!(all.len(), 2, "no duplicate alerts after replay: {all:?}");
    assert_eq!(all[1]["eventCount"], 2, "counts unchanged by replay");

    // Tenant B's own events raise B's own alerts, which A's analyst never sees.
    assert_eq!(
        send(
            &app,
            &w.secret_b,
            &[whoami("CORP\\bob", "2026-11-30T11:00:00Z")]
        ),
        200
    );
    detect(&app, &w.b).await;
    let lead_b = app.token("lead@b.test", PASSWORD).await;
    assert_eq!(queue(&app, &lead_b, json!({})).await.len(), 1);
    assert_eq!(queue(&app, &analyst_a, json!({})).await.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tuning_takes_effect_without_a_restart() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let rule = "11111111-0000-4000-8000-000000000001";
    let count = |filter: Value| {
        let admin = w.admin.clone();
        let app = &app;
        async move { queue(app, &admin, filter).await.len() }
    };

    // Switched off for A: no alert; still on for B.
    app.gql(&w.admin, "mutation($t: ID!, $r: String!) { setRuleOverride(tenantId: $t, ruleId: $r, enabled: false) { enabled } }", json!({"t": w.a, "r": rule}))
        .await;
    send(
        &app,
        &w.secret_a,
        &[whoami("CORP\\alice", "2026-11-30T10:00:00Z")],
    );
    send(
        &app,
        &w.secret_b,
        &[whoami("CORP\\alice", "2026-11-30T10:00:00Z")],
    );
    detect(&app, &w.a).await;
    detect(&app, &w.b).await;
    assert_eq!(count(json!({"tenantIds": [w.a]})).await, 0);
    assert_eq!(count(json!({"tenantIds": [w.b]})).await, 1);
    let listed = app
        .gql(&w.admin, "query($t: ID!) { rules(filter: {tenantId: $t, search: \"whoami\"}) { totalCount nodes { id enabled overridden level } } }", json!({"t": w.a}))
        .await;
    assert_eq!(listed["rules"]["nodes"][0]["enabled"], false, "{listed}");

    // On again at a raised severity, with an exception for one user.
    app.gql(&w.admin, "mutation($t: ID!, $r: String!) { setRuleOverride(tenantId: $t, ruleId: $r, enabled: true, level: CRITICAL) { level } }", json!({"t": w.a, "r": rule}))
        .await;
    let exception = app
        .gql(&w.admin, "mutation($t: ID!, $r: String!, $f: String!) { addRuleException(tenantId: $t, ruleId: $r, filter: $f) { id } }",
            json!({"t": w.a, "r": rule, "f": "selection:\n  User: 'CORP\\svc_backup'\n"}))
        .await;
    assert!(exception["addRuleException"]["id"].is_string());
    send(
        &app,
        &w.secret_a,
        &[
            whoami("CORP\\svc_backup", "2026-11-30T12:00:00Z"),
            whoami("CORP\\carol", "2026-11-30T12:00:00Z"),
        ],
    );
    detect(&app, &w.a).await;
    let a_alerts = queue(&app, &w.admin, json!({"tenantIds": [w.a]})).await;
    assert_eq!(
        a_alerts.len(),
        1,
        "the excepted user raised nothing: {a_alerts:?}"
    );
    assert_eq!(a_alerts[0]["severity"], "CRITICAL");
    assert_eq!(a_alerts[0]["group"]["user"], "CORP\\carol");

    // Grouped by host only, for a day: two users on one host are one alert.
    app.gql(&w.admin, "mutation($t: ID!, $r: String!) { setRuleOverride(tenantId: $t, ruleId: $r, alerting: {groupBy: [\"Computer\"], suppressionMinutes: 1440}) { groupBy suppressionMinutes } }", json!({"t": w.b, "r": rule}))
        .await;
    send(
        &app,
        &w.secret_b,
        &[
            whoami("CORP\\dave", "2026-11-30T14:00:00Z"),
            whoami("CORP\\erin", "2026-11-30T20:00:00Z"),
        ],
    );
    detect(&app, &w.b).await;
    let by_host = queue(
        &app,
        &w.admin,
        json!({"tenantIds": [w.b], "from": "2026-01-01T00:00:00Z"}),
    )
    .await;
    let grouped: Vec<&Value> = by_host
        .iter()
        .filter(|a| a["groupKey"] == "Computer=WS-01")
        .collect();
    assert_eq!(grouped.len(), 1, "{by_host:?}");
    assert_eq!(grouped[0]["eventCount"], 2);
    let (_, body) = app
        .gql_raw(Some(&w.admin), "mutation($t: ID!) { setRuleOverride(tenantId: $t, ruleId: \"r\", alerting: {groupBy: [\"not a field\"]}) { groupBy } }", json!({"t": w.b}))
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["field"], "groupBy[0]",
        "{body}"
    );

    // A placeholder the tenant fills in makes its rule live.
    app.gql(&w.admin, "mutation($t: ID!) { setPlaceholder(tenantId: $t, name: \"%admins%\", values: [\"breakglass\"]) { name values } }", json!({"t": w.a}))
        .await;
    send(
        &app,
        &w.secret_a,
        &[ssh(
            "success",
            "breakglass",
            "10.0.0.5",
            "2026-11-30T13:00:00Z",
        )],
    );
    detect(&app, &w.a).await;
    let admins = queue(
        &app,
        &w.admin,
        json!({"tenantIds": [w.a], "ruleId": "11111111-0000-4000-8000-000000000004"}),
    )
    .await;
    assert_eq!(admins.len(), 1, "{admins:?}");

    // A newer import says what changed, and its rules run without a restart.
    let changed_whoami = WHOAMI.replace("level: medium", "level: low");
    let reimport = app
        .gql(&w.admin, "mutation($r: [String!]!) { importRulePack(name: \"test-pack\", rules: $r) { id version versions { version added removed changed } } }",
            json!({"r": [changed_whoami, SSH_FAIL, ADMINS]}))
        .await;
    let v2 = &reimport["importRulePack"];
    assert_eq!(v2["id"], w.pack.as_str());
    assert_eq!(v2["version"], 2);
    assert_eq!(v2["versions"][0]["changed"], json!([rule]));
    assert_eq!(
        v2["versions"][0]["removed"],
        json!(["11111111-0000-4000-8000-000000000003"])
    );
    assert_eq!(v2["versions"][0]["added"], json!([]));

    // Bad input names what is wrong and changes nothing.
    let analyst = app.token("analyst-b@provider.test", PASSWORD).await;
    let (_, body) = app
        .gql_raw(
            Some(&analyst),
            "mutation { importRulePack(name: \"x\", rules: [\"title: x\"]) { id } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    let (_, body) = app
        .gql_raw(Some(&w.admin), "mutation($t: ID!) { addRuleException(tenantId: $t, ruleId: \"r\", filter: \"sel: {a|bogus: 1}\") { id } }", json!({"t": w.a}))
        .await;
    assert_eq!(error_code(&body), "INVALID_INPUT", "{body}");
    assert_eq!(body["errors"][0]["extensions"]["field"], "filter");
    let (_, body) = app
        .gql_raw(Some(&w.admin), "mutation($t: ID!) { enableRulePack(tenantId: $t, packId: \"01900000-0000-7000-8000-000000000000\") { id } }", json!({"t": w.a}))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["field"], "packId", "{body}");
    // Disabling the pack stops it for A.
    app.gql(&w.admin, "mutation($t: ID!, $p: ID!) { disablePack: disableRulePack(tenantId: $t, packId: $p) { id } }", json!({"t": w.a, "p": w.pack}))
        .await;
    let enabled = app
        .gql(
            &w.admin,
            "query($t: ID!) { enabledRulePacks(tenantId: $t) { id } }",
            json!({"t": w.a}),
        )
        .await;
    assert_eq!(enabled["enabledRulePacks"], json!([]));
}
