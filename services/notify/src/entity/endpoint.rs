//! `notify_endpoints`: one tenant's subscription (webhook, Slack, Teams, email).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notify_endpoints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    /// `webhook`, `slack`, `teams` or `email`.
    pub kind: String,
    pub target: String,
    /// JSON array of event names.
    pub events: String,
    /// `Severity::rank()` threshold for `alert.raised`.
    pub min_severity: i16,
    pub enabled: bool,
    /// The webhook signing secret (needed to sign, so kept; never returned again).
    pub secret: Option<String>,
    pub failures: i32,
    pub circuit_until: Option<DateTimeUtc>,
    pub disabled_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
