//! garrison-billing: what each tenant pays and what it got for it.
//!
//! It owns the provider's plan catalogue and tenants' subscriptions, the invoice
//! arithmetic (pure, in integer minor units), the Stripe side (Billing Meters,
//! metered Prices, a Customer and a Subscription per tenant, hourly meter events,
//! invoices, signed webhooks) and the account and portfolio reports. The usage
//! ledger it bills from is ingest's; billing reads it through
//! [`garrison_core::usage::UsageLedger`], and SLA figures and alert/case volumes
//! through [`report::ReportSources`], so it imports no other service. Without a
//! Stripe key it runs in local mode, where invoices are estimates.

pub mod account;
pub mod compute;
pub mod csv;
pub mod entity;
pub mod estimate;
pub mod invoices;
pub mod money;
pub mod notices;
pub mod period;
pub mod plans;
pub mod portfolio;
pub mod report;
pub mod stripe;
pub mod webhook;

pub use estimate::BillingMode;
pub use plans::PlanId;
