//! Shared set-up: a fresh database, tenants, scopes, and a real HTTP receiver on
//! 127.0.0.1 that records every request and answers with a status the test sets.

#![allow(dead_code)]

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use chrono::{DateTime, Utc};
use garrison_core::Severity;
use garrison_core::db::testing::TestDb;
use garrison_core::scope::TenantAccess;
use garrison_core::{Role, Scope, TenantId};
use garrison_notify::endpoint::NewEndpoint;
use garrison_notify::endpoint::store::{CreatedEndpoint, create_endpoint};
use garrison_notify::{
    DeliveryClient, DeliverySettings, EndpointKind, EventKind, NotificationEvent, enqueue,
};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

pub async fn tenant(test: &TestDb, slug: &str) -> TenantId {
    test.tenant(slug).await
}

pub fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("instant")
        .with_timezone(&Utc)
}

pub fn customer_admin(tenant: TenantId) -> Scope {
    Scope::for_test(
        Role::CustomerAdmin,
        TenantAccess::Only(BTreeSet::from([tenant])),
    )
}

pub fn provider_admin() -> Scope {
    Scope::for_test(Role::ProviderAdmin, TenantAccess::All)
}

/// One recorded request.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Seen {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("json body")
    }
}

/// A local receiver.
#[derive(Clone)]
pub struct Receiver {
    pub base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    status: Arc<AtomicU16>,
}

impl Receiver {
    pub async fn start() -> Receiver {
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let status = Arc::new(AtomicU16::new(200));
        let (s, st) = (seen.clone(), status.clone());
        let app = Router::new().fallback(
            move |uri: axum::http::Uri, headers: HeaderMap, body: Bytes| {
                let (s, st) = (s.clone(), st.clone());
                async move {
                    s.lock().expect("lock").push(Seen {
                        path: uri.path().to_string(),
                        headers,
                        body,
                    });
                    StatusCode::from_u16(st.load(Ordering::SeqCst)).unwrap_or(StatusCode::OK)
                }
            },
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Receiver {
            base: format!("http://{addr}"),
            seen,
            status,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn answer(&self, status: u16) {
        self.status.store(status, Ordering::SeqCst);
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("lock").clone()
    }

    pub fn count(&self, path: &str) -> usize {
        self.seen().iter().filter(|s| s.path == path).count()
    }
}

pub fn client() -> DeliveryClient {
    DeliveryClient::new(&DeliverySettings {
        // The receivers in these tests listen on loopback.
        allow_private_targets: true,
        console_url: Some("https://soc.example.test".into()),
        ..DeliverySettings::default()
    })
    .expect("client")
}

pub async fn endpoint(
    test: &TestDb,
    scope: &Scope,
    tenant: Option<TenantId>,
    kind: EndpointKind,
    target: &str,
    events: Vec<EventKind>,
    min: Option<Severity>,
) -> CreatedEndpoint {
    let tx = test.db.begin(scope).await.expect("begin");
    let created = create_endpoint(
        &tx,
        NewEndpoint {
            tenant_id: tenant,
            name: "hook".into(),
            kind,
            target: target.into(),
            events,
            min_severity: min,
        },
        false,
        at("2026-12-01T00:00:00Z"),
    )
    .await
    .expect("endpoint");
    tx.commit().await.expect("commit");
    created
}

pub async fn emit(test: &TestDb, tenant: TenantId, event: NotificationEvent) -> u64 {
    let scope = Scope::for_tenant_task("test", tenant);
    let tx = test.db.begin(&scope).await.expect("begin");
    let n = enqueue(&tx, tenant, event.clone(), event.occurred_at)
        .await
        .expect("enqueue");
    tx.commit().await.expect("commit");
    n
}

pub fn breach(instance: uuid::Uuid, now: chrono::DateTime<chrono::Utc>) -> NotificationEvent {
    NotificationEvent::sla(
        true,
        instance,
        "alert",
        uuid::Uuid::now_v7(),
        "acknowledge",
        Severity::High,
        now,
        now,
    )
}
