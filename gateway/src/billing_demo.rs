//! The billing part of `garrison demo`: three plans, each demo tenant on one since
//! the 1st of last month, Acme's account report opened to its customers, and 35
//! days of hourly usage in the ledger (a working-hours curve, a steady fleet of
//! endpoints), so reports and estimates show something real. Idempotent.

use chrono::{DateTime, Datelike, Duration, DurationRound, Timelike, Utc};
use garrison_billing::period::Month;
use garrison_billing::plans::{self, NewPlan};
use garrison_core::db::Db;
use garrison_core::event::Channel;
use garrison_core::{Scope, TenantId};
use garrison_ingest::backfill::{UsageRecord, record_usage_history};

/// (name, base fee, per endpoint, included GB, per GB over, SLA tier), in USD cents.
const PLANS: [(&str, i64, i64, i64, i64, &str); 3] = [
    ("Essentials", 150_000, 900, 50, 40, "silver"),
    ("Professional", 400_000, 1_200, 200, 30, "gold"),
    ("Enterprise", 900_000, 1_500, 1_000, 20, "platinum"),
];

/// Seeds plans, subscriptions and ledger history for the demo tenants (by slug).
pub async fn seed(
    db: &Db,
    tenants: &[(String, TenantId)],
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let scope = Scope::system("demo");
    let tx = db.begin(&scope).await?;
    let mut catalogue = plans::list_plans(&tx).await?;
    for (name, base, endpoint, gb, over, tier) in PLANS {
        if !catalogue.iter().any(|p| p.name == name) {
            let input = NewPlan {
                name: name.into(),
                currency: "usd".into(),
                base_fee_minor: base,
                endpoint_price_minor: endpoint,
                included_gb: gb,
                overage_gb_price_minor: over,
                sla_tier: tier.into(),
            };
            catalogue.push(plans::create_plan(&tx, input, now).await?);
        }
    }
    let starts = Month::of(now.date_naive()).previous().first_day();
    for (i, (_, tenant)) in tenants.iter().enumerate() {
        if !plans::subscriptions(&tx, *tenant).await?.is_empty() {
            continue;
        }
        let name = PLANS[i % PLANS.len()].0;
        if let Some(plan) = catalogue.iter().find(|p| p.name == name) {
            plans::subscribe_tenant(&tx, *tenant, plan.id, starts, now).await?;
        }
        if i == 0 {
            garrison_billing::account::set_customer_reports(&tx, *tenant, true, now).await?;
        }
    }
    tx.commit().await?;
    for (i, (_, tenant)) in tenants.iter().enumerate() {
        record_usage_history(db, *tenant, &history(i as u64, now)).await?;
    }
    Ok(())
}

/// 35 days of complete hours before `now` for the `n`th tenant: bigger tenants send
/// more, office hours more than nights, weekends less.
fn history(n: u64, now: DateTime<Utc>) -> Vec<UsageRecord> {
    let last = now.duration_trunc(Duration::hours(1)).unwrap_or(now);
    let fleet = 12 + 18 * n as usize;
    (1..=35 * 24)
        .map(|back| {
            let hour = last - Duration::hours(back);
            let office = (8..18).contains(&hour.hour());
            let weekend = hour.weekday().number_from_monday() >= 6;
            let per_host: u64 = match (office, weekend) {
                (true, false) => 4_000,
                (_, true) => 600,
                _ => 1_500,
            };
            let events = per_host * fleet as u64 + (back as u64 * 37 + n * 11) % 500;
            let seen = if office { fleet } else { fleet * 2 / 3 };
            UsageRecord {
                hour,
                channel: Channel::SyslogTcp,
                events,
                bytes: events * (1_800 + 400 * n),
                hosts: (0..seen).map(|h| format!("host-{h:03}")).collect(),
            }
        })
        .collect()
}
