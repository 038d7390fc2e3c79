//! The worker's pass over every tenant's open clocks: each instance past its
//! warning time emits `sla.warning` once, each past its due time `sla.breached`
//! once. The emission is recorded in the row (`warned_at`, `breached_at`) by a
//! conditional update in the same transaction, so neither a restart nor a second
//! worker ever emits it again.
//!
//! Each notice is queued for notification (`garrison_notify::enqueue`) in that
//! same transaction, so it is delivered once and never lost.
//!
//! An instance found already past due that never warned (the worker was down)
//! emits only the breach: a warning after the fact would be noise. Its `warned_at`
//! is recorded too. Paused, completed and cancelled clocks are skipped.

use super::{SlaInstance, Subject, Target};
use crate::entity::sla_instance;
use chrono::{DateTime, Utc};
use garrison_core::db::Db;
use garrison_core::{Result, Scope, Severity};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition};

/// Rows examined per query; a pass repeats until a batch comes back short.
const BATCH: u64 = 500;
/// Most batches per pass; the rest waits for the next tick.
const MAX_PASSES: usize = 20;

/// What a notice announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Warning,
    Breached,
}

impl NoticeKind {
    /// The event name notifications subscribe to.
    pub fn event_name(self) -> &'static str {
        match self {
            NoticeKind::Warning => "sla.warning",
            NoticeKind::Breached => "sla.breached",
        }
    }
}

/// One emitted warning or breach.
#[derive(Debug, Clone)]
pub struct SlaNotice {
    pub kind: NoticeKind,
    pub instance_id: uuid::Uuid,
    pub subject: Subject,
    pub target: Target,
    pub severity: Severity,
    pub warn_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    /// When the worker emitted it.
    pub at: DateTime<Utc>,
}

/// One pass at `now` over every tenant. Returns what was emitted, in due order.
pub async fn tick(db: &Db, now: DateTime<Utc>) -> Result<Vec<SlaNotice>> {
    let scope = Scope::system("sla-clocks");
    let tx = db.begin(&scope).await?;
    let mut notices = Vec::new();
    // Bounded: a row another worker took in the meantime could otherwise be
    // fetched again and again by this transaction's snapshot.
    for _ in 0..MAX_PASSES {
        let rows = tx
            .select::<sla_instance::Entity>()
            .filter(
                Condition::all()
                    .add(sla_instance::Column::CompletedAt.is_null())
                    .add(sla_instance::Column::CancelledAt.is_null())
                    .add(sla_instance::Column::PausedAt.is_null())
                    .add(
                        Condition::any()
                            .add(
                                Condition::all()
                                    .add(sla_instance::Column::WarnedAt.is_null())
                                    .add(sla_instance::Column::WarnAt.lte(now)),
                            )
                            .add(
                                Condition::all()
                                    .add(sla_instance::Column::BreachedAt.is_null())
                                    .add(sla_instance::Column::DueAt.lte(now)),
                            ),
                    ),
            )
            .order_by_asc(sla_instance::Column::DueAt)
            .limit(BATCH)
            .all(&tx)
            .await?;
        let short = (rows.len() as u64) < BATCH;
        for row in &rows {
            if let Some(kind) = emit(&tx, row, now).await? {
                let instance = SlaInstance::from_row(row);
                // Queued in the transaction that records the emission: exactly once.
                let event = garrison_notify::NotificationEvent::sla(
                    kind == NoticeKind::Breached,
                    instance.id,
                    instance.subject.kind.as_str(),
                    instance.subject.id,
                    instance.target.as_str(),
                    instance.severity,
                    instance.due_at,
                    now,
                );
                garrison_notify::enqueue(&tx, instance.subject.tenant, event, now).await?;
                notices.push(SlaNotice {
                    kind,
                    instance_id: instance.id,
                    subject: instance.subject,
                    target: instance.target,
                    severity: instance.severity,
                    warn_at: instance.warn_at,
                    due_at: instance.due_at,
                    at: now,
                });
            }
        }
        if short {
            break;
        }
    }
    tx.commit().await?;
    if !notices.is_empty() {
        tracing::debug!(notices = notices.len(), "sla clocks: notices emitted");
    }
    Ok(notices)
}

/// Records and returns the notice one row is owed, if another worker has not
/// already taken it.
async fn emit(
    tx: &garrison_core::db::ScopedTx<'_>,
    row: &sla_instance::Model,
    now: DateTime<Utc>,
) -> Result<Option<NoticeKind>> {
    let id = sla_instance::Column::Id.eq(row.id);
    let (kind, condition, mut set) = if row.breached_at.is_none() && row.due_at <= now {
        (
            NoticeKind::Breached,
            Condition::all()
                .add(id)
                .add(sla_instance::Column::BreachedAt.is_null()),
            vec![(sla_instance::Column::BreachedAt, Expr::value(now))],
        )
    } else {
        (
            NoticeKind::Warning,
            Condition::all()
                .add(id)
                .add(sla_instance::Column::WarnedAt.is_null()),
            Vec::new(),
        )
    };
    if row.warned_at.is_none() {
        set.push((sla_instance::Column::WarnedAt, Expr::value(now)));
    }
    let changed = tx
        .update_where::<sla_instance::Entity>(condition, set)
        .await?;
    Ok((changed == 1).then_some(kind))
}
