//! garrison-sla: every customer's contract, measured.
//!
//! It owns SLA policies (targets per tenant and severity, with a default template),
//! business calendars, the clocks on every alert and case (started, completed,
//! paused and restarted by the alert and case services inside their own
//! transactions), the worker's tick that emits `sla.warning` and `sla.breached`
//! exactly once each, and the reports (MTTD, MTTA, MTTR, attainment, breaches) that
//! account managers and customers read, in GraphQL and as CSV.
//!
//! No function here reads the wall clock: every instant is passed in, so tests step
//! time instead of sleeping and a report can be checked to the second. It depends
//! on garrison-core only.

pub mod calendar;
pub mod clocks;
pub mod csv;
pub mod entity;
pub mod policy;
pub mod report;
pub mod stats;

pub use clocks::{
    InstanceStatus, InstanceView, NoticeKind, SlaInstance, SlaNotice, Subject, SubjectKind, Target,
};
