//! `handle_webhook` against a real database: a correctly signed invoice event is
//! applied (status stored, a failed payment noticed for the account managers);
//! a wrong signature, a stale timestamp and a replayed event id change nothing.
//! A failed payment reaches the subscribed notification endpoints once per invoice.

mod fake_stripe;

use chrono::{DateTime, NaiveDate, Utc};
use fake_stripe::FakeStripe;
use garrison_billing::invoices::list_invoices;
use garrison_billing::notices::list_notices;
use garrison_billing::plans::{NewPlan, create_plan, subscribe_tenant};
use garrison_billing::stripe::{RetryPolicy, StripeApi, sync_all};
use garrison_billing::webhook::{WebhookError, WebhookRefusal, handle_webhook, sign};
use garrison_core::db::testing::TestDb;
use garrison_core::role::Role;
use garrison_core::scope::TenantAccess;
use garrison_core::tenants::{NewTenant, create_tenant};
use garrison_core::usage::{DailyHosts, HourlyUsage, UsageLedger};
use garrison_core::{Scope, Secret, TenantId};
use garrison_notify::endpoint::NewEndpoint;
use garrison_notify::endpoint::store::create_endpoint;
use garrison_notify::{DeliveryClient, DeliverySettings, EndpointKind, EventKind, deliver_due};
use serde_json::json;

struct EmptyLedger;

#[async_trait::async_trait]
impl UsageLedger for EmptyLedger {
    async fn hourly(
        &self,
        _: TenantId,
        _: DateTime<Utc>,
        _: DateTime<Utc>,
    ) -> garrison_core::Result<Vec<HourlyUsage>> {
        Ok(Vec::new())
    }
    async fn distinct_hosts_by_day(
        &self,
        _: TenantId,
        _: NaiveDate,
        _: NaiveDate,
    ) -> garrison_core::Result<Vec<DailyHosts>> {
        Ok(Vec::new())
    }
}

fn secret() -> Secret<String> {
    Secret::new("whsec_garrison_test".to_string())
}

/// A tenant known to Stripe as a customer; returns it and the customer id.
async fn customer(test: &TestDb) -> (TenantId, String) {
    let scope = Scope::system("test");
    let mut tx = test.db.begin(&scope).await.expect("begin");
    let tenant = create_tenant(
        &mut tx,
        NewTenant {
            name: "Hooked".into(),
            slug: "hooked".into(),
            timezone: None,
        },
    )
    .await
    .expect("tenant")
    .id;
    let now = Utc::now();
    let plan = create_plan(
        &tx,
        NewPlan {
            name: "Basic".into(),
            currency: "usd".into(),
            base_fee_minor: 100,
            endpoint_price_minor: 1,
            included_gb: 1,
            overage_gb_price_minor: 1,
            sla_tier: "silver".into(),
        },
        now,
    )
    .await
    .expect("plan");
    subscribe_tenant(&tx, tenant, plan.id, now.date_naive(), now)
        .await
        .expect("subscribe");
    tx.commit().await.expect("commit");
    let (fake, base) = FakeStripe::start().await;
    let api = StripeApi::new(
        &base,
        &Secret::new("sk_test_x".into()),
        RetryPolicy::default(),
    )
    .expect("client");
    sync_all(&test.db, &api, &EmptyLedger, now)
        .await
        .expect("sync");
    let cus = fake.created("/v1/customers")[0]
        .answered_id
        .clone()
        .expect("customer id");
    (tenant, cus)
}

fn event(id: &str, kind: &str, customer: &str, status: &str) -> Vec<u8> {
    json!({
        "id": id, "object": "event", "type": kind,
        "data": {"object": {
            "object": "invoice", "id": "in_42", "number": "GAR-0042", "customer": customer,
            "currency": "usd", "period_start": 1772323200, "period_end": 1775001600,
            "amount_due": 9900, "amount_paid": 0, "total": 9900, "status": status,
            "hosted_invoice_url": "https://pay.stripe.test/in_42", "invoice_pdf": null
        }}
    })
    .to_string()
    .into_bytes()
}

#[tokio::test]
async fn signed_events_apply_and_forgeries_stale_and_replays_are_refused() {
    let test = TestDb::new().await;
    let (tenant, cus) = customer(&test).await;
    let now = Utc::now();
    let body = event("evt_1", "invoice.payment_failed", &cus, "open");

    let forged = sign(&body, &Secret::new("whsec_wrong".into()), now.timestamp());
    let refused = handle_webhook(&test.db, &secret(), &forged, &body, now).await;
    assert!(matches!(
        refused,
        Err(WebhookError::Refused(WebhookRefusal::BadSignature))
    ));

    let stale = sign(&body, &secret(), now.timestamp() - 301);
    let refused = handle_webhook(&test.db, &secret(), &stale, &body, now).await;
    assert!(matches!(
        refused,
        Err(WebhookError::Refused(WebhookRefusal::Stale))
    ));

    let scope = Scope::system("test");
    let tx = test.db.begin(&scope).await.expect("begin");
    assert!(
        list_invoices(&tx, tenant, None)
            .await
            .expect("invoices")
            .is_empty()
    );
    tx.commit().await.expect("commit");

    let good = sign(&body, &secret(), now.timestamp());
    let applied = handle_webhook(&test.db, &secret(), &good, &body, now)
        .await
        .expect("applied");
    assert_eq!(applied.tenant, Some(tenant));
    let tx = test.db.begin(&scope).await.expect("begin");
    let invoices = list_invoices(&tx, tenant, None).await.expect("invoices");
    let notices = list_notices(&tx, tenant).await.expect("notices");
    tx.commit().await.expect("commit");
    assert_eq!(invoices.len(), 1);
    assert_eq!(invoices[0].status, "open");
    assert!(invoices[0].unpaid());
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].kind, "payment_failed");
    assert!(
        notices[0].detail.contains("GAR-0042"),
        "{}",
        notices[0].detail
    );

    let replay = handle_webhook(&test.db, &secret(), &good, &body, now).await;
    assert!(
        matches!(replay, Err(WebhookError::Refused(WebhookRefusal::Replay(id))) if id == "evt_1")
    );

    // A later event for the same invoice moves its status on.
    let paid = event("evt_2", "invoice.paid", &cus, "paid");
    let header = sign(&paid, &secret(), now.timestamp());
    handle_webhook(&test.db, &secret(), &header, &paid, now)
        .await
        .expect("paid applied");
    let tx = test.db.begin(&scope).await.expect("begin");
    let invoices = list_invoices(&tx, tenant, None).await.expect("invoices");
    let notices = list_notices(&tx, tenant).await.expect("notices");
    tx.commit().await.expect("commit");
    assert_eq!(invoices[0].status, "paid");
    assert_eq!(notices.len(), 1, "only failures notify");
}

