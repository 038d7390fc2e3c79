//! GraphQL types of the SLA API: policies, business calendars, and the clock
//! instances that alert and case types attach (reports: `sla_report_types`).

use super::severity::Severity;
use async_graphql::{Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use garrison_sla::calendar::store::TenantCalendar;
use garrison_sla::calendar::{self, CalendarKind};
use garrison_sla::{InstanceStatus, InstanceView, policy};

/// Which hours a policy's clocks count.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum SlaCalendar {
    TwentyFourSeven,
    BusinessHours,
}

impl From<CalendarKind> for SlaCalendar {
    fn from(kind: CalendarKind) -> Self {
        match kind {
            CalendarKind::TwentyFourSeven => SlaCalendar::TwentyFourSeven,
            CalendarKind::BusinessHours => SlaCalendar::BusinessHours,
        }
    }
}

impl From<SlaCalendar> for CalendarKind {
    fn from(kind: SlaCalendar) -> Self {
        match kind {
            SlaCalendar::TwentyFourSeven => CalendarKind::TwentyFourSeven,
            SlaCalendar::BusinessHours => CalendarKind::BusinessHours,
        }
    }
}

/// What a clock measures.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum SlaTarget {
    Acknowledge,
    /// First response action or first comment shared with the customer.
    Respond,
    Resolve,
}

impl From<garrison_sla::Target> for SlaTarget {
    fn from(t: garrison_sla::Target) -> Self {
        match t {
            garrison_sla::Target::Acknowledge => SlaTarget::Acknowledge,
            garrison_sla::Target::Respond => SlaTarget::Respond,
            garrison_sla::Target::Resolve => SlaTarget::Resolve,
        }
    }
}

/// What a clock runs on.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum SlaSubjectKind {
    Alert,
    Case,
}

impl From<garrison_sla::SubjectKind> for SlaSubjectKind {
    fn from(k: garrison_sla::SubjectKind) -> Self {
        match k {
            garrison_sla::SubjectKind::Alert => SlaSubjectKind::Alert,
            garrison_sla::SubjectKind::Case => SlaSubjectKind::Case,
        }
    }
}

/// Where a clock stands now.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum SlaStatus {
    /// Open, before its warning threshold.
    Running,
    /// Open, past its warning threshold.
    Warning,
    /// Open and past due.
    Breached,
    /// Stopped while waiting on the customer.
    Paused,
    /// Completed on time.
    Met,
    /// Completed late.
    Missed,
    /// Stopped without completion (resolved or reopened first) before it was due.
    Cancelled,
}

impl From<InstanceStatus> for SlaStatus {
    fn from(s: InstanceStatus) -> Self {
        match s {
            InstanceStatus::Running => SlaStatus::Running,
            InstanceStatus::Warning => SlaStatus::Warning,
            InstanceStatus::Breached => SlaStatus::Breached,
            InstanceStatus::Paused => SlaStatus::Paused,
            InstanceStatus::Met => SlaStatus::Met,
            InstanceStatus::Missed => SlaStatus::Missed,
            InstanceStatus::Cancelled => SlaStatus::Cancelled,
        }
    }
}

/// A day of the week.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl From<Weekday> for chrono::Weekday {
    fn from(d: Weekday) -> Self {
        match d {
            Weekday::Monday => chrono::Weekday::Mon,
            Weekday::Tuesday => chrono::Weekday::Tue,
            Weekday::Wednesday => chrono::Weekday::Wed,
            Weekday::Thursday => chrono::Weekday::Thu,
            Weekday::Friday => chrono::Weekday::Fri,
            Weekday::Saturday => chrono::Weekday::Sat,
            Weekday::Sunday => chrono::Weekday::Sun,
        }
    }
}

const WEEK: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

/// A tenant's effective policy for one severity.
pub struct SlaPolicy(pub policy::SlaPolicy);

#[Object]
impl SlaPolicy {
    async fn tenant_id(&self) -> ID {
        ID(self.0.tenant_id.to_string())
    }
    async fn severity(&self) -> Severity {
        self.0.severity.into()
    }
    /// Seconds of the policy's calendar.
    async fn acknowledge_seconds(&self) -> i64 {
        self.0.targets.acknowledge_secs
    }
    async fn respond_seconds(&self) -> i64 {
        self.0.targets.respond_secs
    }
    async fn resolve_seconds(&self) -> i64 {
        self.0.targets.resolve_secs
    }
    /// The warning fires at this percentage of each target.
    async fn warn_percent(&self) -> i32 {
        self.0.targets.warn_percent.into()
    }
    async fn calendar(&self) -> SlaCalendar {
        self.0.targets.calendar.into()
    }
    /// True while the tenant uses the default template for this severity.
    async fn is_default(&self) -> bool {
        self.0.is_default
    }
    async fn updated_at(&self) -> Option<DateTime<Utc>> {
        self.0.updated_at
    }
}

/// `setSlaPolicy`'s targets, in seconds of the chosen calendar.
#[derive(InputObject)]
pub struct SlaPolicyInput {
    pub acknowledge_seconds: i32,
    pub respond_seconds: i32,
    pub resolve_seconds: i32,
    /// 1-99; default 75.
    pub warn_percent: Option<i32>,
    pub calendar: SlaCalendar,
}

