//! garrison-notify: telling people when something needs them.
//!
//! It owns notification endpoints (a tenant's own, and the provider's, which hear
//! every tenant), the transactional outbox that services write to inside their
//! own transactions ([`enqueue`]), and delivery ([`deliver_due`]): signed
//! webhooks, Slack and Teams incoming webhooks, email over SMTP, with retries,
//! backoff, a circuit per endpoint and a delivery log. Every instant is passed in;
//! nothing here reads the wall clock except to measure latency. It depends on
//! garrison-core only, so the services that emit events (cases, SLA) can call it.

pub mod deliver;
pub mod endpoint;
mod entity;
pub mod event;
pub mod outbox;

pub use deliver::{DeliveryClient, DeliverySettings, DeliveryStats, deliver_due};
pub use endpoint::{Endpoint, EndpointId, EndpointKind, Owner};
pub use event::{EventKind, NotificationEvent};
pub use outbox::enqueue;
