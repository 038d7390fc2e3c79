//! Field mapping: Sigma taxonomy names onto the names events carry.
//!
//! A rule field is looked up under its Sigma name first (the original Windows
//! EventData / Sysmon name, which is what flattened Windows events use), then under
//! the alternatives below, first found wins. Alternatives are:
//! - for some log-source categories, the spelling SigmaHQ's THOR mapping uses for
//!   another Windows log (process creation in Security 4688: `Image` is
//!   `NewProcessName`; Defender detections: `Signature` is `ThreatName`). These apply
//!   only to rules of that category and only to events from that channel (or events
//!   that carry no `Channel`), so a `Path` in a PowerShell event never stands in for
//!   an antivirus rule's `Filename`;
//! - the Elastic Common Schema (ECS) name Garrison's normaliser stores.
//!
//! | Sigma name | also looked up as |
//! |---|---|
//! | `Image` | `NewProcessName` (category `process_creation`, channel Security), `process.executable` |
//! | `ParentImage` | `ParentProcessName` (category `process_creation`, channel Security), `process.parent.executable` |
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
//! | `Signature`, `Filename` (category `antivirus`, Defender channel) | `ThreatName`, `Path` |
//!
//! Dotted names also reach nested objects (`process.executable` finds
//! `{"process":{"executable":…}}`), see [`crate::event`].

use crate::parse::LogSource;

/// (Sigma name, alternatives in lookup order).
pub const TABLE: &[(&str, &[&str])] = &[
    ("Image", &["process.executable"]),
    ("ParentImage", &["process.parent.executable"]),
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

/// Channels of the Security log and of Microsoft Defender.
const SECURITY: &[&str] = &["Security"];
const DEFENDER: &[&str] = &["Microsoft-Windows-Windows Defender/Operational"];

/// (category, Sigma name, alternative, channels the alternative applies to): the
/// THOR mapping's per-log-source field names.
pub const BY_CATEGORY: &[(&str, &str, &str, &[&str])] = &[
    ("process_creation", "Image", "NewProcessName", SECURITY),
    (
        "process_creation",
        "ParentImage",
        "ParentProcessName",
        SECURITY,
    ),
    ("antivirus", "Signature", "ThreatName", DEFENDER),
    ("antivirus", "Filename", "Path", DEFENDER),
];

/// An alternative name for a rule field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alt {
    pub name: String,
    /// Only for events from these channels (or without a `Channel`); `None`: always.
    pub channels: Option<&'static [&'static str]>,
}

/// The alternative names for a rule field (not including the name itself), in
/// lookup order.
pub fn candidates(field: &str, logsource: &LogSource) -> Vec<Alt> {
    let mut out = Vec::new();
    if let Some(cat) = logsource.category.as_deref() {
        for (c, f, alt, channels) in BY_CATEGORY {
            if *c == cat && *f == field {
                out.push(Alt {
                    name: (*alt).to_string(),
                    channels: Some(*channels),
                });
            }
        }
    }
    for (f, alts) in TABLE {
        if *f == field {
            out.extend(alts.iter().map(|s| Alt {
                name: s.to_string(),
                channels: None,
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(alts: &[Alt]) -> Vec<&str> {
        alts.iter().map(|a| a.name.as_str()).collect()
    }

    #[test]
    fn process_creation_image_maps_to_security_and_ecs_names() {
        let pc = LogSource {
            category: Some("process_creation".into()),
            ..Default::default()
        };
        let c = candidates("Image", &pc);
        assert_eq!(names(&c), vec!["NewProcessName", "process.executable"]);
        assert_eq!(c[0].channels, Some(SECURITY));
        assert_eq!(c[1].channels, None);
        // Other categories (raw disk access, image loads) keep their own Image.
        let other = LogSource {
            category: Some("image_load".into()),
            ..Default::default()
        };
        assert_eq!(
            names(&candidates("Image", &other)),
            vec!["process.executable"]
        );
    }

    #[test]
    fn antivirus_fields_follow_the_category() {
        let av = LogSource {
            category: Some("antivirus".into()),
            ..Default::default()
        };
        assert_eq!(names(&candidates("Signature", &av)), vec!["ThreatName"]);
        assert!(candidates("Signature", &LogSource::default()).is_empty());
    }

    #[test]
    fn the_documented_table_matches_the_code() {
        let docs: String = include_str!("fieldmap.rs")
            .lines()
            .filter(|l| l.starts_with("//! |"))
            .collect::<Vec<_>>()
            .join("\n");
        for (_, field, alt, _) in BY_CATEGORY {
            assert!(docs.contains(&format!("`{field}`")) && docs.contains(&format!("`{alt}`")));
        }
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
