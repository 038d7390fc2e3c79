//! `sla_policies`: a tenant's override of the default targets for one severity.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sla_policies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    /// `Severity::rank()`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub severity: i16,
    pub acknowledge_secs: i64,
    pub respond_secs: i64,
    pub resolve_secs: i64,
    pub warn_percent: i16,
    /// `twenty_four_seven` or `business_hours`.
    pub calendar: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
