//! Each tenant's event sequence numbers: dense, increasing, never reused. The
//! last one given out is kept in `event_sequences`, read and advanced by the
//! writer under the tenant's lock.

use crate::entity::event_sequence;
use garrison_core::db::ScopedTx;
use garrison_core::{Result, TenantId};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::OnConflict;

/// The tenant's last sequence number given out (0 before its first event).
pub async fn last(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<i64> {
    Ok(tx
        .select::<event_sequence::Entity>()
        .filter(event_sequence::Column::TenantId.eq(tenant.as_uuid()))
        .one(tx)
        .await?
        .map_or(0, |row| row.last_seq))
}

/// Records the tenant's last sequence number given out.
pub async fn advance(tx: &ScopedTx<'_>, tenant: TenantId, last_seq: i64) -> Result<()> {
    let row = event_sequence::ActiveModel {
        tenant_id: Set(tenant.as_uuid()),
        last_seq: Set(last_seq),
    };
    let replace = OnConflict::column(event_sequence::Column::TenantId)
        .update_column(event_sequence::Column::LastSeq)
        .to_owned();
    tx.upsert(tenant, row, replace).await?;
    Ok(())
}
