//! HTTP ingest with real clients: curl for NDJSON (plain and gzip) and Splunk
//! HEC, the `elasticsearch` Python client's bulk helper for `/_bulk`. Each checks
//! exact stored counts per tenant and that the other tenant sees none of them.
//! The clients block, so the server gets its own worker threads.

mod common;

use common::*;
use serde_json::{Value, json};
use std::process::Command;

struct Tenants {
    admin: String,
    a: String,
    b: String,
    token_a: String,
    token_b: String,
}

async fn two_tenants(app: &TestApp) -> Tenants {
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = app.create_tenant(&admin, "tenant-a").await;
    let b = app.create_tenant(&admin, "tenant-b").await;
    let token = |tenant: String| {
        let admin = admin.clone();
        async move {
            let data = app
                .gql(&admin, "mutation($t: ID!) { createIngestToken(tenantId: $t, name: \"shipper\") { token } }", json!({"t": tenant}))
                .await;
            data["createIngestToken"]["token"]
                .as_str()
                .expect("token")
                .to_string()
        }
    };
    let token_a = token(a.clone()).await;
    let token_b = token(b.clone()).await;
    Tenants {
        admin,
        a,
        b,
        token_a,
        token_b,
    }
}

async fn count(app: &TestApp, token: &str, tenant: &str, query: Option<&str>) -> i64 {
    let data = app
        .gql(
            token,
            "query($t: ID!, $f: EventFilter) { events(tenantId: $t, filter: $f) { totalCount } }",
            json!({"t": tenant, "f": {"query": query, "from": "2000-01-01T00:00:00Z", "to": "2100-01-01T00:00:00Z"}}),
        )
        .await;
    data["events"]["totalCount"].as_i64().expect("count")
}

