//! Plan values come in steps. With whole hours every plan takes a whole number of hours, so a
//! bound of 1132.2 proves 1133, and a plan cheaper than one of 1133 hours takes at most 1132:
//! both sharpen what a bound can rule out.

use crate::plan::lagrange::slack;

/// The step every plan's value is a multiple of, or 0 when the weights share none of the
/// steps looked for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Granule(f64);

/// Steps common in catalogs: whole hours or units, halves and quarters, tenths, cents.
const STEPS: [f64; 6] = [1.0, 0.5, 0.25, 0.1, 0.05, 0.01];

impl Granule {
    pub fn of(weights: &[f64]) -> Self {
        let multiple = |w: f64, step: f64| ((w / step) - (w / step).round()).abs() < 1e-9;
        Granule(
            STEPS
                .into_iter()
                .find(|&step| weights.iter().all(|&w| multiple(w, step)))
                .unwrap_or(0.0),
        )
    }

    /// Whether a plan valued at least `lower` can be cheaper than `upper`, itself a plan's
    /// value.
    pub fn can_beat(self, lower: f64, upper: f64) -> bool {
        if self.0 > 0.0 {
            lower <= upper - self.0 + slack(upper)
        } else {
            lower < upper - slack(upper)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_hours_round_a_bound_up() {
        let hours = Granule::of(&[12.0, 40.0, 3.0]);
        assert!(!hours.can_beat(1132.2, 1133.0));
        assert!(hours.can_beat(1131.9, 1133.0));
        assert!(hours.can_beat(1132.0, 1133.0));
    }

    #[test]
    fn cents_are_a_step_and_irregular_values_are_none() {
        let cents = Granule::of(&[19.99, 5.0]);
        assert!(!cents.can_beat(24.985, 24.99));
        assert!(cents.can_beat(24.98, 24.99));
        let none = Granule::of(&[1.0 / 3.0]);
        assert!(none.can_beat(0.3, 1.0 / 3.0));
        assert!(!none.can_beat(1.0 / 3.0, 1.0 / 3.0));
    }
}
