//! The case status machine. `NEW → ACKNOWLEDGED → INVESTIGATING → CONTAINED →
//! RESOLVED → CLOSED`, with `WAITING_ON_CUSTOMER` reachable from any open state
//! (it pauses the SLA clocks and needs a reason) and a reopen from `RESOLVED` or
//! `CLOSED` back to `NEW` (a new SLA cycle). Steps may be skipped forward (a false
//! alarm goes straight to `RESOLVED`); going back is only into active work.

use garrison_core::{Error, Result};

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseStatus {
    New,
    Acknowledged,
    Investigating,
    Contained,
    WaitingOnCustomer,
    Resolved,
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 7] = [
        CaseStatus::New,
        CaseStatus::Acknowledged,
        CaseStatus::Investigating,
        CaseStatus::Contained,
        CaseStatus::WaitingOnCustomer,
        CaseStatus::Resolved,
        CaseStatus::Closed,
    ];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::New => "new",
            CaseStatus::Acknowledged => "acknowledged",
            CaseStatus::Investigating => "investigating",
            CaseStatus::Contained => "contained",
            CaseStatus::WaitingOnCustomer => "waiting_on_customer",
            CaseStatus::Resolved => "resolved",
            CaseStatus::Closed => "closed",
        }
    }

    /// The name people and the API use (`WAITING_ON_CUSTOMER`).
    pub fn label(self) -> String {
        self.as_str().to_ascii_uppercase()
    }

    pub(crate) fn from_stored(raw: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// Still being worked (not resolved or closed).
    pub fn is_open(self) -> bool {
        !matches!(self, CaseStatus::Resolved | CaseStatus::Closed)
    }

    /// Where a case may go from here.
    pub fn next(self) -> &'static [CaseStatus] {
        use CaseStatus::*;
        match self {
            New => &[Acknowledged, Investigating, WaitingOnCustomer, Resolved],
            Acknowledged => &[Investigating, Contained, WaitingOnCustomer, Resolved],
            Investigating => &[Contained, WaitingOnCustomer, Resolved],
            Contained => &[Investigating, WaitingOnCustomer, Resolved],
            WaitingOnCustomer => &[Acknowledged, Investigating, Contained, Resolved],
            Resolved => &[Closed, New],
            Closed => &[New],
        }
    }
}

/// What a transition does to the SLA clocks and timestamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effects {
    /// The acknowledge target is met.
    pub acknowledges: bool,
    pub pauses: bool,
    pub resumes: bool,
    pub resolves: bool,
    pub closes: bool,
    /// A new SLA cycle starts.
    pub reopens: bool,
}

/// Checks a transition; the error names both states. `reason` is required to wait
/// on the customer.
pub fn check_transition(from: CaseStatus, to: CaseStatus, reason: Option<&str>) -> Result<Effects> {
    if !from.next().contains(&to) {
        return Err(Error::invalid(
            "status",
            format!(
                "a case cannot move from {} to {} (allowed: {})",
                from.label(),
                to.label(),
                from.next()
                    .iter()
                    .map(|s| s.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    if to == CaseStatus::WaitingOnCustomer && reason.is_none_or(|r| r.trim().is_empty()) {
        return Err(Error::invalid(
            "reason",
            "say what the customer is asked for when the case waits on them",
        ));
    }
    Ok(Effects {
        acknowledges: from == CaseStatus::New && to != CaseStatus::New,
        pauses: to == CaseStatus::WaitingOnCustomer,
        resumes: from == CaseStatus::WaitingOnCustomer,
        resolves: to == CaseStatus::Resolved,
        closes: to == CaseStatus::Closed,
        reopens: !from.is_open() && to == CaseStatus::New,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseStatus::*;

    #[test]
    fn the_happy_path_is_allowed_step_by_step() {
        let path = [
            New,
            Acknowledged,
            Investigating,
            Contained,
            Resolved,
            Closed,
        ];
        for pair in path.windows(2) {
            check_transition(pair[0], pair[1], None).expect("allowed");
        }
    }

    #[test]
    fn invalid_transitions_name_both_states() {
        let err = check_transition(New, Closed, None).expect_err("skips resolution");
        let text = err.to_string();
        assert!(text.starts_with("status: "), "{text}");
        assert!(text.contains("from NEW to CLOSED"), "{text}");
        assert!(check_transition(Closed, Investigating, None).is_err());
        assert!(check_transition(Resolved, Resolved, None).is_err());
    }

    #[test]
    fn waiting_needs_a_reason_and_pauses_then_resumes() {
        let err = check_transition(Investigating, WaitingOnCustomer, None).expect_err("reason");
        assert!(err.to_string().starts_with("reason: "));
        let e = check_transition(Investigating, WaitingOnCustomer, Some("logs")).expect("ok");
        assert!(e.pauses && !e.resumes);
        let e = check_transition(WaitingOnCustomer, Investigating, None).expect("ok");
        assert!(e.resumes && !e.pauses);
    }

    #[test]
    fn reopen_starts_over_and_acknowledge_happens_once() {
        let e = check_transition(Resolved, New, None).expect("reopen");
        assert!(e.reopens && !e.acknowledges);
        assert!(check_transition(Closed, New, None).expect("reopen").reopens);
        assert!(
            check_transition(New, Investigating, None)
                .expect("ok")
                .acknowledges
        );
        assert!(
            !check_transition(Acknowledged, Investigating, None)
                .expect("ok")
                .acknowledges
        );
        assert!(
            check_transition(Contained, Resolved, None)
                .expect("ok")
                .resolves
        );
    }
}
