//! Numbers as people read them: hours, money, levels, shares, dates.

use time::{Date, Duration};

pub fn hours(hours: f64) -> String {
    if hours.fract().abs() < 0.05 {
        format!("{hours:.0} h")
    } else {
        format!("{hours:.1} h")
    }
}

/// An amount in the catalog's currency: `$49`, `€1,200`, `49 CHF`.
pub fn money(amount: f64, currency: &str) -> String {
    let whole = group_thousands(amount.round() as i64);
    match currency {
        "USD" | "" => format!("${whole}"),
        "EUR" => format!("€{whole}"),
        "GBP" => format!("£{whole}"),
        other => format!("{whole} {other}"),
    }
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

pub fn percent(share: f64) -> String {
    format!("{:.0}%", (share * 100.0).clamp(0.0, 100.0))
}

/// The first day of 1-based `week`, counting from `today`.
pub fn week_start(today: Date, week: u32) -> Date {
    today
        .checked_add(Duration::weeks(i64::from(week.saturating_sub(1))))
        .unwrap_or(today)
}

/// `Mar 04`.
pub fn short_date(date: Date) -> String {
    let month = &format!("{:?}", date.month())[..3];
    format!("{month} {:02}", date.day())
}

/// `Mar 04` this year, `Mar 04 2027` in another.
pub fn date_label(date: Date, today: Date) -> String {
    if date.year() == today.year() {
        short_date(date)
    } else {
        format!("{} {}", short_date(date), date.year())
    }
}

/// `Mar'27`: month and year, for axes that span years.
pub fn month_year(date: Date) -> String {
    let month = &format!("{:?}", date.month())[..3];
    format!("{month}'{:02}", date.year().rem_euclid(100))
}

/// `2026-03-04`.
pub fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Cuts `text` to `width` characters, marking the cut with `…`.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut cut: String = text.chars().take(width - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month;

    #[test]
    fn money_groups_thousands_and_knows_common_symbols() {
        assert_eq!(money(1200.0, "USD"), "$1,200");
        assert_eq!(money(49.4, "EUR"), "€49");
        assert_eq!(money(1234567.0, "CHF"), "1,234,567 CHF");
    }

    #[test]
    fn hours_show_a_decimal_only_when_needed() {
        assert_eq!(hours(20.0), "20 h");
        assert_eq!(hours(7.5), "7.5 h");
    }

    #[test]
    fn weeks_start_seven_days_apart() {
        let today = Date::from_calendar_date(2026, Month::March, 2).expect("valid date");
        assert_eq!(short_date(week_start(today, 1)), "Mar 02");
        assert_eq!(short_date(week_start(today, 5)), "Mar 30");
        assert_eq!(iso_date(week_start(today, 6)), "2026-04-06");
    }

    #[test]
    fn dates_name_the_year_when_it_is_not_this_one() {
        let today = Date::from_calendar_date(2026, Month::November, 30).expect("valid date");
        assert_eq!(date_label(week_start(today, 2), today), "Dec 07");
        assert_eq!(date_label(week_start(today, 6), today), "Jan 04 2027");
        assert_eq!(month_year(week_start(today, 6)), "Jan'27");
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("Data Analyst", 6), "Data …");
        assert_eq!(truncate("SQL", 6), "SQL");
        assert_eq!(truncate("SQL", 0), "");
    }
}
