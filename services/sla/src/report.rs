//! SLA reports: per tenant and period, MTTD, MTTA, MTTR (respond and resolve) as
//! mean, median and p90, attainment per target, and the list of breaches; and an
//! overview row per tenant in the caller's scope.
//!
//! A report covers the clocks *started* in `[from, to)`. Durations are wall time
//! from start to completion minus paused wall time, on every policy: MTTA is how
//! long the customer actually waited, so a business-hours clock started on Friday
//! evening and acknowledged on Monday morning reports the whole weekend, even
//! though it met its business-hours target. Attainment is what measures the
//! contract: a clock is met when completed by its due time (which is in business
//! time), breached when completed late or recorded as breached by the worker, and
//! otherwise still open and left out (a cancelled clock that never breached is
//! left out too). MTTD is, per alert, clock start minus its earliest matching event.

use crate::clocks::{SlaInstance, SubjectKind, Target};
use crate::entity::sla_instance;
use crate::stats::{DurationStats, summarize};
use chrono::{DateTime, Duration, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::page::{MAX_PAGE, PageRequest};
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, Severity, TenantId};
use sea_orm::ColumnTrait;

/// Longest period one report covers.
pub const MAX_PERIOD_DAYS: i64 = 400;

/// Attainment of one target.
#[derive(Debug, Clone, PartialEq)]
pub struct Attainment {
    pub target: Target,
    pub met: u64,
    pub breached: u64,
    /// Not yet decided (running or paused); not in the percentage.
    pub open: u64,
    /// `met / (met + breached)` in percent; `None` when nothing was decided.
    pub percent: Option<f64>,
}

/// The figures of one set of clocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    pub mttd: DurationStats,
    pub mtta: DurationStats,
    pub mttr_respond: DurationStats,
    pub mttr_resolve: DurationStats,
    /// One entry per target, in workflow order.
    pub attainment: Vec<Attainment>,
    /// All targets together.
    pub attainment_percent: Option<f64>,
    pub breach_count: u64,
}

/// A missed target.
#[derive(Debug, Clone)]
pub struct Breach {
    pub subject_kind: SubjectKind,
    pub subject_id: uuid::Uuid,
    pub target: Target,
    pub severity: Severity,
    pub started_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    /// When the worker recorded it (absent when only the late completion tells).
    pub breached_at: Option<DateTime<Utc>>,
}

/// A tenant's SLA report for a period.
#[derive(Debug, Clone)]
pub struct SlaReport {
    pub tenant_id: TenantId,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub overall: Metrics,
    /// Every severity, most urgent first (empty figures where nothing started).
    pub by_severity: Vec<(Severity, Metrics)>,
    /// Oldest due first.
    pub breaches: Vec<Breach>,
    /// The clocks the figures come from, oldest first (the CSV lists them).
    pub instances: Vec<SlaInstance>,
}

/// One tenant's line in the overview.
#[derive(Debug, Clone)]
pub struct OverviewRow {
    pub tenant_id: TenantId,
    pub tenant_name: String,
    pub instance_count: u64,
    pub attainment_percent: Option<f64>,
    pub breach_count: u64,
}

