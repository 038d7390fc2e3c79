//! `notify_provider_endpoints`: the provider's own subscriptions, receiving the
//! events of every tenant. Deleted ones are kept (`deleted_at`) for their log.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notify_provider_endpoints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub target: String,
    pub events: String,
    pub min_severity: i16,
    pub enabled: bool,
    pub secret: Option<String>,
    pub failures: i32,
    pub circuit_until: Option<DateTimeUtc>,
    pub disabled_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