/// A local receiver of notification webhooks: the `Garrison-Event` of each POST.
async fn receiver() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let seen: std::sync::Arc<std::sync::Mutex<Vec<String>>> = Default::default();
    let s = seen.clone();
    let app = axum::Router::new().fallback(
        move |uri: axum::http::Uri, headers: axum::http::HeaderMap| {
            let s = s.clone();
            async move {
                let event = headers
                    .get("garrison-event")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                s.lock()
                    .expect("lock")
                    .push(format!("{}:{event}", uri.path()));
                axum::http::StatusCode::OK
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
    (format!("http://{addr}"), seen)
}

async fn endpoint(
    test: &TestDb,
    scope: &Scope,
    tenant: Option<TenantId>,
    target: String,
    events: Vec<EventKind>,
) -> garrison_core::Result<()> {
    let tx = test.db.begin(scope).await?;
    create_endpoint(
        &tx,
        NewEndpoint {
            tenant_id: tenant,
            name: "billing hook".into(),
            kind: EndpointKind::Webhook,
            target,
            events,
            min_severity: None,
        },
        false,
        Utc::now(),
    )
    .await?;
    tx.commit().await
}

#[tokio::test]
async fn a_failed_payment_notifies_subscribed_endpoints_once_per_invoice() {
    let test = TestDb::new().await;
    let (tenant, cus) = customer(&test).await;
    let (base, seen) = receiver().await;
    let admin = Scope::for_test(Role::ProviderAdmin, TenantAccess::All);
    let failed = || vec![EventKind::PaymentFailed];
    endpoint(&test, &admin, None, format!("{base}/provider"), failed())
        .await
        .expect("provider endpoint");
    endpoint(
        &test,
        &admin,
        Some(tenant),
        format!("{base}/tenant"),
        failed(),
    )
    .await
    .expect("tenant endpoint");
    endpoint(
        &test,
        &admin,
        Some(tenant),
        format!("{base}/alerts-only"),
        vec![EventKind::AlertRaised],
    )
    .await
    .expect("unsubscribed endpoint");
    // The customer cannot subscribe to the provider's billing events.
    let customer_admin = Scope::for_test(Role::CustomerAdmin, TenantAccess::Only([tenant].into()));
    let refused = endpoint(
        &test,
        &customer_admin,
        Some(tenant),
        format!("{base}/x"),
        failed(),
    )
    .await
    .expect_err("customers may not subscribe");
    assert!(refused.to_string().contains("input.events"), "{refused}");

    let client = DeliveryClient::new(&DeliverySettings {
        allow_private_targets: true,
        ..DeliverySettings::default()
    })
    .expect("client");
    let now = Utc::now();
    let body = event("evt_f1", "invoice.payment_failed", &cus, "open");
    handle_webhook(
        &test.db,
        &secret(),
        &sign(&body, &secret(), now.timestamp()),
        &body,
        now,
    )
    .await
    .expect("applied");
    // Stripe retries the payment and fails again: a new event, the same invoice.
    let again = event("evt_f2", "invoice.payment_failed", &cus, "open");
    handle_webhook(
        &test.db,
        &secret(),
        &sign(&again, &secret(), now.timestamp()),
        &again,
        now,
    )
    .await
    .expect("applied");
    // A replayed delivery is refused before anything is queued.
    assert!(
        handle_webhook(
            &test.db,
            &secret(),
            &sign(&body, &secret(), now.timestamp()),
            &body,
            now
        )
        .await
        .is_err()
    );
    let stats = deliver_due(&test.db, &client, now + chrono::Duration::seconds(1))
        .await
        .expect("deliver");
    assert_eq!(stats.claimed, 2, "{stats:?}");
    let mut got = seen.lock().expect("lock").clone();
    got.sort();
    assert_eq!(
        got,
        [
            "/provider:billing.payment_failed",
            "/tenant:billing.payment_failed"
        ]
    );
    let stats = deliver_due(&test.db, &client, now + chrono::Duration::hours(1))
        .await
        .expect("deliver");
    assert_eq!(stats.claimed, 0);
    assert_eq!(seen.lock().expect("lock").len(), 2);

    // Both failures are still stored as notices.
    let tx = test.db.begin(&admin).await.expect("begin");
    let notices = list_notices(&tx, tenant).await.expect("notices");
    tx.commit().await.expect("commit");
    assert_eq!(notices.len(), 2);
}
