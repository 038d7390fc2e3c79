//! `alerts`: raised by detection, worked by triage.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "alerts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub rule_id: String,
    pub rule_title: String,
    pub rule_description: Option<String>,
    /// `Severity::rank()`, so "most severe first" is an index order.
    pub severity: i16,
    pub status: String,
    pub disposition: Option<String>,
    pub close_comment: Option<String>,
    pub assignee_id: Option<Uuid>,
    pub case_id: Option<Uuid>,
    /// JSON arrays of text.
    pub techniques: String,
    pub tactics: String,
    pub group_key: String,
    /// JSON object.
    pub group_values: String,
    /// JSON array of event ids (bounded).
    pub event_ids: String,
    pub event_count: i64,
    pub first_event_at: DateTimeUtc,
    pub last_event_at: DateTimeUtc,
    pub detected_at: DateTimeUtc,
    pub last_seq: i64,
    pub dedup_key: String,
    pub suppress_until: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub acknowledged_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
