//! garrison-core: the spine every Garrison service stands on.
//!
//! It owns what must be the same everywhere: typed ids, the caller's [`Scope`] and
//! the role/permission matrix, the one boundary [`Error`], layered configuration,
//! and the database wrapper whose only door is [`db::Db::begin`] with a scope. The
//! provider's registry (tenants, users, sessions, the audit log) lives here too,
//! because every other crate needs it and none may reach around the scope to get it.

pub mod alerting;
pub mod audit;
pub mod bus;
pub mod clock;
pub mod config;
pub mod db;
pub mod error;
pub mod event;
pub mod ids;
pub mod lease;
pub mod page;
pub mod password;
pub mod role;
pub mod scope;
pub mod secret;
pub mod sessions;
pub mod severity;
pub mod tenants;
pub mod token;
pub mod usage;
pub mod users;
pub mod validate;

mod entity;

pub use error::{Error, Result};
pub use ids::{TenantId, UserId};
pub use role::{Action, Resource, Role};
pub use scope::Scope;
pub use secret::Secret;
pub use severity::Severity;
