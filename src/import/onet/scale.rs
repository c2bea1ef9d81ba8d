//! O*NET's rating scales mapped onto the catalog's 1..5, the same mapping the bundled catalog
//! documents in `catalog/roles/technical.toml`:
//!
//! ```text
//! level      = clamp(round(LV * 5 / 7), 1, 5)   LV: O*NET Level, 0..7
//! importance = clamp(round(IM), 1, 5)           IM: O*NET Importance, 1..5
//! ```
//!
//! Rounding is half up. O*NET publishes Data Value with two decimals, so values are held in
//! hundredths and rounded in integer arithmetic, which is exact at the halves (LV 4.90 maps to
//! exactly 3.5, so level 4) without relying on how a float happens to round.

use crate::catalog::{Level, MAX_LEVEL};

/// An O*NET Data Value in hundredths (`4.12` is 412). Ratings are never negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hundredths(pub u32);

impl Hundredths {
    /// Parses a Data Value as O*NET writes it (`4.12`, `3.5`, `4`); `None` for anything else,
    /// including negative values.
    pub fn parse(text: &str) -> Option<Self> {
        let (whole, fraction) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
        if whole.is_empty() || fraction.len() > 2 || !is_digits(whole) || !is_digits(fraction) {
            return None;
        }
        let whole: u32 = whole.parse().ok()?;
        let fraction: u32 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<u32>().ok()? * 10,
            _ => fraction.parse().ok()?,
        };
        whole.checked_mul(100)?.checked_add(fraction).map(Self)
    }

    /// From a user's threshold such as `3.0`, rounded to the nearest hundredth.
    pub fn from_f64(value: f64) -> Self {
        Self((value.max(0.0) * 100.0).round() as u32)
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

fn is_digits(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}

/// The catalog level (1..5) for an O*NET Level (LV, 0..7).
pub fn level(lv: Hundredths) -> Level {
    // round(LV * 5 / 7) with LV = h / 100 is round(5h / 700) = floor((10h + 700) / 1400).
    let rounded = (u64::from(lv.0) * 10 + 700) / 1400;
    clamp_to_catalog(rounded)
}

/// The catalog importance (1..5) for an O*NET Importance (IM, 1..5).
pub fn importance(im: Hundredths) -> u8 {
    // round(h / 100) = floor((2h + 100) / 200).
    let rounded = (u64::from(im.0) * 2 + 100) / 200;
    clamp_to_catalog(rounded)
}

fn clamp_to_catalog(value: u64) -> u8 {
    value.clamp(1, u64::from(MAX_LEVEL)) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(text: &str) -> Hundredths {
        Hundredths::parse(text).unwrap()
    }

    #[test]
    fn data_values_parse_in_hundredths() {
        assert_eq!(h("4.12"), Hundredths(412));
        assert_eq!(h("3.5"), Hundredths(350));
        assert_eq!(h("7"), Hundredths(700));
        assert_eq!(h("0.00"), Hundredths(0));
        for bad in ["", "n/a", "-1.00", "4.125", "4,12", ".5", "4.x", "1e3"] {
            assert_eq!(Hundredths::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn levels_follow_the_catalog_mapping_with_half_up_rounding() {
        // LV -> LV * 5 / 7 -> level
        let cases = [
            ("0.00", 1), // 0.0 clamps up to 1: a rated element is at least awareness
            ("0.70", 1), // 0.5 rounds up
            ("2.09", 1), // 1.49
            ("2.10", 2), // 1.5 exactly
            ("3.50", 3), // 2.5 exactly
            ("4.49", 3), // 3.207
            ("4.90", 4), // 3.5 exactly
            ("6.30", 5), // 4.5 exactly
            ("7.00", 5),
        ];
        for (lv, expected) in cases {
            assert_eq!(level(h(lv)), expected, "LV {lv}");
        }
    }

    #[test]
    fn importance_rounds_half_up_within_one_to_five() {
        let cases = [
            ("1.00", 1),
            ("2.49", 2),
            ("2.50", 3),
            ("3.12", 3),
            ("4.50", 5),
            ("5.00", 5),
            ("0.40", 1),
        ];
        for (im, expected) in cases {
            assert_eq!(importance(h(im)), expected, "IM {im}");
        }
    }
}
