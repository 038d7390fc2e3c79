//! Stripe: the client (base URL and key from configuration), a retry loop with
//! backoff for transient failures, the sync job and invoice fetching.
//!
//! Requests are built with async-stripe's generated parameter types and sent by
//! its client (form encoding, auth, API version, idempotency keys). Responses are
//! read into the small structs of [`wire`] holding only the fields Garrison uses,
//! so a field Stripe adds or a deep object Garrison never reads cannot fail a sync.

pub mod client;
pub mod invoices;
pub mod meters;
pub mod setup;
pub mod sync;
pub mod wire;

pub use client::{RetryPolicy, StripeApi, StripeFailure};
pub use sync::{SyncReport, sync_all};

/// The sum meter: decimal GB stored per hour.
pub const METER_GB: &str = "garrison_ingest_gb";
/// The last-value meter: the month's running maximum of daily distinct hosts.
pub const METER_ENDPOINTS: &str = "garrison_endpoints";
