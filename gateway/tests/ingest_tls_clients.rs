//! Syslog over TLS attributed by client certificate, with real `openssl`
//! clients: a certificate signed by the configured client CA and bound to a
//! tenant (as PEM, or as the SHA-256 fingerprint `openssl x509 -fingerprint`
//! prints) names that tenant for messages without a token; a CA-signed but
//! unbound certificate names nobody (refused and counted); a certificate the CA
//! did not sign is refused at the handshake even when its fingerprint is bound;
//! a certificate and an address bound to different tenants name neither.

mod common;

use common::tls::{openssl, self_signed};
use common::*;
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// A client certificate for `name` signed by `ca.crt`.
fn signed_by_ca(dir: &Path, name: &str) {
    let (crt, key, csr) = (
        format!("{name}.crt"),
        format!("{name}.key"),
        format!("{name}.csr"),
    );
    let subject = format!("/CN={name}");
    openssl(
        &[
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-subj",
            &subject,
            "-keyout",
            &key,
            "-out",
            &csr,
        ],
        dir,
    );
    // A v3 certificate for client authentication (webpki refuses v1 certificates).
    std::fs::write(
        dir.join("client.ext"),
        "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n",
    )
    .expect("extensions file");
    openssl(
        &[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "1",
            "-extfile",
            "client.ext",
            "-out",
            &crt,
        ],
        dir,
    );
}

/// Sends octet-counted RFC 5424 frames (no token) presenting `name`'s certificate.
fn send_as(dir: &Path, port: u16, name: &str, messages: &[String]) {
    let mut payload = Vec::new();
    for text in messages {
        let msg = format!("<134>1 2026-11-01T00:00:00Z relay app - - - {text}");
        payload.extend_from_slice(format!("{} {}", msg.len(), msg).as_bytes());
    }
    let mut client = Command::new("openssl")
        .args([
            "s_client",
            "-quiet",
            "-connect",
            &format!("127.0.0.1:{port}"),
        ])
        .args(["-CAfile", "server.crt", "-cert"])
        .arg(format!("{name}.crt"))
        .arg("-key")
        .arg(format!("{name}.key"))
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("s_client");
    let _ = client.stdin.as_mut().expect("stdin").write_all(&payload);
    // Give the connection time to deliver before closing it.
    std::thread::sleep(Duration::from_millis(400));
    drop(client.stdin.take());
    let _ = client.kill();
    let _ = client.wait();
}

async fn count(app: &TestApp, admin: &str, tenant: &str) -> i64 {
    app.gql(admin, "query($t: ID!) { events(tenantId: $t, filter: {from: \"2000-01-01T00:00:00Z\"}) { totalCount } }", json!({"t": tenant}))
        .await["events"]["totalCount"]
        .as_i64()
        .expect("count")
}

