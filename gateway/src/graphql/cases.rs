//! The cases API: the case list across the caller's scope, one case, and every
//! change (status, assignment, comments, tasks, observables, actions, timeline,
//! attachments, escalation, merge). Customers report incidents, comment and
//! decide proposed actions in their own tenant.

use super::case_types::*;
use super::errors::GqlResult;
use super::{scope, state};
use async_graphql::{Context, ID, Object};
use garrison_cases::AlertId;
use garrison_cases::CaseId;
use garrison_cases::cases::edit::{CasePatch, update_case};
use garrison_cases::cases::escalate::{escalate_alerts, merge_cases};
use garrison_cases::cases::store::{
    self, CaseFilter as CoreFilter, NewCase, assign_case, get_case, list_cases, update_case_status,
};
use garrison_core::{Result as CoreResult, TenantId, UserId};

/// Case reads.
#[derive(Default)]
pub struct CaseQuery;

#[Object]
impl CaseQuery {
    /// Cases of every tenant in the caller's scope, newest first.
    async fn cases(
        &self,
        ctx: &Context<'_>,
        filter: Option<CaseFilter>,
        first: Option<i32>,
        after: Option<String>,
        order_by: Option<CaseOrder>,
    ) -> async_graphql::Result<CaseConnection> {
        let order = order_by.unwrap_or_default().into();
        let f = filter.unwrap_or_default();
        let filter = CoreFilter {
            tenant_ids: ids(
                f.tenant_ids.unwrap_or_default(),
                "filter.tenantIds",
                TenantId::parse,
            )
            .gql()?,
            status: f
                .status
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            severity: f
                .severity
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            assignee_id: f
                .assignee_id
                .map(|u| UserId::parse("filter.assigneeId", &u))
                .transpose()
                .gql()?,
            open_only: f.open_only.unwrap_or(false),
            search: f.search,
        };
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let page = list_cases(&tx, &filter, order, first, after.as_deref())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(CaseConnection::from_page(page, order))
    }

    /// One case (`NOT_FOUND` outside the caller's scope).
    async fn case(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Case>> {
        let id = CaseId::parse("id", &id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let case = get_case(&tx, id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(Some(Case(case)))
    }
}

/// Case changes.
#[derive(Default)]
pub struct CaseMutation;

#[Object]
impl CaseMutation {
    /// Opens a case (provider staff).
    async fn create_case(
        &self,
        ctx: &Context<'_>,
        input: CreateCaseInput,
    ) -> async_graphql::Result<Case> {
        let state = state(ctx)?;
        let new = NewCase {
            tenant_id: TenantId::parse("input.tenantId", &input.tenant_id).gql()?,
            title: input.title,
            description: input.description.unwrap_or_default(),
            severity: input.severity.into(),
            tags: input.tags.unwrap_or_default(),
            tlp: input.tlp.map(Into::into),
            pap: input.pap.map(Into::into),
        };
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let case = store::create_case(&tx, new, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(Case(case))
    }

    /// A customer reports an incident in their own organization.
    async fn report_incident(
        &self,
        ctx: &Context<'_>,
        input: ReportIncidentInput,
    ) -> async_graphql::Result<Case> {
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let case = store::report_incident(
            &tx,
            &input.title,
            &input.description,
            input.severity.into(),
            state.clock.now(),
        )
        .await
        .gql()?;
        tx.commit().await.gql()?;
        Ok(Case(case))
    }

    /// Moves a case through its workflow; `reason` is required to wait on the customer.
    async fn update_case_status(
        &self,
        ctx: &Context<'_>,
        id: ID,
        status: CaseStatus,
        reason: Option<String>,
    ) -> async_graphql::Result<Case> {
        let id = CaseId::parse("id", &id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let case = update_case_status(&tx, id, status.into(), reason.as_deref(), state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(Case(case))
    }

    /// Edits a case's title, description, severity, tags, TLP or PAP (provider
    /// staff). Each change is on the shared timeline and in the audit log.
    async fn update_case(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateCaseInput,
    ) -> async_graphql::Result<Case> {
        let id = CaseId::parse("id", &id).gql()?;
        let patch = CasePatch {
            title: input.title,
            description: input.description,
            severity: input.severity.map(Into::into),
            tags: input.tags,
            tlp: input.tlp.map(Into::into),
            pap: input.pap.map(Into::into),
        };
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let case = update_case(&tx, id, patch, state.clock.now()).await.gql()?;
        tx.commit().await.gql()?;
        Ok(Case(case))
    }

    /// Assigns a case to a staff member who can work its tenant, or unassigns it.
    async fn assign_case(
        &self,
        ctx: &Context<'_>,
        id: ID,
        user_id: Option<ID>,
    ) -> async_graphql::Result<Case> {
        let id = CaseId::parse("id", &id).gql()?;
        let user = user_id
            .map(|u| UserId::parse("userId", &u))
            .transpose()
            .gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let case = assign_case(&tx, id, user, state.clock.now()).await.gql()?;
        tx.commit().await.gql()?;
        Ok(Case(case))
    }

    /// Merges cases of one customer into `targetId`.
    async fn merge_cases(
        &self,
        ctx: &Context<'_>,
        target_id: ID,
        source_ids: Vec<ID>,
    ) -> async_graphql::Result<Case> {
        let target = CaseId::parse("targetId", &target_id).gql()?;
        let sources = ids(source_ids, "sourceIds", CaseId::parse).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let case = merge_cases(&tx, target, &sources, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(Case(case))
    }

    /// Escalates alerts of one customer into a new case, or into `caseId`.
    async fn escalate_alerts(
        &self,
        ctx: &Context<'_>,
        alert_ids: Vec<ID>,
        case_id: Option<ID>,
        title: Option<String>,
    ) -> async_graphql::Result<Case> {
        let alerts = ids(alert_ids, "alertIds", AlertId::parse).gql()?;
        let case = case_id
            .map(|c| CaseId::parse("caseId", &c))
            .transpose()
            .gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let (case, changes) =
            escalate_alerts(&tx, &alerts, case, title.as_deref(), state.clock.now())
                .await
                .gql()?;
        tx.commit().await.gql()?;
        state.alert_feed.publish(changes);
        Ok(Case(case))
    }
}

/// Parses a list of ids, naming the bad one (`field[i]`).
pub(super) fn ids<T>(
    raw: Vec<ID>,
    field: &str,
    parse: fn(&str, &str) -> CoreResult<T>,
) -> CoreResult<Vec<T>> {
    raw.iter()
        .enumerate()
        .map(|(i, id)| parse(&format!("{field}[{i}]"), id))
        .collect()
}
