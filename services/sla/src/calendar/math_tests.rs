//! Calendar arithmetic: weekends, holidays, starts outside hours, time zones and
//! both daylight-saving changes.

use super::math::{add_business_time, business_time_between};
use super::{BusinessCalendar, CalendarInput, DayHours, DayHoursInput};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("test instant")
        .with_timezone(&Utc)
}

fn office(tz: Tz) -> BusinessCalendar {
    BusinessCalendar::default_in(tz)
}

fn always_open(tz: Tz) -> BusinessCalendar {
    let day = Some(DayHours {
        start_min: 0,
        end_min: 24 * 60,
    });
    BusinessCalendar {
        timezone: tz,
        hours: [day; 7],
        holidays: Default::default(),
    }
}

// 2026-01-05 is a Monday.
#[test]
fn inside_one_day_and_across_the_evening() {
    let cal = office(Tz::UTC);
    let h = Duration::hours;
    assert_eq!(
        add_business_time(&cal, utc("2026-01-05T10:00:00Z"), h(2)),
        utc("2026-01-05T12:00:00Z")
    );
    assert_eq!(
        add_business_time(&cal, utc("2026-01-05T16:00:00Z"), h(2)),
        utc("2026-01-06T10:00:00Z")
    );
    // Exactly the rest of the day is due at closing, not at the next opening.
    assert_eq!(
        add_business_time(&cal, utc("2026-01-05T09:00:00Z"), h(8)),
        utc("2026-01-05T17:00:00Z")
    );
}

#[test]
fn weekends_are_skipped() {
    let cal = office(Tz::UTC);
    // Friday 16:00 + 2h = Monday 10:00.
    assert_eq!(
        add_business_time(&cal, utc("2026-01-09T16:00:00Z"), Duration::hours(2)),
        utc("2026-01-12T10:00:00Z")
    );
    // Five business days from Monday 09:00 end Friday 17:00.
    assert_eq!(
        add_business_time(&cal, utc("2026-01-05T09:00:00Z"), Duration::hours(40)),
        utc("2026-01-09T17:00:00Z")
    );
}

#[test]
fn starts_outside_hours_count_from_the_next_opening() {
    let cal = office(Tz::UTC);
    let one = Duration::hours(1);
    // Before opening, after closing, and on a Saturday.
    assert_eq!(
        add_business_time(&cal, utc("2026-01-05T07:00:00Z"), one),
        utc("2026-01-05T10:00:00Z")
    );
    assert_eq!(
        add_business_time(&cal, utc("2026-01-05T18:30:00Z"), one),
        utc("2026-01-06T10:00:00Z")
    );
    assert_eq!(
        add_business_time(&cal, utc("2026-01-10T12:00:00Z"), one),
        utc("2026-01-12T10:00:00Z")
    );
    // A zero duration is due at once, even outside hours.
    assert_eq!(
        add_business_time(&cal, utc("2026-01-10T12:00:00Z"), Duration::zero()),
        utc("2026-01-10T12:00:00Z")
    );
}

#[test]
fn holidays_are_closed() {
    let mut cal = office(Tz::UTC);
    cal.holidays
        .insert(NaiveDate::from_ymd_opt(2026, 1, 12).expect("date"));
    // Friday 16:00 + 2h skips the weekend and Monday's holiday.
    assert_eq!(
        add_business_time(&cal, utc("2026-01-09T16:00:00Z"), Duration::hours(2)),
        utc("2026-01-13T10:00:00Z")
    );
    assert_eq!(
        business_time_between(
            &cal,
            utc("2026-01-09T16:00:00Z"),
            utc("2026-01-13T10:00:00Z")
        ),
        Duration::hours(2)
    );
}

#[test]
fn hours_are_local_to_the_calendar_time_zone() {
    let cal = office(Tz::America__New_York);
    // January: New York is UTC-5, so 09:00 local is 14:00 UTC.
    assert_eq!(
        add_business_time(&cal, utc("2026-01-05T12:00:00Z"), Duration::minutes(30)),
        utc("2026-01-05T14:30:00Z")
    );
    // Friday 22:30 UTC is after closing (17:30 local): due Monday 10:00 local.
    assert_eq!(
        add_business_time(&cal, utc("2026-01-09T22:30:00Z"), Duration::hours(1)),
        utc("2026-01-12T15:00:00Z")
    );
}

#[test]
fn spring_forward_day_is_23_hours_and_office_hours_follow_the_wall_clock() {
    // Europe/Berlin moves from UTC+1 to UTC+2 at 02:00 on Sunday 2026-03-29.
    let tz = Tz::Europe__Berlin;
    let cal = always_open(tz);
    let sat = tz
        .with_ymd_and_hms(2026, 3, 28, 0, 0, 0)
        .single()
        .expect("local")
        .with_timezone(&Utc);
    let mon = tz
        .with_ymd_and_hms(2026, 3, 30, 0, 0, 0)
        .single()
        .expect("local")
        .with_timezone(&Utc);
    assert_eq!(business_time_between(&cal, sat, mon), Duration::hours(47));
    assert_eq!(add_business_time(&cal, sat, Duration::hours(47)), mon);

    // Friday 16:00 CET (15:00 UTC) + 2h = Monday 10:00 CEST (08:00 UTC).
    let office = office(tz);
    assert_eq!(
        add_business_time(&office, utc("2026-03-27T15:00:00Z"), Duration::hours(2)),
        utc("2026-03-30T08:00:00Z")
    );
}

