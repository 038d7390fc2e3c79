//! Meter events: what the ledger says, pre-aggregated, one event per tenant, meter
//! and hour (`<tenant>:<meter>:<hour>`), pushed once. Stripe deduplicates on the
//! identifier, and Garrison records each accepted event and never sends a recorded
//! identifier again, so neither a retry nor a repeated sync can bill twice.

use super::client::StripeApi;
use super::wire::MeterEvent;
use super::{METER_ENDPOINTS, METER_GB};
use crate::entity::meter_push;
use crate::money::gb_string;
use crate::period::{Month, local_midnight};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use garrison_core::db::Db;
use garrison_core::usage::{DailyHosts, HourlyUsage};
use garrison_core::{Result, Scope, TenantId};
use sea_orm::{ActiveValue::Set, ColumnTrait};
use std::collections::{BTreeMap, HashMap};
use stripe_billing::billing_meter_event::CreateBillingMeterEvent;

/// One meter event to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingEvent {
    pub identifier: String,
    pub meter: &'static str,
    /// The hour (or day) it reports, and the event's timestamp.
    pub period_start: DateTime<Utc>,
    /// The meter value, a decimal string.
    pub value: String,
}

/// The identifier of a tenant's meter value for the hour starting at `at`.
pub fn identifier(tenant: TenantId, meter: &str, at: DateTime<Utc>) -> String {
    format!("{tenant}:{meter}:{}", at.format("%Y-%m-%dT%H:00Z"))
}

/// GB events: one per ledger hour with stored bytes, the exact bytes as decimal GB.
pub fn gb_events(tenant: TenantId, hours: &[HourlyUsage]) -> Vec<PendingEvent> {
    hours
        .iter()
        .filter(|h| h.bytes > 0)
        .map(|h| PendingEvent {
            identifier: identifier(tenant, METER_GB, h.hour),
            meter: METER_GB,
            period_start: h.hour,
            value: gb_string(h.bytes),
        })
        .collect()
}

/// Endpoint events: one per day with hosts, carrying the running maximum of the
/// day's month so far, stamped at the day's local midnight. The meter aggregates
/// by `last`, so Stripe bills the month's maximum, as the estimate does.
pub fn endpoint_events(tenant: TenantId, tz: Tz, hosts: &[DailyHosts]) -> Vec<PendingEvent> {
    let mut sorted: Vec<&DailyHosts> = hosts.iter().collect();
    sorted.sort_by_key(|h| h.day);
    let mut max_by_month: BTreeMap<Month, u64> = BTreeMap::new();
    sorted
        .into_iter()
        .map(|h| {
            let max = max_by_month.entry(Month::of(h.day)).or_insert(0);
            *max = (*max).max(h.hosts);
            let at = local_midnight(h.day, tz);
            PendingEvent {
                identifier: identifier(tenant, METER_ENDPOINTS, at),
                meter: METER_ENDPOINTS,
                period_start: at,
                value: max.to_string(),
            }
        })
        .collect()
}

/// What a push did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PushOutcome {
    pub sent: u64,
    pub already_sent: u64,
    /// Recorded events whose value no longer matches the ledger (late data).
    pub mismatched: u64,
}

/// Sends the events not recorded yet, recording each one Stripe accepts, and
/// reconciles the recorded ones against the ledger.
pub async fn push_events(
    db: &Db,
    api: &StripeApi,
    tenant: TenantId,
    customer: &str,
    events: &[PendingEvent],
    now: DateTime<Utc>,
) -> Result<PushOutcome> {
    let scope = Scope::for_tenant_task("billing-sync", tenant);
    let Some(oldest) = events.iter().map(|e| e.period_start).min() else {
        return Ok(PushOutcome::default());
    };
    let tx = db.begin(&scope).await?;
    let sent: HashMap<String, String> = tx
        .select::<meter_push::Entity>()
        .filter(meter_push::Column::TenantId.eq(tenant.as_uuid()))
        .filter(meter_push::Column::PeriodStart.gte(oldest))
        .all(&tx)
        .await?
        .into_iter()
        .map(|r| (r.identifier, r.value))
        .collect();
    tx.commit().await?;
    let mut outcome = PushOutcome::default();
    for event in events {
        if let Some(value) = sent.get(&event.identifier) {
            outcome.already_sent += 1;
            if *value != event.value {
                outcome.mismatched += 1;
                tracing::warn!(
                    tenant_id = %tenant,
                    identifier = %event.identifier,
                    sent = %value,
                    ledger = %event.value,
                    "billing: ledger changed after its meter event was sent"
                );
            }
            continue;
        }
        let payload = HashMap::from([
            ("stripe_customer_id".to_string(), customer.to_string()),
            ("value".to_string(), event.value.clone()),
        ]);
        let create = CreateBillingMeterEvent::new(event.meter, payload)
            .identifier(event.identifier.clone())
            .timestamp(event.period_start.timestamp());
        let _: MeterEvent = api
            .send("create meter event", &create, Some(&event.identifier))
            .await?;
        let tx = db.begin(&scope).await?;
        tx.insert(
            tenant,
            meter_push::ActiveModel {
                tenant_id: Set(tenant.as_uuid()),
                identifier: Set(event.identifier.clone()),
                meter: Set(event.meter.to_string()),
                period_start: Set(event.period_start),
                value: Set(event.value.clone()),
                sent_at: Set(now),
            },
        )
        .await?;
        tx.commit().await?;
        outcome.sent += 1;
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(d: &str, hosts: u64) -> DailyHosts {
        DailyHosts {
            day: NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date"),
            hosts,
        }
    }

    #[test]
    fn endpoint_values_are_the_running_monthly_maximum() {
        let t = TenantId::new();
        let events = endpoint_events(
            t,
            Tz::UTC,
            &[
                day("2026-03-30", 9),
                day("2026-03-29", 12),
                day("2026-03-31", 4),
                day("2026-04-01", 3),
            ],
        );
        let values: Vec<&str> = events.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(values, ["12", "12", "12", "3"]);
        assert_eq!(
            events[0].identifier,
            format!("{t}:garrison_endpoints:2026-03-29T00:00Z")
        );
    }

    #[test]
    fn gb_values_are_exact_and_zero_hours_are_skipped() {
        let t = TenantId::new();
        let at = DateTime::parse_from_rfc3339("2026-03-05T13:00:00Z")
            .expect("t")
            .with_timezone(&Utc);
        let hours = [
            HourlyUsage {
                hour: at,
                events: 3,
                bytes: 1_234_567_891,
            },
            HourlyUsage {
                hour: at + chrono::Duration::hours(1),
                events: 0,
                bytes: 0,
            },
        ];
        let events = gb_events(t, &hours);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].value, "1.234567891");
        assert_eq!(
            events[0].identifier,
            format!("{t}:garrison_ingest_gb:2026-03-05T13:00Z")
        );
    }
}
