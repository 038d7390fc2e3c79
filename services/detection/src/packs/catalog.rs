//! Reading packs back: a version's files, and what rules they hold (parsed from
//! the stored text, so the catalogue can never disagree with what runs).

use super::{PackFile, RulePackId};
use crate::entity::rule_pack_file;
use crate::parse::{Document, parse_str};
use garrison_core::Result;
use garrison_core::db::ScopedTx;
use sea_orm::ColumnTrait;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The files of one pack version, by source.
pub async fn load_pack_files(
    tx: &ScopedTx<'_>,
    pack: RulePackId,
    version: i32,
) -> Result<Vec<PackFile>> {
    Ok(tx
        .select_catalog::<rule_pack_file::Entity>()
        .filter(rule_pack_file::Column::PackId.eq(pack.as_uuid()))
        .filter(rule_pack_file::Column::Version.eq(version))
        .order_by_asc(rule_pack_file::Column::Source)
        .all(tx)
        .await?
        .into_iter()
        .map(|row| PackFile {
            source: row.source,
            yaml: row.yaml,
        })
        .collect())
}

/// Per source: the text's SHA-256 and the document ids it holds.
pub(crate) fn rule_ids_by_file(files: &[PackFile]) -> BTreeMap<String, (String, Vec<String>)> {
    files
        .iter()
        .map(|f| {
            let sha = hex::encode(Sha256::digest(f.yaml.as_bytes()));
            let ids = parse_str(&f.yaml)
                .map(|docs| docs.iter().map(|d| d.meta().id.clone()).collect())
                .unwrap_or_default();
            (f.source.clone(), (sha, ids))
        })
        .collect()
}

/// What kind of Sigma document a rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    Detection,
    Correlation,
    Filter,
}

/// One rule of a pack, as listed to people.
#[derive(Debug, Clone)]
pub struct RuleSummary {
    pub rule_id: String,
    pub title: String,
    pub description: Option<String>,
    pub level: Option<String>,
    pub status: Option<String>,
    pub kind: RuleKind,
    pub tags: Vec<String>,
    pub product: Option<String>,
    pub category: Option<String>,
    pub service: Option<String>,
    /// The file it came from.
    pub source: String,
}

/// Every document of the files, in file order.
pub fn summarize(files: &[PackFile]) -> Vec<RuleSummary> {
    let mut out = Vec::new();
    for f in files {
        let Ok(docs) = parse_str(&f.yaml) else {
            continue;
        };
        for doc in docs {
            let (kind, logsource) = match &doc {
                Document::Rule(r) => (RuleKind::Detection, Some(&r.logsource)),
                Document::Correlation(_) => (RuleKind::Correlation, None),
                Document::Filter(fl) => (RuleKind::Filter, Some(&fl.logsource)),
            };
            let meta = doc.meta();
            out.push(RuleSummary {
                rule_id: meta.id.clone(),
                title: meta.title.clone(),
                description: meta.description.clone(),
                level: meta.level.clone(),
                status: meta.status.clone(),
                kind,
                tags: meta.tags.clone(),
                product: logsource.and_then(|l| l.product.clone()),
                category: logsource.and_then(|l| l.category.clone()),
                service: logsource.and_then(|l| l.service.clone()),
                source: f.source.clone(),
            });
        }
    }
    out
}
