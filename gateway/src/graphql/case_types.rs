//! GraphQL types of cases: the case with everything hanging off it (comments,
//! tasks, observables with sightings, actions, timeline, attachments, alerts, SLA
//! clocks), their enums and inputs. Lists under a case are resolved on demand, in
//! the caller's scope, so a customer's view of a case simply lacks what is internal.

use super::alert_types::Alert;
pub use super::case_enums::*;
use super::case_part_types::{
    Attachment, Comment, Observable, ResponseAction, Task, TimelineEntry,
};
use super::errors::GqlResult;
use super::severity::Severity;
use super::sla_types::SlaInstance;
use super::types::{PageInfo, Tenant};
use super::{scope, state};
use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use garrison_cases::cases as core_cases;
use garrison_cases::cases::actions;
use garrison_cases::cases::attachments;
use garrison_cases::cases::comments;
use garrison_cases::cases::observables;
use garrison_cases::cases::store;
use garrison_cases::cases::tasks;
use garrison_cases::cases::timeline;
use garrison_core::page::Page;

/// A case.
pub struct Case(pub core_cases::Case);

#[Object]
impl Case {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// The customer's case number (`#12`).
    async fn number(&self) -> i64 {
        self.0.number
    }
    async fn tenant_id(&self) -> ID {
        ID(self.0.tenant_id.to_string())
    }
    async fn tenant(&self, ctx: &Context<'_>) -> async_graphql::Result<Tenant> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let t = garrison_core::tenants::get_tenant(&tx, self.0.tenant_id)
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(Tenant(t))
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// Markdown.
    async fn description(&self) -> &str {
        &self.0.description
    }
    async fn severity(&self) -> Severity {
        self.0.severity.into()
    }
    async fn status(&self) -> CaseStatus {
        self.0.status.into()
    }
    /// Where the status may go next.
    async fn allowed_transitions(&self) -> Vec<CaseStatus> {
        self.0.status.next().iter().map(|s| (*s).into()).collect()
    }
    async fn waiting_reason(&self) -> Option<&str> {
        self.0.waiting_reason.as_deref()
    }
    async fn assignee_id(&self) -> Option<ID> {
        self.0.assignee_id.map(|u| ID(u.to_string()))
    }
    async fn tags(&self) -> &[String] {
        &self.0.tags
    }
    async fn tlp(&self) -> Tlp {
        self.0.tlp.into()
    }
    async fn pap(&self) -> Pap {
        self.0.pap.into()
    }
    async fn source(&self) -> CaseSource {
        self.0.source.into()
    }
    async fn merged_into(&self) -> Option<ID> {
        self.0.merged_into.map(|c| ID(c.to_string()))
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    async fn resolved_at(&self) -> Option<DateTime<Utc>> {
        self.0.resolved_at
    }
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }
    /// Comments the caller may see (customers: shared ones only).
    async fn comments(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Comment>> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = comments::list_comments(&tx, self.0.id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(Comment).collect())
    }
    /// The provider's tasks (empty for customers).
    async fn tasks(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Task>> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = tasks::list_tasks(&tx, self.0.id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(Task).collect())
    }
    /// Observables (empty for customers).
    async fn observables(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Observable>> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = observables::list_observables(&tx, self.0.id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(Observable).collect())
    }
    /// Proposed response actions and the customer's decisions.
    async fn actions(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ResponseAction>> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = actions::list_actions(&tx, self.0.id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(ResponseAction).collect())
    }
    /// What happened, in time order (customers: shared entries only).
    async fn timeline(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<TimelineEntry>> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = timeline::list_timeline(&tx, self.0.id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(TimelineEntry).collect())
    }
    async fn attachments(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Attachment>> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = attachments::list_attachments(&tx, self.0.id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(Attachment).collect())
    }
    /// The alerts escalated into it (staff; empty for roles that may not read alerts).
    async fn alerts(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Alert>> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = garrison_cases::cases::escalate::case_alerts(&tx, self.0.id)
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(Alert).collect())
    }
    /// The current SLA clocks (acknowledge, respond, resolve).
    async fn sla(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<SlaInstance>> {
        let subject = garrison_sla::Subject {
            kind: garrison_sla::SubjectKind::Case,
            id: self.0.id.as_uuid(),
            tenant: self.0.tenant_id,
        };
        super::sla::sla_instances(ctx, subject).await
    }
}

/// A case in a page.
#[derive(SimpleObject)]
pub struct CaseEdge {
    pub cursor: String,
    pub node: Case,
}

/// A page of cases.
#[derive(SimpleObject)]
pub struct CaseConnection {
    pub edges: Vec<CaseEdge>,
    pub page_info: PageInfo,
    pub total_count: i64,
}

/// Case list order.
#[derive(Enum, Copy, Clone, PartialEq, Eq, Default)]
pub enum CaseOrder {
    /// Newest first.
    #[default]
    Newest,
    /// Most severe first, newest first within a severity.
    Severity,
}

impl From<CaseOrder> for store::CaseOrder {
    fn from(o: CaseOrder) -> Self {
        match o {
            CaseOrder::Newest => store::CaseOrder::Newest,
            CaseOrder::Severity => store::CaseOrder::Severity,
        }
    }
}

impl CaseConnection {
    pub fn from_page(page: Page<core_cases::Case>, order: store::CaseOrder) -> CaseConnection {
        let edges: Vec<CaseEdge> = page
            .items
            .into_iter()
            .map(|c| CaseEdge {
                cursor: store::case_cursor(&c, order),
                node: Case(c),
            })
            .collect();
        CaseConnection {
            page_info: PageInfo {
                has_next_page: page.has_next_page,
                has_previous_page: page.has_previous_page,
                start_cursor: edges.first().map(|e| e.cursor.clone()),
                end_cursor: edges.last().map(|e| e.cursor.clone()),
            },
            total_count: page.total_count.min(i64::MAX as u64) as i64,
            edges,
        }
    }
}

/// Which cases to list. Lists are "any of"; absent means any.
#[derive(InputObject, Default)]
pub struct CaseFilter {
    pub tenant_ids: Option<Vec<ID>>,
    pub status: Option<Vec<CaseStatus>>,
    pub severity: Option<Vec<Severity>>,
    pub assignee_id: Option<ID>,
    /// Only cases not yet resolved or closed.
    pub open_only: Option<bool>,
    /// Text in the title.
    pub search: Option<String>,
}

/// A case opened by the provider.
#[derive(InputObject)]
pub struct CreateCaseInput {
    pub tenant_id: ID,
    pub title: String,
    pub severity: Severity,
    /// Markdown.
    pub description: Option<String>,
    pub tags: Option<Vec<String>>,
    pub tlp: Option<Tlp>,
    pub pap: Option<Pap>,
}

/// What `updateCase` changes: absent fields stay as they are.
#[derive(InputObject)]
pub struct UpdateCaseInput {
    pub title: Option<String>,
    /// Markdown.
    pub description: Option<String>,
    /// Does not move the SLA clocks: they keep the targets committed at opening.
    pub severity: Option<Severity>,
    pub tags: Option<Vec<String>>,
    pub tlp: Option<Tlp>,
    pub pap: Option<Pap>,
}

/// An incident a customer reports.
#[derive(InputObject)]
pub struct ReportIncidentInput {
    pub title: String,
    /// Markdown.
    pub description: String,
    pub severity: Severity,
}

/// What `updateTask` changes (absent fields stay; `clearDueAt`/`unassign` clear).
#[derive(InputObject, Default)]
pub struct UpdateTaskInput {
    pub title: Option<String>,
    pub status: Option<TaskStatus>,
    pub assignee_id: Option<ID>,
    pub unassign: Option<bool>,
    pub due_at: Option<DateTime<Utc>>,
    pub clear_due_at: Option<bool>,
}
