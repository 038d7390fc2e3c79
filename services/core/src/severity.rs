//! Severity: one scale shared by rules (Sigma `level`), alerts, cases and SLA
//! policies, so a case escalated from an alert and the SLA clock it starts can never
//! disagree about how urgent it is.

use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How urgent something is, least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Informational,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    /// Every severity, least to most urgent.
    pub const ALL: [Severity; 5] = [
        Severity::Informational,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    /// Stored name (also Sigma's `level` spelling).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Informational => "informational",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// Parses a stored name or a Sigma `level`; `field` names the argument on error.
    pub fn parse(field: &str, raw: &str) -> Result<Severity> {
        let raw = raw.trim();
        Severity::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(raw))
            .ok_or_else(|| {
                Error::invalid(
                    field,
                    format!(
                        "unknown severity `{raw}` (expected informational, low, medium, high or critical)"
                    ),
                )
            })
    }

    /// A stable rank (0 = informational .. 4 = critical) for ordering in SQL.
    pub fn rank(self) -> i16 {
        self as i16
    }

    /// The severity of a stored rank; out-of-range ranks clamp.
    pub fn from_rank(rank: i16) -> Severity {
        Severity::ALL[rank.clamp(0, 4) as usize]
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_ranks_round_trip() {
        assert_eq!(
            Severity::parse("level", " HIGH ").expect("parses"),
            Severity::High
        );
        let err = Severity::parse("level", "urgent").expect_err("unknown");
        assert!(
            err.to_string()
                .starts_with("level: unknown severity `urgent`")
        );
        for s in Severity::ALL {
            assert_eq!(Severity::from_rank(s.rank()), s);
        }
        assert!(Severity::Critical > Severity::Low);
    }
}
