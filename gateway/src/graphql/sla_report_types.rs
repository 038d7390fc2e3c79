//! GraphQL types of the SLA reports: duration figures, attainment, breaches, the
//! per-tenant report and the cross-tenant overview.

use super::severity::Severity;
use super::sla_types::{SlaSubjectKind, SlaTarget};
use async_graphql::{ID, InputObject, SimpleObject};
use chrono::{DateTime, Utc};
use garrison_sla::report::{self, Metrics};
use garrison_sla::stats;

/// Count, mean, median and nearest-rank 90th percentile, in seconds.
#[derive(SimpleObject)]
pub struct SlaDurationStats {
    pub count: i64,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub p90: Option<f64>,
}

impl From<stats::DurationStats> for SlaDurationStats {
    fn from(s: stats::DurationStats) -> Self {
        SlaDurationStats {
            count: s.count.min(i64::MAX as u64) as i64,
            mean: s.mean,
            median: s.median,
            p90: s.p90,
        }
    }
}

/// Attainment of one target: met / (met + breached); open clocks are left out.
#[derive(SimpleObject)]
pub struct SlaAttainment {
    pub target: SlaTarget,
    pub met: i64,
    pub breached: i64,
    pub open: i64,
    pub percent: Option<f64>,
}

fn attainment(list: &[report::Attainment]) -> Vec<SlaAttainment> {
    let n = |v: u64| v.min(i64::MAX as u64) as i64;
    list.iter()
        .map(|a| SlaAttainment {
            target: a.target.into(),
            met: n(a.met),
            breached: n(a.breached),
            open: n(a.open),
            percent: a.percent,
        })
        .collect()
}

/// One period of a trend (`slaTrend`).
#[derive(InputObject)]
pub struct SlaPeriodInput {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

/// The figures of one period of a trend.
#[derive(SimpleObject)]
pub struct SlaPeriodFigures {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub mttd: SlaDurationStats,
    pub mtta: SlaDurationStats,
    pub mttr_respond: SlaDurationStats,
    pub mttr_resolve: SlaDurationStats,
}

impl SlaPeriodFigures {
    pub fn new(from: DateTime<Utc>, to: DateTime<Utc>, m: &Metrics) -> Self {
        SlaPeriodFigures {
            from,
            to,
            mttd: m.mttd.into(),
            mtta: m.mtta.into(),
            mttr_respond: m.mttr_respond.into(),
            mttr_resolve: m.mttr_resolve.into(),
        }
    }
}

/// The figures of one severity.
#[derive(SimpleObject)]
pub struct SlaSeverityReport {
    pub severity: Severity,
    pub mttd: SlaDurationStats,
    pub mtta: SlaDurationStats,
    pub mttr_respond: SlaDurationStats,
    pub mttr_resolve: SlaDurationStats,
    pub attainment: Vec<SlaAttainment>,
    pub attainment_percent: Option<f64>,
    pub breach_count: i64,
}

impl SlaSeverityReport {
    fn new(severity: garrison_core::Severity, m: &Metrics) -> Self {
        SlaSeverityReport {
            severity: severity.into(),
            mttd: m.mttd.into(),
            mtta: m.mtta.into(),
            mttr_respond: m.mttr_respond.into(),
            mttr_resolve: m.mttr_resolve.into(),
            attainment: attainment(&m.attainment),
            attainment_percent: m.attainment_percent,
            breach_count: m.breach_count.min(i64::MAX as u64) as i64,
        }
    }
}

/// A missed target.
#[derive(SimpleObject)]
pub struct SlaBreach {
    pub subject_kind: SlaSubjectKind,
    pub subject_id: ID,
    pub target: SlaTarget,
    pub severity: Severity,
    pub started_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    /// When the worker recorded the breach (null when only a late completion tells).
    pub breached_at: Option<DateTime<Utc>>,
}

/// A tenant's SLA figures over the clocks started in `[from, to)`. Durations are
/// wall seconds minus paused time; attainment is against each clock's due time.
#[derive(SimpleObject)]
pub struct SlaReport {
    pub tenant_id: ID,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Alert created minus its earliest matching event.
    pub mttd: SlaDurationStats,
    pub mtta: SlaDurationStats,
    pub mttr_respond: SlaDurationStats,
    pub mttr_resolve: SlaDurationStats,
    pub attainment: Vec<SlaAttainment>,
    pub attainment_percent: Option<f64>,
    pub breach_count: i64,
    /// Every severity, most urgent first.
    pub by_severity: Vec<SlaSeverityReport>,
    /// Oldest due first.
    pub breaches: Vec<SlaBreach>,
}

impl From<report::SlaReport> for SlaReport {
    fn from(r: report::SlaReport) -> Self {
        let all = SlaSeverityReport::new(garrison_core::Severity::Critical, &r.overall);
        SlaReport {
            tenant_id: ID(r.tenant_id.to_string()),
            from: r.from,
            to: r.to,
            mttd: all.mttd,
            mtta: all.mtta,
            mttr_respond: all.mttr_respond,
            mttr_resolve: all.mttr_resolve,
            attainment: all.attainment,
            attainment_percent: all.attainment_percent,
            breach_count: all.breach_count,
            by_severity: r
                .by_severity
                .iter()
                .map(|(s, m)| SlaSeverityReport::new(*s, m))
                .collect(),
            breaches: r
                .breaches
                .into_iter()
                .map(|b| SlaBreach {
                    subject_kind: b.subject_kind.into(),
                    subject_id: ID(b.subject_id.to_string()),
                    target: b.target.into(),
                    severity: b.severity.into(),
                    started_at: b.started_at,
                    due_at: b.due_at,
                    completed_at: b.completed_at,
                    breached_at: b.breached_at,
                })
                .collect(),
        }
    }
}

/// One tenant's line in the overview.
#[derive(SimpleObject)]
pub struct SlaOverviewRow {
    pub tenant_id: ID,
    pub tenant_name: String,
    pub instance_count: i64,
    pub attainment_percent: Option<f64>,
    pub breach_count: i64,
}

impl From<report::OverviewRow> for SlaOverviewRow {
    fn from(r: report::OverviewRow) -> Self {
        let n = |v: u64| v.min(i64::MAX as u64) as i64;
        SlaOverviewRow {
            tenant_id: ID(r.tenant_id.to_string()),
            tenant_name: r.tenant_name,
            instance_count: n(r.instance_count),
            attainment_percent: r.attainment_percent,
            breach_count: n(r.breach_count),
        }
    }
}
