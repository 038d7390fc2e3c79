//! Editing a case's headline after it is open: title, description, severity,
//! tags, TLP and PAP. Provider staff only (customers comment instead).
//!
//! Each change is a timeline entry the customer sees (they share the case), and an
//! audit record with the before and after values. A severity change does not move
//! the SLA clocks: the commitment was fixed when the case opened (as most MSSP
//! contracts measure it), and the timeline says so.

use super::lookup::{get_case, writable};
use super::store::{MAX_DESCRIPTION, clean_tags};
use super::{Case, CaseId, Pap, Tlp, Visibility, required_text, timeline};
use crate::entity::case;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::{Error, Result, Severity, audit};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, SimpleExpr};
use serde_json::{Map, Value, json};

/// What to change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct CasePatch {
    pub title: Option<String>,
    pub description: Option<String>,
    pub severity: Option<Severity>,
    pub tags: Option<Vec<String>>,
    pub tlp: Option<Tlp>,
    pub pap: Option<Pap>,
}

/// Applies `patch` to a case; fields equal to what is stored are not changes.
pub async fn update_case(
    tx: &ScopedTx<'_>,
    id: CaseId,
    patch: CasePatch,
    now: DateTime<Utc>,
) -> Result<Case> {
    let case = writable(tx, id).await?;
    if tx.scope().role().is_customer() {
        return Err(Error::Forbidden(
            "customers comment on a case rather than edit it".into(),
        ));
    }
    if let Some(into) = case.merged_into {
        return Err(Error::invalid(
            "id",
            format!("the case was merged into {into}; edit that case"),
        ));
    }
    let mut sets: Vec<(case::Column, SimpleExpr)> = Vec::new();
    let mut said: Vec<String> = Vec::new();
    let mut before = Map::new();
    let mut after = Map::new();
    let mut note = |field: &str, old: Value, new: Value| {
        before.insert(field.into(), old);
        after.insert(field.into(), new);
    };

    if let Some(raw) = &patch.title {
        let title = required_text("input.title", raw, 300)?;
        if title != case.title {
            said.push(format!("Title changed to \u{201c}{title}\u{201d}"));
            note("title", json!(case.title), json!(title));
            sets.push((case::Column::Title, Expr::value(title)));
        }
    }
    if let Some(raw) = &patch.description {
        if raw.len() > MAX_DESCRIPTION {
            return Err(Error::invalid(
                "input.description",
                format!("is longer than {MAX_DESCRIPTION} bytes"),
            ));
        }
        let description = raw.trim().to_string();
        if description != case.description {
            said.push("Description edited".into());
            note("description", json!(case.description), json!(description));
            sets.push((case::Column::Description, Expr::value(description)));
        }
    }
    if let Some(severity) = patch.severity
        && severity != case.severity
    {
        said.push(format!(
            "Severity changed from {} to {} (SLA targets stay as committed at opening)",
            case.severity.as_str(),
            severity.as_str()
        ));
        note(
            "severity",
            json!(case.severity.as_str()),
            json!(severity.as_str()),
        );
        sets.push((case::Column::Severity, Expr::value(severity.rank())));
    }
    if let Some(raw) = &patch.tags {
        let tags = clean_tags(raw)?;
        if tags != case.tags {
            said.push(format!("Tags set to {}", tags.join(", ")));
            note("tags", json!(case.tags), json!(tags));
            let stored =
                serde_json::to_string(&tags).map_err(|e| Error::internal(format!("tags: {e}")))?;
            sets.push((case::Column::Tags, Expr::value(stored)));
        }
    }
    if let Some(tlp) = patch.tlp
        && tlp != case.tlp
    {
        said.push(format!("TLP set to {}", tlp.as_str().to_uppercase()));
        note("tlp", json!(case.tlp.as_str()), json!(tlp.as_str()));
        sets.push((case::Column::Tlp, Expr::value(tlp.as_str())));
    }
    if let Some(pap) = patch.pap
        && pap != case.pap
    {
        said.push(format!("PAP set to {}", pap.as_str().to_uppercase()));
        note("pap", json!(case.pap.as_str()), json!(pap.as_str()));
        sets.push((case::Column::Pap, Expr::value(pap.as_str())));
    }
    if sets.is_empty() {
        return Ok(case);
    }
    sets.push((case::Column::UpdatedAt, Expr::value(now)));
    tx.update_where::<case::Entity>(case::Column::Id.eq(id.as_uuid()), sets)
        .await?;
    timeline::record(
        tx,
        case.tenant_id,
        id,
        "edited",
        said.join("; "),
        Visibility::Shared,
        now,
    )
    .await?;
    audit::record(
        tx,
        case.tenant_id,
        "case.edit",
        &format!("case:{id}"),
        json!({"before": before, "after": after}),
    )
    .await?;
    let event = garrison_notify::NotificationEvent::case_updated(
        id.as_uuid(),
        case.number,
        patch.severity.unwrap_or(case.severity),
        "Case edited",
        now,
    );
    garrison_notify::enqueue(tx, case.tenant_id, event, now).await?;
    get_case(tx, id).await
}