fn curl(args: &[&str]) -> (u16, Value) {
    let mut all = vec!["-s", "-o", "-", "-w", "\n%{http_code}"];
    all.extend_from_slice(args);
    let out = Command::new("curl").args(&all).output().expect("curl");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let (body, status) = text.rsplit_once('\n').expect("status");
    (
        status.trim().parse().expect("code"),
        serde_json::from_str(body).unwrap_or(Value::Null),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ndjson_over_curl_stores_valid_lines_and_names_rejected_ones() {
    let app = spawn_app().await;
    let t = two_tenants(&app).await;
    let body = concat!(
        r#"{"@timestamp":"2026-11-01T10:00:00Z","message":"login ok","user":{"name":"alice"},"host":{"name":"web01"}}"#,
        "\n",
        r#""<38>Nov  1 00:00:00 srv-17 sshd[1]: Failed password for root from 203.0.113.9 port 22 ssh2""#,
        "\n",
        "{not json\n",
        "\n",
        r#"{"Image":"C:\\Windows\\System32\\whoami.exe","EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational"}"#,
        "\n",
        "42\n",
    );
    let url = app.url("/ingest/v1/events");
    let auth = format!("authorization: Bearer {}", t.token_a);
    let (status, answer) = curl(&["-X", "POST", "-H", &auth, "--data-binary", body, &url]);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["accepted"], 3);
    let rejected: Vec<i64> = answer["rejected"]
        .as_array()
        .expect("list")
        .iter()
        .map(|r| r["line"].as_i64().expect("n"))
        .collect();
    assert_eq!(rejected, vec![3, 6], "{answer}");
    assert!(
        answer["rejected"][0]["reason"]
            .as_str()
            .expect("reason")
            .contains("invalid JSON")
    );

    // gzip, as shippers send it.
    let dir = tempfile::tempdir().expect("tmp");
    let plain = dir.path().join("events.ndjson");
    std::fs::write(
        &plain,
        "{\"message\":\"zipped one\"}\n{\"message\":\"zipped two\"}\n",
    )
    .expect("write");
    assert!(
        Command::new("gzip")
            .arg("-k")
            .arg(&plain)
            .status()
            .expect("gzip")
            .success()
    );
    let gz = format!("@{}.gz", plain.display());
    let (status, answer) = curl(&[
        "-X",
        "POST",
        "-H",
        &auth,
        "-H",
        "content-encoding: gzip",
        "--data-binary",
        &gz,
        &url,
    ]);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["accepted"], 2);

    let range = json!({"from": "2000-01-01T00:00:00Z", "to": "2100-01-01T00:00:00Z"});
    let all_a = app
        .gql(
            &t.admin,
            "query($t: ID!, $f: EventFilter) { events(tenantId: $t, filter: $f) { totalCount } }",
            json!({"t": t.a, "f": range}),
        )
        .await;
    assert_eq!(all_a["events"]["totalCount"], 5);
    assert_eq!(
        count(&app, &t.admin, &t.b, None).await,
        0,
        "tenant B sees none of A's events"
    );
    assert_eq!(
        count(&app, &t.admin, &t.a, Some("process.executable:*whoami.exe")).await,
        1
    );
    assert_eq!(
        count(
            &app,
            &t.admin,
            &t.a,
            Some("\"failed password\" AND source.ip:203.0.113.9")
        )
        .await,
        1
    );

    let stats = app
        .gql(
            &t.admin,
            "query($t: ID!) { ingestStats(tenantId: $t, from: \"2000-01-01T00:00:00Z\", to: \"2100-01-01T00:00:00Z\") { received stored deadLettered sources { source stored } } }",
            json!({"t": t.a}),
        )
        .await;
    assert_eq!(stats["ingestStats"]["stored"], 5);
    assert_eq!(stats["ingestStats"]["deadLettered"], 2);
    assert_eq!(stats["ingestStats"]["received"], 7);

    // No token, a bad token, a revoked token: 401, nothing stored.
    let (status, _) = curl(&["-X", "POST", "--data-binary", "{\"a\":1}", &url]);
    assert_eq!(status, 401);
    let (status, _) = curl(&[
        "-X",
        "POST",
        "-H",
        "authorization: Bearer gi_nothere_x",
        "--data-binary",
        "{\"a\":1}",
        &url,
    ]);
    assert_eq!(status, 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn splunk_hec_over_curl_answers_like_hec() {
    let app = spawn_app().await;
    let t = two_tenants(&app).await;
    let url = app.url("/services/collector/event");
    let auth = format!("authorization: Splunk {}", t.token_b);
    let body = concat!(
        r#"{"time": 1793527200.5, "host": "dc01", "sourcetype": "WinEventLog:Security", "event": {"EventID": 4625, "TargetUserName": "admin"}}"#,
        r#"{"event": "plain text event", "fields": {"env": "prod"}}"#
    );
    let (status, answer) = curl(&["-X", "POST", "-H", &auth, "--data-binary", body, &url]);
    assert_eq!(
        (status, answer.clone()),
        (200, json!({"text": "Success", "code": 0}))
    );
    let (status, answer) = curl(&[
        "-X",
        "POST",
        "-H",
        &auth,
        "--data-binary",
        "{\"event\": \"x\"}{oops",
        &url,
    ]);
    assert_eq!(status, 400);
    assert_eq!(answer["code"], 6);
    assert_eq!(answer["invalid-event-number"], 1);
    let (status, answer) = curl(&[
        "-X",
        "POST",
        "-H",
        &auth,
        "--data-binary",
        "{\"host\": \"no event\"}",
        &url,
    ]);
    assert_eq!((status, answer["code"].clone()), (400, json!(12)));
    let (status, answer) = curl(&["-X", "POST", "--data-binary", "{\"event\":\"x\"}", &url]);
    assert_eq!((status, answer["code"].clone()), (401, json!(2)));
    let (status, answer) = curl(&[
        "-X",
        "POST",
        "-H",
        "authorization: Splunk gi_badtoken_zz",
        "--data-binary",
        "{\"event\":\"x\"}",
        &url,
    ]);
    assert_eq!((status, answer["code"].clone()), (403, json!(4)));
    let (status, answer) = curl(&["-X", "POST", "-H", &auth, "--data-binary", "", &url]);
    assert_eq!((status, answer["code"].clone()), (400, json!(5)));

    let raw_url = app.url("/services/collector/raw?host=fw01&sourcetype=linux_secure");
    let (status, _) = curl(&[
        "-X",
        "POST",
        "-H",
        &auth,
        "--data-binary",
        "line one\nline two\n",
        &raw_url,
    ]);
    assert_eq!(status, 200);
    let (status, answer) = curl(&[&app.url("/services/collector/health")]);
    assert_eq!((status, answer["code"].clone()), (200, json!(17)));

    let range = json!({"from": "2000-01-01T00:00:00Z", "to": "2100-01-01T00:00:00Z"});
    let data = app
        .gql(&t.admin, "query($t: ID!, $f: EventFilter) { events(tenantId: $t, filter: $f) { totalCount edges { node { host timestamp product service } } } }", json!({"t": t.b, "f": range}))
        .await;
    assert_eq!(data["events"]["totalCount"], 4, "{data}");
    let nodes: Vec<&Value> = data["events"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| &e["node"])
        .collect();
    assert!(nodes.iter().any(|n| {
        n["host"] == "dc01"
            && n["service"] == "security"
            && n["timestamp"]
                .as_str()
                .expect("ts")
                .starts_with("2026-11-01T10:00:00.5")
    }));
    assert!(
        nodes
            .iter()
            .any(|n| n["host"] == "fw01" && n["product"] == "linux")
    );
    assert_eq!(count(&app, &t.admin, &t.a, None).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn elasticsearch_python_bulk_helper_connects_and_stores() {
    let probe = Command::new("python3")
        .args(["-c", "import elasticsearch"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        panic!(
            "python3 with the `elasticsearch` package is required (pip install 'elasticsearch>=8,<9'; .ci/run installs it)"
        );
    }
    let app = spawn_app().await;
    let t = two_tenants(&app).await;
    let script = r#"
import sys
from elasticsearch import Elasticsearch, helpers
es = Elasticsearch(sys.argv[1], basic_auth=("garrison", sys.argv[2]), request_timeout=30)
print(es.info()["version"]["number"], file=sys.stderr)
docs = ({"_index": "winlogbeat-8", "_source": {"@timestamp": "2026-11-01T10:00:00Z", "message": f"doc {i}", "host": {"name": "ws%02d" % (i % 3)}}} for i in range(25))
ok, errors = helpers.bulk(es, docs)
print(ok, len(errors))
"#;
    let out = Command::new("python3")
        .args(["-c", script, &app.base, &t.token_a])
        .output()
        .expect("python");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "25 0");
    let range = json!({"from": "2000-01-01T00:00:00Z", "to": "2100-01-01T00:00:00Z"});
    let data = app
        .gql(
            &t.admin,
            "query($t: ID!, $f: EventFilter) { events(tenantId: $t, filter: $f) { totalCount } }",
            json!({"t": t.a, "f": range}),
        )
        .await;
    assert_eq!(data["events"]["totalCount"], 25);
    assert_eq!(count(&app, &t.admin, &t.b, None).await, 0);

    // A malformed document is a per-item 400; the rest are stored.
    let body = "{\"index\":{}}\n{\"message\":\"good\"}\n{\"index\":{}}\n[1,2]\n{\"delete\":{\"_id\":\"x\"}}\n";
    let auth = format!("authorization: ApiKey {}", t.token_a);
    let (status, answer) = curl(&[
        "-X",
        "POST",
        "-H",
        &auth,
        "-H",
        "content-type: application/x-ndjson",
        "--data-binary",
        body,
        &app.url("/_bulk"),
    ]);
    assert_eq!(status, 200);
    assert_eq!(answer["errors"], true);
    let statuses: Vec<i64> = answer["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            i.as_object().and_then(|o| o.values().next()).expect("op")["status"]
                .as_i64()
                .expect("s")
        })
        .collect();
    assert_eq!(statuses, vec![201, 400, 400]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooding_tenant_is_refused_without_slowing_another() {
    let app = spawn_app().await;
    let t = two_tenants(&app).await;
    app.gql(&t.admin, "mutation($t: ID!) { setIngestLimits(tenantId: $t, eventsPerSecond: 100) { eventsPerSecond } }", json!({"t": t.a}))
        .await;
    let batch: String = (0..60)
        .map(|i| format!("{{\"message\":\"event {i}\"}}\n"))
        .collect();
    let send = |token: String, body: String| {
        let http = app.http.clone();
        let url = app.url("/ingest/v1/events");
        async move {
            let started = std::time::Instant::now();
            let response = http
                .post(url)
                .bearer_auth(token)
                .body(body)
                .send()
                .await
                .expect("send");
            (response.status().as_u16(), started.elapsed())
        }
    };
    let mut flood = Vec::new();
    let mut fair = Vec::new();
    for _ in 0..20 {
        flood.push(tokio::spawn(send(t.token_a.clone(), batch.clone())));
        fair.push(tokio::spawn(send(t.token_b.clone(), batch.clone())));
    }
    let mut a_statuses = Vec::new();
    for f in flood {
        a_statuses.push(f.await.expect("join").0);
    }
    let mut b_worst = std::time::Duration::ZERO;
    for f in fair {
        let (status, took) = f.await.expect("join");
        assert_eq!(status, 200, "tenant B is never refused for A's flood");
        b_worst = b_worst.max(took);
    }
    assert!(
        a_statuses.contains(&429),
        "tenant A exceeded its 100/s: {a_statuses:?}"
    );
    assert!(
        b_worst < std::time::Duration::from_secs(5),
        "B's slowest request took {b_worst:?}"
    );
    let stats = app
        .gql(&t.admin, "query($t: ID!) { ingestStats(tenantId: $t, from: \"2000-01-01T00:00:00Z\", to: \"2100-01-01T00:00:00Z\") { rejected stored } }", json!({"t": t.a}))
        .await;
    let refused = a_statuses.iter().filter(|s| **s == 429).count() as i64;
    assert_eq!(
        stats["ingestStats"]["rejected"],
        refused * 60,
        "every refused event is counted"
    );
    assert_eq!(count(&app, &t.admin, &t.b, None).await, 20 * 60);
}
