//! sea-orm entities of the spine's tables (see the identity migration).

pub mod audit_chain_head;
pub mod audit_log;
pub mod refresh_token;
pub mod tenant;
pub mod tenant_assignment;
pub mod user;
