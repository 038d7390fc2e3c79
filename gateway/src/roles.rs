//! The roles one process runs (`--roles`).

use std::collections::BTreeSet;
use std::fmt;

/// A role of the one binary (DESIGN.md, "One binary, several roles").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Gateway,
    Ingest,
    Detection,
    Worker,
}

impl Role {
    const ALL: [Role; 4] = [Role::Gateway, Role::Ingest, Role::Detection, Role::Worker];

    fn name(self) -> &'static str {
        match self {
            Role::Gateway => "gateway",
            Role::Ingest => "ingest",
            Role::Detection => "detection",
            Role::Worker => "worker",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Parses `all` or a comma-separated list; an unknown name is an error naming it
/// and the valid choices.
pub fn parse_roles(raw: &str) -> Result<BTreeSet<Role>, String> {
    let mut roles = BTreeSet::new();
    for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if part.eq_ignore_ascii_case("all") {
            roles.extend(Role::ALL);
            continue;
        }
        let role = Role::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(part))
            .ok_or_else(|| {
                format!(
                    "unknown role `{part}` (expected all, gateway, ingest, detection or worker)"
                )
            })?;
        roles.insert(role);
    }
    if roles.is_empty() {
        return Err("--roles is empty (expected all, gateway, ingest, detection or worker)".into());
    }
    Ok(roles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_and_names_unknown_roles() {
        assert_eq!(parse_roles("all").expect("all").len(), 4);
        assert_eq!(
            parse_roles("gateway, worker")
                .expect("two")
                .into_iter()
                .collect::<Vec<_>>(),
            vec![Role::Gateway, Role::Worker]
        );
        let err = parse_roles("gateway,ingester").expect_err("unknown");
        assert!(err.contains("`ingester`"), "{err}");
        assert!(parse_roles("").is_err());
    }
}
