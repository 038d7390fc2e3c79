//! The invoice of one tenant for one month, computed from its plans and the usage
//! ledger: a pure function, so local-mode estimates, the Stripe-mode "upcoming
//! invoice" preview and the tests all run exactly the same arithmetic.
//!
//! Rules (README, "Decisions"):
//! - The plan in force on a local day is the latest subscription starting on or
//!   before it. A month with a plan change is split into segments; each segment's
//!   base fee, endpoint charge and GB allowance are prorated by its days.
//! - Endpoints: the maximum of the daily distinct-host counts in the segment.
//! - Data: stored bytes of the hours whose first instant falls in the segment
//!   (tenant's wall clock), beyond the prorated allowance, priced per decimal GB.
//! - Every line is rounded once, half up, to the minor unit; the total is the sum.

use crate::money::{BYTES_PER_GB, gb_display, mul_div_round};
use crate::period::{Month, local_date};
use chrono::NaiveDate;
use chrono_tz::Tz;
use garrison_core::usage::{DailyHosts, HourlyUsage};
use garrison_core::{Error, Result};

/// The priced terms of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanTerms {
    pub plan_id: uuid::Uuid,
    pub name: String,
    pub currency: String,
    pub base_fee_minor: i64,
    pub endpoint_price_minor: i64,
    pub included_gb: i64,
    pub overage_gb_price_minor: i64,
}

/// A plan in force from a local date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFrom {
    pub starts_on: NaiveDate,
    pub terms: PlanTerms,
}

/// What a line charges for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    BaseFee,
    Endpoints,
    DataOverage,
}

impl LineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::BaseFee => "base_fee",
            LineKind::Endpoints => "endpoints",
            LineKind::DataOverage => "data_overage",
        }
    }
}

/// One line of an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineItem {
    pub kind: LineKind,
    pub plan_id: uuid::Uuid,
    pub description: String,
    /// What was counted, in words and exact figures (`12 endpoints`, `3.500000000 GB`).
    pub quantity: String,
    pub amount_minor: i64,
    /// The segment's first and last local day.
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A month's computed invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComputedInvoice {
    pub month: Month,
    pub currency: String,
    pub lines: Vec<LineItem>,
    pub total_minor: i64,
    pub events: u64,
    pub bytes: u64,
    /// The highest daily distinct-host count of the month.
    pub max_endpoints: u64,
}

/// Computes the month's invoice; `None` when no plan is in force on any day of it.
/// Fails (naming `startsOn`) when plans of different currencies share a month.
pub fn compute_invoice(
    month: Month,
    tz: Tz,
    plans: &[PlanFrom],
    hours: &[HourlyUsage],
    hosts: &[DailyHosts],
) -> Result<Option<ComputedInvoice>> {
    let mut sorted: Vec<&PlanFrom> = plans.iter().collect();
    sorted.sort_by_key(|p| p.starts_on);
    let in_force = |day: NaiveDate| sorted.iter().rev().find(|p| p.starts_on <= day).copied();
    // Runs of consecutive days on the same plan.
    let mut segments: Vec<(&PlanFrom, NaiveDate, NaiveDate)> = Vec::new();
    for day in month.each_day() {
        let Some(plan) = in_force(day) else { continue };
        match segments.last_mut() {
            Some((p, _, last))
                if std::ptr::eq(*p, plan) && *last + chrono::Duration::days(1) == day =>
            {
                *last = day
            }
            _ => segments.push((plan, day, day)),
        }
    }
    let Some(first) = segments.first() else {
        return Ok(None);
    };
    let currency = first.0.terms.currency.clone();
    if segments
        .iter()
        .any(|(p, _, _)| p.terms.currency != currency)
    {
        return Err(Error::invalid(
            "startsOn",
            "plans of different currencies cannot share a month; start the new plan on the 1st",
        ));
    }
    let month_days = i128::from(month.days());
    let in_month = |d: NaiveDate| Month::of(d) == month;
    let mut lines = Vec::new();
    for (plan, from, to) in &segments {
        let t = &plan.terms;
        let days = i128::from((*to - *from).num_days() + 1);
        let prorated = days != month_days;
        let note = if prorated {
            format!(" ({days}/{month_days} days)")
        } else {
            String::new()
        };
        lines.push(LineItem {
            kind: LineKind::BaseFee,
            plan_id: t.plan_id,
            description: format!("{} base fee{note}", t.name),
            quantity: "1".into(),
            amount_minor: mul_div_round(i128::from(t.base_fee_minor), days, month_days),
            from: *from,
            to: *to,
        });
        let endpoints = hosts
            .iter()
            .filter(|h| h.day >= *from && h.day <= *to)
            .map(|h| h.hosts)
            .max()
            .unwrap_or(0);
        lines.push(LineItem {
            kind: LineKind::Endpoints,
            plan_id: t.plan_id,
            description: format!("{} endpoints, monthly maximum{note}", t.name),
            quantity: format!("{endpoints} endpoints"),
            amount_minor: mul_div_round(
                i128::from(endpoints) * i128::from(t.endpoint_price_minor),
                days,
                month_days,
            ),
            from: *from,
            to: *to,
        });
        let bytes: u64 = hours
            .iter()
            .filter(|h| {
                let d = local_date(h.hour, tz);
                in_month(d) && d >= *from && d <= *to
            })
            .map(|h| h.bytes)
            .sum();
        let allowance = i128::from(t.included_gb.max(0)) * BYTES_PER_GB * days / month_days;
        let over = (i128::from(bytes) - allowance).max(0);
        lines.push(LineItem {
            kind: LineKind::DataOverage,
            plan_id: t.plan_id,
            description: format!(
                "{} data beyond {} GB included{note}",
                t.name,
                gb_display(u64::try_from(allowance).unwrap_or(u64::MAX))
            ),
            quantity: format!("{} GB", gb_display(u64::try_from(over).unwrap_or(u64::MAX))),
            amount_minor: mul_div_round(over, i128::from(t.overage_gb_price_minor), BYTES_PER_GB),
            from: *from,
            to: *to,
        });
    }
    let month_hours: Vec<&HourlyUsage> = hours
        .iter()
        .filter(|h| in_month(local_date(h.hour, tz)))
        .collect();
    Ok(Some(ComputedInvoice {
        month,
        currency,
        total_minor: lines.iter().map(|l| l.amount_minor).sum(),
        lines,
        events: month_hours.iter().map(|h| h.events).sum(),
        bytes: month_hours.iter().map(|h| h.bytes).sum(),
        max_endpoints: hosts
            .iter()
            .filter(|h| in_month(h.day))
            .map(|h| h.hosts)
            .max()
            .unwrap_or(0),
    }))
}

#[cfg(test)]
#[path = "compute_tests.rs"]
mod tests;
