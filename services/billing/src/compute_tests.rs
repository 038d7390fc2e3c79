//! Edge cases of the invoice arithmetic.

use super::*;
use chrono::{DateTime, TimeZone, Utc};

const GB: u64 = 1_000_000_000;

fn terms(name: &str, base: i64, endpoint: i64, included: i64, over: i64) -> PlanTerms {
    PlanTerms {
        plan_id: uuid::Uuid::now_v7(),
        name: name.into(),
        currency: "usd".into(),
        base_fee_minor: base,
        endpoint_price_minor: endpoint,
        included_gb: included,
        overage_gb_price_minor: over,
    }
}

fn from(day: &str, terms: PlanTerms) -> PlanFrom {
    PlanFrom {
        starts_on: NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("date"),
        terms,
    }
}

fn hour(at: &str, bytes: u64) -> HourlyUsage {
    HourlyUsage {
        hour: DateTime::parse_from_rfc3339(at)
            .expect("instant")
            .with_timezone(&Utc),
        events: bytes / 100,
        bytes,
    }
}

fn hosts(day: &str, n: u64) -> DailyHosts {
    DailyHosts {
        day: NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("date"),
        hosts: n,
    }
}

fn month(raw: &str) -> Month {
    Month::parse("month", raw).expect("month")
}

fn amount(invoice: &ComputedInvoice, kind: LineKind) -> i64 {
    invoice
        .lines
        .iter()
        .filter(|l| l.kind == kind)
        .map(|l| l.amount_minor)
        .sum()
}

#[test]
fn zero_usage_is_the_base_fee_only() {
    let plans = [from("2026-01-01", terms("Pro", 50_000, 300, 100, 25))];
    let inv = compute_invoice(month("2026-03"), Tz::UTC, &plans, &[], &[])
        .expect("computes")
        .expect("a plan is in force");
    assert_eq!(inv.total_minor, 50_000);
    assert_eq!(amount(&inv, LineKind::Endpoints), 0);
    assert_eq!(amount(&inv, LineKind::DataOverage), 0);
    assert_eq!(inv.lines.len(), 3);
    assert_eq!((inv.events, inv.bytes, inv.max_endpoints), (0, 0, 0));
}

#[test]
fn no_plan_no_invoice() {
    let plans = [from("2026-05-01", terms("Pro", 1, 1, 1, 1))];
    let none = compute_invoice(month("2026-04"), Tz::UTC, &plans, &[], &[]).expect("computes");
    assert!(none.is_none());
}

#[test]
fn exactly_the_allowance_costs_nothing_and_one_byte_more_rounds() {
    let plans = [from("2026-01-01", terms("Pro", 0, 0, 10, 250))];
    let at_allowance = [
        hour("2026-03-10T10:00:00Z", 4 * GB),
        hour("2026-03-11T10:00:00Z", 6 * GB),
    ];
    let inv = compute_invoice(month("2026-03"), Tz::UTC, &plans, &at_allowance, &[])
        .expect("computes")
        .expect("plan");
    assert_eq!(inv.total_minor, 0);
    assert_eq!(inv.bytes, 10 * GB);
    // One byte over: 250 * 1e-9 cents rounds half up to 0.
    let one_more = [hour("2026-03-10T10:00:00Z", 10 * GB + 1)];
    let inv = compute_invoice(month("2026-03"), Tz::UTC, &plans, &one_more, &[])
        .expect("computes")
        .expect("plan");
    assert_eq!(amount(&inv, LineKind::DataOverage), 0);
    // 2 MB over at 2.50/GB = 0.5 cents: half rounds up to 1 cent.
    let half_cent = [hour("2026-03-10T10:00:00Z", 10 * GB + 2_000_000)];
    let inv = compute_invoice(month("2026-03"), Tz::UTC, &plans, &half_cent, &[])
        .expect("computes")
        .expect("plan");
    assert_eq!(amount(&inv, LineKind::DataOverage), 1);
    assert_eq!(inv.lines[2].quantity, "0.002 GB");
}

#[test]
fn gb_is_decimal_not_binary() {
    // One GiB beyond the allowance is 1.073741824 GB: at 100.00 per GB that is 107.37.
    let plans = [from("2026-01-01", terms("Pro", 0, 0, 0, 10_000))];
    let usage = [hour("2026-03-02T00:00:00Z", 1 << 30)];
    let inv = compute_invoice(month("2026-03"), Tz::UTC, &plans, &usage, &[])
        .expect("computes")
        .expect("plan");
    assert_eq!(inv.total_minor, 10_737);
}

#[test]
fn endpoints_bill_the_monthly_maximum() {
    let plans = [from("2026-01-01", terms("Pro", 0, 700, 0, 0))];
    let days = [
        hosts("2026-03-01", 10),
        hosts("2026-03-15", 42),
        hosts("2026-03-31", 3),
    ];
    let inv = compute_invoice(month("2026-03"), Tz::UTC, &plans, &[], &days)
        .expect("computes")
        .expect("plan");
    assert_eq!(inv.max_endpoints, 42);
    assert_eq!(inv.total_minor, 42 * 700);
    // A day of another month does not count.
    let outside = [hosts("2026-04-01", 99)];
    let inv = compute_invoice(month("2026-03"), Tz::UTC, &plans, &[], &outside)
        .expect("computes")
        .expect("plan");
    assert_eq!(inv.total_minor, 0);
}

