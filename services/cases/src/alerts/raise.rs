//! Recording detection's matches: a new alert, or an update of the open alert of
//! the same rule and group key inside its suppression window. Idempotent: a match
//! whose events an alert already covers (`last_seq`) changes nothing, and a new
//! alert's `dedup_key` (rule, group, first event) is unique per tenant, so a
//! replay after a crash raises nothing twice.

use super::AlertId;
use crate::entity::alert;
use crate::notify::{AlertChange, AlertFeed, ChangeKind};
use chrono::Duration;
use garrison_core::alerting::{AlertSink, NewAlert, RaiseOutcome};
use garrison_core::db::{Db, ScopedTx};
use garrison_core::event::EventId;
use garrison_core::{Error, Result, Scope, TenantId};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait};
use sha2::{Digest, Sha256};

/// Event ids kept per alert (the count keeps growing past it).
pub const MAX_EVENT_IDS: usize = 100;

/// Records `alerts` for `tenant` inside `tx`; returns what changed and the
/// changes to announce after commit.
pub async fn raise_alerts(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    alerts: Vec<NewAlert>,
) -> Result<(RaiseOutcome, Vec<AlertChange>)> {
    tx.check_tenant(tenant)?;
    let mut outcome = RaiseOutcome::default();
    let mut changes = Vec::new();
    for new in alerts {
        if new.tenant_id != tenant {
            return Err(Error::internal("an alert for another tenant in the batch"));
        }
        match raise_one(tx, tenant, new).await? {
            Raised::Created(id) => {
                outcome.created += 1;
                changes.push(AlertChange {
                    tenant_id: tenant,
                    alert_id: id,
                    kind: ChangeKind::Raised,
                });
            }
            Raised::Updated(id) => {
                outcome.updated += 1;
                changes.push(AlertChange {
                    tenant_id: tenant,
                    alert_id: id,
                    kind: ChangeKind::Updated,
                });
            }
            Raised::Duplicate => outcome.duplicates += 1,
        }
    }
    Ok((outcome, changes))
}

enum Raised {
    Created(AlertId),
    Updated(AlertId),
    Duplicate,
}

async fn raise_one(tx: &ScopedTx<'_>, tenant: TenantId, new: NewAlert) -> Result<Raised> {
    let open = tx
        .select::<alert::Entity>()
        .filter(alert::Column::TenantId.eq(tenant.as_uuid()))
        .filter(alert::Column::RuleId.eq(new.rule_id.as_str()))
        .filter(alert::Column::GroupKey.eq(new.group_key.as_str()))
        .filter(alert::Column::Status.ne(super::AlertStatus::Closed.as_str()))
        .filter(alert::Column::SuppressUntil.gte(new.first_event_at))
        .order_by_desc(alert::Column::CreatedAt)
        .one(tx)
        .await?;
    if let Some(existing) = open {
        if new.last_seq <= existing.last_seq {
            return Ok(Raised::Duplicate);
        }
        let id = AlertId::from_uuid(existing.id);
        update_existing(tx, existing, &new).await?;
        return Ok(Raised::Updated(id));
    }
    let id = AlertId::new();
    // Raised when detection saw it, on detection's clock (tests and the demo's
    // replay step it), so the queue's times and the SLA clocks agree.
    let now = new.detected_at;
    let suppress_until = new.last_event_at + Duration::seconds(new.suppression_secs.max(0));
    let ids: Vec<EventId> = new.event_ids.iter().copied().take(MAX_EVENT_IDS).collect();
    let row = alert::ActiveModel {
        id: Set(id.as_uuid()),
        tenant_id: Set(tenant.as_uuid()),
        rule_id: Set(new.rule_id.clone()),
        rule_title: Set(new.rule_title.clone()),
        rule_description: Set(new.rule_description.clone()),
        severity: Set(new.severity.rank()),
        status: Set(super::AlertStatus::New.as_str().into()),
        disposition: Set(None),
        close_comment: Set(None),
        assignee_id: Set(None),
        case_id: Set(None),
        techniques: Set(json_text(&new.techniques)),
        tactics: Set(json_text(&new.tactics)),
        group_key: Set(new.group_key.clone()),
        group_values: Set(serde_json::Value::Object(new.group.clone()).to_string()),
        event_ids: Set(json_text(&ids)),
        event_count: Set(new.event_count.min(i64::MAX as u64) as i64),
        first_event_at: Set(new.first_event_at),
        last_event_at: Set(new.last_event_at),
        detected_at: Set(new.detected_at),
        last_seq: Set(new.last_seq),
        dedup_key: Set(dedup_key(&new)),
        suppress_until: Set(suppress_until),
        created_at: Set(now),
        updated_at: Set(now),
        acknowledged_at: Set(None),
        closed_at: Set(None),
    };
    let conflict = OnConflict::columns([alert::Column::TenantId, alert::Column::DedupKey])
        .do_nothing()
        .to_owned();
    if tx.upsert(tenant, row, conflict).await? == 0 {
        return Ok(Raised::Duplicate);
    }
    // The alert's SLA clocks (acknowledge, resolve) run from detection; the first
    // matching event's time is kept for MTTD.
    garrison_sla::clocks::start_clocks(
        tx,
        super::sla_subject(tenant, id),
        new.severity,
        new.detected_at,
        Some(new.first_event_at),
    )
    .await?;
    let event = garrison_notify::NotificationEvent::alert_raised(
        id.as_uuid(),
        new.severity,
        &new.rule_title,
        new.detected_at,
    );
    garrison_notify::enqueue(tx, tenant, event, new.detected_at).await?;
    Ok(Raised::Created(id))
}

