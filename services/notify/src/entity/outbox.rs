//! `notify_outbox`: one row per event per endpoint, written in the transaction of
//! the action that caused it; the worker delivers it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notify_outbox")]
pub struct Model {
    /// Also the `Garrison-Delivery` header: stable across retries.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The tenant the event is about (also for provider-wide endpoints).
    pub tenant_id: Uuid,
    pub endpoint_id: Uuid,
    /// Whether `endpoint_id` names a provider-wide endpoint.
    pub provider: bool,
    pub event_kind: String,
    pub dedup_key: String,
    /// The event as JSON (`NotificationEvent`).
    pub payload: String,
    pub occurred_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub next_attempt_at: DateTimeUtc,
    pub attempts: i32,
    /// `pending`, `delivered`, `dead` or `cancelled`.
    pub status: String,
    pub claim: Option<Uuid>,
    pub claimed_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub finished_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
