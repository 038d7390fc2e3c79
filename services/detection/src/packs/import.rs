//! Importing a pack: every YAML text is compiled before anything is stored, files
//! that cannot load are listed with their reason (never dropped silently), and a
//! re-import under the same name becomes the next version with its changes
//! (added, removed, changed rule ids) worked out against the current one.

use super::catalog::{load_pack_files, rule_ids_by_file};
use super::{PackChanges, PackFile, PackVersion, RulePack, RulePackId, to_pack};
use crate::entity::{rule_pack, rule_pack_file, rule_pack_version};
use crate::rejection::Rejection;
use crate::ruleset::RuleSetBuilder;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Expr;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// Largest YAML text accepted per rule file.
pub const MAX_FILE_BYTES: usize = 256 * 1024;
/// Most files one import may carry.
pub const MAX_FILES: usize = 20_000;
/// Rows per insert statement (well under SQLite's bound-variable limit).
const INSERT_CHUNK: usize = 400;

/// Reads every `.yml`/`.yaml` file under `dir` (sorted), named by its path
/// relative to `dir` so a re-import of a newer release lines up file by file.
pub fn read_pack_dir(dir: &std::path::Path) -> std::result::Result<Vec<PackFile>, crate::Error> {
    let mut paths = Vec::new();
    crate::ruleset::collect_files(dir, &mut paths)?;
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let yaml = std::fs::read_to_string(&path).map_err(|source| crate::Error::Io {
            path: path.clone(),
            source,
        })?;
        let source = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        files.push(PackFile { source, yaml });
    }
    Ok(files)
}

/// Imports `files` as pack `name` (its first version, or the next one).
pub async fn import_rule_pack(
    tx: &ScopedTx<'_>,
    name: &str,
    files: Vec<PackFile>,
    now: DateTime<Utc>,
) -> Result<(RulePack, PackVersion)> {
    tx.scope().require(Resource::RulePack, Action::Create)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(Error::invalid("name", "must be 1 to 100 characters"));
    }
    if files.is_empty() {
        return Err(Error::invalid("rules", "name at least one rule"));
    }
    if files.len() > MAX_FILES {
        return Err(Error::invalid(
            "rules",
            format!("at most {MAX_FILES} rules per import"),
        ));
    }
    let mut seen = BTreeSet::new();
    for (i, f) in files.iter().enumerate() {
        if f.yaml.len() > MAX_FILE_BYTES {
            return Err(Error::invalid(
                format!("rules[{i}]"),
                format!("is larger than {MAX_FILE_BYTES} bytes"),
            ));
        }
        if !seen.insert(f.source.as_str()) {
            return Err(Error::invalid(
                format!("rules[{i}]"),
                format!("source `{}` appears twice", f.source),
            ));
        }
    }
    let (accepted, rejected) = compile_check(files);
    let ids = rule_ids_by_file(&accepted);
    let rule_count = ids.values().map(|(_, ids)| ids.len()).sum::<usize>() as i32;

    let existing = tx
        .select_catalog::<rule_pack::Entity>()
        .filter(rule_pack::Column::Name.eq(name))
        .one(tx)
        .await?;
    let (pack_id, version, changes) = match &existing {
        None => {
            let id = RulePackId::new();
            let changes = PackChanges {
                added: sorted_ids(&ids),
                ..PackChanges::default()
            };
            tx.insert_catalog(rule_pack::ActiveModel {
                id: Set(id.as_uuid()),
                name: Set(name.to_string()),
                version: Set(1),
                rule_count: Set(rule_count),
                created_at: Set(now),
                updated_at: Set(now),
            })
            .await?;
            (id, 1, changes)
        }
        Some(row) => {
            let id = RulePackId::from_uuid(row.id);
            let old_files = load_pack_files(tx, id, row.version).await?;
            let old = rule_ids_by_file(&old_files);
            let changes = diff(&old, &ids);
            let version = row.version + 1;
            tx.update_catalog::<rule_pack::Entity>(
                rule_pack::Column::Id.eq(row.id),
                vec![
                    (rule_pack::Column::Version, Expr::value(version)),
                    (rule_pack::Column::RuleCount, Expr::value(rule_count)),
                    (rule_pack::Column::UpdatedAt, Expr::value(now)),
                ],
            )
            .await?;
            (id, version, changes)
        }
    };
    let rejected_json: Vec<serde_json::Value> = rejected
        .iter()
        .map(|r| serde_json::json!({"source": r.source, "reason": r.reason}))
        .collect();
    tx.insert_catalog(rule_pack_version::ActiveModel {
        pack_id: Set(pack_id.as_uuid()),
        version: Set(version),
        imported_at: Set(now),
        imported_by: Set(tx.scope().user_id().map(|u| u.as_uuid())),
        rule_count: Set(rule_count),
        changes: Set(serde_json::to_string(&changes).unwrap_or_else(|_| "{}".into())),
        rejected: Set(serde_json::Value::Array(rejected_json).to_string()),
    })
    .await?;
    let rows: Vec<rule_pack_file::ActiveModel> = accepted
        .into_iter()
        .map(|f| rule_pack_file::ActiveModel {
            pack_id: Set(pack_id.as_uuid()),
            version: Set(version),
            sha256: Set(hex::encode(Sha256::digest(f.yaml.as_bytes()))),
            source: Set(f.source),
            yaml: Set(f.yaml),
        })
        .collect();
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows.by_ref().take(INSERT_CHUNK).collect();
        tx.insert_many_catalog(chunk).await?;
    }
    let pack = tx
        .select_catalog::<rule_pack::Entity>()
        .filter(rule_pack::Column::Id.eq(pack_id.as_uuid()))
        .found(tx)
        .await?;
    tracing::info!(
        pack = name,
        version,
        rules = rule_count,
        rejected = rejected.len(),
        added = changes.added.len(),
        removed = changes.removed.len(),
        changed = changes.changed.len(),
        "rule pack imported"
    );
    let version = PackVersion {
        pack_id,
        version,
        imported_at: now,
        rule_count,
        changes,
        rejected,
    };
    Ok((to_pack(pack), version))
}

