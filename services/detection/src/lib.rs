//! garrison-detection: the Sigma engine (parse, compile, match, correlate).
//!
//! The engine stands alone without a database:
//! - [`parse`] turns YAML text into typed Sigma documents (rules, correlations, filters),
//! - [`ruleset::RuleSetBuilder`] compiles a set of documents once into a
//!   [`ruleset::CompiledRuleSet`] that evaluates events (`serde_json::Value`) quickly,
//! - [`correlation::CorrelationEngine`] keeps bounded, serialisable per-group state for
//!   correlation rules,
//! - [`cli`] holds the `garrison sigma check|eval|bench` commands.
//!
//! On top of the engine, with the database: [`packs`] (the provider's rule packs,
//! versioned), [`tenant`] (each tenant's enabled packs, overrides, exceptions and
//! placeholders, compiled into its effective set), and [`consumer`] (the
//! `detection` role: stored events in, alerts out, with a durable cursor).

pub mod cli;
pub mod compile;
pub mod condition;
pub mod consumer;
pub mod correlation;
mod entity;
mod error;
pub mod event;
pub mod fieldmap;
pub mod logsource;
pub mod modifiers;
pub mod packs;
mod parallel;
pub mod parse;
pub mod pattern;
pub mod rejection;
mod router;
pub mod ruleset;
pub mod tenant;

pub use error::Error;
pub use ruleset::{CompiledRuleSet, RuleIdx, RuleSetBuilder, Scratch};
