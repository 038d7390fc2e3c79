//! What one delivery pass decides per row and per endpoint, and what it adds up
//! to: shared by the pass ([`super::run`]) and the bookkeeping that records it
//! ([`super::record`]).

use super::Sent;
use crate::endpoint::Owner;
use crate::entity::outbox;
use chrono::{DateTime, Utc};

/// A row not delivered within this long after it was queued is given up.
pub const MAX_AGE_HOURS: i64 = 24;

/// What a pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryStats {
    pub claimed: u64,
    /// Requests (or emails) actually sent.
    pub sent: u64,
    pub delivered: u64,
    /// Failed attempts that will be retried.
    pub retrying: u64,
    /// Given up (attempts exhausted, 410 Gone, or expired).
    pub dead: u64,
    /// Held back by an open circuit.
    pub deferred: u64,
    /// Dropped because their endpoint was disabled or deleted.
    pub cancelled: u64,
}

pub(super) enum Outcome {
    Delivered(Sent),
    Retry(DateTime<Utc>, Sent),
    Dead(Sent),
    Gone(Sent),
    Deferred(DateTime<Utc>),
    Cancelled,
    Expired,
}

pub(super) enum Change {
    None,
    Healthy,
    Failed { failures: i32, until: DateTime<Utc> },
    Gone,
}

pub(super) struct GroupResult {
    pub(super) endpoint: Option<(uuid::Uuid, Owner)>,
    pub(super) outcomes: Vec<(outbox::Model, Outcome)>,
    pub(super) change: Change,
}
