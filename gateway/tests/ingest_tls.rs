//! Syslog over TLS with a real TLS client (`openssl s_client`): octet-counted
//! RFC 5424 frames inside TLS, attributed by structured-data token.

mod common;

use common::*;
use serde_json::json;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openssl_client_sends_syslog_over_tls() {
    let dir = tempfile::tempdir().expect("tmp");
    common::tls::self_signed(
        dir.path(),
        "server",
        &["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
    );
    let (cert, key) = (dir.path().join("server.crt"), dir.path().join("server.key"));
    let (c, k) = (cert.clone(), key.clone());
    let app = spawn_app_with(move |config| {
        config.ingest.syslog_tls_addr = Some("127.0.0.1:0".parse().expect("addr"));
        config.ingest.tls_cert = Some(c);
        config.ingest.tls_key = Some(k);
    })
    .await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let tenant = app.create_tenant(&admin, "tls-tenant").await;
    let other = app.create_tenant(&admin, "other").await;
    let created = app
        .gql(
            &admin,
            "mutation($t: ID!) { createIngestToken(tenantId: $t, name: \"tls\") { token } }",
            json!({"t": tenant}),
        )
        .await;
    let token = created["createIngestToken"]["token"]
        .as_str()
        .expect("token")
        .to_string();
    let port = app.server.syslog_tls_addr.expect("tls listening").port();

    let mut payload = Vec::new();
    for i in 0..3 {
        let msg = format!(
            "<134>1 2026-11-01T00:00:0{i}Z fw01 app - - [garrison@32473 token=\"{token}\"] over tls {i}"
        );
        payload.extend_from_slice(format!("{} {}", msg.len(), msg).as_bytes());
    }
    let mut client = Command::new("openssl")
        .args([
            "s_client",
            "-quiet",
            "-connect",
            &format!("127.0.0.1:{port}"),
            "-CAfile",
        ])
        .arg(&cert)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("s_client");
    client
        .stdin
        .as_mut()
        .expect("stdin")
        .write_all(&payload)
        .expect("write");
    let mut count = 0;
    for _ in 0..100 {
        let data = app
            .gql(&admin, "query($t: ID!) { events(tenantId: $t, filter: {from: \"2000-01-01T00:00:00Z\"}) { totalCount edges { node { source } } } }", json!({"t": tenant}))
            .await;
        count = data["events"]["totalCount"].as_i64().expect("count");
        if count == 3 {
            assert!(
                data["events"]["edges"]
                    .as_array()
                    .expect("edges")
                    .iter()
                    .all(|e| e["node"]["source"] == "syslog_tls")
            );
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    drop(client.stdin.take());
    let _ = client.kill();
    let _ = client.wait();
    assert_eq!(count, 3);
    let data = app
        .gql(&admin, "query($t: ID!) { events(tenantId: $t, filter: {from: \"2000-01-01T00:00:00Z\"}) { totalCount } }", json!({"t": other}))
        .await;
    assert_eq!(data["events"]["totalCount"], 0);
}

#[test]
fn bad_certificate_files_are_named() {
    let dir = tempfile::tempdir().expect("tmp");
    let bogus = dir.path().join("bogus.pem");
    std::fs::write(&bogus, "not a certificate").expect("write");
    let err = garrison_ingest::tls::server_config(&bogus, &bogus, None).expect_err("refused");
    assert!(err.to_string().contains("bogus.pem"), "{err}");
}
