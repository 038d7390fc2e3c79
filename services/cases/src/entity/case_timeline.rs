//! `case_timeline`: one entry of a case's timeline (automatic, or entered by an analyst).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "case_timeline")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub case_id: Uuid,
    /// When it happened (an analyst may enter past events).
    pub at: DateTimeUtc,
    pub kind: String,
    pub actor_id: Option<Uuid>,
    pub summary: String,
    pub visibility: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
