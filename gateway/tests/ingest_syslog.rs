//! Syslog ingest with real senders: util-linux `logger` over UDP and TCP (newline
//! and octet-counted framing, RFC 3164 and RFC 5424, a token in structured data),
//! an rsyslog instance forwarding with `omfwd`, and a raw socket for the framing
//! edge cases. Counts are exact per tenant; the other tenant sees none.

mod common;

use common::*;
use serde_json::{Value, json};
use std::io::Write;
use std::process::Command;
use std::time::Duration;

struct Setup {
    admin: String,
    a: String,
    b: String,
    token_b: String,
    port: u16,
}

async fn setup(app: &TestApp) -> Setup {
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = app.create_tenant(&admin, "tenant-a").await;
    let b = app.create_tenant(&admin, "tenant-b").await;
    // Everything from this machine belongs to A unless a token says otherwise.
    app.gql(
        &admin,
        "mutation($t: ID!) { bindSyslogSource(tenantId: $t, cidr: \"127.0.0.0/8\") { id } }",
        json!({"t": a}),
    )
    .await;
    let created = app
        .gql(
            &admin,
            "mutation($t: ID!) { createIngestToken(tenantId: $t, name: \"edge\") { token } }",
            json!({"t": b}),
        )
        .await;
    let token_b = created["createIngestToken"]["token"]
        .as_str()
        .expect("token")
        .to_string();
    let port = app.server.syslog_addr.expect("syslog listening").port();
    Setup {
        admin,
        a,
        b,
        token_b,
        port,
    }
}

