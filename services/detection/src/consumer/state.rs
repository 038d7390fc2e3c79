//! The detection role's durable per-tenant state: the cursor (last event sequence
//! evaluated) and the correlation windows, written together after each batch.

use crate::correlation::EngineState;
use crate::entity::{detection_state, tenant_rule_pack};
use chrono::{DateTime, Utc};
use garrison_core::db::{Db, ScopedTx};
use garrison_core::{Result, Scope, TenantId};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, OnConflict};
use std::collections::BTreeSet;

/// What was saved for a tenant.
#[derive(Debug, Default)]
pub struct Saved {
    pub cursor_seq: i64,
    pub correlation_state: Option<String>,
}

/// The tenant's saved state (zero cursor when none yet).
pub async fn load(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Saved> {
    Ok(tx
        .select::<detection_state::Entity>()
        .filter(detection_state::Column::TenantId.eq(tenant.as_uuid()))
        .one(tx)
        .await?
        .map(|row| Saved {
            cursor_seq: row.cursor_seq,
            correlation_state: row.correlation_state,
        })
        .unwrap_or_default())
}

/// Moves the cursor and stores the windows (the rules revision is left alone).
pub async fn save(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    cursor: i64,
    windows: &EngineState,
    now: DateTime<Utc>,
) -> Result<()> {
    let windows = serde_json::to_string(windows).ok();
    let row = detection_state::ActiveModel {
        tenant_id: Set(tenant.as_uuid()),
        cursor_seq: Set(cursor),
        rules_revision: Set(0),
        correlation_state: Set(windows.clone()),
        updated_at: Set(now),
    };
    let conflict = OnConflict::column(detection_state::Column::TenantId)
        .value(detection_state::Column::CursorSeq, Expr::value(cursor))
        .value(
            detection_state::Column::CorrelationState,
            Expr::value(windows),
        )
        .value(detection_state::Column::UpdatedAt, Expr::value(now))
        .to_owned();
    tx.upsert(tenant, row, conflict).await?;
    Ok(())
}

/// Every tenant that has at least one rule pack enabled.
pub async fn tenants_with_rules(db: &Db) -> Result<Vec<TenantId>> {
    let scope = Scope::system("detection");
    let tx = db.begin(&scope).await?;
    let ids: BTreeSet<uuid::Uuid> = tx
        .select::<tenant_rule_pack::Entity>()
        .all(&tx)
        .await?
        .into_iter()
        .map(|r| r.tenant_id)
        .collect();
    tx.commit().await?;
    Ok(ids.into_iter().map(TenantId::from_uuid).collect())
}
