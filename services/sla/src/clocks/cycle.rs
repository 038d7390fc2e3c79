//! The clock internals shared by the public functions: which cycle is current,
//! creating a cycle's instances, and closing a pause (which moves due times).

use super::{Subject, Target, secs};
use crate::calendar::math::{add_business_time, business_time_between};
use crate::calendar::store::load_calendar;
use crate::calendar::{BusinessCalendar, CalendarKind};
use crate::entity::sla_instance;
use crate::policy::{Targets, load_targets};
use chrono::{DateTime, Duration, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::{Result, Severity, TenantId};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, OnConflict, SimpleExpr};
use sea_orm::{ColumnTrait, Condition};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// The time a clock counts: every second, or a tenant's business hours.
pub(crate) enum Cal {
    Wall,
    Business(BusinessCalendar),
}

impl Cal {
    /// Loaded calendars for one operation, so a subject's three clocks read the
    /// tenant's calendar once.
    pub(crate) fn cache() -> CalCache {
        CalCache {
            wall: Cal::Wall,
            business: HashMap::new(),
        }
    }

    /// The instant `d` of this calendar's time after `start`.
    pub(crate) fn add(&self, start: DateTime<Utc>, d: Duration) -> DateTime<Utc> {
        match self {
            Cal::Wall => start + d.max(Duration::zero()),
            Cal::Business(c) => add_business_time(c, start, d),
        }
    }

    /// This calendar's time between `a` and `b` (zero when `b` is not after `a`).
    pub(crate) fn between(&self, a: DateTime<Utc>, b: DateTime<Utc>) -> Duration {
        match self {
            Cal::Wall => (b - a).max(Duration::zero()),
            Cal::Business(c) => business_time_between(c, a, b),
        }
    }
}

/// See [`Cal::cache`].
pub(crate) struct CalCache {
    wall: Cal,
    business: HashMap<TenantId, Cal>,
}

impl CalCache {
    /// The calendar of `kind` for `tenant`.
    pub(crate) async fn get(
        &mut self,
        tx: &ScopedTx<'_>,
        tenant: TenantId,
        kind: CalendarKind,
    ) -> Result<&Cal> {
        if kind == CalendarKind::TwentyFourSeven {
            return Ok(&self.wall);
        }
        match self.business.entry(tenant) {
            Entry::Occupied(slot) => Ok(slot.into_mut()),
            Entry::Vacant(slot) => {
                let loaded = load_calendar(tx, tenant).await?.calendar;
                Ok(slot.insert(Cal::Business(loaded)))
            }
        }
    }
}

/// Rows of one subject.
pub(crate) fn subject_condition(subject: Subject) -> Condition {
    Condition::all()
        .add(sla_instance::Column::TenantId.eq(subject.tenant.as_uuid()))
        .add(sla_instance::Column::SubjectKind.eq(subject.kind.as_str()))
        .add(sla_instance::Column::SubjectId.eq(subject.id))
}

/// The subject's latest cycle number, if it has clocks at all.
pub(crate) async fn current_cycle(tx: &ScopedTx<'_>, subject: Subject) -> Result<Option<i32>> {
    Ok(tx
        .select::<sla_instance::Entity>()
        .filter(subject_condition(subject))
        .order_by_desc(sla_instance::Column::Cycle)
        .limit(1)
        .one(tx)
        .await?
        .map(|r| r.cycle))
}

/// The cycle's instances that are neither completed nor cancelled.
pub(crate) async fn open_in_cycle(
    tx: &ScopedTx<'_>,
    subject: Subject,
    cycle: i32,
) -> Result<Vec<sla_instance::Model>> {
    tx.select::<sla_instance::Entity>()
        .filter(
            subject_condition(subject)
                .add(sla_instance::Column::Cycle.eq(cycle))
                .add(sla_instance::Column::CompletedAt.is_null())
                .add(sla_instance::Column::CancelledAt.is_null()),
        )
        .all(tx)
        .await
}

/// The seconds into a target at which its warning fires.
fn warn_secs(target_secs: i64, warn_percent: i16) -> i64 {
    target_secs.saturating_mul(i64::from(warn_percent)) / 100
}

