//! `cases`: a case: an incident worked to closure.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cases")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    /// Per-tenant sequence number shown to people (`#12`).
    pub number: i64,
    pub title: String,
    /// Markdown.
    pub description: String,
    /// `Severity::rank()`.
    pub severity: i16,
    pub status: String,
    pub assignee_id: Option<Uuid>,
    /// JSON array of text.
    pub tags: String,
    pub tlp: String,
    pub pap: String,
    pub source: String,
    pub waiting_reason: Option<String>,
    pub merged_into: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub resolved_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
