//! The report as CSV for spreadsheets: one row per clock, with its outcome.
//!
//! One flat table (no summary rows mixed in) is what a spreadsheet filters and
//! pivots well: an account manager gets attainment per severity or target with a
//! pivot on `outcome`, and the breach list with a filter on it. The summary figures
//! are the GraphQL `slaReport`'s job. Times are RFC 3339 UTC; durations seconds.

use crate::clocks::SlaInstance;
use crate::report::SlaReport;
use chrono::{DateTime, SecondsFormat, Utc};
use std::fmt::Write;

/// The header row.
pub const HEADER: &str = "tenant_id,subject_kind,subject_id,cycle,severity,target,calendar,target_seconds,started_at,due_at,completed_at,breached_at,paused_seconds,elapsed_seconds,outcome";

/// The report's clocks as CSV (header first, CRLF line ends as RFC 4180 says).
pub fn report_csv(report: &SlaReport) -> String {
    let mut out = String::with_capacity(64 + report.instances.len() * 200);
    out.push_str(HEADER);
    out.push_str("\r\n");
    for i in &report.instances {
        let _ = write!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n",
            i.subject.tenant,
            i.subject.kind.as_str(),
            i.subject.id,
            i.cycle,
            i.severity.as_str(),
            i.target.as_str(),
            i.calendar.as_str(),
            i.target_secs,
            time(Some(i.started_at)),
            time(Some(i.due_at)),
            time(i.completed_at),
            time(i.breached_at),
            i.paused_wall_secs,
            i.elapsed_secs().map(|s| s.to_string()).unwrap_or_default(),
            outcome(i),
        );
    }
    out
}

/// `met`, `breached` (completed late or recorded by the worker), `open` or
/// `cancelled` (stopped by a resolve or reopen before it was due).
pub fn outcome(i: &SlaInstance) -> &'static str {
    if i.breached() {
        "breached"
    } else if i.completed_at.is_some() {
        "met"
    } else if i.cancelled_at.is_some() {
        "cancelled"
    } else {
        "open"
    }
}

// Every cell is an id, a fixed word, a number or a timestamp: nothing needs
// quoting and nothing can start a spreadsheet formula.
fn time(at: Option<DateTime<Utc>>) -> String {
    at.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
        .unwrap_or_default()
}
