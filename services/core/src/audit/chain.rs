//! The tamper-evident part of the audit log: each tenant's records form a hash
//! chain (SHA-256 over the previous hash and the record's canonical form), so
//! editing, deleting or reordering a stored record breaks verification from that
//! record on. The chain head row is locked by the append, so two writers of one
//! tenant never fork it.

use crate::db::ScopedTx;
use crate::entity::{audit_chain_head, audit_log};
use crate::{Result, TenantId};
use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sha2::{Digest, Sha256};

/// The hash before a tenant's first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One record's content, as hashed.
pub(crate) struct Link<'a> {
    pub tenant: TenantId,
    pub seq: i64,
    pub prev_hash: &'a str,
    pub actor: Option<uuid::Uuid>,
    pub action: &'a str,
    pub target: &'a str,
    pub detail: &'a str,
    pub created_at: DateTime<Utc>,
}

impl Link<'_> {
    /// SHA-256 (hex) of a canonical JSON array of the fields, so no two different
    /// records can serialise alike.
    pub fn hash(&self) -> String {
        let canonical = serde_json::json!([
            "garrison-audit-v1",
            self.tenant.to_string(),
            self.seq,
            self.prev_hash,
            self.actor.map(|a| a.to_string()),
            self.action,
            self.target,
            self.detail,
            self.created_at
                .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        ]);
        hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
    }
}

/// Takes the tenant's next place in the chain: `(seq, previous hash)`. The head
/// row stays locked until the transaction ends.
pub(crate) async fn next_link(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<(i64, String)> {
    let conflict = OnConflict::column(audit_chain_head::Column::TenantId)
        .value(
            audit_chain_head::Column::Seq,
            Expr::col((audit_chain_head::Entity, audit_chain_head::Column::Seq)).add(1),
        )
        .to_owned();
    tx.upsert(
        tenant,
        audit_chain_head::ActiveModel {
            tenant_id: Set(tenant.as_uuid()),
            seq: Set(1),
            last_hash: Set(GENESIS.to_string()),
        },
        conflict,
    )
    .await?;
    let head = tx
        .select::<audit_chain_head::Entity>()
        .filter(audit_chain_head::Column::TenantId.eq(tenant.as_uuid()))
        .found(tx)
        .await?;
    Ok((head.seq, head.last_hash))
}

/// Moves the head to the record just appended.
pub(crate) async fn set_head(tx: &ScopedTx<'_>, tenant: TenantId, hash: &str) -> Result<()> {
    tx.update_where::<audit_chain_head::Entity>(
        audit_chain_head::Column::TenantId.eq(tenant.as_uuid()),
        vec![(audit_chain_head::Column::LastHash, Expr::value(hash))],
    )
    .await?;
    Ok(())
}

/// Where verification found the chain broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    pub seq: i64,
    pub id: Option<uuid::Uuid>,
    pub reason: String,
}

/// The outcome of verifying a tenant's chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// Chained records checked.
    pub records: u64,
    /// Records from before the chain existed (not verifiable).
    pub unchained: u64,
    /// The first break, if any.
    pub broken: Option<Break>,
}

/// Recomputes `tenant`'s chain from its first record to its head.
pub(crate) async fn verify(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Verification> {
    let rows = tx
        .select::<audit_log::Entity>()
        .filter(audit_log::Column::TenantId.eq(tenant.as_uuid()))
        .all(tx)
        .await?;
    let unchained = rows.iter().filter(|r| r.seq.is_none()).count() as u64;
    let mut chained: Vec<&audit_log::Model> = rows.iter().filter(|r| r.seq.is_some()).collect();
    chained.sort_by_key(|r| r.seq);
    let mut prev = GENESIS.to_string();
    let mut expected_seq = 1;
    let broken = |seq, id, reason: &str| {
        Some(Break {
            seq,
            id,
            reason: reason.to_string(),
        })
    };
    for row in &chained {
        let seq = row.seq.unwrap_or_default();
        if seq != expected_seq {
            return Ok(Verification {
                records: chained.len() as u64,
                unchained,
                broken: broken(expected_seq, None, "a record is missing from the chain"),
            });
        }
        let link = Link {
            tenant,
            seq,
            prev_hash: &prev,
            actor: row.actor_id,
            action: &row.action,
            target: &row.target,
            detail: &row.detail,
            created_at: row.created_at,
        };
        let reason = if row.prev_hash.as_deref() != Some(prev.as_str()) {
            Some("its link to the previous record does not match")
        } else if row.hash.as_deref() != Some(link.hash().as_str()) {
            Some("its content does not match its hash (the record was changed)")
        } else {
            None
        };
        if let Some(reason) = reason {
            return Ok(Verification {
                records: chained.len() as u64,
                unchained,
                broken: broken(seq, Some(row.id), reason),
            });
        }
        prev = row.hash.clone().unwrap_or_default();
        expected_seq += 1;
    }
    let head = tx
        .select::<audit_chain_head::Entity>()
        .filter(audit_chain_head::Column::TenantId.eq(tenant.as_uuid()))
        .one(tx)
        .await?;
    let tail_ok = match &head {
        None => chained.is_empty(),
        Some(h) => h.last_hash == prev && h.seq == expected_seq - 1,
    };
    Ok(Verification {
        records: chained.len() as u64,
        unchained,
        broken: if tail_ok {
            None
        } else {
            broken(expected_seq, None, "the newest records were removed")
        },
    })
}
