//! `billing_meter_pushes`: every meter event Stripe accepted, by identifier.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "billing_meter_pushes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    /// `<tenant>:<meter>:<hour>`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub identifier: String,
    pub meter: String,
    pub period_start: DateTimeUtc,
    /// The value sent, as sent (a decimal string).
    pub value: String,
    pub sent_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
