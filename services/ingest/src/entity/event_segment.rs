//! `event_segments`: the event store, append-only. One row is a batch of one
//! tenant's events, compressed (see [`crate::segment`]).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "event_segments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    /// The first event's sequence number; the others follow without gaps.
    #[sea_orm(primary_key, auto_increment = false)]
    pub first_seq: i64,
    pub last_seq: i64,
    pub event_count: i32,
    /// The earliest receipt in the segment (the partition key on PostgreSQL).
    pub received_at: DateTimeUtc,
    /// The earliest and latest event time in the segment.
    pub event_from: DateTimeUtc,
    pub event_to: DateTimeUtc,
    /// The lowest and highest event id (UUIDv7, so roughly receipt order).
    pub id_min: Uuid,
    pub id_max: Uuid,
    /// How `data` is encoded: `lz4` or `ndjson` (see [`crate::segment::Codec`]).
    pub codec: String,
    pub data: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
