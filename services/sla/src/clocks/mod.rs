//! SLA clocks on alerts and cases: the API the alert and case services call inside
//! their own transactions, so a clock starts, stops or pauses exactly when the
//! action that causes it commits.
//!
//! Each subject (an alert or a case) gets one instance per target per cycle:
//! alerts are clocked on acknowledge and resolve, cases on acknowledge, respond and
//! resolve. A reopen starts a new cycle. Each instance snapshots its policy (target
//! length, warning threshold, calendar) when it starts, so changing a policy never
//! rewrites history.
//!
//! Choices worth knowing:
//! - These functions do no role check of their own: the caller's service already
//!   authorised the action that moves the clock. They do require the subject's
//!   tenant to be inside the transaction (`NOT_FOUND` otherwise).
//! - First completion wins; completing an already completed target changes nothing.
//! - Completing `Resolve` does not mark open `Acknowledge`/`Respond` instances as
//!   completed (that would invent an acknowledgement time and flatter MTTA); it
//!   stops them instead (`cancelled_at`), so a resolved case never warns or
//!   breaches afterwards. A breach already recorded stays recorded.
//! - A pause stops every open instance of the current cycle; on resume the paused
//!   span, measured in the instance's calendar, moves `warn_at` and `due_at` out.
//!   The paused wall time is kept too and subtracted from MTTA/MTTR.
//! - Every function takes the instant explicitly; nothing here reads the clock.

mod cycle;
mod instance;
pub mod tick;

pub use instance::{InstanceStatus, InstanceView, SlaInstance, Subject, SubjectKind, Target};
pub use tick::{NoticeKind, SlaNotice, tick};

use crate::entity::sla_instance;
use chrono::{DateTime, Duration, Utc};
use cycle::{Cal, close_pause, create_cycle, current_cycle, open_in_cycle};
use garrison_core::Result;
use garrison_core::Severity;
use garrison_core::db::ScopedTx;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition};

/// Starts the subject's first cycle of clocks (alerts: acknowledge and resolve;
/// cases: all three). Idempotent: a subject that already has clocks is left alone.
/// `first_event_at` (the earliest matching event) is kept for MTTD.
pub async fn start_clocks(
    tx: &ScopedTx<'_>,
    subject: Subject,
    severity: Severity,
    started_at: DateTime<Utc>,
    first_event_at: Option<DateTime<Utc>>,
) -> Result<()> {
    tx.check_tenant(subject.tenant)?;
    if current_cycle(tx, subject).await?.is_some() {
        return Ok(());
    }
    create_cycle(tx, subject, severity, 1, started_at, first_event_at).await
}

/// Marks a target of the current cycle completed at `at` (first completion wins).
/// Completing `Resolve` stops the cycle's other open targets without completing
/// them (see the module docs). A target the subject is not clocked on is ignored.
pub async fn complete_target(
    tx: &ScopedTx<'_>,
    subject: Subject,
    target: Target,
    at: DateTime<Utc>,
) -> Result<()> {
    tx.check_tenant(subject.tenant)?;
    let Some(cycle) = current_cycle(tx, subject).await? else {
        return Ok(());
    };
    let open = open_in_cycle(tx, subject, cycle).await?;
    let mut cals = Cal::cache();
    for row in &open {
        let this = Target::from_stored(&row.target) == target;
        if !this && target != Target::Resolve {
            continue;
        }
        // A pause open at completion ends there: its span does not count.
        let mut set = match row.paused_at {
            Some(_) => close_pause(tx, &mut cals, row, at).await?,
            None => Vec::new(),
        };
        let column = if this {
            sla_instance::Column::CompletedAt
        } else {
            sla_instance::Column::CancelledAt
        };
        set.push((column, Expr::value(at)));
        tx.update_where::<sla_instance::Entity>(
            Condition::all()
                .add(sla_instance::Column::Id.eq(row.id))
                .add(sla_instance::Column::CompletedAt.is_null())
                .add(sla_instance::Column::CancelledAt.is_null()),
            set,
        )
        .await?;
    }
    Ok(())
}

