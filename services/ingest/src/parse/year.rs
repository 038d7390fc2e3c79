//! The receiving clock: "now" and the tenant's time zone, for RFC 3164
//! timestamps that carry neither a year nor a zone.

use chrono::{DateTime, Datelike, TimeZone, Utc};
use chrono_tz::Tz;

/// Now, and the zone a zoneless timestamp is read in.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub now: DateTime<Utc>,
    pub tz: Tz,
}

impl Clock {
    pub fn new(now: DateTime<Utc>, tz: Tz) -> Clock {
        Clock { now, tz }
    }

    /// The year of a month/day seen at `now` in the zone: the current year,
    /// except across the new-year boundary (a December message arriving in early
    /// January is last year's; a January message in late December, from a sender
    /// whose clock runs ahead, is next year's).
    pub fn infer_year(&self, month: u32) -> i32 {
        let local = self.tz.from_utc_datetime(&self.now.naive_utc());
        let (year, current) = (local.year(), local.month());
        if month >= current + 6 {
            year - 1
        } else if month + 6 <= current {
            // More than half a year behind is only plausible as next year's early month.
            if current == 12 && month == 1 {
                year + 1
            } else {
                year
            }
        } else {
            year
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(rfc3339: &str) -> Clock {
        Clock::new(
            DateTime::parse_from_rfc3339(rfc3339)
                .expect("time")
                .with_timezone(&Utc),
            Tz::UTC,
        )
    }

    #[test]
    fn years_across_the_new_year_boundary() {
        assert_eq!(clock("2027-01-01T00:00:05Z").infer_year(12), 2026);
        assert_eq!(clock("2026-12-31T23:59:59Z").infer_year(1), 2027);
        assert_eq!(clock("2026-06-15T12:00:00Z").infer_year(6), 2026);
        assert_eq!(clock("2026-06-15T12:00:00Z").infer_year(1), 2026);
        assert_eq!(clock("2026-03-01T00:00:00Z").infer_year(11), 2025);
    }

    #[test]
    fn the_tenant_zone_decides_the_local_date() {
        // 23:30 UTC on Dec 31 is already Jan 1 in Tokyo.
        let now = DateTime::parse_from_rfc3339("2026-12-31T23:30:00Z")
            .expect("t")
            .with_timezone(&Utc);
        let tokyo = Clock::new(now, chrono_tz::Asia::Tokyo);
        assert_eq!(tokyo.infer_year(12), 2026);
        assert_eq!(tokyo.infer_year(1), 2027);
    }
}