#[test]
fn month_boundaries_follow_the_tenant_time_zone() {
    let plans = [from("2026-01-01", terms("Pro", 0, 0, 0, 100))];
    // 23:00 UTC on 31 March is already 1 April in Berlin (UTC+2 in summer time)...
    let late = [hour("2026-03-31T23:00:00Z", 2 * GB)];
    let berlin = chrono_tz::Europe::Berlin;
    let march = compute_invoice(month("2026-03"), berlin, &plans, &late, &[])
        .expect("computes")
        .expect("plan");
    let april = compute_invoice(month("2026-04"), berlin, &plans, &late, &[])
        .expect("computes")
        .expect("plan");
    assert_eq!((march.bytes, april.bytes), (0, 2 * GB));
    assert_eq!(april.total_minor, 200);
    // ...and still 31 March in UTC and in New York.
    let utc = compute_invoice(month("2026-03"), Tz::UTC, &plans, &late, &[])
        .expect("computes")
        .expect("plan");
    assert_eq!(utc.bytes, 2 * GB);
    let ny = compute_invoice(
        month("2026-03"),
        chrono_tz::America::New_York,
        &plans,
        &late,
        &[],
    )
    .expect("computes")
    .expect("plan");
    assert_eq!(ny.bytes, 2 * GB);
    // 04:00 UTC on 1 March is still February in New York.
    let early = [hour("2026-03-01T04:00:00Z", GB)];
    let ny = compute_invoice(
        month("2026-03"),
        chrono_tz::America::New_York,
        &plans,
        &early,
        &[],
    )
    .expect("computes")
    .expect("plan");
    assert_eq!(ny.bytes, 0);
}

#[test]
fn plan_change_mid_month_is_prorated_by_day() {
    // 30-day April: Basic for 1-10 (10 days), Pro for 11-30 (20 days).
    let basic = terms("Basic", 30_000, 300, 30, 100);
    let pro = terms("Pro", 90_000, 600, 300, 50);
    let plans = [
        from("2026-01-15", basic.clone()),
        from("2026-04-11", pro.clone()),
    ];
    let usage = [
        hour("2026-04-05T12:00:00Z", 25 * GB), // Basic segment: allowance 10 GB -> 15 over
        hour("2026-04-20T12:00:00Z", 150 * GB), // Pro segment: allowance 200 GB -> 0 over
    ];
    let days = [hosts("2026-04-02", 8), hosts("2026-04-25", 20)];
    let inv = compute_invoice(month("2026-04"), Tz::UTC, &plans, &usage, &days)
        .expect("computes")
        .expect("plan");
    let of = |plan: &PlanTerms, kind: LineKind| {
        inv.lines
            .iter()
            .find(|l| l.plan_id == plan.plan_id && l.kind == kind)
            .map(|l| l.amount_minor)
            .expect("line")
    };
    assert_eq!(of(&basic, LineKind::BaseFee), 10_000); // 30000 * 10/30
    assert_eq!(of(&pro, LineKind::BaseFee), 60_000); // 90000 * 20/30
    assert_eq!(of(&basic, LineKind::Endpoints), 800); // 8 * 300 * 10/30
    assert_eq!(of(&pro, LineKind::Endpoints), 8_000); // 20 * 600 * 20/30
    assert_eq!(of(&basic, LineKind::DataOverage), 1_500); // 15 GB * 100
    assert_eq!(of(&pro, LineKind::DataOverage), 0);
    assert_eq!(inv.total_minor, 10_000 + 60_000 + 800 + 8_000 + 1_500);
    assert_eq!(inv.lines.len(), 6);
    assert!(inv.lines[0].description.contains("10/30 days"));
}

#[test]
fn proration_rounds_each_line_half_up() {
    // 31-day month, plan from the 17th: 15 days of 100.00 = 48.387... -> 48.39.
    let plans = [from("2026-03-17", terms("Pro", 10_000, 0, 0, 0))];
    let inv = compute_invoice(month("2026-03"), Tz::UTC, &plans, &[], &[])
        .expect("computes")
        .expect("plan");
    assert_eq!(inv.total_minor, 4_839);
    assert_eq!(inv.lines[0].from.to_string(), "2026-03-17");
}

#[test]
fn currencies_cannot_mix_in_a_month() {
    let mut eur = terms("Euro", 1, 1, 1, 1);
    eur.currency = "eur".into();
    let plans = [
        from("2026-01-01", terms("Pro", 1, 1, 1, 1)),
        from("2026-03-10", eur),
    ];
    let err = compute_invoice(month("2026-03"), Tz::UTC, &plans, &[], &[]).expect_err("mixed");
    assert!(err.to_string().starts_with("startsOn:"), "{err}");
}

#[test]
fn no_floats_even_for_huge_figures() {
    let plans = [from("2026-01-01", terms("Big", 0, 0, 0, 1_999))];
    // 10 PB beyond the allowance at 19.99/GB: exact in integers.
    let usage = [hour("2026-03-02T00:00:00Z", 10_000_000 * GB)];
    let inv = compute_invoice(month("2026-03"), Tz::UTC, &plans, &usage, &[])
        .expect("computes")
        .expect("plan");
    assert_eq!(inv.total_minor, 19_990_000_000);
    let _ = Utc.timestamp_opt(0, 0);
}
