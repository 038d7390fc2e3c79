//! Field mapping: Sigma taxonomy names onto the names events carry.
//!
//! A rule field is looked up under its Sigma name first (the original Windows
//! EventData / Sysmon name, which is what flattened Windows events use), then under
//! the alternatives below, first found wins. Alternatives are:
//! - the Security-log spelling SigmaHQ's THOR mapping uses for process creation
//!   (4688: `Image` is `NewProcessName`, `ParentImage` is `ParentProcessName`),
//! - the Elastic Common Schema (ECS) name Garrison's normaliser stores.
//!
//! | Sigma name | also looked up as |
//! |---|---|
//! | `Image` | `NewProcessName` (Security 4688), `process.executable` |
//! | `ParentImage` | `ParentProcessName` (Security 4688), `process.parent.executable` |
//! | `CommandLine` | `process.command_line` |
//! | `ParentCommandLine` | `process.parent.command_line` |
//! | `ProcessId` / `ParentProcessId` | `process.pid` / `process.parent.pid` |
//! | `OriginalFileName` | `process.pe.original_file_name` |
//! | `CurrentDirectory` | `process.working_directory` |
//! | `Hashes` | `process.hash.sha256` |
//! | `User` | `user.name` |
//! | `Computer` | `host.name` |
//! | `TargetFilename` | `file.path` |
//! | `ImageLoaded` | `dll.path` |
//! | `TargetObject` / `Details` | `registry.path` / `registry.data.strings` |
//! | `DestinationIp` / `DestinationPort` / `DestinationHostname` | `destination.ip` / `destination.port` / `destination.domain` |
//! | `SourceIp` / `SourcePort` | `source.ip` / `source.port` |
//! | `Protocol` | `network.transport` |
//! | `QueryName` | `dns.question.name` |
//! | `EventID` | `event.code`, `winlog.event_id` |
//! | `Channel` | `winlog.channel` |
//! | `Provider_Name` | `winlog.provider_name`, `event.provider` |
//! | `ScriptBlockText` | `powershell.file.script_block_text` |
//! | `TargetImage` | `winlog.event_data.TargetImage` |
//! | `ServiceName` | `service.name` |
//! | `Signature`, `Filename` (category `antivirus` only) | `ThreatName`, `Path` |
//!
//! Dotted names also reach nested objects (`process.executable` finds
//! `{"process":{"executable":…}}`), see [`crate::event`].

use crate::parse::LogSource;

/// (Sigma name, alternatives in lookup order).
pub const TABLE: &[(&str, &[&str])] = &[
    ("Image", &["NewProcessName", "process.executable"]),
    (
        "ParentImage",
        &["ParentProcessName", "process.parent.executable"],
    ),
    ("CommandLine", &["process.command_line"]),
    ("ParentCommandLine", &["process.parent.command_line"]),
    ("ProcessId", &["process.pid"]),
    ("ParentProcessId", &["process.parent.pid"]),
    ("OriginalFileName", &["process.pe.original_file_name"]),
    ("CurrentDirectory", &["process.working_directory"]),
    ("Hashes", &["process.hash.sha256"]),
    ("User", &["user.name"]),
    ("Computer", &["host.name"]),
    ("TargetFilename", &["file.path"]),
    ("ImageLoaded", &["dll.path"]),
    ("TargetObject", &["registry.path"]),
    ("Details", &["registry.data.strings"]),
    ("DestinationIp", &["destination.ip"]),
    ("DestinationPort", &["destination.port"]),
    ("DestinationHostname", &["destination.domain"]),
    ("SourceIp", &["source.ip"]),
    ("SourcePort", &["source.port"]),
    ("Protocol", &["network.transport"]),
    ("QueryName", &["dns.question.name"]),
    ("EventID", &["event.code", "winlog.event_id"]),
    ("Channel", &["winlog.channel"]),
    ("Provider_Name", &["winlog.provider_name", "event.provider"]),
    ("ScriptBlockText", &["powershell.file.script_block_text"]),
    ("TargetImage", &["winlog.event_data.TargetImage"]),
    ("ServiceName", &["service.name"]),
];

/// Fields whose alternatives depend on the rule's log source (SigmaHQ's THOR mapping).
const BY_CATEGORY: &[(&str, &str, &str)] = &[
    ("antivirus", "Signature", "ThreatName"),
    ("antivirus", "Filename", "Path"),
];

/// The alternative names for a rule field (not including the name itself).
pub fn candidates(field: &str, logsource: &LogSource) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(cat) = logsource.category.as_deref() {
        for (c, f, alt) in BY_CATEGORY {
            if *c == cat && *f == field {
                out.push((*alt).to_string());
            }
        }
    }
    for (f, alts) in TABLE {
        if *f == field {
            out.extend(alts.iter().map(|s| s.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_maps_to_security_and_ecs_names() {
        let c = candidates("Image", &LogSource::default());
        assert_eq!(
            c,
            vec![
                "NewProcessName".to_string(),
                "process.executable".to_string()
            ]
        );
    }

    #[test]
    fn antivirus_fields_follow_the_category() {
        let av = LogSource {
            category: Some("antivirus".into()),
            ..Default::default()
        };
        assert_eq!(candidates("Signature", &av), vec!["ThreatName".to_string()]);
        assert!(candidates("Signature", &LogSource::default()).is_empty());
    }

    #[test]
    fn the_documented_table_matches_the_code() {
        let docs: String = include_str!("fieldmap.rs")
            .lines()
            .filter(|l| l.starts_with("//! |"))
            .collect::<Vec<_>>()
            .join("\n");
        for (field, alts) in TABLE {
            assert!(
                docs.contains(&format!("`{field}`")),
                "{field} is not documented"
            );
            for a in *alts {
                assert!(
                    docs.contains(&format!("`{a}`")),
                    "{field} -> {a} is not documented"
                );
            }
        }
    }

    #[test]
    fn unknown_fields_have_no_alternatives() {
        assert!(candidates("SomethingElse", &LogSource::default()).is_empty());
    }
}
