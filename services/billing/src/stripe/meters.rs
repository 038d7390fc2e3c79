//! Meter events: what the ledger says, pre-aggregated, one event per tenant, meter
//! and hour (`<tenant>:<meter>:<hour>`), pushed once. Stripe deduplicates on the
//! identifier, and Garrison records each accepted event and never sends a recorded
//! identifier again, so neither a retry nor a repeated sync can bill twice.
//!
//! Late data (the ledger changed after its hour was sent) is corrected by
//! revisions, `<tenant>:<meter>:<hour>:r<n>`, recorded like the original:
//! - `garrison_ingest_gb` (sum): a ledger above what was sent gets the positive
//!   difference as a new event. A ledger below it is not sent: Stripe cancels a
//!   meter event only within 24 hours of receiving it (meter event adjustments),
//!   and Garrison sends no negative values. The difference is recorded as a
//!   revision with a negative value, never sent, and stored as a `manual_credit`
//!   notice for the account managers (and logged): the provider credits the
//!   customer by hand.
//! - `garrison_endpoints` (last): the corrected value is sent as a new event at
//!   the same instant.

use super::client::StripeApi;
use super::wire::MeterEvent;
use super::{METER_ENDPOINTS, METER_GB};
use crate::entity::meter_push;
use crate::money::gb_string;
use crate::period::{Month, local_midnight};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use garrison_core::db::{Db, ScopedTx};
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
    /// Recorded events whose value no longer matched the ledger (late data).
    pub mismatched: u64,
    /// Corrections sent as revisions.
    pub corrections_sent: u64,
    /// GB over-billed by late-lowered hours, recorded as manual credits.
    pub credits_recorded: u64,
}

/// What a mismatched hour needs.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Correction {
    /// Send this value under the next revision identifier.
    Send(String),
    /// Record this (negative) GB value as owed to the customer; send nothing.
    Credit(String),
}

/// Splits `<id>:r<n>` into `(<id>, n)`; an original is revision 0.
fn revision_of(identifier: &str) -> (&str, u32) {
    match identifier.rsplit_once(":r") {
        Some((base, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (base, n.parse().unwrap_or(0))
        }
        _ => (identifier, 0),
    }
}

/// A decimal GB string (`-1.5`, `0.000000042`) as signed bytes.
fn gb_bytes(value: &str) -> Option<i128> {
    let (neg, digits) = match value.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if frac.len() > 9 {
        return None;
    }
    let whole: i128 = whole.parse().ok()?;
    let frac: i128 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<9}").parse().ok()?
    };
    let bytes = whole * crate::money::BYTES_PER_GB + frac;
    Some(if neg { -bytes } else { bytes })
}

/// Signed bytes as decimal GB.
fn signed_gb(bytes: i128) -> String {
    let text = gb_string(bytes.unsigned_abs() as u64);
    if bytes < 0 { format!("-{text}") } else { text }
}

/// What the recorded revisions of one event (`(n, value)`, any order) need to
/// match the ledger's `ledger` value, if anything.
fn correction_for(meter: &str, recorded: &[(u32, String)], ledger: &str) -> Option<Correction> {
    if meter == METER_GB {
        let billed: i128 = recorded.iter().filter_map(|(_, v)| gb_bytes(v)).sum();
        let delta = gb_bytes(ledger)? - billed;
        match delta {
            0 => None,
            d if d > 0 => Some(Correction::Send(signed_gb(d))),
            d => Some(Correction::Credit(signed_gb(d))),
        }
    } else {
        let latest = recorded.iter().max_by_key(|(n, _)| *n).map(|(_, v)| v)?;
        (latest != ledger).then(|| Correction::Send(ledger.to_string()))
    }
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
    let mut sent: HashMap<String, Vec<(u32, String)>> = HashMap::new();
    for r in tx
        .select::<meter_push::Entity>()
        .filter(meter_push::Column::TenantId.eq(tenant.as_uuid()))
        .filter(meter_push::Column::PeriodStart.gte(oldest))
        .all(&tx)
        .await?
    {
        let (base, n) = revision_of(&r.identifier);
        sent.entry(base.to_string()).or_default().push((n, r.value));
    }
    tx.commit().await?;
    let mut outcome = PushOutcome::default();
    for event in events {
        let Some(recorded) = sent.get(&event.identifier) else {
            send_event(api, customer, event, &event.identifier, &event.value).await?;
            record_push(db, tenant, event, &event.identifier, &event.value, now).await?;
            outcome.sent += 1;
            continue;
        };
        outcome.already_sent += 1;
        let Some(correction) = correction_for(event.meter, recorded, &event.value) else {
            continue;
        };
        outcome.mismatched += 1;
        let next = recorded.iter().map(|(n, _)| *n).max().unwrap_or(0) + 1;
        let revision = format!("{}:r{next}", event.identifier);
        match correction {
            Correction::Send(value) => {
                tracing::info!(
                    tenant_id = %tenant,
                    identifier = %revision,
                    value = %value,
                    ledger = %event.value,
                    "billing: late ledger change sent as a meter event revision"
                );
                send_event(api, customer, event, &revision, &value).await?;
                record_push(db, tenant, event, &revision, &value, now).await?;
                outcome.corrections_sent += 1;
            }
            Correction::Credit(value) => {
                tracing::warn!(
                    tenant_id = %tenant,
                    identifier = %revision,
                    credit_gb = %value,
                    ledger = %event.value,
                    "billing: ledger lowered after its meter event was sent; credit the customer by hand"
                );
                let tx = db.begin(&scope).await?;
                insert_push(&tx, tenant, event, &revision, &value, now).await?;
                let detail = format!(
                    "{} for the hour of {}: {} GB more than the ledger holds was sent to Stripe; credit it by hand (recorded as {revision})",
                    event.meter,
                    event.period_start.format("%Y-%m-%dT%H:00Z"),
                    value.trim_start_matches('-'),
                );
                crate::notices::record_notice(&tx, tenant, "manual_credit", &detail, now).await?;
                tx.commit().await?;
                outcome.credits_recorded += 1;
            }
        }
    }
    Ok(outcome)
}

