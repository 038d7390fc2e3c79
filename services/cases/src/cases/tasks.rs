//! Tasks on a case: what has to be done, by whom, by when.

use super::lookup::{get_case, touch, writable};
use super::{CaseId, Visibility, required_text, timeline};
use crate::entity::case_task;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, UserId, audit};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, SimpleExpr};
use serde_json::json;

garrison_core::typed_id!(
    /// One task.
    TaskId
);

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskStatus {
    Open,
    InProgress,
    Done,
    Cancelled,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 4] = [
        TaskStatus::Open,
        TaskStatus::InProgress,
        TaskStatus::Done,
        TaskStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Open => "open",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::Done => "done",
            TaskStatus::Cancelled => "cancelled",
        }
    }

    fn from_stored(raw: &str) -> TaskStatus {
        TaskStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == raw)
            .unwrap_or(TaskStatus::Open)
    }
}

/// A task.
#[derive(Debug, Clone)]
pub struct Task {
    pub id: TaskId,
    pub case_id: CaseId,
    pub title: String,
    pub status: TaskStatus,
    pub assignee_id: Option<UserId>,
    pub due_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn to_task(r: case_task::Model) -> Task {
    Task {
        id: TaskId::from_uuid(r.id),
        case_id: CaseId::from_uuid(r.case_id),
        status: TaskStatus::from_stored(&r.status),
        assignee_id: r.assignee_id.map(UserId::from_uuid),
        title: r.title,
        due_at: r.due_at,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

/// Adds a task to a case.
pub async fn add_task(
    tx: &ScopedTx<'_>,
    case: CaseId,
    title: &str,
    assignee: Option<UserId>,
    due_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Task> {
    let found = writable(tx, case).await?;
    let title = required_text("title", title, 500)?;
    let id = TaskId::new();
    let row = tx
        .insert(
            found.tenant_id,
            case_task::ActiveModel {
                id: Set(id.as_uuid()),
                tenant_id: Set(found.tenant_id.as_uuid()),
                case_id: Set(case.as_uuid()),
                title: Set(title.clone()),
                status: Set(TaskStatus::Open.as_str().into()),
                assignee_id: Set(assignee.map(|u| u.as_uuid())),
                due_at: Set(due_at),
                created_at: Set(now),
                updated_at: Set(now),
            },
        )
        .await?;
    timeline::record(
        tx,
        found.tenant_id,
        case,
        "task_added",
        format!("Task added: {title}"),
        Visibility::Internal,
        now,
    )
    .await?;
    touch(tx, case, now).await?;
    audit::record(
        tx,
        found.tenant_id,
        "case.task.add",
        &format!("case:{case}"),
        json!({"task": id.to_string(), "title": title}),
    )
    .await?;
    Ok(to_task(row))
}

/// What `update_task` changes (absent fields stay).
#[derive(Debug, Clone, Default)]
pub struct TaskPatch {
    pub title: Option<String>,
    pub status: Option<TaskStatus>,
    /// `Some(None)` unassigns.
    pub assignee_id: Option<Option<UserId>>,
    /// `Some(None)` clears the due date.
    pub due_at: Option<Option<DateTime<Utc>>>,
}

/// Changes a task.
pub async fn update_task(
    tx: &ScopedTx<'_>,
    id: TaskId,
    patch: TaskPatch,
    now: DateTime<Utc>,
) -> Result<Task> {
    let row = tx
        .select::<case_task::Entity>()
        .filter(case_task::Column::Id.eq(id.as_uuid()))
        .found(tx)
        .await?;
    let case = CaseId::from_uuid(row.case_id);
    let found = writable(tx, case).await?;
    let mut set: Vec<(case_task::Column, SimpleExpr)> =
        vec![(case_task::Column::UpdatedAt, Expr::value(now))];
    if let Some(title) = &patch.title {
        set.push((
            case_task::Column::Title,
            Expr::value(required_text("input.title", title, 500)?),
        ));
    }
    if let Some(status) = patch.status {
        set.push((case_task::Column::Status, Expr::value(status.as_str())));
    }
    if let Some(assignee) = patch.assignee_id {
        set.push((
            case_task::Column::AssigneeId,
            Expr::value(assignee.map(|u| u.as_uuid())),
        ));
    }
    if let Some(due) = patch.due_at {
        set.push((case_task::Column::DueAt, Expr::value(due)));
    }
    if set.len() == 1 {
        return Err(Error::invalid("input", "names nothing to change"));
    }
    tx.update_where::<case_task::Entity>(case_task::Column::Id.eq(id.as_uuid()), set)
        .await?;
    if let Some(status) = patch.status {
        timeline::record(
            tx,
            found.tenant_id,
            case,
            "task_updated",
            format!(
                "Task \"{}\" is {}",
                row.title,
                status.as_str().replace('_', " ")
            ),
            Visibility::Internal,
            now,
        )
        .await?;
    }
    touch(tx, case, now).await?;
    audit::record(
        tx,
        found.tenant_id,
        "case.task.update",
        &format!("case:{case}"),
        json!({"task": id.to_string(), "status": patch.status.map(|s| s.as_str())}),
    )
    .await?;
    let updated = tx
        .select::<case_task::Entity>()
        .filter(case_task::Column::Id.eq(id.as_uuid()))
        .found(tx)
        .await?;
    Ok(to_task(updated))
}

/// The case's tasks, oldest first (staff; customers do not see the provider's tasks).
pub async fn list_tasks(tx: &ScopedTx<'_>, case: CaseId) -> Result<Vec<Task>> {
    let found = get_case(tx, case).await?;
    if !super::sees_internal(tx.scope()) {
        return Ok(Vec::new());
    }
    tx.scope()
        .require_in(found.tenant_id, Resource::Case, Action::Read)?;
    Ok(tx
        .select::<case_task::Entity>()
        .filter(case_task::Column::CaseId.eq(case.as_uuid()))
        .order_by_asc(case_task::Column::Id)
        .all(tx)
        .await?
        .into_iter()
        .map(to_task)
        .collect())
}

/// Moves a merged case's tasks to the target.
pub(crate) async fn move_tasks(tx: &ScopedTx<'_>, from: CaseId, to: CaseId) -> Result<()> {
    tx.update_where::<case_task::Entity>(
        case_task::Column::CaseId.eq(from.as_uuid()),
        vec![(case_task::Column::CaseId, Expr::value(to.as_uuid()))],
    )
    .await?;
    Ok(())
}