/// Compiles every file together (correlations may name rules of other files) and
/// splits them into loadable and rejected. A rule that only lacks a tenant's
/// placeholder values is loadable: tenants supply them (`setPlaceholder`).
fn compile_check(files: Vec<PackFile>) -> (Vec<PackFile>, Vec<Rejection>) {
    let mut builder = RuleSetBuilder::new();
    for f in &files {
        builder.add_yaml(&f.source, &f.yaml);
    }
    let (_, rejections) = builder.build();
    let mut rejected: Vec<Rejection> = Vec::new();
    let mut bad = BTreeSet::new();
    for r in rejections {
        if is_placeholder_gap(&r.reason) {
            continue;
        }
        bad.insert(r.source.clone());
        rejected.push(r);
    }
    let accepted = files
        .into_iter()
        .filter(|f| !bad.contains(&f.source))
        .collect();
    (accepted, rejected)
}

/// Whether a rejection only says a placeholder has no values yet.
pub(crate) fn is_placeholder_gap(reason: &str) -> bool {
    reason.contains("placeholder '%") && reason.ends_with("has no values")
}

fn sorted_ids(ids: &BTreeMap<String, (String, Vec<String>)>) -> Vec<String> {
    let mut all: Vec<String> = ids.values().flat_map(|(_, v)| v.clone()).collect();
    all.sort();
    all.dedup();
    all
}

/// Rule-level differences: by id, a rule whose file text changed is `changed`.
fn diff(
    old: &BTreeMap<String, (String, Vec<String>)>,
    new: &BTreeMap<String, (String, Vec<String>)>,
) -> PackChanges {
    let by_id = |m: &BTreeMap<String, (String, Vec<String>)>| -> BTreeMap<String, String> {
        m.values()
            .flat_map(|(sha, ids)| ids.iter().map(move |id| (id.clone(), sha.clone())))
            .collect()
    };
    let (old, new) = (by_id(old), by_id(new));
    let mut changes = PackChanges::default();
    for (id, sha) in &new {
        match old.get(id) {
            None => changes.added.push(id.clone()),
            Some(old_sha) if old_sha != sha => changes.changed.push(id.clone()),
            Some(_) => {}
        }
    }
    changes.removed = old
        .keys()
        .filter(|id| !new.contains_key(*id))
        .cloned()
        .collect();
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(source: &str, yaml: &str) -> PackFile {
        PackFile {
            source: source.into(),
            yaml: yaml.into(),
        }
    }

    #[test]
    fn diff_names_added_removed_and_changed_rules() {
        let m = |entries: &[(&str, &str, &[&str])]| {
            entries
                .iter()
                .map(|(src, sha, ids)| {
                    (
                        src.to_string(),
                        (sha.to_string(), ids.iter().map(|s| s.to_string()).collect()),
                    )
                })
                .collect::<BTreeMap<_, _>>()
        };
        let old = m(&[("a.yml", "1", &["r1"]), ("b.yml", "2", &["r2"])]);
        let new = m(&[("a.yml", "9", &["r1"]), ("c.yml", "3", &["r3"])]);
        let d = diff(&old, &new);
        assert_eq!(d.added, vec!["r3"]);
        assert_eq!(d.removed, vec!["r2"]);
        assert_eq!(d.changed, vec!["r1"]);
    }

    #[test]
    fn compile_check_rejects_broken_files_but_keeps_placeholder_rules() {
        let good = "title: t\nid: good\nlogsource: {product: linux}\ndetection:\n  sel: {a: b}\n  condition: sel\n";
        let broken = "title: t\nid: broken\nlogsource: {product: linux}\ndetection:\n  sel: {a|nosuchmodifier: b}\n  condition: sel\n";
        let placeholder = "title: t\nid: ph\nlogsource: {product: linux}\ndetection:\n  sel: {a|expand: '%admins%'}\n  condition: sel\n";
        let (accepted, rejected) = compile_check(vec![
            file("good.yml", good),
            file("broken.yml", broken),
            file("ph.yml", placeholder),
        ]);
        let names: Vec<&str> = accepted.iter().map(|f| f.source.as_str()).collect();
        assert_eq!(names, vec!["good.yml", "ph.yml"]);
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].source, "broken.yml");
        assert!(
            rejected[0].reason.contains("nosuchmodifier"),
            "{}",
            rejected[0].reason
        );
    }
}