fn target_secs(targets: &Targets, target: Target) -> i64 {
    match target {
        Target::Acknowledge => targets.acknowledge_secs,
        Target::Respond => targets.respond_secs,
        Target::Resolve => targets.resolve_secs,
    }
}

/// Inserts the instances of one cycle with the tenant's current policy.
pub(crate) async fn create_cycle(
    tx: &ScopedTx<'_>,
    subject: Subject,
    severity: Severity,
    cycle: i32,
    started_at: DateTime<Utc>,
    first_event_at: Option<DateTime<Utc>>,
) -> Result<()> {
    let targets = load_targets(tx, subject.tenant, severity).await?;
    let mut cals = Cal::cache();
    let cal = cals.get(tx, subject.tenant, targets.calendar).await?;
    let rows: Vec<sla_instance::ActiveModel> = subject
        .kind
        .targets()
        .iter()
        .map(|&target| {
            let length = target_secs(&targets, target);
            let warn = warn_secs(length, i16::from(targets.warn_percent));
            sla_instance::ActiveModel {
                id: Set(uuid::Uuid::now_v7()),
                tenant_id: Set(subject.tenant.as_uuid()),
                subject_kind: Set(subject.kind.as_str().to_string()),
                subject_id: Set(subject.id),
                cycle: Set(cycle),
                target: Set(target.as_str().to_string()),
                severity: Set(severity.rank()),
                calendar: Set(targets.calendar.as_str().to_string()),
                target_secs: Set(length),
                warn_percent: Set(i16::from(targets.warn_percent)),
                started_at: Set(started_at),
                first_event_at: Set(first_event_at),
                warn_at: Set(cal.add(started_at, secs(warn))),
                due_at: Set(cal.add(started_at, secs(length))),
                paused_at: Set(None),
                paused_secs: Set(0),
                paused_wall_secs: Set(0),
                completed_at: Set(None),
                cancelled_at: Set(None),
                warned_at: Set(None),
                breached_at: Set(None),
            }
        })
        .collect();
    // Two transactions racing to start the same subject's clocks (a retried alert
    // raise) must not fail the later one: the unique index decides, quietly.
    let once = OnConflict::columns([
        sla_instance::Column::TenantId,
        sla_instance::Column::SubjectKind,
        sla_instance::Column::SubjectId,
        sla_instance::Column::Cycle,
        sla_instance::Column::Target,
    ])
    .do_nothing()
    .to_owned();
    for row in rows {
        tx.upsert(subject.tenant, row, once.clone()).await?;
    }
    Ok(())
}

/// The column updates that end an open pause at `at`: the paused span (in the
/// clock's calendar) is added to the clock's pauses, and warning and due times are
/// recomputed from the start so they move out by exactly that span.
pub(crate) async fn close_pause(
    tx: &ScopedTx<'_>,
    cals: &mut CalCache,
    row: &sla_instance::Model,
    at: DateTime<Utc>,
) -> Result<Vec<(sla_instance::Column, SimpleExpr)>> {
    let Some(paused_at) = row.paused_at else {
        return Ok(Vec::new());
    };
    let tenant = TenantId::from_uuid(row.tenant_id);
    let cal = cals
        .get(tx, tenant, CalendarKind::from_stored(&row.calendar))
        .await?;
    let paused_secs = row.paused_secs + cal.between(paused_at, at).num_seconds();
    let paused_wall_secs = row.paused_wall_secs + (at - paused_at).num_seconds().max(0);
    let due = cal.add(row.started_at, secs(row.target_secs + paused_secs));
    let warn = cal.add(
        row.started_at,
        secs(warn_secs(row.target_secs, row.warn_percent) + paused_secs),
    );
    Ok(vec![
        (
            sla_instance::Column::PausedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        ),
        (sla_instance::Column::PausedSecs, Expr::value(paused_secs)),
        (
            sla_instance::Column::PausedWallSecs,
            Expr::value(paused_wall_secs),
        ),
        (sla_instance::Column::DueAt, Expr::value(due)),
        (sla_instance::Column::WarnAt, Expr::value(warn)),
    ])
}
