//! Calendar dates for a pathway: study runs at a steady number of hours per week from a start
//! date, seven days a week, so hour `h` of study falls on day `h / hours_per_week * 7`. The
//! start date is always a parameter: only the command line and the TUI read the clock.

use time::{Date, Duration, Month};

use crate::catalog::Catalog;
use crate::plan::Plan;

/// The first and the last day of study of one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StudyDates {
    pub start: Date,
    pub end: Date,
}

/// Floating-point slack, so 10 hours at 5 h/week end on day 14, not spill into day 15.
const EPSILON: f64 = 1e-9;

/// Each step's first and last day of study, in plan order, taking the steps one after another
/// from `start` at `hours_per_week`.
pub fn step_dates(
    catalog: &Catalog,
    plan: &Plan,
    start: Date,
    hours_per_week: f64,
) -> Vec<StudyDates> {
    let mut elapsed = 0.0;
    plan.steps
        .iter()
        .map(|step| {
            let hours = catalog
                .credentials
                .get(step.credential)
                .map_or(0.0, |c| c.hours);
            let dates = span(start, elapsed, elapsed + hours, hours_per_week);
            elapsed += hours;
            dates
        })
        .collect()
}

/// The last day of study of `hours` taken from `start` at `hours_per_week`: `start` itself
/// when there is nothing to study.
pub fn finish_date(start: Date, hours: f64, hours_per_week: f64) -> Date {
    span(start, 0.0, hours, hours_per_week).end
}

/// The days on which study from hour `from` to hour `to` falls.
fn span(start: Date, from: f64, to: f64, hours_per_week: f64) -> StudyDates {
    let first = day_index(from, hours_per_week).floor();
    // The last day is the one holding the final hour, so an exact multiple of a day ends the
    // day before the next begins.
    let last = (day_index(to, hours_per_week).ceil() - 1.0).max(first);
    StudyDates {
        start: add_days(start, first),
        end: add_days(start, last),
    }
}

/// The (fractional) 0-based day on which hour `hours` of study falls.
fn day_index(hours: f64, hours_per_week: f64) -> f64 {
    if hours_per_week > 0.0 && hours.is_finite() && hours > 0.0 {
        let days = hours / hours_per_week * 7.0;
        // Snap values a rounding error away from a whole day onto it.
        if (days - days.round()).abs() < EPSILON {
            days.round()
        } else {
            days
        }
    } else {
        0.0
    }
}

/// `start` plus whole `days`, saturating at the calendar's ends instead of failing: a plan of
/// a million hours at 0.01 h/week still gets a (far) date.
fn add_days(start: Date, days: f64) -> Date {
    // Far beyond the calendar's ±9999 years, and small enough that `Duration::days` (which
    // panics on overflow) cannot overflow; the float-to-int cast saturates.
    const BEYOND_CALENDAR: i64 = 100_000_000;
    let days = (days as i64).clamp(-BEYOND_CALENDAR, BEYOND_CALENDAR);
    start
        .checked_add(Duration::days(days))
        .unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// `date` plus `years` whole years; 29 February becomes 28 February in a common year.
pub fn add_years(date: Date, years: u32) -> Date {
    let year = i32::try_from(years)
        .ok()
        .and_then(|y| date.year().checked_add(y));
    let Some(year) = year else {
        return Date::MAX;
    };
    date.replace_year(year)
        .or_else(|_| Date::from_calendar_date(year, Month::February, 28))
        .unwrap_or(Date::MAX)
}

/// `2026-03-02`.
pub fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A date written `YYYY-MM-DD`, or None when it is not a real calendar date.
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let mut parts = text.trim().splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return None;
    }
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        parse_iso_date(text).expect("a test date")
    }

    #[test]
    fn study_ends_on_the_day_of_its_last_hour() {
        let monday = date("2026-03-02");
        // (hours, hours per week, last day)
        let cases = [
            (0.0, 5.0, "2026-03-02"),
            (5.0, 5.0, "2026-03-08"),
            (10.0, 5.0, "2026-03-15"),
            (0.5, 5.0, "2026-03-02"),
            (18.0, 5.0, "2026-03-27"),
            (6.0, 42.0, "2026-03-02"),
            (7.0, 7.0, "2026-03-08"),
        ];
        for (hours, pace, last) in cases {
            assert_eq!(
                iso_date(finish_date(monday, hours, pace)),
                last,
                "{hours} h at {pace} h/week"
            );
        }
    }

    #[test]
    fn a_step_starts_on_the_day_the_previous_one_ends_or_the_next() {
        let monday = date("2026-03-02");
        let first = span(monday, 0.0, 18.0, 5.0);
        let second = span(monday, 18.0, 28.0, 5.0);
        assert_eq!(iso_date(first.end), "2026-03-27");
        assert_eq!(iso_date(second.start), "2026-03-27", "18 h end mid-day 26");
        let after_whole_week = span(monday, 5.0, 10.0, 5.0);
        assert_eq!(iso_date(after_whole_week.start), "2026-03-09");
    }

    #[test]
    fn far_dates_saturate_instead_of_failing() {
        let today = date("2026-03-02");
        assert_eq!(finish_date(today, 1e12, 0.01), Date::MAX);
        assert_eq!(add_years(today, u32::MAX), Date::MAX);
    }

    #[test]
    fn years_are_added_on_the_calendar() {
        assert_eq!(iso_date(add_years(date("2026-03-02"), 3)), "2029-03-02");
        assert_eq!(iso_date(add_years(date("2028-02-29"), 1)), "2029-02-28");
        assert_eq!(iso_date(add_years(date("2028-02-29"), 4)), "2032-02-29");
    }

    #[test]
    fn only_real_iso_dates_parse() {
        assert_eq!(iso_date(date("2026-12-31")), "2026-12-31");
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-01-01",
            "2026-1-01",
            "2026/01/01",
            "",
            "2026-01-01x",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad:?}");
        }
    }
}