/// Folds a later match into an open alert.
async fn update_existing(tx: &ScopedTx<'_>, existing: alert::Model, new: &NewAlert) -> Result<()> {
    let mut ids: Vec<EventId> = serde_json::from_str(&existing.event_ids).unwrap_or_default();
    for id in &new.event_ids {
        if ids.len() >= MAX_EVENT_IDS {
            break;
        }
        if !ids.contains(id) {
            ids.push(*id);
        }
    }
    let count = existing
        .event_count
        .saturating_add(new.event_count.min(i64::MAX as u64) as i64);
    let last_event_at = existing.last_event_at.max(new.last_event_at);
    let suppress_until = existing
        .suppress_until
        .max(new.last_event_at + Duration::seconds(new.suppression_secs.max(0)));
    tx.update_where::<alert::Entity>(
        alert::Column::Id.eq(existing.id),
        vec![
            (alert::Column::EventIds, Expr::value(json_text(&ids))),
            (alert::Column::EventCount, Expr::value(count)),
            (alert::Column::LastEventAt, Expr::value(last_event_at)),
            (
                alert::Column::FirstEventAt,
                Expr::value(existing.first_event_at.min(new.first_event_at)),
            ),
            (alert::Column::LastSeq, Expr::value(new.last_seq)),
            (alert::Column::SuppressUntil, Expr::value(suppress_until)),
            (alert::Column::UpdatedAt, Expr::value(new.detected_at)),
        ],
    )
    .await?;
    Ok(())
}

/// Rule, group and first event: the same match replayed yields the same key.
fn dedup_key(new: &NewAlert) -> String {
    let first = new
        .event_ids
        .first()
        .map(|e| e.to_string())
        .unwrap_or_else(|| new.last_seq.to_string());
    let mut hash = Sha256::new();
    for part in [new.rule_id.as_str(), new.group_key.as_str(), first.as_str()] {
        hash.update(part.as_bytes());
        hash.update([0u8]);
    }
    hex::encode(hash.finalize())
}

fn json_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}

/// The [`AlertSink`] detection writes to: one transaction per batch, acting as the
/// detection task for exactly that tenant, and the feed told after commit.
pub struct DbAlertSink {
    db: Db,
    feed: AlertFeed,
}

impl DbAlertSink {
    pub fn new(db: Db, feed: AlertFeed) -> DbAlertSink {
        DbAlertSink { db, feed }
    }
}

#[async_trait::async_trait]
impl AlertSink for DbAlertSink {
    async fn raise(&self, tenant: TenantId, alerts: Vec<NewAlert>) -> Result<RaiseOutcome> {
        if alerts.is_empty() {
            return Ok(RaiseOutcome::default());
        }
        let scope = Scope::for_tenant_task("detection", tenant);
        let tx = self.db.begin(&scope).await?;
        let (outcome, changes) = raise_alerts(&tx, tenant, alerts).await?;
        tx.commit().await?;
        self.feed.publish(changes);
        Ok(outcome)
    }
}
