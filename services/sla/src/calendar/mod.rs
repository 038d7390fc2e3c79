//! Business calendars: when a tenant's business-hours clocks run.
//!
//! A calendar is a time zone, at most one window of hours per weekday (local
//! time), and holidays (local dates). [`math`] holds the pure functions that move
//! a clock along it; [`store`] reads and writes a tenant's calendar.
//!
//! The default is Monday to Friday, 09:00 to 17:00, in the tenant's own time zone
//! (the `timezone` of its registry record), no holidays.

pub mod math;
pub mod store;

#[cfg(test)]
mod math_tests;

use chrono::{NaiveDate, Weekday};
use chrono_tz::Tz;
use garrison_core::{Error, Result};
use std::collections::BTreeSet;

/// Which calendar a policy's clocks run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CalendarKind {
    /// Every second counts.
    TwentyFourSeven,
    /// Only seconds inside the tenant's business hours count.
    BusinessHours,
}

impl CalendarKind {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            CalendarKind::TwentyFourSeven => "twenty_four_seven",
            CalendarKind::BusinessHours => "business_hours",
        }
    }

    /// The kind of a stored name (unknown names fall back to 24x7, the stricter one).
    pub fn from_stored(raw: &str) -> CalendarKind {
        if raw == "business_hours" {
            CalendarKind::BusinessHours
        } else {
            CalendarKind::TwentyFourSeven
        }
    }
}

/// Open hours of one weekday, in minutes after local midnight (`end` may be 1440,
/// i.e. 24:00). `start < end`: a window never crosses midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayHours {
    pub start_min: u16,
    pub end_min: u16,
}

/// A parsed business calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct BusinessCalendar {
    pub timezone: Tz,
    /// Indexed by `Weekday::num_days_from_monday()`; `None` is a closed day.
    pub hours: [Option<DayHours>; 7],
    pub holidays: BTreeSet<NaiveDate>,
}

/// Most holidays a calendar may list (decades of public holidays).
pub const MAX_HOLIDAYS: usize = 1000;

impl BusinessCalendar {
    /// Monday to Friday, 09:00 to 17:00 in `timezone`, no holidays.
    pub fn default_in(timezone: Tz) -> BusinessCalendar {
        let office = Some(DayHours {
            start_min: 9 * 60,
            end_min: 17 * 60,
        });
        BusinessCalendar {
            timezone,
            hours: [office, office, office, office, office, None, None],
            holidays: BTreeSet::new(),
        }
    }

    /// The hours of a weekday.
    pub fn hours_on(&self, day: Weekday) -> Option<DayHours> {
        self.hours[day.num_days_from_monday() as usize]
    }
}

/// One weekday's hours as received at the edge (`"09:00"`, `"17:30"`, `"24:00"`).
#[derive(Debug, Clone)]
pub struct DayHoursInput {
    pub weekday: Weekday,
    pub start: String,
    pub end: String,
}

/// A calendar as received at the edge (`setBusinessCalendar`'s `input`).
#[derive(Debug, Clone)]
pub struct CalendarInput {
    /// IANA name; absent means the tenant's own time zone.
    pub timezone: Option<String>,
    /// Open days; days not listed are closed.
    pub weekly_hours: Vec<DayHoursInput>,
    /// `YYYY-MM-DD`, local dates on which nothing is open.
    pub holidays: Vec<String>,
}

impl CalendarInput {
    /// Parses into a calendar; `fallback_tz` is used when no time zone is given.
    /// Errors name the argument (`input.weeklyHours[2].end`).
    pub fn parse(&self, fallback_tz: Tz) -> Result<BusinessCalendar> {
        let timezone = match &self.timezone {
            Some(raw) => parse_timezone("input.timezone", raw)?,
            None => fallback_tz,
        };
        let mut hours = [None; 7];
        for (i, day) in self.weekly_hours.iter().enumerate() {
            let field = |f: &str| format!("input.weeklyHours[{i}].{f}");
            let start_min = parse_hhmm(&field("start"), &day.start)?;
            let end_min = parse_hhmm(&field("end"), &day.end)?;
            if start_min >= end_min {
                return Err(Error::invalid(
                    field("end"),
                    format!(
                        "must be after start ({} is not after {}); a window cannot cross midnight",
                        day.end.trim(),
                        day.start.trim()
                    ),
                ));
            }
            let slot = &mut hours[day.weekday.num_days_from_monday() as usize];
            if slot.is_some() {
                return Err(Error::invalid(
                    field("weekday"),
                    format!("{:?} is listed twice", day.weekday),
                ));
            }
            *slot = Some(DayHours { start_min, end_min });
        }
        if hours.iter().all(Option::is_none) {
            return Err(Error::invalid(
                "input.weeklyHours",
                "must open on at least one weekday (use a 24x7 policy for round-the-clock clocks)",
            ));
        }
        if self.holidays.len() > MAX_HOLIDAYS {
            return Err(Error::invalid(
                "input.holidays",
                format!("at most {MAX_HOLIDAYS} dates"),
            ));
        }
        let mut holidays = BTreeSet::new();
        for (i, raw) in self.holidays.iter().enumerate() {
            let date = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| {
                Error::invalid(
                    format!("input.holidays[{i}]"),
                    format!("`{raw}` is not a date (YYYY-MM-DD)"),
                )
            })?;
            holidays.insert(date);
        }
        Ok(BusinessCalendar {
            timezone,
            hours,
            holidays,
        })
    }
}

/// Parses an IANA time-zone name.
pub fn parse_timezone(field: &str, raw: &str) -> Result<Tz> {
    raw.trim()
        .parse::<Tz>()
        .map_err(|_| Error::invalid(field, format!("`{raw}` is not an IANA time zone name")))
}

/// Parses `HH:MM` (00:00 to 24:00) into minutes after midnight.
pub fn parse_hhmm(field: &str, raw: &str) -> Result<u16> {
    let bad = || {
        Error::invalid(
            field,
            format!("`{raw}` is not a time of day (HH:MM, 00:00 to 24:00)"),
        )
    };
    let (h, m) = raw.trim().split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(bad());
    }
    let h: u16 = h.parse().map_err(|_| bad())?;
    let m: u16 = m.parse().map_err(|_| bad())?;
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// Formats minutes after midnight as `HH:MM`.
pub fn format_hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}
