//! Rule packs from the command line and the demo: importing a directory of Sigma
//! YAML (`garrison rules import`), and the starter pack compiled into the binary
//! (Garrison's own rules for the log sources it parses out of the box).

use garrison_core::db::Db;
use garrison_core::{Scope, TenantId};
use garrison_detection::packs::PackFile;
use garrison_detection::packs::import::{import_rule_pack, read_pack_dir};
use garrison_detection::packs::{PackVersion, RulePack, list_rule_packs};
use std::path::Path;

/// The starter pack's name.
pub const ESSENTIALS: &str = "garrison-essentials";

/// `rules/garrison-essentials/`, carried in the binary so the demo needs no checkout.
const ESSENTIALS_FILES: &[(&str, &str)] = &[
    (
        "ssh_auth_failure.yml",
        include_str!("../../rules/garrison-essentials/ssh_auth_failure.yml"),
    ),
    (
        "ssh_brute_force.yml",
        include_str!("../../rules/garrison-essentials/ssh_brute_force.yml"),
    ),
    (
        "sudo_shadow_read.yml",
        include_str!("../../rules/garrison-essentials/sudo_shadow_read.yml"),
    ),
    (
        "encoded_powershell.yml",
        include_str!("../../rules/garrison-essentials/encoded_powershell.yml"),
    ),
    (
        "whoami_discovery.yml",
        include_str!("../../rules/garrison-essentials/whoami_discovery.yml"),
    ),
    (
        "web_sensitive_file_probe.yml",
        include_str!("../../rules/garrison-essentials/web_sensitive_file_probe.yml"),
    ),
    (
        "firewall_admin_port_block.yml",
        include_str!("../../rules/garrison-essentials/firewall_admin_port_block.yml"),
    ),
];

/// The starter pack's files.
pub fn essentials_files() -> Vec<PackFile> {
    ESSENTIALS_FILES
        .iter()
        .map(|(source, yaml)| PackFile {
            source: source.to_string(),
            yaml: yaml.to_string(),
        })
        .collect()
}

/// Imports every YAML file under `dirs` as one pack (sources prefixed by the
/// directory's own name when several are given, so names never collide).
pub async fn import_dirs(
    db: &Db,
    name: &str,
    dirs: &[&Path],
) -> anyhow::Result<(RulePack, PackVersion)> {
    let mut files = Vec::new();
    for dir in dirs {
        let prefix = if dirs.len() > 1 {
            format!("{}/", dir.display())
        } else {
            String::new()
        };
        for mut f in read_pack_dir(dir)? {
            f.source = format!("{prefix}{}", f.source);
            files.push(f);
        }
    }
    import_files(db, name, files).await
}

/// Imports `files` as pack `name` (as the platform).
pub async fn import_files(
    db: &Db,
    name: &str,
    files: Vec<PackFile>,
) -> anyhow::Result<(RulePack, PackVersion)> {
    let scope = Scope::system("rules-cli");
    let tx = db.begin(&scope).await?;
    let imported = import_rule_pack(&tx, name, files, chrono::Utc::now()).await?;
    tx.commit().await?;
    Ok(imported)
}

/// Imports `files` as `name` unless a pack of that name exists; returns the pack.
pub async fn ensure_pack(db: &Db, name: &str, files: Vec<PackFile>) -> anyhow::Result<RulePack> {
    let scope = Scope::system("demo");
    let tx = db.begin(&scope).await?;
    let existing = list_rule_packs(&tx)
        .await?
        .into_iter()
        .find(|p| p.name == name);
    tx.commit().await?;
    match existing {
        Some(pack) => Ok(pack),
        None => Ok(import_files(db, name, files).await?.0),
    }
}

/// Enables `pack` for `tenant` (idempotent).
pub async fn enable_for(db: &Db, tenant: TenantId, pack: &RulePack) -> anyhow::Result<()> {
    let scope = Scope::system("demo");
    let tx = db.begin(&scope).await?;
    garrison_detection::tenant::enable_rule_pack(&tx, tenant, pack.id, chrono::Utc::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Prints an import's outcome: counts, changes, and each rejected file's reason.
pub fn print_import(pack: &RulePack, version: &PackVersion) {
    println!(
        "imported {} version {}: {} rules; {} added, {} removed, {} changed; {} files rejected",
        pack.name,
        version.version,
        version.rule_count,
        version.changes.added.len(),
        version.changes.removed.len(),
        version.changes.changed.len(),
        version.rejected.len()
    );
    for r in &version.rejected {
        println!("rejected {}: {}", r.source, r.reason);
    }
}