impl From<SlaPolicyInput> for policy::PolicyInput {
    fn from(i: SlaPolicyInput) -> Self {
        policy::PolicyInput {
            acknowledge_secs: i.acknowledge_seconds.into(),
            respond_secs: i.respond_seconds.into(),
            resolve_secs: i.resolve_seconds.into(),
            warn_percent: i.warn_percent,
            calendar: i.calendar.into(),
        }
    }
}

/// One weekday's open hours, local time (`HH:MM`; `end` may be `24:00`).
#[derive(SimpleObject, InputObject)]
#[graphql(input_name = "BusinessHoursInput")]
pub struct BusinessHours {
    pub weekday: Weekday,
    pub start: String,
    pub end: String,
}

/// A tenant's business hours.
pub struct BusinessCalendar(pub TenantCalendar);

#[Object]
impl BusinessCalendar {
    async fn tenant_id(&self) -> ID {
        ID(self.0.tenant_id.to_string())
    }
    /// IANA time zone of the hours and holidays.
    async fn timezone(&self) -> &str {
        self.0.calendar.timezone.name()
    }
    /// Open days, Monday first; days not listed are closed.
    async fn weekly_hours(&self) -> Vec<BusinessHours> {
        WEEK.iter()
            .filter_map(|&day| {
                let hours = self.0.calendar.hours_on(day.into())?;
                Some(BusinessHours {
                    weekday: day,
                    start: calendar::format_hhmm(hours.start_min),
                    end: calendar::format_hhmm(hours.end_min),
                })
            })
            .collect()
    }
    /// Closed dates (`YYYY-MM-DD`), oldest first.
    async fn holidays(&self) -> Vec<String> {
        self.0
            .calendar
            .holidays
            .iter()
            .map(|d| d.to_string())
            .collect()
    }
    /// True while the tenant uses Mon-Fri 09:00-17:00 in its own time zone.
    async fn is_default(&self) -> bool {
        self.0.is_default
    }
    async fn updated_at(&self) -> Option<DateTime<Utc>> {
        self.0.updated_at
    }
}

/// `setBusinessCalendar`'s input.
#[derive(InputObject)]
pub struct BusinessCalendarInput {
    /// IANA name; default the tenant's own time zone.
    pub timezone: Option<String>,
    pub weekly_hours: Vec<BusinessHours>,
    /// Closed dates, `YYYY-MM-DD`.
    #[graphql(default)]
    pub holidays: Vec<String>,
}

impl From<BusinessCalendarInput> for calendar::CalendarInput {
    fn from(i: BusinessCalendarInput) -> Self {
        calendar::CalendarInput {
            timezone: i.timezone,
            weekly_hours: i
                .weekly_hours
                .into_iter()
                .map(|h| calendar::DayHoursInput {
                    weekday: h.weekday.into(),
                    start: h.start,
                    end: h.end,
                })
                .collect(),
            holidays: i.holidays,
        }
    }
}

/// One SLA clock of an alert or case, as it stands now.
pub struct SlaInstance(pub InstanceView);

#[Object]
impl SlaInstance {
    async fn id(&self) -> ID {
        ID(self.0.instance.id.to_string())
    }
    async fn subject_kind(&self) -> SlaSubjectKind {
        self.0.instance.subject.kind.into()
    }
    async fn subject_id(&self) -> ID {
        ID(self.0.instance.subject.id.to_string())
    }
    /// 1 for the first clocks; each reopen starts the next cycle.
    async fn cycle(&self) -> i32 {
        self.0.instance.cycle
    }
    async fn target(&self) -> SlaTarget {
        self.0.instance.target.into()
    }
    async fn severity(&self) -> Severity {
        self.0.instance.severity.into()
    }
    async fn calendar(&self) -> SlaCalendar {
        self.0.instance.calendar.into()
    }
    async fn target_seconds(&self) -> i64 {
        self.0.instance.target_secs
    }
    async fn started_at(&self) -> DateTime<Utc> {
        self.0.instance.started_at
    }
    async fn warn_at(&self) -> DateTime<Utc> {
        self.0.instance.warn_at
    }
    async fn due_at(&self) -> DateTime<Utc> {
        self.0.instance.due_at
    }
    async fn paused(&self) -> bool {
        self.0.instance.paused()
    }
    async fn paused_at(&self) -> Option<DateTime<Utc>> {
        self.0.instance.paused_at
    }
    async fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.0.instance.completed_at
    }
    async fn warned_at(&self) -> Option<DateTime<Utc>> {
        self.0.instance.warned_at
    }
    async fn breached_at(&self) -> Option<DateTime<Utc>> {
        self.0.instance.breached_at
    }
    /// Completed late, or past due.
    async fn breached(&self) -> bool {
        self.0.instance.breached() || self.0.status == InstanceStatus::Breached
    }
    async fn status(&self) -> SlaStatus {
        self.0.status.into()
    }
    /// Seconds of the clock's calendar until due (negative once overdue); null
    /// once completed or cancelled. A paused clock stands still.
    async fn remaining_seconds(&self) -> Option<i64> {
        self.0.remaining_secs
    }
}
