//! Pure clock arithmetic over a business calendar: no database, no "now".
//!
//! Both functions walk the calendar one local date at a time, turning each open
//! window into a pair of UTC instants, so daylight-saving changes are handled where
//! they happen: a window on a DST day is as long as the wall clock says (09:00 to
//! 17:00 is eight hours of real time even on the day clocks change at 02:00).
//! A local opening time that falls in a spring-forward gap opens at the first
//! instant after the gap; an ambiguous one (the repeated autumn hour) opens at the
//! earlier of the two.

use super::BusinessCalendar;
use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// How far ahead the walk looks before giving up. A parsed calendar opens on at
/// least one weekday and lists at most a thousand holidays, so this is never
/// reached in practice; it bounds the loop against a pathological calendar.
const MAX_DAYS: u32 = 366 * 20;

/// The instant `duration` of business time after `start`. A start outside business
/// hours begins counting at the next opening; a zero or negative duration is due
/// at `start` itself.
pub fn add_business_time(
    calendar: &BusinessCalendar,
    start: DateTime<Utc>,
    duration: Duration,
) -> DateTime<Utc> {
    if duration <= Duration::zero() {
        return start;
    }
    let mut remaining = duration;
    let mut date = start.with_timezone(&calendar.timezone).date_naive();
    for _ in 0..MAX_DAYS {
        if let Some((open, close)) = window(calendar, date) {
            let from = open.max(start);
            if close > from {
                let available = close - from;
                if remaining <= available {
                    return from + remaining;
                }
                remaining -= available;
            }
        }
        let Some(next) = date.succ_opt() else { break };
        date = next;
    }
    // Unreachable for a parsed calendar (see MAX_DAYS); round-the-clock is the
    // conservative answer (it is never later than a business-hours due time).
    start + duration
}

/// The business time between `a` and `b` (zero when `b` is not after `a`).
pub fn business_time_between(
    calendar: &BusinessCalendar,
    a: DateTime<Utc>,
    b: DateTime<Utc>,
) -> Duration {
    if b <= a {
        return Duration::zero();
    }
    let mut total = Duration::zero();
    let mut date = a.with_timezone(&calendar.timezone).date_naive();
    let last = b.with_timezone(&calendar.timezone).date_naive();
    while date <= last {
        if let Some((open, close)) = window(calendar, date) {
            let from = open.max(a);
            let to = close.min(b);
            if to > from {
                total += to - from;
            }
        }
        let Some(next) = date.succ_opt() else { break };
        date = next;
    }
    total
}

/// The open window of a local date as UTC instants, if the day is open.
fn window(calendar: &BusinessCalendar, date: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    if calendar.holidays.contains(&date) {
        return None;
    }
    let hours = calendar.hours_on(chrono::Datelike::weekday(&date))?;
    let midnight = date.and_hms_opt(0, 0, 0)?;
    let open = local_to_utc(
        calendar.timezone,
        midnight + Duration::minutes(hours.start_min.into()),
    );
    let close = local_to_utc(
        calendar.timezone,
        midnight + Duration::minutes(hours.end_min.into()),
    );
    (close > open).then_some((open, close))
}

/// A local wall-clock time as an instant: the earlier of an ambiguous pair, and
/// the first instant after a spring-forward gap for a time that does not exist.
fn local_to_utc(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(earliest, _) => earliest.with_timezone(&Utc),
        LocalResult::None => {
            // Gaps are whole minutes and at most a few hours long.
            let mut probe = local;
            for _ in 0..(24 * 60) {
                probe += Duration::minutes(1);
                if let Some(t) = tz.from_local_datetime(&probe).earliest() {
                    return t.with_timezone(&Utc);
                }
            }
            Utc.from_utc_datetime(&local)
        }
    }
}
