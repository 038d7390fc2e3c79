//! Changes to what hangs off a case: comments, tasks, observables, response
//! actions, timeline entries and attachments.

use super::case_part_types::*;
use super::case_types::*;
use super::errors::GqlResult;
use super::{scope, state};
use async_graphql::{Context, ID, Object};
use base64::Engine;
use chrono::{DateTime, Utc};
use garrison_cases::CaseId;
use garrison_cases::cases::actions::{ResponseActionId, decide_action, propose_action};
use garrison_cases::cases::attachments::add_attachment;
use garrison_cases::cases::comments::add_comment;
use garrison_cases::cases::observables::add_observable;
use garrison_cases::cases::tasks::{TaskId, TaskPatch, add_task, update_task};
use garrison_cases::cases::timeline::add_timeline_event;
use garrison_core::{Error, UserId};

/// Changes to a case's parts.
#[derive(Default)]
pub struct CasePartMutation;

#[Object]
impl CasePartMutation {
    /// Comments on a case: `INTERNAL` for the provider's staff, `SHARED` with the customer.
    async fn add_comment(
        &self,
        ctx: &Context<'_>,
        case_id: ID,
        body: String,
        visibility: Visibility,
    ) -> async_graphql::Result<Comment> {
        let case = CaseId::parse("caseId", &case_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let (comment, _) = add_comment(&tx, case, &body, visibility.into(), state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(Comment(comment))
    }

    async fn add_task(
        &self,
        ctx: &Context<'_>,
        case_id: ID,
        title: String,
        assignee_id: Option<ID>,
        due_at: Option<DateTime<Utc>>,
    ) -> async_graphql::Result<Task> {
        let case = CaseId::parse("caseId", &case_id).gql()?;
        let assignee = assignee_id
            .map(|u| UserId::parse("assigneeId", &u))
            .transpose()
            .gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let task = add_task(&tx, case, &title, assignee, due_at, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(Task(task))
    }

    async fn update_task(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateTaskInput,
    ) -> async_graphql::Result<Task> {
        let id = TaskId::parse("id", &id).gql()?;
        let assignee = match (input.assignee_id, input.unassign.unwrap_or(false)) {
            (Some(_), true) => {
                return Err(Error::invalid(
                    "input.unassign",
                    "cannot be combined with input.assigneeId",
                ))
                .gql();
            }
            (Some(u), false) => Some(Some(UserId::parse("input.assigneeId", &u).gql()?)),
            (None, true) => Some(None),
            (None, false) => None,
        };
        let due = match (input.due_at, input.clear_due_at.unwrap_or(false)) {
            (Some(_), true) => {
                return Err(Error::invalid(
                    "input.clearDueAt",
                    "cannot be combined with input.dueAt",
                ))
                .gql();
            }
            (Some(d), false) => Some(Some(d)),
            (None, true) => Some(None),
            (None, false) => None,
        };
        let patch = TaskPatch {
            title: input.title,
            status: input.status.map(Into::into),
            assignee_id: assignee,
            due_at: due,
        };
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let task = update_task(&tx, id, patch, state.clock.now()).await.gql()?;
        tx.commit().await.gql()?;
        Ok(Task(task))
    }

    /// Adds an observable (the same kind and value again updates its IOC flag and note).
    async fn add_observable(
        &self,
        ctx: &Context<'_>,
        case_id: ID,
        kind: ObservableKind,
        value: String,
        ioc: Option<bool>,
        note: Option<String>,
    ) -> async_graphql::Result<Observable> {
        let case = CaseId::parse("caseId", &case_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let o = add_observable(
            &tx,
            case,
            kind.into(),
            &value,
            ioc.unwrap_or(false),
            note.as_deref(),
            state.clock.now(),
        )
        .await
        .gql()?;
        tx.commit().await.gql()?;
        Ok(Observable(o))
    }

    /// The provider proposes a response action for the customer to decide.
    async fn propose_action(
        &self,
        ctx: &Context<'_>,
        case_id: ID,
        description: String,
    ) -> async_graphql::Result<ResponseAction> {
        let case = CaseId::parse("caseId", &case_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let a = propose_action(&tx, case, &description, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(ResponseAction(a))
    }

    /// The customer approves or rejects a proposed action.
    async fn decide_action(
        &self,
        ctx: &Context<'_>,
        id: ID,
        approve: bool,
        comment: Option<String>,
    ) -> async_graphql::Result<ResponseAction> {
        let id = ResponseActionId::parse("id", &id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let a = decide_action(&tx, id, approve, comment.as_deref(), state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(ResponseAction(a))
    }

    /// Records something that happened at `at` in the case's timeline.
    async fn add_timeline_event(
        &self,
        ctx: &Context<'_>,
        case_id: ID,
        at: DateTime<Utc>,
        summary: String,
        visibility: Visibility,
    ) -> async_graphql::Result<TimelineEntry> {
        let case = CaseId::parse("caseId", &case_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let e = add_timeline_event(
            &tx,
            case,
            at,
            &summary,
            visibility.into(),
            state.clock.now(),
        )
        .await
        .gql()?;
        tx.commit().await.gql()?;
        Ok(TimelineEntry(e))
    }

    /// Attaches a small file (base64, at most 1 MiB decoded).
    async fn add_attachment(
        &self,
        ctx: &Context<'_>,
        case_id: ID,
        filename: String,
        content_type: String,
        content_base64: String,
        visibility: Visibility,
    ) -> async_graphql::Result<Attachment> {
        let case = CaseId::parse("caseId", &case_id).gql()?;
        let data = base64::engine::general_purpose::STANDARD
            .decode(content_base64.trim())
            .map_err(|_| Error::invalid("contentBase64", "is not base64"))
            .gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let a = add_attachment(
            &tx,
            case,
            &filename,
            &content_type,
            data,
            visibility.into(),
            state.clock.now(),
        )
        .await
        .gql()?;
        tx.commit().await.gql()?;
        Ok(Attachment(a))
    }
}
