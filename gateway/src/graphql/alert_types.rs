//! GraphQL types of the alert queue: alerts, their connection, filters and triage
//! enums, and the live `AlertEvent`.

use super::errors::GqlResult;
use super::ingest_types::Event;
use super::severity::Severity;
use super::types::{PageInfo, Tenant};
use super::{scope, state};
use async_graphql::{Context, Enum, ID, InputObject, Json, Object, SimpleObject};
use chrono::{DateTime, Utc};
use garrison_cases::alerts::queue::{AlertOrder as CoreOrder, cursor_of};
use garrison_cases::{Alert as CoreAlert, AlertStatus as CoreStatus, Disposition as CoreDisp};
use garrison_core::page::Page;

/// Where an alert is in triage.
#[derive(Enum, Copy, Clone, PartialEq, Eq)]
pub enum AlertStatus {
    New,
    Acknowledged,
    Closed,
}

impl From<CoreStatus> for AlertStatus {
    fn from(s: CoreStatus) -> Self {
        match s {
            CoreStatus::New => AlertStatus::New,
            CoreStatus::Acknowledged => AlertStatus::Acknowledged,
            CoreStatus::Closed => AlertStatus::Closed,
        }
    }
}

impl From<AlertStatus> for CoreStatus {
    fn from(s: AlertStatus) -> Self {
        match s {
            AlertStatus::New => CoreStatus::New,
            AlertStatus::Acknowledged => CoreStatus::Acknowledged,
            AlertStatus::Closed => CoreStatus::Closed,
        }
    }
}

/// Why an alert was closed.
#[derive(Enum, Copy, Clone, PartialEq, Eq)]
pub enum Disposition {
    TruePositive,
    BenignPositive,
    FalsePositive,
    Duplicate,
}

impl From<CoreDisp> for Disposition {
    fn from(d: CoreDisp) -> Self {
        match d {
            CoreDisp::TruePositive => Disposition::TruePositive,
            CoreDisp::BenignPositive => Disposition::BenignPositive,
            CoreDisp::FalsePositive => Disposition::FalsePositive,
            CoreDisp::Duplicate => Disposition::Duplicate,
        }
    }
}

impl From<Disposition> for CoreDisp {
    fn from(d: Disposition) -> Self {
        match d {
            Disposition::TruePositive => CoreDisp::TruePositive,
            Disposition::BenignPositive => CoreDisp::BenignPositive,
            Disposition::FalsePositive => CoreDisp::FalsePositive,
            Disposition::Duplicate => CoreDisp::Duplicate,
        }
    }
}

/// Queue order.
#[derive(Enum, Copy, Clone, PartialEq, Eq, Default)]
pub enum AlertOrder {
    /// Newest first.
    #[default]
    Newest,
    /// Most severe first, newest first within a severity.
    Severity,
}

impl From<AlertOrder> for CoreOrder {
    fn from(o: AlertOrder) -> Self {
        match o {
            AlertOrder::Newest => CoreOrder::Newest,
            AlertOrder::Severity => CoreOrder::Severity,
        }
    }
}

/// What the queue shows. Lists are "any of"; absent means any.
#[derive(InputObject, Default, Clone)]
pub struct AlertFilter {
    pub tenant_ids: Option<Vec<ID>>,
    pub status: Option<Vec<AlertStatus>>,
    pub severity: Option<Vec<Severity>>,
    pub rule_id: Option<String>,
    pub assignee_id: Option<ID>,
    /// Only alerts nobody owns.
    pub unassigned: Option<bool>,
    /// Raised at or after.
    pub from: Option<DateTime<Utc>>,
    /// Raised before.
    pub to: Option<DateTime<Utc>>,
}

/// An alert.
pub struct Alert(pub CoreAlert);