#[test]
fn fall_back_day_is_25_hours() {
    // Europe/Berlin moves from UTC+2 to UTC+1 at 03:00 on Sunday 2026-10-25.
    let tz = Tz::Europe__Berlin;
    let cal = always_open(tz);
    let sun = utc("2026-10-24T22:00:00Z"); // Sunday 00:00 CEST
    let mon = utc("2026-10-25T23:00:00Z"); // Monday 00:00 CET
    assert_eq!(business_time_between(&cal, sun, mon), Duration::hours(25));
    assert_eq!(add_business_time(&cal, sun, Duration::hours(25)), mon);
}

#[test]
fn an_opening_inside_the_spring_gap_opens_after_the_gap() {
    let tz = Tz::Europe__Berlin;
    let mut cal = always_open(tz);
    cal.hours = [None; 7];
    // Sundays 02:30-04:00 local: on 2026-03-29, 02:30 does not exist.
    cal.hours[6] = Some(DayHours {
        start_min: 150,
        end_min: 240,
    });
    let saturday = utc("2026-03-28T12:00:00Z");
    // Opens at 03:00 CEST (01:00 UTC), closes at 04:00 CEST (02:00 UTC).
    assert_eq!(
        add_business_time(&cal, saturday, Duration::minutes(10)),
        utc("2026-03-29T01:10:00Z")
    );
    assert_eq!(
        business_time_between(&cal, saturday, utc("2026-03-29T12:00:00Z")),
        Duration::hours(1)
    );
}

#[test]
fn between_inverts_add() {
    let cal = office(Tz::Europe__Berlin);
    let starts = [
        "2026-03-27T07:13:00Z",
        "2026-03-28T12:00:00Z",
        "2026-10-23T16:59:00Z",
        "2026-12-31T23:59:59Z",
    ];
    for start in starts {
        for minutes in [1, 59, 60, 479, 480, 481, 2400, 10_000] {
            let start = utc(start);
            let d = Duration::minutes(minutes);
            let due = add_business_time(&cal, start, d);
            assert_eq!(
                business_time_between(&cal, start, due),
                d,
                "{start} + {minutes} min = {due}"
            );
        }
    }
    assert_eq!(
        business_time_between(
            &cal,
            utc("2026-01-06T10:00:00Z"),
            utc("2026-01-05T10:00:00Z")
        ),
        Duration::zero()
    );
}

fn input(hours: &[(Weekday, &str, &str)], holidays: &[&str]) -> CalendarInput {
    CalendarInput {
        timezone: None,
        weekly_hours: hours
            .iter()
            .map(|(weekday, start, end)| DayHoursInput {
                weekday: *weekday,
                start: start.to_string(),
                end: end.to_string(),
            })
            .collect(),
        holidays: holidays.iter().map(|h| h.to_string()).collect(),
    }
}

#[test]
fn input_errors_name_the_argument() {
    let field = |i: CalendarInput| match i.parse(Tz::UTC) {
        Err(garrison_core::Error::InvalidInput { field, .. }) => field,
        other => panic!("expected invalid input, got {other:?}"),
    };
    let mon = Weekday::Mon;
    assert_eq!(
        field(input(
            &[(mon, "09:00", "17:00"), (Weekday::Tue, "17:00", "09:00")],
            &[]
        )),
        "input.weeklyHours[1].end"
    );
    assert_eq!(
        field(input(&[(mon, "9am", "17:00")], &[])),
        "input.weeklyHours[0].start"
    );
    assert_eq!(
        field(input(&[(mon, "09:00", "24:01")], &[])),
        "input.weeklyHours[0].end"
    );
    assert_eq!(
        field(input(
            &[(mon, "09:00", "12:00"), (mon, "13:00", "17:00")],
            &[]
        )),
        "input.weeklyHours[1].weekday"
    );
    assert_eq!(field(input(&[], &[])), "input.weeklyHours");
    assert_eq!(
        field(input(
            &[(mon, "09:00", "17:00")],
            &["2026-12-25", "25/12/2026"]
        )),
        "input.holidays[1]"
    );
    let mut bad_tz = input(&[(mon, "09:00", "17:00")], &[]);
    bad_tz.timezone = Some("Mars/Olympus".into());
    assert_eq!(field(bad_tz), "input.timezone");

    let ok = input(&[(Weekday::Sat, "00:00", "24:00")], &["2026-12-25"])
        .parse(Tz::Europe__Paris)
        .expect("valid");
    assert_eq!(ok.timezone, Tz::Europe__Paris);
    assert_eq!(
        ok.hours_on(Weekday::Sat),
        Some(DayHours {
            start_min: 0,
            end_min: 1440
        })
    );
    assert_eq!(ok.hours_on(Weekday::Mon), None);
}
