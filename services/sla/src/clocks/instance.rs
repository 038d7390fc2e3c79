//! The clock's nouns: subjects, targets, and an instance with its status.

use crate::calendar::CalendarKind;
use crate::entity::sla_instance;
use chrono::{DateTime, Utc};
use garrison_core::{Severity, TenantId};

/// What a clock runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubjectKind {
    Alert,
    Case,
}

impl SubjectKind {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Alert => "alert",
            SubjectKind::Case => "case",
        }
    }

    /// The kind of a stored name.
    pub fn from_stored(raw: &str) -> SubjectKind {
        if raw == "case" {
            SubjectKind::Case
        } else {
            SubjectKind::Alert
        }
    }

    /// The targets clocked for this kind of subject.
    pub fn targets(self) -> &'static [Target] {
        match self {
            SubjectKind::Alert => &[Target::Acknowledge, Target::Resolve],
            SubjectKind::Case => &[Target::Acknowledge, Target::Respond, Target::Resolve],
        }
    }
}

/// One alert or case of one tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Subject {
    pub kind: SubjectKind,
    pub id: uuid::Uuid,
    pub tenant: TenantId,
}

/// What a clock measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Acknowledge,
    /// First response action or first comment shared with the customer.
    Respond,
    Resolve,
}

impl Target {
    /// Every target, in workflow order.
    pub const ALL: [Target; 3] = [Target::Acknowledge, Target::Respond, Target::Resolve];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Acknowledge => "acknowledge",
            Target::Respond => "respond",
            Target::Resolve => "resolve",
        }
    }

    /// The target of a stored name.
    pub fn from_stored(raw: &str) -> Target {
        match raw {
            "respond" => Target::Respond,
            "resolve" => Target::Resolve,
            _ => Target::Acknowledge,
        }
    }
}

/// Where an instance stands at a given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstanceStatus {
    /// Open, before its warning threshold.
    Running,
    /// Open, past its warning threshold.
    Warning,
    /// Open and past due.
    Breached,
    /// Stopped by a pause (e.g. waiting on the customer).
    Paused,
    /// Completed on time.
    Met,
    /// Completed after it was due.
    Missed,
    /// Stopped without completion (resolved or reopened first), never due.
    Cancelled,
}

/// One clock, for display and reports.
#[derive(Debug, Clone)]
pub struct SlaInstance {
    pub id: uuid::Uuid,
    pub subject: Subject,
    pub cycle: i32,
    pub target: Target,
    pub severity: Severity,
    pub calendar: CalendarKind,
    pub target_secs: i64,
    pub started_at: DateTime<Utc>,
    pub first_event_at: Option<DateTime<Utc>>,
    pub warn_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub paused_at: Option<DateTime<Utc>>,
    /// Closed pauses in wall seconds (an open pause is not included).
    pub paused_wall_secs: i64,
    pub completed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub warned_at: Option<DateTime<Utc>>,
    pub breached_at: Option<DateTime<Utc>>,
}

impl SlaInstance {
    /// Whether a pause is open.
    pub fn paused(&self) -> bool {
        self.paused_at.is_some()
    }

    /// Completed late, or recorded as breached by the worker.
    pub fn breached(&self) -> bool {
        self.breached_at.is_some() || self.completed_at.is_some_and(|c| c > self.due_at)
    }

    /// Where the instance stands at `now`.
    pub fn status(&self, now: DateTime<Utc>) -> InstanceStatus {
        if let Some(completed) = self.completed_at {
            return if completed <= self.due_at {
                InstanceStatus::Met
            } else {
                InstanceStatus::Missed
            };
        }
        if self.breached_at.is_some()
            || (self.cancelled_at.is_none() && !self.paused() && now > self.due_at)
        {
            return InstanceStatus::Breached;
        }
        if self.cancelled_at.is_some() {
            InstanceStatus::Cancelled
        } else if self.paused() {
            InstanceStatus::Paused
        } else if now >= self.warn_at {
            InstanceStatus::Warning
        } else {
            InstanceStatus::Running
        }
    }

    /// Wall time from start to completion minus paused time (what MTTA/MTTR average).
    pub fn elapsed_secs(&self) -> Option<i64> {
        let completed = self.completed_at?;
        Some(((completed - self.started_at).num_seconds() - self.paused_wall_secs).max(0))
    }

    pub(crate) fn from_row(row: &sla_instance::Model) -> SlaInstance {
        SlaInstance {
            id: row.id,
            subject: Subject {
                kind: SubjectKind::from_stored(&row.subject_kind),
                id: row.subject_id,
                tenant: TenantId::from_uuid(row.tenant_id),
            },
            cycle: row.cycle,
            target: Target::from_stored(&row.target),
            severity: Severity::from_rank(row.severity),
            calendar: CalendarKind::from_stored(&row.calendar),
            target_secs: row.target_secs,
            started_at: row.started_at,
            first_event_at: row.first_event_at,
            warn_at: row.warn_at,
            due_at: row.due_at,
            paused_at: row.paused_at,
            paused_wall_secs: row.paused_wall_secs,
            completed_at: row.completed_at,
            cancelled_at: row.cancelled_at,
            warned_at: row.warned_at,
            breached_at: row.breached_at,
        }
    }
}

/// An instance as displayed at `now`, with the time left in its calendar.
#[derive(Debug, Clone)]
pub struct InstanceView {
    pub instance: SlaInstance,
    pub status: InstanceStatus,
    /// Calendar seconds until due (negative once overdue); `None` once completed
    /// or cancelled. While paused it stands still.
    pub remaining_secs: Option<i64>,
}