async fn send_event(
    api: &StripeApi,
    customer: &str,
    event: &PendingEvent,
    identifier: &str,
    value: &str,
) -> Result<()> {
    let payload = HashMap::from([
        ("stripe_customer_id".to_string(), customer.to_string()),
        ("value".to_string(), value.to_string()),
    ]);
    let create = CreateBillingMeterEvent::new(event.meter, payload)
        .identifier(identifier.to_string())
        .timestamp(event.period_start.timestamp());
    let _: MeterEvent = api
        .send("create meter event", &create, Some(identifier))
        .await?;
    Ok(())
}

async fn record_push(
    db: &Db,
    tenant: TenantId,
    event: &PendingEvent,
    identifier: &str,
    value: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let scope = Scope::for_tenant_task("billing-sync", tenant);
    let tx = db.begin(&scope).await?;
    insert_push(&tx, tenant, event, identifier, value, now).await?;
    tx.commit().await
}

async fn insert_push(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    event: &PendingEvent,
    identifier: &str,
    value: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.insert(
        tenant,
        meter_push::ActiveModel {
            tenant_id: Set(tenant.as_uuid()),
            identifier: Set(identifier.to_string()),
            meter: Set(event.meter.to_string()),
            period_start: Set(event.period_start),
            value: Set(value.to_string()),
            sent_at: Set(now),
        },
    )
    .await?;
    Ok(())
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
    fn revisions_and_corrections() {
        assert_eq!(
            revision_of("t:garrison_ingest_gb:2026-03-05T13:00Z"),
            ("t:garrison_ingest_gb:2026-03-05T13:00Z", 0)
        );
        assert_eq!(
            revision_of("t:garrison_ingest_gb:2026-03-05T13:00Z:r12"),
            ("t:garrison_ingest_gb:2026-03-05T13:00Z", 12)
        );
        assert_eq!(gb_bytes("1.234567891"), Some(1_234_567_891));
        assert_eq!(gb_bytes("-0.000000042"), Some(-42));
        assert_eq!(signed_gb(-42), "-0.000000042");
        let sent = vec![
            (0, "1.000000000".to_string()),
            (1, "0.500000000".to_string()),
        ];
        assert_eq!(correction_for(METER_GB, &sent, "1.500000000"), None);
        assert_eq!(
            correction_for(METER_GB, &sent, "2.000000001"),
            Some(Correction::Send("0.500000001".into()))
        );
        assert_eq!(
            correction_for(METER_GB, &sent, "1.000000000"),
            Some(Correction::Credit("-0.500000000".into()))
        );
        let hosts = vec![
            (0, "7".to_string()),
            (2, "9".to_string()),
            (1, "8".to_string()),
        ];
        assert_eq!(correction_for(METER_ENDPOINTS, &hosts, "9"), None);
        assert_eq!(
            correction_for(METER_ENDPOINTS, &hosts, "6"),
            Some(Correction::Send("6".into()))
        );
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
