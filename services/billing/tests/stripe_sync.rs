//! The sync job against a local server speaking Stripe's wire format: it creates
//! the meters, prices, customer and subscription once; meter events carry the
//! ledger's exact values under idempotent identifiers; a 500 is retried; a second
//! sync sends nothing twice; invoices are fetched and stored.

mod fake_stripe;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use fake_stripe::FakeStripe;
use garrison_billing::invoices::list_invoices;
use garrison_billing::notices::list_notices;
use garrison_billing::plans::{NewPlan, create_plan, subscribe_tenant};
use garrison_billing::stripe::{RetryPolicy, StripeApi, sync_all};
use garrison_core::db::testing::TestDb;
use garrison_core::tenants::{NewTenant, create_tenant};
use garrison_core::usage::{DailyHosts, HourlyUsage, UsageLedger};
use garrison_core::{Scope, Secret, TenantId};
use serde_json::json;
use std::sync::Mutex;

/// The ledger, in memory.
#[derive(Default)]
struct MemoryLedger {
    hours: Mutex<Vec<(TenantId, HourlyUsage)>>,
    hosts: Mutex<Vec<(TenantId, DailyHosts)>>,
}

#[async_trait::async_trait]
impl UsageLedger for MemoryLedger {
    async fn hourly(
        &self,
        tenant: TenantId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> garrison_core::Result<Vec<HourlyUsage>> {
        let hours = self.hours.lock().unwrap_or_else(|p| p.into_inner());
        Ok(hours
            .iter()
            .filter(|(t, h)| *t == tenant && h.hour >= from && h.hour < to)
            .map(|(_, h)| *h)
            .collect())
    }

    async fn distinct_hosts_by_day(
        &self,
        tenant: TenantId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> garrison_core::Result<Vec<DailyHosts>> {
        let hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        Ok(hosts
            .iter()
            .filter(|(t, h)| *t == tenant && h.day >= from && h.day < to)
            .map(|(_, h)| *h)
            .collect())
    }
}

fn at(raw: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(raw)
        .expect("instant")
        .with_timezone(&Utc)
}

/// A tenant in Berlin on a plan since 1 March 2026.
async fn tenant_on_plan(test: &TestDb, slug: &str) -> TenantId {
    let scope = Scope::system("test");
    let mut tx = test.db.begin(&scope).await.expect("begin");
    let tenant = create_tenant(
        &mut tx,
        NewTenant {
            name: format!("Tenant {slug}"),
            slug: slug.into(),
            timezone: Some("Europe/Berlin".into()),
        },
    )
    .await
    .expect("tenant")
    .id;
    let plan = create_plan(
        &tx,
        NewPlan {
            name: format!("Pro {slug}"),
            currency: "eur".into(),
            base_fee_minor: 99_00,
            endpoint_price_minor: 4_50,
            included_gb: 50,
            overage_gb_price_minor: 1_20,
            sla_tier: "gold".into(),
        },
        at("2026-02-01T00:00:00Z"),
    )
    .await
    .expect("plan");
    let starts = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
    subscribe_tenant(&tx, tenant, plan.id, starts, at("2026-02-01T00:00:00Z"))
        .await
        .expect("subscribe");
    tx.commit().await.expect("commit");
    tenant
}

fn api(base: &str) -> StripeApi {
    StripeApi::new(
        base,
        &Secret::new("sk_test_garrison".to_string()),
        RetryPolicy {
            attempts: 4,
            base_delay: std::time::Duration::from_millis(5),
        },
    )
    .expect("client")
}

#[tokio::test]
async fn sync_creates_once_pushes_exact_values_and_never_twice() {
    let test = TestDb::new().await;
    let (fake, base) = FakeStripe::start().await;
    let tenant = tenant_on_plan(&test, "acme").await;
    let ledger = MemoryLedger::default();
    let h1 = at("2026-03-10T08:00:00Z");
    let h2 = at("2026-03-10T09:00:00Z");
    ledger.hours.lock().expect("lock").extend([
        (
            tenant,
            HourlyUsage {
                hour: h1,
                events: 120,
                bytes: 1_234_567_891,
            },
        ),
        (
            tenant,
            HourlyUsage {
                hour: h2,
                events: 5,
                bytes: 42,
            },
        ),
    ]);
    let day = |d: u32, n: u64| DailyHosts {
        day: NaiveDate::from_ymd_opt(2026, 3, d).expect("date"),
        hosts: n,
    };
    ledger
        .hosts
        .lock()
        .expect("lock")
        .extend([(tenant, day(9, 7)), (tenant, day(10, 5))]);
    let now = at("2026-03-11T12:00:00Z");
    let api = api(&base);

    let report = sync_all(&test.db, &api, &ledger, now).await.expect("sync");
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert_eq!(report.customers_created, 1);
    assert_eq!(report.subscriptions_created, 1);
    assert_eq!(report.events_sent, 4);

    let meters = fake.created("/v1/billing/meters");
    let formulas: Vec<(&str, &str)> = meters
        .iter()
        .map(|m| {
            (
                m.get("event_name").unwrap_or(""),
                m.get("default_aggregation[formula]").unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        formulas,
        [
            ("garrison_ingest_gb", "sum"),
            ("garrison_endpoints", "last")
        ]
    );
    let prices = fake.created("/v1/prices");
    assert_eq!(prices.len(), 3);
    let metered: Vec<&str> = prices
        .iter()
        .filter_map(|p| p.get("recurring[meter]"))
        .collect();
    assert_eq!(metered.len(), 2, "two metered prices reference the meters");
    assert!(prices.iter().any(|p| p.get("tiers[0][up_to]") == Some("50")
        && p.get("tiers[1][up_to]") == Some("inf")
        && p.get("tiers[1][unit_amount]") == Some("120")));
    let customers = fake.created("/v1/customers");
    assert_eq!(customers.len(), 1);
    assert_eq!(
        customers[0].get("metadata[garrison_tenant]"),
        Some(tenant.to_string().as_str())
    );
    let subs = fake.created("/v1/subscriptions");
    assert_eq!(subs.len(), 1);
    // Periods start at local midnight on the 1st: 1 April 2026 00:00 in Berlin.
    assert_eq!(
        subs[0].get("billing_cycle_anchor"),
        Some(at("2026-03-31T22:00:00Z").timestamp().to_string().as_str())
    );
    assert_eq!(
        subs[0]
            .get("items[2][price]")
            .map(|p| p.starts_with("price_")),
        Some(true)
    );

    let events = fake.created("/v1/billing/meter_events");
    let mut seen: Vec<(String, String, String)> = events
        .iter()
        .map(|e| {
            (
                e.get("identifier").unwrap_or("").to_string(),
                e.get("payload[value]").unwrap_or("").to_string(),
                e.get("payload[stripe_customer_id]")
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    seen.sort();
    let customer = "cus_".to_string();
    assert!(seen.iter().all(|(_, _, c)| c.starts_with(&customer)));
    let values: Vec<(String, String)> = seen
        .iter()
        .map(|(i, v, _)| (i.clone(), v.clone()))
        .collect();
    assert_eq!(
        values,
        [
            (
                format!("{tenant}:garrison_endpoints:2026-03-08T23:00Z"),
                "7".to_string()
            ),
            // The running monthly maximum: 5 hosts on the 10th, but 7 on the 9th.
            (
                format!("{tenant}:garrison_endpoints:2026-03-09T23:00Z"),
                "7".to_string()
            ),
            (
                format!("{tenant}:garrison_ingest_gb:2026-03-10T08:00Z"),
                "1.234567891".to_string()
            ),
            (
                format!("{tenant}:garrison_ingest_gb:2026-03-10T09:00Z"),
                "0.000000042".to_string()
            ),
        ]
    );
    assert!(
        events
            .iter()
            .all(|e| e.idempotency_key.as_deref() == e.get("identifier"))
    );
    assert!(
        events
            .iter()
            .all(|e| e.authorization.as_deref() == Some("Bearer sk_test_garrison"))
    );

    // Again, an hour later: nothing is created or sent twice.
    fake.clear();
    let again = sync_all(&test.db, &api, &ledger, now + Duration::hours(1))
        .await
        .expect("sync again");
    assert_eq!(again.events_sent, 0);
    assert_eq!(again.events_already_sent, 4);
    assert_eq!(again.mismatched, 0);
    let posts: Vec<String> = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .map(|r| r.path)
        .collect();
    assert!(posts.is_empty(), "second sync posted {posts:?}");

    // A new complete hour is pushed, and only it.
    let h3 = at("2026-03-11T12:00:00Z");
    ledger.hours.lock().expect("lock").push((
        tenant,
        HourlyUsage {
            hour: h3,
            events: 1,
            bytes: 3_000_000_000,
        },
    ));
    let third = sync_all(&test.db, &api, &ledger, at("2026-03-11T13:06:00Z"))
        .await
        .expect("third sync");
    assert_eq!(third.events_sent, 1);
    let last = fake.created("/v1/billing/meter_events");
    assert_eq!(last.len(), 1);
    assert_eq!(last[0].get("payload[value]"), Some("3.000000000"));
}

#[tokio::test]
async fn a_500_is_retried_with_the_same_idempotency_key() {
    let test = TestDb::new().await;
    let (fake, base) = FakeStripe::start().await;
    let tenant = tenant_on_plan(&test, "retry").await;
    let ledger = MemoryLedger::default();
    ledger.hours.lock().expect("lock").push((
        tenant,
        HourlyUsage {
            hour: at("2026-03-10T08:00:00Z"),
            events: 1,
            bytes: 1_000,
        },
    ));
    fake.fail_next("/v1/billing/meter_events", 2);
    fake.fail_next("/v1/customers", 1);
    let report = sync_all(&test.db, &api(&base), &ledger, at("2026-03-11T00:00:00Z"))
        .await
        .expect("sync");
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert_eq!(report.events_sent, 1);
    let attempts: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.path == "/v1/billing/meter_events")
        .collect();
    assert_eq!(
        attempts.iter().map(|a| a.status).collect::<Vec<_>>(),
        [500, 500, 200]
    );
    let keys: Vec<_> = attempts.iter().map(|a| a.idempotency_key.clone()).collect();
    assert!(keys.windows(2).all(|w| w[0] == w[1]) && keys[0].is_some());
    assert_eq!(fake.created("/v1/customers").len(), 1);

    // Persistent failure: the tenant is reported, nothing is recorded as sent.
    let other = tenant_on_plan(&test, "down").await;
    ledger.hours.lock().expect("lock").push((
        other,
        HourlyUsage {
            hour: at("2026-03-10T08:00:00Z"),
            events: 1,
            bytes: 7,
        },
    ));
    fake.fail_next("/v1/billing/meter_events", 10);
    let report = sync_all(&test.db, &api(&base), &ledger, at("2026-03-11T00:00:00Z"))
        .await
        .expect("sync");
    assert_eq!(report.failures.len(), 1, "{:?}", report.failures);
    assert!(report.failures[0].starts_with(&other.to_string()));
    fake.fail_next("/v1/billing/meter_events", 0);
    let report = sync_all(&test.db, &api(&base), &ledger, at("2026-03-11T00:00:00Z"))
        .await
        .expect("sync");
    assert_eq!(
        report.events_sent, 1,
        "the failed event goes out on the next sync"
    );
}

#[tokio::test]
async fn invoices_are_fetched_and_stored() {
    let test = TestDb::new().await;
    let (fake, base) = FakeStripe::start().await;
    let tenant = tenant_on_plan(&test, "inv").await;
    let ledger = MemoryLedger::default();
    sync_all(&test.db, &api(&base), &ledger, at("2026-03-11T00:00:00Z"))
        .await
        .expect("first sync");
    let customers = fake.created("/v1/customers");
    assert_eq!(customers.len(), 1);
    let cus = customers[0].answered_id.clone().expect("customer id");
    fake.add_invoice(json!({
        "object": "invoice", "id": "in_1", "number": "GAR-0001", "customer": cus,
        "currency": "eur", "period_start": at("2026-03-01T00:00:00Z").timestamp(),
        "period_end": at("2026-03-31T22:00:00Z").timestamp(), "amount_due": 12345,
        "amount_paid": 0, "total": 12345, "status": "open",
        "hosted_invoice_url": "https://invoice.stripe.test/i/1",
        "invoice_pdf": "https://invoice.stripe.test/i/1.pdf", "lines": {"object": "list", "data": []}
    }));
    let report = sync_all(&test.db, &api(&base), &ledger, at("2026-03-12T00:00:00Z"))
        .await
        .expect("sync");
    let scope = Scope::system("test");
    let tx = test.db.begin(&scope).await.expect("begin");
    let stored = list_invoices(&tx, tenant, None).await.expect("invoices");
    tx.commit().await.expect("commit");
    let query = fake
        .requests()
        .into_iter()
        .find(|r| r.path == "/v1/invoices")
        .map(|r| r.query)
        .unwrap_or_default();
    assert!(query.contains(&format!("customer={cus}")), "{query}");
    assert_eq!(report.invoices_fetched, 1);
    assert_eq!(stored.len(), 1);
    let inv = &stored[0];
    assert_eq!(inv.number.as_deref(), Some("GAR-0001"));
    assert_eq!((inv.amount_due, inv.status.as_str()), (12345, "open"));
    assert_eq!(
        inv.hosted_url.as_deref(),
        Some("https://invoice.stripe.test/i/1")
    );
    assert_eq!(
        inv.pdf_url.as_deref(),
        Some("https://invoice.stripe.test/i/1.pdf")
    );
    assert_eq!(inv.period_start, at("2026-03-01T00:00:00Z"));
    assert!(inv.unpaid());
}

#[tokio::test]
async fn a_new_plan_moves_the_subscription_once_prorated_from_its_start() {
    let test = TestDb::new().await;
    let (fake, base) = FakeStripe::start().await;
    let tenant = tenant_on_plan(&test, "mover").await;
    let ledger = MemoryLedger::default();
    let api = api(&base);
    let report = sync_all(&test.db, &api, &ledger, at("2026-03-11T12:00:00Z"))
        .await
        .expect("sync");
    assert_eq!(report.subscriptions_created, 1);
    let sub = fake.created("/v1/subscriptions")[0]
        .answered_id
        .clone()
        .expect("subscription id");
    let old_prices: Vec<String> = fake
        .created("/v1/prices")
        .iter()
        .filter_map(|p| p.answered_id.clone())
        .collect();
    assert_eq!(old_prices.len(), 3);

    // A bigger plan from 15 March (Berlin).
    let scope = Scope::system("test");
    let tx = test.db.begin(&scope).await.expect("begin");
    let bigger = create_plan(
        &tx,
        NewPlan {
            name: "Enterprise".into(),
            currency: "eur".into(),
            base_fee_minor: 49_900,
            endpoint_price_minor: 3_00,
            included_gb: 500,
            overage_gb_price_minor: 90,
            sla_tier: "platinum".into(),
        },
        at("2026-03-11T13:00:00Z"),
    )
    .await
    .expect("plan");
    let starts = NaiveDate::from_ymd_opt(2026, 3, 15).expect("date");
    subscribe_tenant(&tx, tenant, bigger.id, starts, at("2026-03-11T13:00:00Z"))
        .await
        .expect("subscribe");
    tx.commit().await.expect("commit");

    // Before its start nothing changes in Stripe.
    fake.clear();
    let before = sync_all(&test.db, &api, &ledger, at("2026-03-14T12:00:00Z"))
        .await
        .expect("sync");
    assert_eq!(before.subscriptions_changed, 0);
    assert!(fake.created(&format!("/v1/subscriptions/{sub}")).is_empty());

    // The first sync after it starts moves every item to the new plan's prices.
    fake.clear();
    let report = sync_all(&test.db, &api, &ledger, at("2026-03-16T12:00:00Z"))
        .await
        .expect("sync");
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert_eq!(report.subscriptions_changed, 1);
    assert_eq!(report.subscriptions_created, 0);
    let new_prices: Vec<String> = fake
        .created("/v1/prices")
        .iter()
        .filter_map(|p| p.answered_id.clone())
        .collect();
    assert_eq!(
        new_prices.len(),
        3,
        "the new plan's base, GB and endpoint prices"
    );
    let updates = fake.created(&format!("/v1/subscriptions/{sub}"));
    assert_eq!(updates.len(), 1);
    let update = &updates[0];
    assert_eq!(update.get("proration_behavior"), Some("create_prorations"));
    // 15 March 00:00 in Berlin.
    assert_eq!(
        update.get("proration_date"),
        Some(at("2026-03-14T23:00:00Z").timestamp().to_string().as_str())
    );
    assert_eq!(
        update.get("metadata[garrison_plan]"),
        Some(bigger.id.to_string().as_str())
    );
    for (i, price) in new_prices.iter().enumerate() {
        let item = update
            .get(&format!("items[{i}][id]"))
            .expect("an existing item is updated, not added");
        assert!(item.starts_with("si_"), "{item}");
        assert_eq!(
            update.get(&format!("items[{i}][price]")),
            Some(price.as_str())
        );
    }
    assert!(update.idempotency_key.is_some());

    // Recorded: the next sync sends no second update.
    fake.clear();
    let again = sync_all(&test.db, &api, &ledger, at("2026-03-17T12:00:00Z"))
        .await
        .expect("sync");
    assert_eq!(again.subscriptions_changed, 0);
    assert!(fake.created(&format!("/v1/subscriptions/{sub}")).is_empty());
    assert!(fake.created("/v1/prices").is_empty());
}

#[tokio::test]
async fn late_ledger_changes_are_sent_as_revisions_or_recorded_as_credits_once() {
    let test = TestDb::new().await;
    let (fake, base) = FakeStripe::start().await;
    let tenant = tenant_on_plan(&test, "late").await;
    let ledger = MemoryLedger::default();
    let h1 = at("2026-03-10T08:00:00Z");
    let set_bytes = |bytes: u64| {
        let mut hours = ledger.hours.lock().expect("lock");
        hours.clear();
        hours.push((
            tenant,
            HourlyUsage {
                hour: h1,
                events: 1,
                bytes,
            },
        ));
    };
    let set_hosts = |n: u64| {
        let mut hosts = ledger.hosts.lock().expect("lock");
        hosts.clear();
        hosts.push((
            tenant,
            DailyHosts {
                day: NaiveDate::from_ymd_opt(2026, 3, 10).expect("date"),
                hosts: n,
            },
        ));
    };
    set_bytes(1_000_000_000);
    set_hosts(5);
    let api = api(&base);
    let first = sync_all(&test.db, &api, &ledger, at("2026-03-11T12:00:00Z"))
        .await
        .expect("sync");
    assert_eq!(first.events_sent, 2);
    let gb_id = format!("{tenant}:garrison_ingest_gb:2026-03-10T08:00Z");
    // 10 March 00:00 in Berlin.
    let hosts_id = format!("{tenant}:garrison_endpoints:2026-03-09T23:00Z");

    // Late data: more bytes in that hour, and more hosts that day.
    set_bytes(1_250_000_001);
    set_hosts(8);
    fake.clear();
    let late = sync_all(&test.db, &api, &ledger, at("2026-03-11T13:00:00Z"))
        .await
        .expect("sync");
    assert!(late.failures.is_empty(), "{:?}", late.failures);
    assert_eq!(late.events_sent, 0);
    assert_eq!(late.corrections_sent, 2);
    let mut sent: Vec<(String, String, String)> = fake
        .created("/v1/billing/meter_events")
        .iter()
        .map(|r| {
            (
                r.get("identifier").unwrap_or_default().to_string(),
                r.get("payload[value]").unwrap_or_default().to_string(),
                r.get("timestamp").unwrap_or_default().to_string(),
            )
        })
        .collect();
    sent.sort();
    let mut expected = vec![
        (
            format!("{gb_id}:r1"),
            "0.250000001".to_string(),
            h1.timestamp().to_string(),
        ),
        (
            format!("{hosts_id}:r1"),
            "8".to_string(),
            at("2026-03-09T23:00:00Z").timestamp().to_string(),
        ),
    ];
    expected.sort();
    assert_eq!(sent, expected);
    assert!(
        fake.created("/v1/billing/meter_events")
            .iter()
            .all(|r| r.idempotency_key.as_deref() == r.get("identifier"))
    );

    // Nothing changed: nothing is sent again.
    fake.clear();
    let same = sync_all(&test.db, &api, &ledger, at("2026-03-11T14:00:00Z"))
        .await
        .expect("sync");
    assert_eq!((same.corrections_sent, same.credits_recorded), (0, 0));
    assert!(fake.created("/v1/billing/meter_events").is_empty());

    // The hour's bytes drop below what was sent: nothing can be sent, a credit is recorded once.
    set_bytes(900_000_000);
    fake.clear();
    let lower = sync_all(&test.db, &api, &ledger, at("2026-03-11T15:00:00Z"))
        .await
        .expect("sync");
    assert_eq!((lower.corrections_sent, lower.credits_recorded), (0, 1));
    assert!(fake.created("/v1/billing/meter_events").is_empty());
    let again = sync_all(&test.db, &api, &ledger, at("2026-03-11T16:00:00Z"))
        .await
        .expect("sync");
    assert_eq!((again.corrections_sent, again.credits_recorded), (0, 0));
    assert!(fake.created("/v1/billing/meter_events").is_empty());
    let scope = Scope::system("test");
    let tx = test.db.begin(&scope).await.expect("begin");
    let notices = list_notices(&tx, tenant).await.expect("notices");
    tx.commit().await.expect("commit");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].kind, "manual_credit");
    assert!(
        notices[0].detail.contains("0.350000001 GB") && notices[0].detail.contains(":r2"),
        "{}",
        notices[0].detail
    );
}