/// The tenant's report over the clocks started in `[from, to)`.
pub async fn sla_report(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<SlaReport> {
    tx.scope()
        .require_in(tenant, Resource::SlaReport, Action::Read)?;
    check_period(from, to)?;
    let instances = load(tx, Some(tenant), from, to).await?;
    let by_severity = Severity::ALL
        .into_iter()
        .rev()
        .map(|s| {
            let of: Vec<&SlaInstance> = instances.iter().filter(|i| i.severity == s).collect();
            (s, metrics(&of))
        })
        .collect();
    let all: Vec<&SlaInstance> = instances.iter().collect();
    let mut breaches: Vec<Breach> = instances
        .iter()
        .filter(|i| i.breached())
        .map(|i| Breach {
            subject_kind: i.subject.kind,
            subject_id: i.subject.id,
            target: i.target,
            severity: i.severity,
            started_at: i.started_at,
            due_at: i.due_at,
            completed_at: i.completed_at,
            breached_at: i.breached_at,
        })
        .collect();
    breaches.sort_by_key(|b| (b.due_at, b.subject_id, b.target));
    Ok(SlaReport {
        tenant_id: tenant,
        from,
        to,
        overall: metrics(&all),
        by_severity,
        breaches,
        instances,
    })
}

/// Most periods one trend may ask for.
pub const MAX_TREND_PERIODS: usize = 24;

/// The figures of each period (`[from, to)`, by clock start) in one read of the
/// clocks: a trend's months without a query per month.
pub async fn sla_trend(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    periods: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Result<Vec<Metrics>> {
    tx.scope()
        .require_in(tenant, Resource::SlaReport, Action::Read)?;
    if periods.is_empty() || periods.len() > MAX_TREND_PERIODS {
        return Err(Error::invalid(
            "periods",
            format!("give 1 to {MAX_TREND_PERIODS} periods"),
        ));
    }
    for (i, &(from, to)) in periods.iter().enumerate() {
        if to <= from || to - from > Duration::days(MAX_PERIOD_DAYS) {
            return Err(Error::invalid(
                format!("periods[{i}].to"),
                format!("must be after from, and at most {MAX_PERIOD_DAYS} days later"),
            ));
        }
    }
    let from = periods.iter().map(|p| p.0).min().unwrap_or_default();
    let to = periods.iter().map(|p| p.1).max().unwrap_or_default();
    let instances = load(tx, Some(tenant), from, to).await?;
    Ok(periods
        .iter()
        .map(|&(from, to)| {
            let of: Vec<&SlaInstance> = instances
                .iter()
                .filter(|i| i.started_at >= from && i.started_at < to)
                .collect();
            metrics(&of)
        })
        .collect())
}

/// One row per tenant in the caller's scope, by tenant name.
pub async fn sla_overview(
    tx: &ScopedTx<'_>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<OverviewRow>> {
    tx.scope().require(Resource::SlaReport, Action::Read)?;
    check_period(from, to)?;
    let instances = load(tx, None, from, to).await?;
    let mut rows = Vec::new();
    let mut after = None;
    loop {
        let page = garrison_core::tenants::list_tenants(
            tx,
            PageRequest {
                first: MAX_PAGE,
                after,
            },
        )
        .await?;
        for tenant in &page.items {
            let of: Vec<&SlaInstance> = instances
                .iter()
                .filter(|i| i.subject.tenant == tenant.id)
                .collect();
            let m = metrics(&of);
            rows.push(OverviewRow {
                tenant_id: tenant.id,
                tenant_name: tenant.name.clone(),
                instance_count: of.len() as u64,
                attainment_percent: m.attainment_percent,
                breach_count: m.breach_count,
            });
        }
        match (page.has_next_page, page.items.last()) {
            (true, Some(last)) => after = Some(last.id.as_uuid()),
            _ => break,
        }
    }
    rows.sort_by(|a, b| a.tenant_name.cmp(&b.tenant_name));
    Ok(rows)
}

fn check_period(from: DateTime<Utc>, to: DateTime<Utc>) -> Result<()> {
    if to <= from {
        return Err(Error::invalid("to", "must be after from"));
    }
    if to - from > Duration::days(MAX_PERIOD_DAYS) {
        return Err(Error::invalid(
            "to",
            format!("the period may cover at most {MAX_PERIOD_DAYS} days"),
        ));
    }
    Ok(())
}

/// The clocks started in `[from, to)`, of one tenant or every tenant in scope.
async fn load(
    tx: &ScopedTx<'_>,
    tenant: Option<TenantId>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<SlaInstance>> {
    let mut query = tx
        .select::<sla_instance::Entity>()
        .filter(sla_instance::Column::StartedAt.gte(from))
        .filter(sla_instance::Column::StartedAt.lt(to));
    if let Some(tenant) = tenant {
        query = query.filter(sla_instance::Column::TenantId.eq(tenant.as_uuid()));
    }
    let rows = query
        .order_by_asc(sla_instance::Column::StartedAt)
        .all(tx)
        .await?;
    let mut instances: Vec<SlaInstance> = rows.iter().map(SlaInstance::from_row).collect();
    // Stable for the CSV: a subject's clocks together, in workflow order.
    instances.sort_by_key(|i| (i.started_at, i.subject.id, i.cycle, i.target));
    Ok(instances)
}

/// The figures of a set of clocks (see the module docs for what counts).
pub fn metrics(instances: &[&SlaInstance]) -> Metrics {
    let elapsed = |target: Target| {
        summarize(
            instances
                .iter()
                .filter(|i| i.target == target)
                .filter_map(|i| i.elapsed_secs())
                .collect(),
        )
    };
    // One value per alert cycle: its acknowledge clock carries the alert's times.
    let mttd = summarize(
        instances
            .iter()
            .filter(|i| i.subject.kind == SubjectKind::Alert && i.target == Target::Acknowledge)
            .filter_map(|i| {
                i.first_event_at
                    .map(|e| (i.started_at - e).num_seconds().max(0))
            })
            .collect(),
    );
    let attainment: Vec<Attainment> = Target::ALL
        .into_iter()
        .map(|target| attainment(target, instances.iter().filter(|i| i.target == target)))
        .collect();
    let met: u64 = attainment.iter().map(|a| a.met).sum();
    let breached: u64 = attainment.iter().map(|a| a.breached).sum();
    Metrics {
        mttd,
        mtta: elapsed(Target::Acknowledge),
        mttr_respond: elapsed(Target::Respond),
        mttr_resolve: elapsed(Target::Resolve),
        attainment,
        attainment_percent: percent(met, breached),
        breach_count: breached,
    }
}

fn attainment<'a>(target: Target, of: impl Iterator<Item = &'a &'a SlaInstance>) -> Attainment {
    let (mut met, mut breached, mut open) = (0, 0, 0);
    for i in of {
        if i.breached() {
            breached += 1;
        } else if i.completed_at.is_some() {
            met += 1;
        } else if i.cancelled_at.is_none() {
            open += 1;
        }
    }
    Attainment {
        target,
        met,
        breached,
        open,
        percent: percent(met, breached),
    }
}

fn percent(met: u64, breached: u64) -> Option<f64> {
    let decided = met + breached;
    (decided > 0).then(|| met as f64 * 100.0 / decided as f64)
}
