//! Response actions: the provider proposes ("isolate WS-0142", "reset alice's
//! password"), the customer approves or rejects, and both land in the case's
//! shared timeline. Proposing is a response to the customer for the SLA.

use super::lookup::{get_case, touch};
use super::{CaseId, Visibility, required_text, sla_subject, timeline};
use crate::entity::case_action;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, TenantId, UserId, audit};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Expr;
use serde_json::json;

garrison_core::typed_id!(
    /// One proposed response action.
    ResponseActionId
);

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionStatus {
    Proposed,
    Approved,
    Rejected,
}

impl ActionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Proposed => "proposed",
            ActionStatus::Approved => "approved",
            ActionStatus::Rejected => "rejected",
        }
    }

    fn from_stored(raw: &str) -> ActionStatus {
        match raw {
            "approved" => ActionStatus::Approved,
            "rejected" => ActionStatus::Rejected,
            _ => ActionStatus::Proposed,
        }
    }
}

/// A proposed response action.
#[derive(Debug, Clone)]
pub struct ResponseAction {
    pub id: ResponseActionId,
    pub case_id: CaseId,
    pub tenant_id: TenantId,
    pub description: String,
    pub status: ActionStatus,
    pub proposed_by: Option<UserId>,
    pub proposed_at: DateTime<Utc>,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_comment: Option<String>,
}

fn to_action(r: case_action::Model) -> ResponseAction {
    ResponseAction {
        id: ResponseActionId::from_uuid(r.id),
        case_id: CaseId::from_uuid(r.case_id),
        tenant_id: TenantId::from_uuid(r.tenant_id),
        status: ActionStatus::from_stored(&r.status),
        proposed_by: r.proposed_by.map(UserId::from_uuid),
        decided_by: r.decided_by.map(UserId::from_uuid),
        description: r.description,
        proposed_at: r.proposed_at,
        decided_at: r.decided_at,
        decision_comment: r.decision_comment,
    }
}

/// The provider proposes an action for the customer to decide.
pub async fn propose_action(
    tx: &ScopedTx<'_>,
    case: CaseId,
    description: &str,
    now: DateTime<Utc>,
) -> Result<ResponseAction> {
    let found = get_case(tx, case).await?;
    tx.scope()
        .require_in(found.tenant_id, Resource::ResponseAction, Action::Create)?;
    if !found.status.is_open() {
        return Err(Error::invalid(
            "caseId",
            format!("the case is {}; reopen it first", found.status.label()),
        ));
    }
    let description = required_text("description", description, 4000)?;
    let id = ResponseActionId::new();
    let row = tx
        .insert(
            found.tenant_id,
            case_action::ActiveModel {
                id: Set(id.as_uuid()),
                tenant_id: Set(found.tenant_id.as_uuid()),
                case_id: Set(case.as_uuid()),
                description: Set(description.clone()),
                status: Set(ActionStatus::Proposed.as_str().into()),
                proposed_by: Set(tx.scope().user_id().map(|u| u.as_uuid())),
                proposed_at: Set(now),
                decided_by: Set(None),
                decided_at: Set(None),
                decision_comment: Set(None),
            },
        )
        .await?;
    timeline::record(
        tx,
        found.tenant_id,
        case,
        "action_proposed",
        format!("Response action proposed: {description}"),
        Visibility::Shared,
        now,
    )
    .await?;
    touch(tx, case, now).await?;
    garrison_sla::clocks::complete_target(
        tx,
        sla_subject(&found),
        garrison_sla::Target::Respond,
        now,
    )
    .await?;
    audit::record(
        tx,
        found.tenant_id,
        "case.action.propose",
        &format!("case:{case}"),
        json!({"action": id.to_string(), "description": description}),
    )
    .await?;
    Ok(to_action(row))
}

/// The customer approves or rejects a proposal (once).
pub async fn decide_action(
    tx: &ScopedTx<'_>,
    id: ResponseActionId,
    approve: bool,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ResponseAction> {
    let row = tx
        .select::<case_action::Entity>()
        .filter(case_action::Column::Id.eq(id.as_uuid()))
        .found(tx)
        .await?;
    let tenant = TenantId::from_uuid(row.tenant_id);
    tx.scope()
        .require_in(tenant, Resource::ResponseAction, Action::Update)?;
    let current = ActionStatus::from_stored(&row.status);
    if current != ActionStatus::Proposed {
        return Err(Error::invalid(
            "id",
            format!("the action was already {}", current.as_str()),
        ));
    }
    let comment = comment.map(str::trim).filter(|c| !c.is_empty());
    if comment.is_some_and(|c| c.len() > 4000) {
        return Err(Error::invalid("comment", "is longer than 4000 bytes"));
    }
    let status = if approve {
        ActionStatus::Approved
    } else {
        ActionStatus::Rejected
    };
    tx.update_where::<case_action::Entity>(
        case_action::Column::Id.eq(id.as_uuid()),
        vec![
            (case_action::Column::Status, Expr::value(status.as_str())),
            (
                case_action::Column::DecidedBy,
                Expr::value(tx.scope().user_id().map(|u| u.as_uuid())),
            ),
            (case_action::Column::DecidedAt, Expr::value(now)),
            (
                case_action::Column::DecisionComment,
                Expr::value(comment.map(str::to_string)),
            ),
        ],
    )
    .await?;
    let case = CaseId::from_uuid(row.case_id);
    let summary = match comment {
        Some(c) => format!(
            "Response action {}: {} ({c})",
            status.as_str(),
            row.description
        ),
        None => format!("Response action {}: {}", status.as_str(), row.description),
    };
    timeline::record(
        tx,
        tenant,
        case,
        "action_decided",
        summary,
        Visibility::Shared,
        now,
    )
    .await?;
    touch(tx, case, now).await?;
    audit::record(
        tx,
        tenant,
        "case.action.decide",
        &format!("case:{case}"),
        json!({"action": id.to_string(), "decision": status.as_str()}),
    )
    .await?;
    let updated = tx
        .select::<case_action::Entity>()
        .filter(case_action::Column::Id.eq(id.as_uuid()))
        .found(tx)
        .await?;
    Ok(to_action(updated))
}

/// The case's proposed actions, oldest first (customers see them all: they decide).
pub async fn list_actions(tx: &ScopedTx<'_>, case: CaseId) -> Result<Vec<ResponseAction>> {
    let found = get_case(tx, case).await?;
    if !tx.scope().can(Resource::ResponseAction, Action::Read) {
        return Ok(Vec::new());
    }
    Ok(tx
        .select::<case_action::Entity>()
        .filter(case_action::Column::TenantId.eq(found.tenant_id.as_uuid()))
        .filter(case_action::Column::CaseId.eq(case.as_uuid()))
        .order_by_asc(case_action::Column::Id)
        .all(tx)
        .await?
        .into_iter()
        .map(to_action)
        .collect())
}

/// Moves a merged case's actions to the target.
pub(crate) async fn move_actions(tx: &ScopedTx<'_>, from: CaseId, to: CaseId) -> Result<()> {
    tx.update_where::<case_action::Entity>(
        case_action::Column::CaseId.eq(from.as_uuid()),
        vec![(case_action::Column::CaseId, Expr::value(to.as_uuid()))],
    )
    .await?;
    Ok(())
}
