//! Email over SMTP against a tiny SMTP listener on 127.0.0.1, and the refusal
//! of email endpoints when no relay is configured.

mod common;

use common::*;
use garrison_core::db::testing::TestDb;
use garrison_core::{Secret, Severity};
use garrison_notify::endpoint::NewEndpoint;
use garrison_notify::endpoint::store::create_endpoint;
use garrison_notify::{
    DeliveryClient, DeliverySettings, EndpointKind, EventKind, NotificationEvent, deliver_due,
    enqueue,
};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// Accepts connections and records each transaction's commands and message.
async fn smtp_listener() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let log: Arc<Mutex<Vec<String>>> = Arc::default();
    let record = log.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let record = record.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 test ESMTP\r\n").await;
                let mut in_data = false;
                let mut message = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            record.lock().expect("lock").push(message.clone());
                            let _ = write.write_all(b"250 2.0.0 queued\r\n").await;
                        } else {
                            message.push_str(&line);
                            message.push('\n');
                        }
                        continue;
                    }
                    record.lock().expect("lock").push(line.clone());
                    let reply: &[u8] = match line.split(' ').next().unwrap_or("") {
                        "EHLO" => b"250-test\r\n250 8BITMIME\r\n",
                        "DATA" => {
                            in_data = true;
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => b"221 bye\r\n",
                        _ => b"250 ok\r\n",
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    (port, log)
}

fn input(tenant: garrison_core::TenantId) -> NewEndpoint {
    NewEndpoint {
        tenant_id: Some(tenant),
        name: "SOC mailbox".into(),
        kind: EndpointKind::Email,
        target: "SOC@Customer.example".into(),
        events: vec![EventKind::AlertRaised],
        min_severity: Some(Severity::High),
    }
}

#[tokio::test]
async fn email_is_refused_without_a_relay_and_sent_with_one() {
    let test = TestDb::new().await;
    let a = tenant(&test, "tenant-a").await;
    let admin = customer_admin(a);
    let t0 = at("2026-12-01T10:00:00Z");
    let tx = test.db.begin(&admin).await.expect("begin");
    let err = create_endpoint(&tx, input(a), false, t0)
        .await
        .expect_err("no relay");
    assert!(err.to_string().starts_with("input.kind:"), "{err}");
    assert_eq!(err.code().graphql(), "INVALID_INPUT");
    let created = create_endpoint(&tx, input(a), true, t0)
        .await
        .expect("email");
    assert_eq!(created.endpoint.target, "soc@customer.example");
    let event =
        NotificationEvent::alert_raised(uuid::Uuid::now_v7(), Severity::Critical, "Mimikatz", t0);
    enqueue(&tx, a, event, t0).await.expect("enqueue");
    tx.commit().await.expect("commit");

    let (port, log) = smtp_listener().await;
    let client = DeliveryClient::new(&DeliverySettings {
        // The receivers in these tests listen on loopback.
        allow_private_targets: true,
        smtp_url: Some(Secret::new(format!("smtp://127.0.0.1:{port}"))),
        smtp_from: "garrison@provider.example".into(),
        console_url: None,
    })
    .expect("client");
    assert!(client.email_enabled());
    let stats = deliver_due(&test.db, &client, t0).await.expect("deliver");
    assert_eq!(stats.delivered, 1, "{stats:?}");
    let log = log.lock().expect("lock").clone();
    assert_eq!(log[0], "EHLO garrison");
    assert_eq!(log[1], "MAIL FROM:<garrison@provider.example>");
    assert_eq!(log[2], "RCPT TO:<soc@customer.example>");
    assert_eq!(log[3], "DATA");
    let message = &log[4];
    assert!(
        message.contains("Subject: [Garrison] Critical alert: Mimikatz"),
        "{message}"
    );
    assert!(message.contains("To: <soc@customer.example>"));
    assert!(message.contains("Severity: critical"));
}

#[test]
fn smtp_settings_are_checked() {
    let bad = |url: &str| {
        DeliveryClient::new(&DeliverySettings {
            // The receivers in these tests listen on loopback.
            allow_private_targets: true,
            smtp_url: Some(Secret::new(url.into())),
            smtp_from: "g@p.example".into(),
            console_url: None,
        })
        .expect_err(url)
        .to_string()
    };
    assert!(bad("http://mail:25").starts_with("notify.smtp_url:"));
    assert!(bad("smtp://user:pw@mail:25").contains("not supported"));
}
