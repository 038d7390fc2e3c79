//! `sla_calendars`: a tenant's business hours (time zone, weekly hours, holidays).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sla_calendars")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    pub timezone: String,
    /// JSON: `[{"weekday": 0..6 (Monday = 0), "start": "HH:MM", "end": "HH:MM"}]`.
    pub weekly_hours: String,
    /// JSON: `["YYYY-MM-DD", ...]`.
    pub holidays: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
