//! The real binary, from outside: CLI contract, first start, the spine flow over
//! curl, graceful shutdown, and migrations up/down.

use garrison_e2e::*;
use serde_json::json;

const ADMIN: &str = "ops@mssp.test";
const PASSWORD: &str = "correct-horse-battery";

#[test]
fn version_and_unknown_role() {
    let out = run(&["version"], &[]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("garrison "));

    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_str().expect("utf8");
    let out = run(
        &["serve", "--roles", "gateway,ingester"],
        &[("GARRISON_DATA_DIR", data)],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown role `ingester`"));
}

#[test]
fn unknown_config_key_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("garrison.toml");
    std::fs::write(&file, "[http]\naddr = \"127.0.0.1:0\"\nmax_body = 1\n").expect("write");
    let out = run(&["migrate", "--config", file.to_str().expect("utf8")], &[]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("max_body") && stderr.contains("garrison.toml"),
        "{stderr}"
    );
}

#[test]
fn first_start_generates_and_prints_the_admin_password_once() {
    let server = Server::start(&[], &[]);
    let (status, stderr) = server.terminate();
    assert!(status.success(), "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.trim_start().starts_with("password:"))
        .expect("password printed");
    let password = line.split_whitespace().last().expect("value");
    assert!(password.len() >= 20, "a strong password");
}

#[test]
fn spine_flow_over_curl_and_graceful_shutdown() {
    let server = Server::start(
        &[
            ("GARRISON_ADMIN_EMAIL", ADMIN),
            ("GARRISON_ADMIN_PASSWORD", PASSWORD),
        ],
        &["--roles", "all"],
    );
    let url = |p: &str| format!("{}{}", server.base, p);
    let (status, tokens) = post_json(
        &url("/auth/login"),
        &json!({"email": ADMIN, "password": PASSWORD}),
        None,
    );
    assert_eq!(status, 200, "{tokens}");
    let admin = tokens["access_token"].as_str().expect("token").to_string();
    let gql = |token: &str, query: &str, variables: serde_json::Value| {
        post_json(
            &url("/graphql"),
            &json!({"query": query, "variables": variables}),
            Some(token),
        )
    };

    let mut tenants = Vec::new();
    for slug in ["north", "south"] {
        let (_, body) = gql(
            &admin,
            "mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }",
            json!({"i": {"name": slug, "slug": slug, "timezone": "Europe/Paris"}}),
        );
        let id = body["data"]["createTenant"]["id"]
            .as_str()
            .expect("id")
            .to_string();
        let (_, body) = gql(
            &admin,
            "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
            json!({"i": {"email": format!("lead@{slug}.test"), "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": id}}),
        );
        assert!(body["errors"].is_null(), "{body}");
        tenants.push(id);
    }
    let (_, login) = post_json(
        &url("/auth/login"),
        &json!({"email": "lead@north.test", "password": PASSWORD}),
        None,
    );
    let north = login["access_token"].as_str().expect("token").to_string();
    let (_, body) = gql(
        &north,
        "{ tenants { totalCount edges { node { id } } } }",
        json!({}),
    );
    assert_eq!(body["data"]["tenants"]["totalCount"], 1);
    assert_eq!(
        body["data"]["tenants"]["edges"][0]["node"]["id"],
        tenants[0].as_str()
    );
    let (_, body) = gql(
        &north,
        "query($id: ID!) { tenant(id: $id) { id } }",
        json!({"id": tenants[1]}),
    );
    assert_eq!(body["errors"][0]["extensions"]["code"], "NOT_FOUND");

    let (status, _) = gql("forged.token.value", "{ me { id } }", json!({}));
    assert_eq!(status, 401);
    let ready = curl(&[
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        &url("/readyz"),
    ]);
    assert_eq!(String::from_utf8_lossy(&ready.stdout), "200");

    let (status, stderr) = server.terminate();
    assert!(status.success(), "graceful exit on SIGTERM: {stderr}");
}

#[test]
fn migrate_up_status_down_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_str().expect("utf8");
    let env = [("GARRISON_DATA_DIR", data), ("GARRISON_LOG", "warn")];
    let status = |args: &[&str]| {
        let out = run(args, &env);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    assert!(status(&["migrate", "status"]).contains("pending m2026"));
    assert!(status(&["migrate", "up"]).contains("applied m2026"));
    assert!(status(&["migrate", "down"]).contains("pending m2026"));
    assert!(status(&["migrate", "up"]).contains("applied m2026"));
}

#[test]
fn demo_is_idempotent_and_its_logins_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_str().expect("utf8");
    for _ in 0..2 {
        let out = run(
            &["demo"],
            &[("GARRISON_DATA_DIR", data), ("GARRISON_LOG", "warn")],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("analyst@garrison.local"));
    }
    // The first run sent a day of events per tenant; the second sent none (checked below).
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let mut child = std::process::Command::new(garrison_bin())
        .args(["serve"])
        .env("GARRISON_DATA_DIR", data)
        .env("GARRISON_HTTP_ADDR", &addr)
        .env("GARRISON_SYSLOG_ADDR", "off")
        .env("GARRISON_LOG", "warn")
        .env_remove("GARRISON_DATABASE_URL")
        .spawn()
        .expect("serve");
    let base = format!("http://{addr}");
    let mut tokens = serde_json::Value::Null;
    // Generous: under a loaded test run the first sign-in (argon2) can take seconds.
    for _ in 0..300 {
        let (status, body) = post_json(
            &format!("{base}/auth/login"),
            &json!({"email": "analyst@garrison.local", "password": "garrison-demo-2026"}),
            None,
        );
        if status == 200 {
            tokens = body;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let token = tokens["access_token"]
        .as_str()
        .expect("analyst signs in")
        .to_string();
    let (_, body) = post_json(
        &format!("{base}/graphql"),
        &json!({"query": "{ tenants { totalCount edges { node { id slug } } } }"}),
        Some(&token),
    );
    let acme = body["data"]["tenants"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .find(|e| e["node"]["slug"] == "acme")
        .map(|e| e["node"]["id"].clone())
        .expect("acme");
    let (_, events) = post_json(
        &format!("{base}/graphql"),
        &json!({"query": "query($t: ID!) { events(tenantId: $t, filter: {from: \"2000-01-01T00:00:00Z\"}) { totalCount } }", "variables": {"t": acme}}),
        Some(&token),
    );
    let (_, work) = post_json(
        &format!("{base}/graphql"),
        &json!({"query": "{ alerts { totalCount } cases { totalCount edges { node { status } } } }"}),
        Some(&token),
    );
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        work["data"]["alerts"]["totalCount"].as_i64().unwrap_or(0) > 0,
        "the demo's rules raised alerts from its traffic: {work}"
    );
    assert_eq!(
        work["data"]["cases"]["totalCount"], 8,
        "four cases in each of the analyst's two tenants: {work}"
    );
    assert_eq!(
        body["data"]["tenants"]["totalCount"], 2,
        "the demo analyst works on two tenants"
    );
    assert_eq!(
        events["data"]["events"]["totalCount"], 600,
        "one day of demo events, sent once: {events}"
    );
}