async fn wait_for(app: &TestApp, admin: &str, tenant: &str, want: i64) -> i64 {
    let mut seen = 0;
    for _ in 0..100 {
        seen = count(app, admin, tenant).await;
        if seen >= want {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    seen
}

fn fingerprint(dir: &Path, name: &str) -> String {
    let out = openssl(
        &[
            "x509",
            "-in",
            &format!("{name}.crt"),
            "-noout",
            "-fingerprint",
            "-sha256",
        ],
        dir,
    );
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    text.trim()
        .split_once('=')
        .map(|(_, v)| v.to_string())
        .expect("fingerprint line")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_certificates_name_their_tenant() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().to_path_buf();
    self_signed(
        &dir,
        "server",
        &["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
    );
    self_signed(
        &dir,
        "ca",
        &["-addext", "basicConstraints=critical,CA:TRUE"],
    );
    for name in ["relay-a", "relay-b", "relay-unbound"] {
        signed_by_ca(&dir, name);
    }
    self_signed(&dir, "rogue", &[]);
    let paths: [PathBuf; 3] = [
        dir.join("server.crt"),
        dir.join("server.key"),
        dir.join("ca.crt"),
    ];
    let app = spawn_app_with(move |config| {
        let [cert, key, ca] = paths;
        config.ingest.syslog_tls_addr = Some("127.0.0.1:0".parse().expect("addr"));
        config.ingest.tls_cert = Some(cert);
        config.ingest.tls_key = Some(key);
        config.ingest.tls_client_ca = Some(ca);
    })
    .await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = app.create_tenant(&admin, "cert-a").await;
    let b = app.create_tenant(&admin, "cert-b").await;
    let pem = std::fs::read_to_string(dir.join("relay-a.crt")).expect("pem");
    let bound = app
        .gql(
            &admin,
            "mutation($t: ID!, $c: String!) { bindSyslogCertificate(tenantId: $t, name: \"relay a\", certificate: $c) { fingerprint } }",
            json!({"t": a, "c": pem}),
        )
        .await;
    let fp_a = fingerprint(&dir, "relay-a").replace(':', "").to_lowercase();
    assert_eq!(bound["bindSyslogCertificate"]["fingerprint"], fp_a.as_str());
    // The same certificate cannot be bound twice (to anyone).
    let (_, body) = app
        .gql_raw(
            Some(&admin),
            "mutation($t: ID!, $c: String!) { bindSyslogCertificate(tenantId: $t, name: \"again\", certificate: $c) { id } }",
            json!({"t": b, "c": pem}),
        )
        .await;
    assert_eq!(error_code(&body), "CONFLICT", "{body}");
    for (tenant, name) in [(&b, "relay-b"), (&a, "rogue")] {
        app.gql(
            &admin,
            "mutation($t: ID!, $n: String!, $c: String!) { bindSyslogCertificate(tenantId: $t, name: $n, certificate: $c) { id } }",
            json!({"t": tenant, "n": name, "c": fingerprint(&dir, name)}),
        )
        .await;
    }
    let port = app.server.syslog_tls_addr.expect("tls listening").port();
    let ingest = app.server.state.ingest.clone().expect("ingest");

    // The rogue's fingerprint is bound to A, but the CA never signed it.
    let rogue = ["rogue 1".to_string(), "rogue 2".to_string()];
    let d = dir.clone();
    tokio::task::spawn_blocking(move || send_as(&d, port, "rogue", &rogue))
        .await
        .expect("rogue");
    let a_msgs: Vec<String> = (0..2).map(|i| format!("from relay a {i}")).collect();
    let b_msgs: Vec<String> = (0..3).map(|i| format!("from relay b {i}")).collect();
    let nobody = vec!["from an unbound relay".to_string()];
    let d = dir.clone();
    tokio::task::spawn_blocking(move || {
        send_as(&d, port, "relay-a", &a_msgs);
        send_as(&d, port, "relay-b", &b_msgs);
        send_as(&d, port, "relay-unbound", &nobody);
    })
    .await
    .expect("clients");

    assert_eq!(wait_for(&app, &admin, &a, 2).await, 2);
    assert_eq!(wait_for(&app, &admin, &b, 3).await, 3);
    for _ in 0..50 {
        if ingest.unattributed() >= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(ingest.unattributed(), 1, "the unbound relay's message");
    let raws = app
        .gql(&admin, "query($t: ID!) { events(tenantId: $t, filter: {from: \"2000-01-01T00:00:00Z\"}) { edges { node { raw source } } } }", json!({"t": a}))
        .await;
    for edge in raws["events"]["edges"].as_array().expect("edges") {
        let raw = edge["node"]["raw"].as_str().expect("raw");
        assert!(raw.contains("from relay a"), "only relay a's lines: {raw}");
        assert_eq!(edge["node"]["source"], "syslog_tls");
    }

    // Unbound, relay a names nobody any more.
    let id = app
        .gql(
            &admin,
            "query($t: ID!) { syslogCertificates(tenantId: $t) { id name } }",
            json!({"t": a}),
        )
        .await["syslogCertificates"]
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["name"] == "relay a")
        .map(|c| c["id"].clone())
        .expect("relay a bound");
    app.gql(
        &admin,
        "mutation($i: ID!) { unbindSyslogCertificate(id: $i) { id } }",
        json!({"i": id}),
    )
    .await;
    let d = dir.clone();
    tokio::task::spawn_blocking(move || send_as(&d, port, "relay-a", &["after unbinding".into()]))
        .await
        .expect("client");
    for _ in 0..50 {
        if ingest.unattributed() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(ingest.unattributed(), 2);
    assert_eq!(count(&app, &admin, &a).await, 2);

    // Bound again to A while B binds the relays' address: the two bindings disagree,
    // so neither is trusted and the line is refused (counted), not given to either.
    app.gql(
        &admin,
        "mutation($t: ID!, $c: String!) { bindSyslogCertificate(tenantId: $t, name: \"relay a\", certificate: $c) { id } }",
        json!({"t": a, "c": pem}),
    )
    .await;
    app.gql(
        &admin,
        "mutation($t: ID!) { bindSyslogSource(tenantId: $t, cidr: \"127.0.0.1/32\") { id } }",
        json!({"t": b}),
    )
    .await;
    let d = dir.clone();
    tokio::task::spawn_blocking(move || send_as(&d, port, "relay-a", &["claimed twice".into()]))
        .await
        .expect("client");
    for _ in 0..50 {
        if ingest.unattributed() >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(ingest.unattributed(), 3);
    assert_eq!(count(&app, &admin, &a).await, 2);
    assert_eq!(count(&app, &admin, &b).await, 3);
}
