//! The enums of the case API (status, visibility, TLP/PAP, source, task status,
//! observable kind, action status), each the GraphQL mirror of a service enum.

use async_graphql::Enum;
use garrison_cases::cases::actions::ActionStatus as CoreActionStatus;
use garrison_cases::cases::observables::ObservableKind as CoreKind;
use garrison_cases::cases::tasks::TaskStatus as CoreTaskStatus;
use garrison_cases::cases::{CaseSource as CoreSource, Pap as CorePap, Tlp as CoreTlp};
use garrison_cases::{CaseStatus as CoreStatus, Visibility as CoreVisibility};

macro_rules! mirror_enum {
    ($(#[$meta:meta])* $name:ident <=> $core:ty { $($variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Enum, Copy, Clone, PartialEq, Eq, Debug)]
        pub enum $name { $($variant),+ }
        impl From<$core> for $name {
            fn from(v: $core) -> Self { match v { $(<$core>::$variant => $name::$variant),+ } }
        }
        impl From<$name> for $core {
            fn from(v: $name) -> Self { match v { $($name::$variant => <$core>::$variant),+ } }
        }
    };
}

mirror_enum!(
    /// Where a case stands.
    CaseStatus <=> CoreStatus { New, Acknowledged, Investigating, Contained, WaitingOnCustomer, Resolved, Closed }
);
mirror_enum!(
    /// Whether the customer sees it.
    Visibility <=> CoreVisibility { Internal, Shared }
);
mirror_enum!(
    /// Traffic Light Protocol.
    Tlp <=> CoreTlp { Clear, Green, Amber, AmberStrict, Red }
);
mirror_enum!(
    /// Permissible Actions Protocol.
    Pap <=> CorePap { Clear, Green, Amber, Red }
);
mirror_enum!(
    /// Where a case came from.
    CaseSource <=> CoreSource { Alert, Analyst, Customer }
);
mirror_enum!(
    /// Where a task stands.
    TaskStatus <=> CoreTaskStatus { Open, InProgress, Done, Cancelled }
);
mirror_enum!(
    /// What an observable is.
    ObservableKind <=> CoreKind { Ip, Domain, Url, Hash, User, Host, Email }
);
mirror_enum!(
    /// Where a proposed response action stands.
    ActionStatus <=> CoreActionStatus { Proposed, Approved, Rejected }
);
