//! `rule_pack_versions`: every import of a pack, with what changed and what was rejected.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rule_pack_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub pack_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    pub imported_at: DateTimeUtc,
    pub imported_by: Option<Uuid>,
    pub rule_count: i32,
    /// JSON: `{"added": [...], "removed": [...], "changed": [...]}` (rule ids).
    pub changes: String,
    /// JSON: `[{"source": ..., "reason": ...}]`.
    pub rejected: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
