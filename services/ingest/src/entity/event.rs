//! `events`: the event store, append-only.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub seq: i64,
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub received_at: DateTimeUtc,
    pub event_time: DateTimeUtc,
    pub channel: String,
    pub host: Option<String>,
    pub severity: Option<i16>,
    pub product: Option<String>,
    pub category: Option<String>,
    pub service: Option<String>,
    /// The event's fields as JSON text.
    pub fields: String,
    pub raw: String,
    pub raw_truncated: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
