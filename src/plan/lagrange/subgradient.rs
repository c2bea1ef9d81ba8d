//! The subgradient of a step: how far each row is from being met by the relaxed choice,
//! projected so that multipliers at zero are not pushed below it.

use crate::plan::lagrange::active::Active;
use crate::plan::lagrange::rows::Rows;

#[derive(Default)]
pub(super) struct Subgradient {
    /// Per goal and cut row, how many members the choice takes (see [`Rows::count_wide`]).
    counted: Vec<u32>,
    /// The rows the relaxed choice does not meet exactly, with how far it is off: the others
    /// keep their multipliers.
    pub violation: Vec<(usize, f64)>,
    /// The squared norm of the projected subgradient.
    pub norm: f64,
}

impl Subgradient {
    /// The subgradient at the multipliers `u` of the relaxed choice `take` (the candidates
    /// `taken`), over every goal and cut row, the support rows of the candidates taken, and
    /// the other support rows `active` holds above zero. The rest are support rows of
    /// candidates not taken, at zero, which stay there.
    pub fn of(
        &mut self,
        rows: &mut Rows,
        u: &[f64],
        take: &[bool],
        taken: &[usize],
        active: &Active,
    ) {
        rows.count_wide(taken, &mut self.counted);
        let (counted, violation) = (&self.counted, &mut self.violation);
        violation.clear();
        // Kept here, not in `self`, while the rows are visited: the sum stays in a register.
        let mut norm = 0.0;
        let mut visit = |r: usize, owed: f64| {
            let ur = u[r];
            if owed == 0.0 && ur == 0.0 {
                // Met whatever its members do, and its multiplier cannot go below zero.
                return;
            }
            let g = f64::from(rows.met(r, take, counted)) - owed;
            if g != 0.0 {
                violation.push((r, g));
            }
            if g < 0.0 || ur > 0.0 {
                norm += g * g;
            }
        };
        // A goal's row is owed a member always, a cut's or support's when its trigger is taken.
        let first_wide = rows.goal_row(0);
        for r in first_wide..rows.len() {
            visit(
                r,
                rows.trigger[r].map_or(1.0, |t| f64::from(u8::from(take[t]))),
            );
        }
        for &k in taken {
            for r in rows.support_rows(k) {
                visit(r, 1.0);
            }
        }
        for &r in active.rows() {
            if r < first_wide && rows.trigger[r].is_some_and(|t| !take[t]) {
                visit(r, 0.0);
            }
        }
        self.norm = norm;
    }

    /// A new cut row `r`, which the relaxed choice breaks (its trigger is taken, or it is a
    /// goal's, and none of its members are): the step must see it.
    pub fn broken(&mut self, r: usize) {
        self.violation.push((r, -1.0));
        self.norm += 1.0;
    }
}
