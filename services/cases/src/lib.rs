//! garrison-cases: where the provider's people work what detection raised.
//!
//! It owns the alert table (detection hands matches over through
//! `garrison_core::alerting::AlertSink`, implemented by [`alerts::raise`]), the
//! cross-tenant alert queue and triage, and cases with their comments, tasks,
//! observables and timeline. Every function takes the caller's scoped transaction
//! first; authorization of record is here, not in the GraphQL resolvers.

pub mod alerts;
pub mod cases;
mod entity;
pub mod keyset;
pub mod notify;

pub use alerts::{Alert, AlertId, AlertStatus, Disposition};
pub use cases::{Case, CaseId, CaseStatus, Visibility};
