//! Checks of single values: ids, levels, importances, hours and costs. Each returns the valid
//! value or reports why it is not, with a message that quotes what was written.

use std::fmt::Display;

use serde_spanned::Spanned;

use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::raw::RawLevel;
use crate::catalog::validate::{At, Report};
use crate::catalog::validate_lookalike::lookalike_help;
use crate::catalog::{Level, MAX_LEVEL};

/// Whether `id` is lowercase a-z, 0-9 and '-', starting with a letter.
pub(crate) fn is_valid_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Reports an id that does not have the documented form; returns whether it is valid.
pub(crate) fn check_id(report: &mut Report, file: usize, id: &Spanned<String>, what: &str) -> bool {
    let valid = is_valid_id(id.get_ref());
    if !valid {
        let help = match (lookalike_help(id.get_ref()), suggested_id(id.get_ref())) {
            (Some(lookalike), _) => lookalike,
            (None, Some(fixed)) => format!(
                "ids are lowercase a-z, 0-9 and '-', starting with a letter, e.g. `{fixed}`"
            ),
            (None, None) => "ids are lowercase a-z, 0-9 and '-', starting with a letter".to_owned(),
        };
        report.push(
            &At::of(file, id),
            Diagnostic::error(
                "invalid-id",
                format!("invalid {what} id `{}`", id.get_ref()),
            )
            .with_help(help),
        );
    }
    valid
}

/// `Data Analysis_2` -> `data-analysis-2`, when that yields a valid id.
fn suggested_id(id: &str) -> Option<String> {
    let mut fixed = String::new();
    for c in id.trim().chars() {
        match c {
            'a'..='z' | '0'..='9' => fixed.push(c),
            'A'..='Z' => fixed.push(c.to_ascii_lowercase()),
            _ if !fixed.ends_with('-') => fixed.push('-'),
            _ => {}
        }
    }
    let fixed = fixed.trim_matches('-').to_owned();
    is_valid_id(&fixed).then_some(fixed)
}

/// What a number in 1..=5 means, for the help line of a bad one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scale {
    Level,
    Importance,
}

impl Scale {
    fn name(self) -> &'static str {
        match self {
            Scale::Level => "level",
            Scale::Importance => "importance",
        }
    }

    fn code(self) -> &'static str {
        match self {
            Scale::Level => "invalid-level",
            Scale::Importance => "invalid-importance",
        }
    }

    fn help(self) -> &'static str {
        match self {
            Scale::Level => {
                "levels are whole numbers: 1 awareness, 2 foundational, 3 intermediate, \
                 4 advanced, 5 expert"
            }
            Scale::Importance => {
                "importance is a whole number from 1 (low) to 5 (critical), default 3"
            }
        }
    }
}

/// The level (or importance) written at `value`, or `None` after reporting why it is not one.
/// `subject` names what it belongs to, e.g. "`sql`".
pub(crate) fn check_level(
    report: &mut Report,
    file: usize,
    value: &Spanned<RawLevel>,
    scale: Scale,
    subject: &dyn Display,
) -> Option<Level> {
    let name = scale.name();
    let problem = match value.get_ref() {
        RawLevel::Integer(n) => match Level::try_from(*n) {
            Ok(level) if (1..=MAX_LEVEL).contains(&level) => return Some(level),
            _ => format!("{name} {n} of {subject} is outside 1..5"),
        },
        RawLevel::Float(x) if x.fract() == 0.0 && (1.0..=5.0).contains(x) => {
            format!("{name} {x:.1} of {subject} must be written as a whole number, `{x:.0}`")
        }
        RawLevel::Float(x) => format!("{name} {x} of {subject} is not a whole number 1..5"),
        RawLevel::Other(found) => {
            format!("{name} of {subject} must be a whole number 1..5, found {found}")
        }
    };
    report.push(
        &At::of(file, value),
        Diagnostic::error(scale.code(), problem).with_help(scale.help()),
    );
    None
}

/// The most hours one credential may take: about 50 years of full-time study. Nothing real
/// comes near it, so a larger value is a slip (an extra digit, an exponent); bounding it keeps
/// totals over the largest catalogs finite and exact to the hour.
pub(crate) const MAX_HOURS: f64 = 100_000.0;
/// The highest cost of one credential, in the catalog's currency; bounded for the same reason,
/// so that totals stay exact to the cent.
pub(crate) const MAX_COST: f64 = 100_000_000.0;

/// Hours or cost: a finite number from 0 to its maximum, or `None` after reporting what is
/// wrong.
pub(crate) fn check_amount(
    report: &mut Report,
    file: usize,
    value: &Spanned<f64>,
    key: &'static str,
) -> Option<f64> {
    let x = *value.get_ref();
    let max = if key == "hours" { MAX_HOURS } else { MAX_COST };
    let problem = if x.is_nan() {
        format!("`{key}` is nan; it must be a number >= 0")
    } else if x.is_infinite() {
        format!("`{key}` is infinite; it must be a finite number >= 0")
    } else if x < 0.0 {
        format!("`{key}` is {}; it must be >= 0", number(x))
    } else if x > max {
        format!(
            "`{key}` is {}, more than any credential can be ({}); it is most likely a typo",
            number(x),
            number(max)
        )
    } else {
        return Some(x);
    };
    let code = if key == "hours" {
        "invalid-hours"
    } else {
        "invalid-cost"
    };
    report.push(&At::of(file, value), Diagnostic::error(code, problem));
    None
}

/// `x` as a person would write it: plainly, or in scientific notation when it is huge.
fn number(x: f64) -> String {
    if x.abs() >= 1e9 {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_words_with_dashes() {
        for ok in ["sql", "a", "data-analysis-2", "x-"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "SQL", "2fa", "-a", "data_analysis", "naïve", "a b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn a_fixed_id_is_suggested() {
        assert_eq!(
            suggested_id("Data Analysis_2").as_deref(),
            Some("data-analysis-2")
        );
        assert_eq!(suggested_id("2fa"), None);
    }

    #[test]
    fn large_numbers_are_shown_in_scientific_notation() {
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(-5.0), "-5");
        assert_eq!(number(2.5), "2.5");
    }
}
