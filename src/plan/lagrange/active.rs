//! The rows whose multiplier is above zero. Most multipliers stay at zero (a support row is met
//! whatever its members do until its candidate is taken, and few are), so solving the relaxed
//! problem and taking a step visit these rows, not every row.

/// Rows listed at most once each, in the order they first rose above zero. A row whose
/// multiplier falls back to zero stays listed until the next [`Active::prune`].
#[derive(Default)]
pub(super) struct Active {
    rows: Vec<usize>,
    listed: Vec<bool>,
}

impl Active {
    /// The rows of the multipliers `u` that are above zero.
    pub fn of(u: &[f64]) -> Self {
        let mut active = Active {
            rows: Vec::new(),
            listed: vec![false; u.len()],
        };
        for (r, &ur) in u.iter().enumerate() {
            active.note(r, ur);
        }
        active
    }

    /// Row `r`'s multiplier is now `ur`; rows added since [`Active::of`] are known from their
    /// first note.
    pub fn note(&mut self, r: usize, ur: f64) {
        if r >= self.listed.len() {
            self.listed.resize(r + 1, false);
        }
        if ur > 0.0 && !self.listed[r] {
            self.listed[r] = true;
            self.rows.push(r);
        }
    }

    /// Unlists the rows whose multiplier in `u` is back at zero.
    pub fn prune(&mut self, u: &[f64]) {
        let listed = &mut self.listed;
        self.rows.retain(|&r| {
            let above = u[r] > 0.0;
            listed[r] = above;
            above
        });
    }

    pub fn rows(&self) -> &[usize] {
        &self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_each_row_above_zero_once_until_it_falls_back() {
        let mut u = vec![0.0, 2.0, 0.0, 1.0];
        let mut active = Active::of(&u);
        assert_eq!(active.rows(), &[1, 3]);
        u[1] = 0.0;
        u[2] = 0.5;
        active.note(2, u[2]);
        active.note(3, u[3]);
        u.push(4.0);
        active.note(4, u[4]);
        active.prune(&u);
        assert_eq!(active.rows(), &[3, 2, 4]);
        u[1] = 1.0;
        active.note(1, u[1]);
        assert_eq!(active.rows(), &[3, 2, 4, 1]);
    }
}
