//! garrison-gateway: the `garrison` binary and its HTTP face.
//!
//! It owns the axum server, authentication (JWT access tokens, rotating refresh
//! tokens), the GraphQL schema, and the CLI. It decodes, calls the services'
//! scoped functions, and encodes; it holds no business rules of its own.

pub mod app;
pub mod attachments;
pub mod auth;
pub mod billing;
pub mod billing_demo;
pub mod billing_http;
pub mod bootstrap;
pub mod cli;
pub mod commands;
pub mod console;
pub mod demo;
pub mod demo_replay;
pub mod demo_response;
pub mod graphql;
pub mod health;
pub mod http;
pub mod jobs;
pub mod metrics;
pub mod roles;
pub mod rule_packs;
pub mod sigma;
pub mod state;
pub mod telemetry;
pub mod wiring;
pub mod worker;
