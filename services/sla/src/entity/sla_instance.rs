//! `sla_instances`: one clock (one target of one cycle of one alert or case).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sla_instances")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    /// `alert` or `case`.
    pub subject_kind: String,
    pub subject_id: Uuid,
    /// 1 for the first clocks of a subject; each reopen adds one.
    pub cycle: i32,
    /// `acknowledge`, `respond` or `resolve`.
    pub target: String,
    /// `Severity::rank()` when the clock started.
    pub severity: i16,
    /// The policy as it was when the clock started, so a later change of policy
    /// never rewrites history.
    pub calendar: String,
    pub target_secs: i64,
    pub warn_percent: i16,
    pub started_at: DateTimeUtc,
    /// Earliest matching event (alerts): MTTD input.
    pub first_event_at: Option<DateTimeUtc>,
    pub warn_at: DateTimeUtc,
    pub due_at: DateTimeUtc,
    /// Set while paused.
    pub paused_at: Option<DateTimeUtc>,
    /// Paused time already closed, in the clock's calendar (moves `due_at`).
    pub paused_secs: i64,
    /// Paused time already closed, in wall seconds (subtracted from durations).
    pub paused_wall_secs: i64,
    pub completed_at: Option<DateTimeUtc>,
    /// Superseded by a new cycle before completion.
    pub cancelled_at: Option<DateTimeUtc>,
    pub warned_at: Option<DateTimeUtc>,
    pub breached_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