async fn events(app: &TestApp, admin: &str, tenant: &str) -> Vec<Value> {
    let data = app
        .gql(
            admin,
            "query($t: ID!) { events(tenantId: $t, first: 200, filter: {from: \"2000-01-01T00:00:00Z\", to: \"2100-01-01T00:00:00Z\"}) { edges { node { raw host source fields } } } }",
            json!({"t": tenant}),
        )
        .await;
    data["events"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

/// Syslog is not acknowledged per message: wait until the writer has committed.
async fn wait_for(app: &TestApp, admin: &str, tenant: &str, expected: usize) -> Vec<Value> {
    for _ in 0..100 {
        let found = events(app, admin, tenant).await;
        if found.len() >= expected {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    events(app, admin, tenant).await
}

fn logger(port: u16, args: &[&str], message: &str) {
    let port = port.to_string();
    let mut all = vec!["--server", "127.0.0.1", "--port", port.as_str()];
    all.extend_from_slice(args);
    all.push(message);
    let status = Command::new("logger").args(&all).status().expect("logger");
    assert!(status.success(), "logger {all:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logger_over_udp_and_tcp_with_every_framing_and_format() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    logger(
        s.port,
        &["--udp", "--rfc3164", "-t", "app"],
        "udp rfc3164 message",
    );
    logger(
        s.port,
        &["--tcp", "--rfc3164", "-t", "app"],
        "tcp newline rfc3164 message",
    );
    logger(
        s.port,
        &["--tcp", "--octet-count", "--rfc5424", "-t", "app"],
        "tcp octet rfc5424 message",
    );
    logger(
        s.port,
        &["--udp", "--rfc5424", "-t", "sshd"],
        "Failed password for root from 198.51.100.7 port 4242 ssh2",
    );
    let sd = format!("token=\"{}\"", s.token_b);
    logger(
        s.port,
        &[
            "--tcp",
            "--octet-count",
            "--rfc5424",
            "--sd-id",
            "garrison@32473",
            "--sd-param",
            &sd,
            "-t",
            "app",
        ],
        "tenant B by token",
    );

    let a = wait_for(&app, &s.admin, &s.a, 4).await;
    let b = wait_for(&app, &s.admin, &s.b, 1).await;
    assert_eq!(a.len(), 4, "{a:#?}");
    assert_eq!(b.len(), 1, "{b:#?}");
    assert!(
        b[0]["raw"]
            .as_str()
            .expect("raw")
            .contains("tenant B by token")
    );
    assert!(
        !a.iter()
            .any(|e| e["raw"].as_str().unwrap_or("").contains("tenant B"))
    );
    let sources: Vec<&str> = a.iter().filter_map(|e| e["source"].as_str()).collect();
    assert_eq!(sources.iter().filter(|s| **s == "syslog_udp").count(), 2);
    assert_eq!(sources.iter().filter(|s| **s == "syslog_tcp").count(), 2);
    let ssh = a
        .iter()
        .find(|e| e["raw"].as_str().unwrap_or("").contains("Failed password"))
        .expect("ssh event");
    assert_eq!(ssh["fields"]["source"]["ip"], "198.51.100.7");
    assert_eq!(ssh["fields"]["user"]["name"], "root");
    assert_eq!(ssh["fields"]["log"]["syslog"]["appname"], "sshd");
    // The token is never stored with the event: its secret is redacted from
    // the raw line too, its public prefix kept.
    assert!(!b[0]["fields"].to_string().contains(&s.token_b));
    let raw = b[0]["raw"].as_str().expect("raw");
    assert!(!raw.contains(&s.token_b), "{raw}");
    let prefix = s.token_b.split('_').nth(1).expect("token prefix");
    assert!(
        raw.contains(&format!("token=\"gi_{prefix}_REDACTED\"")),
        "{raw}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rsyslog_forwards_with_omfwd() {
    if Command::new("rsyslogd").arg("-v").output().is_err() {
        panic!("rsyslogd is required (apt-get install rsyslog; .ci/run installs it)");
    }
    let app = spawn_app().await;
    let s = setup(&app).await;
    let dir = tempfile::tempdir().expect("tmp");
    let input_port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let conf = dir.path().join("rsyslog.conf");
    std::fs::write(
        &conf,
        format!(
            r#"global(workDirectory="{dir}")
module(load="imtcp")
input(type="imtcp" address="127.0.0.1" port="{input_port}")
action(type="omfwd" target="127.0.0.1" port="{port}" protocol="tcp" TCP_Framing="octet-counted" template="RSYSLOG_SyslogProtocol23Format")
"#,
            dir = dir.path().display(),
            port = s.port
        ),
    )
    .expect("conf");
    let mut rsyslog = Command::new("rsyslogd")
        .args(["-n", "-f"])
        .arg(&conf)
        .arg("-i")
        .arg(dir.path().join("rsyslog.pid"))
        .spawn()
        .expect("rsyslogd");
    // Wait for rsyslog's input to listen.
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", input_port)).is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    for i in 0..20 {
        logger(
            input_port,
            &["--tcp", "--rfc3164", "-t", "forwarded"],
            &format!("forwarded message {i}"),
        );
    }
    let a = wait_for(&app, &s.admin, &s.a, 20).await;
    let _ = rsyslog.kill();
    let _ = rsyslog.wait();
    let forwarded = a
        .iter()
        .filter(|e| {
            e["raw"]
                .as_str()
                .unwrap_or("")
                .contains("forwarded message")
        })
        .count();
    assert_eq!(forwarded, 20, "{a:#?}");
    assert!(events(&app, &s.admin, &s.b).await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn framing_edge_cases_have_defined_behaviour() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", s.port)).expect("connect");
    // An over-long line (70 KiB > 64 KiB) is cut and flagged; invalid UTF-8 is
    // replaced and flagged; both are stored.
    let long = format!("<13>Nov  1 00:00:00 host1 app: {}\n", "x".repeat(70 * 1024));
    stream.write_all(long.as_bytes()).expect("write");
    stream
        .write_all(b"<13>Nov  1 00:00:00 host1 app: bad bytes \xff\xfe here\n")
        .expect("write");
    // A miscounted octet frame: the stream is out of step, the frame is
    // dead-lettered and the connection closed.
    stream
        .write_all(b"9 not-syslog\n<13>after the bad frame\n")
        .expect("write");
    stream.flush().expect("flush");
    let a = wait_for(&app, &s.admin, &s.a, 2).await;
    assert_eq!(a.len(), 2, "{a:#?}");
    let flags: Vec<String> = a
        .iter()
        .map(|e| e["fields"]["log"]["flags"].to_string())
        .collect();
    assert!(flags.iter().any(|f| f.contains("truncated")), "{flags:?}");
    assert!(
        flags.iter().any(|f| f.contains("invalid_utf8")),
        "{flags:?}"
    );
    let mut buf = [0u8; 1];
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    use std::io::Read;
    assert_eq!(
        stream.read(&mut buf).unwrap_or(0),
        0,
        "the server closed the connection"
    );
    let stats = app
        .gql(
            &s.admin,
            "query($t: ID!) { ingestStats(tenantId: $t, from: \"2000-01-01T00:00:00Z\", to: \"2100-01-01T00:00:00Z\") { stored deadLettered } }",
            json!({"t": s.a}),
        )
        .await;
    assert_eq!(stats["ingestStats"]["stored"], 2);
    assert_eq!(stats["ingestStats"]["deadLettered"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_without_a_tenant_are_refused_and_counted() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = app.create_tenant(&admin, "tenant-a").await;
    let port = app.server.syslog_addr.expect("syslog").port();
    logger(port, &["--tcp", "--rfc3164"], "nobody's message");
    logger(
        port,
        &[
            "--tcp",
            "--rfc5424",
            "--sd-id",
            "garrison@32473",
            "--sd-param",
            "token=\"gi_wrongtok_zzz\"",
        ],
        "bad token",
    );
    let ingest = app.server.state.ingest.clone().expect("ingest");
    for _ in 0..100 {
        if ingest.unattributed() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(ingest.unattributed(), 2);
    assert!(events(&app, &admin, &a).await.is_empty());
}