#[Object]
impl Alert {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn tenant_id(&self) -> ID {
        ID(self.0.tenant_id.to_string())
    }
    /// The customer it belongs to.
    async fn tenant(&self, ctx: &Context<'_>) -> async_graphql::Result<Tenant> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let tenant = garrison_core::tenants::get_tenant(&tx, self.0.tenant_id)
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(Tenant(tenant))
    }
    /// The Sigma rule (or correlation) id.
    async fn rule_id(&self) -> &str {
        &self.0.rule_id
    }
    async fn rule_title(&self) -> &str {
        &self.0.rule_title
    }
    async fn rule_description(&self) -> Option<&str> {
        self.0.rule_description.as_deref()
    }
    async fn severity(&self) -> Severity {
        self.0.severity.into()
    }
    async fn status(&self) -> AlertStatus {
        self.0.status.into()
    }
    async fn disposition(&self) -> Option<Disposition> {
        self.0.disposition.map(Into::into)
    }
    async fn close_comment(&self) -> Option<&str> {
        self.0.close_comment.as_deref()
    }
    async fn assignee_id(&self) -> Option<ID> {
        self.0.assignee_id.map(|u| ID(u.to_string()))
    }
    /// Who owns it, when the caller may see that user (customers do not see the
    /// provider's staff: for them this is null while `assigneeId` says it is owned).
    async fn assignee(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<super::types::User>> {
        let Some(id) = self.0.assignee_id else {
            return Ok(None);
        };
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let user = garrison_core::users::get_user(&tx, id).await.ok();
        tx.commit().await.gql()?;
        Ok(user.map(super::types::User))
    }
    /// The case it was escalated to.
    async fn case_id(&self) -> Option<ID> {
        self.0.case_id.map(|c| ID(c.to_string()))
    }
    /// ATT&CK technique ids (T1059.001) from the rule's tags.
    async fn techniques(&self) -> &[String] {
        &self.0.techniques
    }
    /// ATT&CK tactics (execution, privilege-escalation) from the rule's tags.
    async fn tactics(&self) -> &[String] {
        &self.0.tactics
    }
    /// What groups matches into this alert (`host=web01|user=root`).
    async fn group_key(&self) -> &str {
        &self.0.group_key
    }
    /// The group's values (host, user, or a correlation's group-by fields).
    async fn group(&self) -> Json<serde_json::Map<String, serde_json::Value>> {
        Json(self.0.group.clone())
    }
    /// How many events matched (more than the events listed once it is large).
    async fn event_count(&self) -> i64 {
        self.0.event_count
    }
    async fn event_ids(&self) -> Vec<ID> {
        self.0.event_ids.iter().map(|e| ID(e.to_string())).collect()
    }
    /// The matching events still in storage, oldest first.
    async fn events(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Event>> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let events =
            garrison_ingest::store::events_by_ids(&tx, self.0.tenant_id, &self.0.event_ids)
                .await
                .gql()?;
        tx.commit().await.gql()?;
        Ok(events.into_iter().map(Event).collect())
    }
    async fn first_event_at(&self) -> DateTime<Utc> {
        self.0.first_event_at
    }
    async fn last_event_at(&self) -> DateTime<Utc> {
        self.0.last_event_at
    }
    /// When detection raised it.
    async fn detected_at(&self) -> DateTime<Utc> {
        self.0.detected_at
    }
    /// From the first matching event to the alert (the MTTD input), in seconds.
    async fn detection_delay_seconds(&self) -> i64 {
        self.0.detection_delay().num_seconds()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    async fn acknowledged_at(&self) -> Option<DateTime<Utc>> {
        self.0.acknowledged_at
    }
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }
    /// The alert's SLA clocks (acknowledge, resolve).
    async fn sla(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<super::sla_types::SlaInstance>> {
        let subject = garrison_sla::Subject {
            kind: garrison_sla::SubjectKind::Alert,
            id: self.0.id.as_uuid(),
            tenant: self.0.tenant_id,
        };
        super::sla::sla_instances(ctx, subject).await
    }
}

/// An alert in a page.
#[derive(SimpleObject)]
pub struct AlertEdge {
    pub cursor: String,
    pub node: Alert,
}

/// A page of the queue.
#[derive(SimpleObject)]
pub struct AlertConnection {
    pub edges: Vec<AlertEdge>,
    pub page_info: PageInfo,
    /// Every alert matching the filter in the caller's scope.
    pub total_count: i64,
}

impl AlertConnection {
    pub fn from_page(page: Page<CoreAlert>, order: CoreOrder) -> AlertConnection {
        let edges: Vec<AlertEdge> = page
            .items
            .into_iter()
            .map(|a| AlertEdge {
                cursor: cursor_of(&a, order),
                node: Alert(a),
            })
            .collect();
        AlertConnection {
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

/// Triage outcomes of one rule in one tenant.
#[derive(SimpleObject)]
pub struct RuleTriageStats {
    pub tenant_id: ID,
    pub rule_id: String,
    pub rule_title: String,
    pub alerts: i64,
    pub closed: i64,
    pub false_positives: i64,
    /// False positives over closed alerts (0 to 1).
    pub false_positive_rate: f64,
}

/// What happened to an alert, pushed to `alertEvents` subscribers.
#[derive(Enum, Copy, Clone, PartialEq, Eq)]
pub enum AlertEventKind {
    Raised,
    Updated,
}

/// A live change in the queue.
#[derive(SimpleObject)]
pub struct AlertEvent {
    pub kind: AlertEventKind,
    /// Whether the alert (still) matches the subscription's filter: an `UPDATED`
    /// alert that no longer does has left the view (for example, it was closed).
    pub matches_filter: bool,
    pub alert: Alert,
}
