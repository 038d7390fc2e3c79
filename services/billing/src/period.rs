//! Billing months in a tenant's time zone: a month runs from local midnight on
//! the 1st to local midnight on the next 1st, so an hour of usage belongs to the
//! month its first instant falls in, seen from the tenant's wall clock.

use chrono::{DateTime, Datelike, LocalResult, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use garrison_core::{Error, Result};
use std::fmt;

/// A calendar month (`YYYY-MM`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// Parses `YYYY-MM`; `field` names the argument on error.
    pub fn parse(field: &str, raw: &str) -> Result<Month> {
        let bad = || Error::invalid(field, format!("`{raw}` is not a month (YYYY-MM)"));
        let (y, m) = raw.trim().split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || !(1970..=9998).contains(&year) {
            return Err(bad());
        }
        Ok(Month { year, month })
    }

    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The first day.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    /// The month after.
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month before.
    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// How many days it has.
    pub fn days(self) -> u32 {
        (self.next().first_day() - self.first_day()).num_days() as u32
    }

    /// Every day, in order.
    pub fn each_day(self) -> impl Iterator<Item = NaiveDate> {
        self.first_day().iter_days().take(self.days() as usize)
    }

    /// `[start, end)` as instants: local midnight on the 1st to local midnight on the next 1st.
    pub fn bounds(self, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            local_midnight(self.first_day(), tz),
            local_midnight(self.next().first_day(), tz),
        )
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The first instant of `day` on the tenant's wall clock (the earliest one when a
/// DST change makes midnight ambiguous; the first valid minute when it skips it).
pub fn local_midnight(day: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let mut at = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    for _ in 0..180 {
        match tz.from_local_datetime(&at) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(a, b) => return a.min(b).with_timezone(&Utc),
            LocalResult::None => at += chrono::Duration::minutes(1),
        }
    }
    Utc.from_utc_datetime(&at)
}

/// The tenant's local date of an instant.
pub fn local_date(at: DateTime<Utc>, tz: Tz) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
}

/// A stored IANA zone name (validated when the tenant was saved); UTC otherwise.
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

/// Parses a `YYYY-MM-DD` date; `field` names the argument on error.
pub fn parse_date(field: &str, raw: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, format!("`{raw}` is not a date (YYYY-MM-DD)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_months_and_names_the_field() {
        let m = Month::parse("month", "2026-02").expect("month");
        assert_eq!(m.days(), 28);
        assert_eq!(m.to_string(), "2026-02");
        assert_eq!(Month::parse("month", "2024-02").expect("leap").days(), 29);
        assert_eq!(m.previous().to_string(), "2026-01");
        assert_eq!(
            Month::parse("m", "2026-12")
                .expect("dec")
                .next()
                .to_string(),
            "2027-01"
        );
        for bad in ["2026-13", "2026-1", "26-01", "2026/01", "", "2026-00"] {
            let err = Month::parse("month", bad).expect_err(bad);
            assert!(err.to_string().starts_with("month:"), "{err}");
        }
    }

    #[test]
    fn bounds_follow_the_tenant_clock() {
        let m = Month::parse("m", "2026-03").expect("month");
        let (start, end) = m.bounds(Tz::UTC);
        assert_eq!(start.to_rfc3339(), "2026-03-01T00:00:00+00:00");
        assert_eq!(end.to_rfc3339(), "2026-04-01T00:00:00+00:00");
        // New York: EST on 1 March (UTC-5), EDT on 1 April (UTC-4).
        let (start, end) = m.bounds(chrono_tz::America::New_York);
        assert_eq!(start.to_rfc3339(), "2026-03-01T05:00:00+00:00");
        assert_eq!(end.to_rfc3339(), "2026-04-01T04:00:00+00:00");
        // Tokyo is ahead: its March starts on 28 February in UTC.
        let (start, _) = m.bounds(chrono_tz::Asia::Tokyo);
        assert_eq!(start.to_rfc3339(), "2026-02-28T15:00:00+00:00");
    }

    #[test]
    fn midnight_skipped_by_dst_is_the_first_valid_minute() {
        // Santiago moved clocks from 00:00 to 01:00 on 2024-09-08.
        let day = NaiveDate::from_ymd_opt(2024, 9, 8).expect("date");
        let t = local_midnight(day, chrono_tz::America::Santiago);
        assert_eq!(
            t.with_timezone(&chrono_tz::America::Santiago)
                .format("%H:%M")
                .to_string(),
            "01:00"
        );
    }
}
