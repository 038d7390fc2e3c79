//! Rule packs: the provider's curated Sigma rules, imported as a whole and kept
//! in every version (so a re-import of a newer SigmaHQ release says what was
//! added, removed and changed). Tenants enable packs; they always run a pack's
//! current version. [`import`] writes, [`catalog`] reads.

pub mod catalog;
pub mod import;

use crate::entity::{rule_pack, rule_pack_version};
use crate::rejection::Rejection;
use chrono::{DateTime, Utc};
use garrison_core::Result;
use garrison_core::db::ScopedTx;
use serde::{Deserialize, Serialize};

garrison_core::typed_id!(
    /// A rule pack (stable across its versions).
    RulePackId
);

/// One YAML text to import, named by where it came from (a path, or `rules[3]`).
#[derive(Debug, Clone)]
pub struct PackFile {
    pub source: String,
    pub yaml: String,
}

/// A pack at its current version.
#[derive(Debug, Clone, PartialEq)]
pub struct RulePack {
    pub id: RulePackId,
    pub name: String,
    pub version: i32,
    pub rule_count: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Rule ids that differ between a version and the one before it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackChanges {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
}

/// One imported version.
#[derive(Debug, Clone, PartialEq)]
pub struct PackVersion {
    pub pack_id: RulePackId,
    pub version: i32,
    pub imported_at: DateTime<Utc>,
    pub rule_count: i32,
    pub changes: PackChanges,
    /// Files not stored, each with its one-line reason.
    pub rejected: Vec<Rejection>,
}

pub(crate) fn to_pack(row: rule_pack::Model) -> RulePack {
    RulePack {
        id: RulePackId::from_uuid(row.id),
        name: row.name,
        version: row.version,
        rule_count: row.rule_count,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

pub(crate) fn to_version(row: rule_pack_version::Model) -> PackVersion {
    #[derive(Deserialize)]
    struct Stored {
        source: String,
        reason: String,
    }
    let rejected: Vec<Stored> = serde_json::from_str(&row.rejected).unwrap_or_default();
    PackVersion {
        pack_id: RulePackId::from_uuid(row.pack_id),
        version: row.version,
        imported_at: row.imported_at,
        rule_count: row.rule_count,
        changes: serde_json::from_str(&row.changes).unwrap_or_default(),
        rejected: rejected
            .into_iter()
            .map(|r| Rejection {
                source: r.source,
                reason: r.reason,
            })
            .collect(),
    }
}

/// Every pack, by name. Readable by every role that may read rule packs.
pub async fn list_rule_packs(tx: &ScopedTx<'_>) -> Result<Vec<RulePack>> {
    use garrison_core::role::{Action, Resource};
    if !tx.scope().can(Resource::RulePack, Action::Read) {
        return Ok(Vec::new());
    }
    Ok(tx
        .select_catalog::<rule_pack::Entity>()
        .order_by_asc(rule_pack::Column::Name)
        .all(tx)
        .await?
        .into_iter()
        .map(to_pack)
        .collect())
}

/// A pack's versions, newest first.
pub async fn list_pack_versions(tx: &ScopedTx<'_>, pack: RulePackId) -> Result<Vec<PackVersion>> {
    use sea_orm::ColumnTrait;
    Ok(tx
        .select_catalog::<rule_pack_version::Entity>()
        .filter(rule_pack_version::Column::PackId.eq(pack.as_uuid()))
        .order_by_desc(rule_pack_version::Column::Version)
        .all(tx)
        .await?
        .into_iter()
        .map(to_version)
        .collect())
}
