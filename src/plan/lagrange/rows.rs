//! The relaxed rows in compressed form, laid out as the ascent's multipliers are: every
//! candidate's support rows in candidate order, then one row per goal, then one per cut.

use crate::plan::milp::{Cut, Trigger};
use crate::plan::task::Task;

/// Row `r` is `sum(members[start[r]..start[r+1]]) >= x[trigger[r]]`, or `>= 1` for a goal's
/// row (no trigger).
pub(super) struct Rows {
    start: Vec<usize>,
    members: Vec<usize>,
    pub trigger: Vec<Option<usize>>,
    /// Candidate `k`'s support rows are `first_support[k]..first_support[k + 1]`.
    first_support: Vec<usize>,
    first_cut: usize,
    /// Per candidate, the goal and cut rows it is a member of.
    wide_rows_of: RowsOf,
}

impl Rows {
    pub fn of(task: &Task, cuts: &[Cut]) -> Self {
        // Sized up front: the ascent rebuilds its rows at every narrowing.
        let support_members: usize = (0..task.len())
            .flat_map(|k| task.supports.of(k))
            .map(<[usize]>::len)
            .sum();
        let wide_members: usize = task.goals.iter().map(|g| g.achievers.len()).sum::<usize>()
            + cuts.iter().map(|c| c.members.len()).sum::<usize>();
        let count = task.supports.total() + task.goals.len() + cuts.len();
        let mut rows = Rows {
            start: Vec::with_capacity(count + 1),
            members: Vec::with_capacity(support_members + wide_members),
            trigger: Vec::with_capacity(count),
            first_support: Vec::with_capacity(task.len() + 1),
            first_cut: 0,
            wide_rows_of: RowsOf::new(task.len(), wide_members),
        };
        rows.start.push(0);
        rows.first_support.push(0);
        for k in 0..task.len() {
            for support in task.supports.of(k) {
                rows.push(support, Some(k));
            }
            rows.first_support.push(rows.len());
        }
        for goal in &task.goals {
            rows.push_wide(&goal.achievers, None);
        }
        rows.first_cut = rows.len();
        for cut in cuts {
            rows.push_cut(cut);
        }
        rows
    }

    pub fn push_cut(&mut self, cut: &Cut) {
        let trigger = match cut.trigger {
            Trigger::Take(k) => Some(k),
            Trigger::Goal(_) => None,
        };
        self.push_wide(&cut.members, trigger);
    }

    fn push_wide(&mut self, members: &[usize], trigger: Option<usize>) {
        let row = self.len();
        for &m in members {
            self.wide_rows_of.add(m, row);
        }
        self.push(members, trigger);
    }

    fn push(&mut self, members: &[usize], trigger: Option<usize>) {
        self.members.extend_from_slice(members);
        self.start.push(self.members.len());
        self.trigger.push(trigger);
    }

    /// Per goal and cut row, how many of its members are among `taken` (candidates, each
    /// listed once), for [`Rows::met`]. These rows have many members and the relaxed choice
    /// takes few candidates, so walking the rows of what it takes is far shorter.
    pub fn count_wide(&self, taken: &[usize], counted: &mut Vec<u32>) {
        let first_wide = self.goal_row(0);
        counted.clear();
        counted.resize(self.len() - first_wide, 0);
        for &k in taken {
            for r in self.wide_rows_of.of(k) {
                counted[r - first_wide] += 1;
            }
        }
    }

    /// How many members of row `r` the choice `take` takes, given what [`Rows::count_wide`]
    /// `counted` for that choice. A support row has a few members, counted here.
    pub fn met(&self, r: usize, take: &[bool], counted: &[u32]) -> u32 {
        let first_wide = self.goal_row(0);
        if r < first_wide {
            self.members(r).iter().filter(|&&m| take[m]).count() as u32
        } else {
            counted[r - first_wide]
        }
    }

    pub fn len(&self) -> usize {
        self.trigger.len()
    }

    pub fn members(&self, r: usize) -> &[usize] {
        &self.members[self.start[r]..self.start[r + 1]]
    }

    /// The row of candidate `k`'s `j`-th support.
    pub fn support_row(&self, k: usize, j: usize) -> usize {
        self.first_support[k] + j
    }

    /// Candidate `k`'s support rows.
    pub fn support_rows(&self, k: usize) -> std::ops::Range<usize> {
        self.first_support[k]..self.first_support[k + 1]
    }

    /// The row of goal `g`.
    pub fn goal_row(&self, g: usize) -> usize {
        self.first_support[self.first_support.len() - 1] + g
    }

    /// The row of the `c`-th cut.
    pub fn cut_row(&self, c: usize) -> usize {
        self.first_cut + c
    }
}

/// Per candidate, a list of rows, all lists in one arena: rows arrive one at a time as cuts
/// are found, and a vector per candidate would be mostly allocation.
struct RowsOf {
    /// Per candidate, its last entry, or `END`.
    last: Vec<u32>,
    /// Per entry, its row and the candidate's entry before it.
    entries: Vec<(u32, u32)>,
}

const END: u32 = u32::MAX;

impl RowsOf {
    fn new(candidates: usize, entries: usize) -> Self {
        RowsOf {
            last: vec![END; candidates],
            entries: Vec::with_capacity(entries),
        }
    }

    fn add(&mut self, k: usize, row: usize) {
        self.entries.push((row as u32, self.last[k]));
        self.last[k] = (self.entries.len() - 1) as u32;
    }

    /// Candidate `k`'s rows, latest first.
    fn of(&self, k: usize) -> impl Iterator<Item = usize> + '_ {
        let entry = |e: u32| (e != END).then(|| self.entries[e as usize]);
        std::iter::successors(entry(self.last[k]), move |&(_, before)| entry(before))
            .map(|(row, _)| row as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Candidate 0 needs one of 1 or 2; goals: one of 0 or 3, and one of 1, 2 or 3.
    fn task() -> Task {
        Task::by_hand(
            &[&[&[1, 2]], &[], &[], &[]],
            &[5.0, 3.0, 1.0, 10.0],
            &[&[0, 3], &[1, 2, 3]],
        )
    }

    #[test]
    fn what_a_choice_meets_of_each_row_is_counted_from_the_rows_of_what_it_takes() {
        let mut rows = Rows::of(&task(), &[]);
        rows.push_cut(&Cut {
            members: vec![2, 3],
            trigger: Trigger::Take(0),
        });
        let take = [true, false, true, true];
        let taken = [0, 2, 3];
        let mut counted = Vec::new();
        rows.count_wide(&taken, &mut counted);
        let met: Vec<u32> = (0..rows.len())
            .map(|r| rows.met(r, &take, &counted))
            .collect();
        let direct: Vec<u32> = (0..rows.len())
            .map(|r| rows.members(r).iter().filter(|&&m| take[m]).count() as u32)
            .collect();
        assert_eq!(met, direct);
        // the support of 0, the two goals, the cut
        assert_eq!(met, vec![1, 2, 2, 2]);
    }
}
