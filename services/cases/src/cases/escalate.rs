//! Alerts into cases, and cases into one another. Both act inside one tenant:
//! alerts of different customers can never share a case, and a case can only
//! absorb cases of its own customer.

use super::lookup::{get_case, touch, writable};
use super::store::{NewCase, insert_case};
use super::{
    Case, CaseId, CaseSource, CaseStatus, Visibility, actions, comments, observables, sla_subject,
    tasks, timeline,
};
use crate::alerts::triage::{link_to_case, writable as writable_alert};
use crate::alerts::{Alert, AlertId, AlertStatus};
use crate::entity::{alert, case};
use crate::notify::{AlertChange, ChangeKind};
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::{Error, Result, audit};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Expr;
use serde_json::json;

/// Most alerts one escalation may carry.
pub const MAX_ALERTS: usize = 500;

/// Escalates alerts into a new case (titled `title`, or after the first alert's
/// rule) or into `case_id`, an open case of the same tenant. New alerts among them
/// are acknowledged (someone is now working them). Returns the case and the alert
/// changes to announce after commit.
pub async fn escalate_alerts(
    tx: &ScopedTx<'_>,
    alert_ids: &[AlertId],
    case_id: Option<CaseId>,
    title: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(Case, Vec<AlertChange>)> {
    if alert_ids.is_empty() {
        return Err(Error::invalid("alertIds", "name at least one alert"));
    }
    if alert_ids.len() > MAX_ALERTS {
        return Err(Error::invalid(
            "alertIds",
            format!("at most {MAX_ALERTS} alerts"),
        ));
    }
    let mut alerts: Vec<Alert> = Vec::with_capacity(alert_ids.len());
    for id in alert_ids {
        alerts.push(writable_alert(tx, *id).await?);
    }
    let tenant = alerts[0].tenant_id;
    if let Some(i) = alerts.iter().position(|a| a.tenant_id != tenant) {
        return Err(Error::invalid(
            format!("alertIds[{i}]"),
            "belongs to another customer than alertIds[0]; a case holds one customer's alerts",
        ));
    }
    let case = match case_id {
        Some(id) => {
            let case = writable(tx, id).await?;
            if case.tenant_id != tenant {
                return Err(Error::invalid(
                    "caseId",
                    "belongs to another customer than the alerts",
                ));
            }
            if !case.status.is_open() {
                return Err(Error::invalid(
                    "caseId",
                    format!("the case is {}; reopen it first", case.status.label()),
                ));
            }
            case
        }
        None => {
            let severity = alerts
                .iter()
                .map(|a| a.severity)
                .max()
                .unwrap_or_default_severity();
            let title = match title.map(str::trim).filter(|t| !t.is_empty()) {
                Some(t) => t.to_string(),
                None if alerts.len() == 1 => alerts[0].rule_title.clone(),
                None => format!(
                    "{} and {} more alerts",
                    alerts[0].rule_title,
                    alerts.len() - 1
                ),
            };
            let first_event = alerts.iter().map(|a| a.first_event_at).min();
            let input = NewCase {
                tenant_id: tenant,
                title,
                description: describe(&alerts),
                severity,
                tags: Vec::new(),
                tlp: None,
                pap: None,
            };
            insert_case(tx, input, CaseSource::Alert, now, first_event).await?
        }
    };
    link_to_case(tx, alert_ids, case.id.as_uuid(), now).await?;
    let mut changes = Vec::new();
    for a in &alerts {
        if a.status == AlertStatus::New {
            crate::alerts::triage::acknowledge_alert(tx, a.id, now).await?;
        }
        changes.push(AlertChange {
            tenant_id: tenant,
            alert_id: a.id,
            kind: ChangeKind::Updated,
        });
    }
    let titles: Vec<&str> = alerts.iter().map(|a| a.rule_title.as_str()).collect();
    timeline::record(
        tx,
        tenant,
        case.id,
        "alert_linked",
        format!("{} alert(s) linked: {}", alerts.len(), titles.join("; ")),
        Visibility::Shared,
        now,
    )
    .await?;
    audit::record(
        tx,
        tenant,
        "case.escalate",
        &format!("case:{}", case.id),
        json!({"alerts": alert_ids.iter().map(|a| a.to_string()).collect::<Vec<_>>()}),
    )
    .await?;
    Ok((get_case(tx, case.id).await?, changes))
}

trait MaxSeverity {
    fn unwrap_or_default_severity(self) -> garrison_core::Severity;
}

impl MaxSeverity for Option<garrison_core::Severity> {
    fn unwrap_or_default_severity(self) -> garrison_core::Severity {
        self.unwrap_or(garrison_core::Severity::Medium)
    }
}

/// A markdown summary of the alerts a case was opened from.
fn describe(alerts: &[Alert]) -> String {
    let mut text = String::from("Opened from these alerts:\n\n");
    for a in alerts {
        text.push_str(&format!(
            "- **{}** ({}), {} event(s) from {} to {}{}\n",
            a.rule_title,
            a.severity,
            a.event_count,
            a.first_event_at.format("%Y-%m-%d %H:%M UTC"),
            a.last_event_at.format("%Y-%m-%d %H:%M UTC"),
            if a.group_key.is_empty() {
                String::new()
            } else {
                format!(", {}", a.group_key)
            }
        ));
    }
    text
}

/// Merges `sources` into `target`: their alerts, comments, tasks, observables,
/// actions and timeline move over; each source is closed as merged (its SLA clocks
/// stop). All must be cases of the target's customer.
pub async fn merge_cases(
    tx: &ScopedTx<'_>,
    target: CaseId,
    sources: &[CaseId],
    now: DateTime<Utc>,
) -> Result<Case> {
    if sources.is_empty() {
        return Err(Error::invalid("sourceIds", "name at least one case"));
    }
    let into = writable(tx, target).await?;
    let mut numbers = Vec::new();
    for (i, id) in sources.iter().enumerate() {
        if *id == target {
            return Err(Error::invalid(
                format!("sourceIds[{i}]"),
                "is the target case itself",
            ));
        }
        let source = writable(tx, *id).await?;
        if source.tenant_id != into.tenant_id {
            return Err(Error::invalid(
                format!("sourceIds[{i}]"),
                "belongs to another customer than the target case",
            ));
        }
        if source.merged_into.is_some() {
            return Err(Error::invalid(
                format!("sourceIds[{i}]"),
                "was already merged into another case",
            ));
        }
        tx.update_where::<alert::Entity>(
            alert::Column::CaseId.eq(id.as_uuid()),
            vec![(alert::Column::CaseId, Expr::value(target.as_uuid()))],
        )
        .await?;
        comments::move_comments(tx, *id, target).await?;
        tasks::move_tasks(tx, *id, target).await?;
        observables::move_observables(tx, *id, target).await?;
        actions::move_actions(tx, *id, target).await?;
        timeline::move_entries(tx, *id, target).await?;
        tx.update_where::<case::Entity>(
            case::Column::Id.eq(id.as_uuid()),
            vec![
                (
                    case::Column::Status,
                    Expr::value(CaseStatus::Closed.as_str()),
                ),
                (case::Column::MergedInto, Expr::value(target.as_uuid())),
                (case::Column::ClosedAt, Expr::value(now)),
                (case::Column::UpdatedAt, Expr::value(now)),
            ],
        )
        .await?;
        garrison_sla::clocks::complete_target(
            tx,
            sla_subject(&source),
            garrison_sla::Target::Resolve,
            now,
        )
        .await?;
        timeline::record(
            tx,
            source.tenant_id,
            *id,
            "merged",
            format!("Merged into case #{}", into.number),
            Visibility::Shared,
            now,
        )
        .await?;
        audit::record(
            tx,
            source.tenant_id,
            "case.merge",
            &format!("case:{id}"),
            json!({"into": target.to_string()}),
        )
        .await?;
        numbers.push(format!("#{}", source.number));
    }
    timeline::record(
        tx,
        into.tenant_id,
        target,
        "merged",
        format!("Case(s) {} merged into this one", numbers.join(", ")),
        Visibility::Shared,
        now,
    )
    .await?;
    touch(tx, target, now).await?;
    get_case(tx, target).await
}

/// The alerts linked to a case.
pub async fn case_alerts(tx: &ScopedTx<'_>, case: CaseId) -> Result<Vec<Alert>> {
    let found = get_case(tx, case).await?;
    let filter = crate::alerts::queue::AlertFilter {
        tenant_ids: vec![found.tenant_id],
        case_id: Some(case.as_uuid()),
        ..Default::default()
    };
    Ok(crate::alerts::queue::list_alerts(
        tx,
        &filter,
        crate::alerts::queue::AlertOrder::Newest,
        Some(200),
        None,
    )
    .await?
    .items)
}
