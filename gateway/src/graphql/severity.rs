//! The GraphQL `Severity` enum, shared by rules, alerts, cases and SLA policies.

use async_graphql::Enum;

/// How urgent something is, least to most.
#[derive(Enum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum Severity {
    Informational,
    Low,
    Medium,
    High,
    Critical,
}

impl From<garrison_core::Severity> for Severity {
    fn from(s: garrison_core::Severity) -> Self {
        use garrison_core::Severity as S;
        match s {
            S::Informational => Severity::Informational,
            S::Low => Severity::Low,
            S::Medium => Severity::Medium,
            S::High => Severity::High,
            S::Critical => Severity::Critical,
        }
    }
}

impl From<Severity> for garrison_core::Severity {
    fn from(s: Severity) -> Self {
        use garrison_core::Severity as S;
        match s {
            Severity::Informational => S::Informational,
            Severity::Low => S::Low,
            Severity::Medium => S::Medium,
            Severity::High => S::High,
            Severity::Critical => S::Critical,
        }
    }
}
