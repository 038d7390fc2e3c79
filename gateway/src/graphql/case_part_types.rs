//! GraphQL types of what hangs off a case: comments, tasks, observables with
//! their sightings, response actions, timeline entries and attachments.

use super::case_enums::{ActionStatus, ObservableKind, TaskStatus, Visibility};
use super::errors::GqlResult;
use super::names::name_of;
use super::{scope, state};
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use garrison_cases::cases::actions;
use garrison_cases::cases::attachments;
use garrison_cases::cases::comments;
use garrison_cases::cases::observables;
use garrison_cases::cases::tasks;
use garrison_cases::cases::timeline;

/// A comment.
pub struct Comment(pub comments::Comment);

#[Object]
impl Comment {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn case_id(&self) -> ID {
        ID(self.0.case_id.to_string())
    }
    async fn author_id(&self) -> Option<ID> {
        self.0.author_id.map(|u| ID(u.to_string()))
    }
    /// The author's display name (absent for system comments and removed users).
    async fn author_name(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        name_of(ctx, self.0.author_id).await
    }
    /// Markdown.
    async fn body(&self) -> &str {
        &self.0.body
    }
    async fn visibility(&self) -> Visibility {
        self.0.visibility.into()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// A task.
pub struct Task(pub tasks::Task);

#[Object]
impl Task {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn case_id(&self) -> ID {
        ID(self.0.case_id.to_string())
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn status(&self) -> TaskStatus {
        self.0.status.into()
    }
    async fn assignee_id(&self) -> Option<ID> {
        self.0.assignee_id.map(|u| ID(u.to_string()))
    }
    async fn due_at(&self) -> Option<DateTime<Utc>> {
        self.0.due_at
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// Where else a value was seen in the same tenant.
#[derive(SimpleObject)]
pub struct Sightings {
    /// Stored events mentioning the value (retention bounds how far back).
    pub events: i64,
    /// Alerts whose group (host, user, source...) holds the value.
    pub alerts: i64,
}

/// An observable.
pub struct Observable(pub observables::Observable);

#[Object]
impl Observable {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn kind(&self) -> ObservableKind {
        self.0.kind.into()
    }
    async fn value(&self) -> &str {
        &self.0.value
    }
    /// An indicator of compromise (not just context).
    async fn ioc(&self) -> bool {
        self.0.ioc
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// The value's sightings in the tenant's events and alerts.
    async fn sightings(&self, ctx: &Context<'_>) -> async_graphql::Result<Sightings> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let alerts = observables::alert_sightings(&tx, self.0.tenant_id, &self.0.value)
            .await
            .gql()?;
        let filter = garrison_ingest::search::EventFilter {
            from: Some(DateTime::UNIX_EPOCH),
            query: Some(format!("\"{}\"", self.0.value.replace('"', ""))),
            ..Default::default()
        };
        let events =
            garrison_ingest::search::search_events(&tx, self.0.tenant_id, filter, Some(0), None)
                .await
                .map(|p| p.total_count)
                .unwrap_or(0);
        tx.commit().await.gql()?;
        let n = |v: u64| v.min(i64::MAX as u64) as i64;
        Ok(Sightings {
            events: n(events),
            alerts: n(alerts),
        })
    }
}

/// A response action proposed to the customer.
pub struct ResponseAction(pub actions::ResponseAction);

#[Object]
impl ResponseAction {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn case_id(&self) -> ID {
        ID(self.0.case_id.to_string())
    }
    async fn description(&self) -> &str {
        &self.0.description
    }
    async fn status(&self) -> ActionStatus {
        self.0.status.into()
    }
    async fn proposed_by(&self) -> Option<ID> {
        self.0.proposed_by.map(|u| ID(u.to_string()))
    }
    async fn proposed_by_name(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        name_of(ctx, self.0.proposed_by).await
    }
    async fn proposed_at(&self) -> DateTime<Utc> {
        self.0.proposed_at
    }
    async fn decided_by(&self) -> Option<ID> {
        self.0.decided_by.map(|u| ID(u.to_string()))
    }
    async fn decided_by_name(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        name_of(ctx, self.0.decided_by).await
    }
    async fn decided_at(&self) -> Option<DateTime<Utc>> {
        self.0.decided_at
    }
    async fn decision_comment(&self) -> Option<&str> {
        self.0.decision_comment.as_deref()
    }
}

/// One timeline entry.
pub struct TimelineEntry(pub timeline::TimelineEntry);

#[Object]
impl TimelineEntry {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// When it happened.
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
    /// `created`, `status_changed`, `comment_added`, `alert_linked`,
    /// `action_proposed`, `action_decided`, `merged`, `assigned`, `task_added`,
    /// `task_updated`, `observable_added`, `attachment_added`, `analyst_event`,
    /// `edited`.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    async fn actor_id(&self) -> Option<ID> {
        self.0.actor_id.map(|u| ID(u.to_string()))
    }
    /// Who acted, by display name (absent for the system).
    async fn actor_name(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        name_of(ctx, self.0.actor_id).await
    }
    async fn summary(&self) -> &str {
        &self.0.summary
    }
    async fn visibility(&self) -> Visibility {
        self.0.visibility.into()
    }
}

/// An attached file (download it from `url` with the same bearer token).
pub struct Attachment(pub attachments::Attachment);

#[Object]
impl Attachment {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn filename(&self) -> &str {
        &self.0.filename
    }
    async fn content_type(&self) -> &str {
        &self.0.content_type
    }
    async fn size(&self) -> i64 {
        self.0.size
    }
    async fn sha256(&self) -> &str {
        &self.0.sha256
    }
    async fn visibility(&self) -> Visibility {
        self.0.visibility.into()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// `GET` it with `Authorization: Bearer <token>`; always served as a download.
    async fn url(&self) -> String {
        format!("/attachments/{}", self.0.id)
    }
}