/// Pauses every open clock of the current cycle at `at` (already paused ones stay
/// paused from when they were paused).
pub async fn pause_clocks(tx: &ScopedTx<'_>, subject: Subject, at: DateTime<Utc>) -> Result<()> {
    tx.check_tenant(subject.tenant)?;
    let Some(cycle) = current_cycle(tx, subject).await? else {
        return Ok(());
    };
    tx.update_where::<sla_instance::Entity>(
        cycle::subject_condition(subject)
            .add(sla_instance::Column::Cycle.eq(cycle))
            .add(sla_instance::Column::CompletedAt.is_null())
            .add(sla_instance::Column::CancelledAt.is_null())
            .add(sla_instance::Column::PausedAt.is_null()),
        vec![(sla_instance::Column::PausedAt, Expr::value(at))],
    )
    .await?;
    Ok(())
}

/// Resumes the paused clocks of the current cycle at `at`: their due and warning
/// times move out by the paused span, measured in each clock's calendar.
pub async fn resume_clocks(tx: &ScopedTx<'_>, subject: Subject, at: DateTime<Utc>) -> Result<()> {
    tx.check_tenant(subject.tenant)?;
    let Some(cycle) = current_cycle(tx, subject).await? else {
        return Ok(());
    };
    let mut cals = Cal::cache();
    for row in open_in_cycle(tx, subject, cycle).await? {
        if row.paused_at.is_none() {
            continue;
        }
        let set = close_pause(tx, &mut cals, &row, at).await?;
        tx.update_where::<sla_instance::Entity>(
            Condition::all()
                .add(sla_instance::Column::Id.eq(row.id))
                .add(sla_instance::Column::PausedAt.is_not_null()),
            set,
        )
        .await?;
    }
    Ok(())
}

/// Starts a new cycle (a reopen): the previous cycles' open clocks stop
/// (`cancelled_at`), and fresh ones start at `at` with the current policy.
/// Calling it again with the same `at` changes nothing (a retried reopen).
pub async fn restart_clocks(
    tx: &ScopedTx<'_>,
    subject: Subject,
    severity: Severity,
    at: DateTime<Utc>,
) -> Result<()> {
    tx.check_tenant(subject.tenant)?;
    let current = current_cycle(tx, subject).await?;
    if let Some(cycle) = current {
        let latest = tx
            .select::<sla_instance::Entity>()
            .filter(cycle::subject_condition(subject).add(sla_instance::Column::Cycle.eq(cycle)))
            .one(tx)
            .await?;
        if latest.is_some_and(|r| r.started_at == at) {
            return Ok(());
        }
        tx.update_where::<sla_instance::Entity>(
            cycle::subject_condition(subject)
                .add(sla_instance::Column::CompletedAt.is_null())
                .add(sla_instance::Column::CancelledAt.is_null()),
            vec![(sla_instance::Column::CancelledAt, Expr::value(at))],
        )
        .await?;
    }
    let next = current.map_or(1, |c| c + 1);
    create_cycle(tx, subject, severity, next, at, None).await
}

/// The current cycle's clocks as they stand at `now`, in workflow order.
pub async fn subject_sla(
    tx: &ScopedTx<'_>,
    subject: Subject,
    now: DateTime<Utc>,
) -> Result<Vec<InstanceView>> {
    tx.check_tenant(subject.tenant)?;
    let Some(cycle) = current_cycle(tx, subject).await? else {
        return Ok(Vec::new());
    };
    let rows = tx
        .select::<sla_instance::Entity>()
        .filter(cycle::subject_condition(subject).add(sla_instance::Column::Cycle.eq(cycle)))
        .all(tx)
        .await?;
    let mut cals = Cal::cache();
    let mut views = Vec::with_capacity(rows.len());
    for row in &rows {
        let instance = SlaInstance::from_row(row);
        let remaining_secs = if instance.completed_at.is_some() || instance.cancelled_at.is_some() {
            None
        } else {
            let cal = cals.get(tx, subject.tenant, instance.calendar).await?;
            // A paused clock stands still at the moment it was paused.
            let from = instance.paused_at.unwrap_or(now);
            Some(if from <= instance.due_at {
                cal.between(from, instance.due_at).num_seconds()
            } else {
                -cal.between(instance.due_at, from).num_seconds()
            })
        };
        views.push(InstanceView {
            status: instance.status(now),
            remaining_secs,
            instance,
        });
    }
    views.sort_by_key(|v| v.instance.target);
    Ok(views)
}

/// Seconds as a chrono duration.
pub(crate) fn secs(n: i64) -> Duration {
    Duration::seconds(n)
}
