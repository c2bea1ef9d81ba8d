//! The relaxed rows in compressed form, laid out as the ascent's multipliers are: every
//! candidate's support rows in candidate order, then one row per goal, then one per cut.

use crate::plan::milp::{Cut, Trigger};
use crate::plan::task::Task;

/// Row `r` is `sum(members[start[r]..start[r+1]]) >= x[trigger[r]]`, or `>= 1` for a goal's
/// row (no trigger).
#[derive(Default)]
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
        let mut rows = Rows::default();
        rows.rebuild(task, cuts);
        rows
    }

    /// These rows made over for `task` and its `cuts`, in the memory they hold: the ascent
    /// builds its rows anew at every narrowing, and fresh arrays of this size cost page faults
    /// on every first touch.
    pub fn rebuild(&mut self, task: &Task, cuts: &[Cut]) {
        self.start.clear();
        self.members.clear();
        self.trigger.clear();
        self.first_support.clear();
        self.start.push(0);
        self.first_support.push(0);
        for k in 0..task.len() {
            for support in task.supports.of(k) {
                self.push(support, Some(k));
            }
            self.first_support.push(self.len());
        }
        for goal in &task.goals {
            self.push(&goal.achievers, None);
        }
        self.first_cut = self.len();
        for cut in cuts {
            self.push(&cut.members, cut_trigger(cut));
        }
        self.index_wide_rows();
    }

    fn index_wide_rows(&mut self) {
        let first_wide = self.goal_row(0);
        let candidates = self.first_support.len() - 1;
        self.wide_rows_of
            .build(candidates, first_wide, &self.start, &self.members);
    }

    pub fn push_cut(&mut self, cut: &Cut) {
        let row = self.len();
        self.push(&cut.members, cut_trigger(cut));
        if self.wide_rows_of.add(row, &cut.members) {
            self.index_wide_rows();
        }
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

fn cut_trigger(cut: &Cut) -> Option<usize> {
    match cut.trigger {
        Trigger::Take(k) => Some(k),
        Trigger::Goal(_) => None,
    }
}

/// Per candidate, the goal and cut rows it is a member of. Counting what a choice meets walks
/// these lists for every candidate it takes, thousands of entries per step, so the rows known
/// when the index was built sit side by side per candidate (a linked list made the count a
/// sixth of the ascent). Cuts found later go to a linked list, and once it holds as many
/// entries as the rest, everything is indexed side by side again.
#[derive(Default)]
struct RowsOf {
    /// Candidate `k`'s indexed rows are `rows[first[k]..first[k + 1]]`.
    first: Vec<u32>,
    rows: Vec<u32>,
    /// Per candidate, its latest row added since, as an entry of `later`, or `END`.
    latest: Vec<u32>,
    /// Per entry, its row and the candidate's entry before it.
    later: Vec<(u32, u32)>,
}

const END: u32 = u32::MAX;

impl RowsOf {
    /// Indexes the rows `first_wide..` of `members`, laid out by `start`, over `candidates`.
    fn build(&mut self, candidates: usize, first_wide: usize, start: &[usize], members: &[usize]) {
        let end = start.len() - 1;
        let wide = &members[start[first_wide]..start[end]];
        self.first.clear();
        self.first.resize(candidates + 1, 0);
        for &m in wide {
            self.first[m + 1] += 1;
        }
        for k in 0..candidates {
            self.first[k + 1] += self.first[k];
        }
        self.rows.clear();
        self.rows.resize(wide.len(), 0);
        let mut fill = self.first.clone();
        for r in first_wide..end {
            for &m in &members[start[r]..start[r + 1]] {
                self.rows[fill[m] as usize] = r as u32;
                fill[m] += 1;
            }
        }
        self.latest.clear();
        self.latest.resize(candidates, END);
        self.later.clear();
    }

    /// Adds row `r` to each of its `members`; true when the index should be built again.
    fn add(&mut self, r: usize, members: &[usize]) -> bool {
        for &m in members {
            self.later.push((r as u32, self.latest[m]));
            self.latest[m] = (self.later.len() - 1) as u32;
        }
        self.later.len() >= self.rows.len()
    }

    fn of(&self, k: usize) -> impl Iterator<Item = usize> + '_ {
        let indexed = self.rows[self.first[k] as usize..self.first[k + 1] as usize].iter();
        let entry = |e: u32| (e != END).then(|| self.later[e as usize]);
        let later = std::iter::successors(entry(self.latest[k]), move |&(_, before)| entry(before));
        indexed
            .map(|&r| r as usize)
            .chain(later.map(|(r, _)| r as usize))
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

    /// What `take` meets of each row, counted through the index and directly.
    fn met_both_ways(rows: &Rows, take: &[bool]) -> (Vec<u32>, Vec<u32>) {
        let taken: Vec<usize> = (0..take.len()).filter(|&k| take[k]).collect();
        let mut counted = Vec::new();
        rows.count_wide(&taken, &mut counted);
        let met = (0..rows.len())
            .map(|r| rows.met(r, take, &counted))
            .collect();
        let direct = (0..rows.len())
            .map(|r| rows.members(r).iter().filter(|&&m| take[m]).count() as u32)
            .collect();
        (met, direct)
    }

    #[test]
    fn what_a_choice_meets_of_each_row_is_counted_from_the_rows_of_what_it_takes() {
        let mut rows = Rows::of(&task(), &[]);
        rows.push_cut(&Cut {
            members: vec![2, 3],
            trigger: Trigger::Take(0),
        });
        let (met, direct) = met_both_ways(&rows, &[true, false, true, true]);
        assert_eq!(met, direct);
        // the support of 0, the two goals, the cut
        assert_eq!(met, vec![1, 2, 2, 2]);
    }

    #[test]
    fn cuts_found_later_are_counted_before_and_after_the_index_is_rebuilt() {
        let cut = |members: &[usize]| Cut {
            members: members.to_vec(),
            trigger: Trigger::Goal(0),
        };
        let mut rows = Rows::of(&task(), &[cut(&[0, 1])]);
        let indexed = rows.wide_rows_of.rows.len();
        let take = [false, true, true, true];
        for members in [[1, 3], [0, 2], [2, 3], [0, 3]] {
            rows.push_cut(&cut(&members));
            let (met, direct) = met_both_ways(&rows, &take);
            assert_eq!(met, direct);
        }
        assert!(rows.wide_rows_of.rows.len() > indexed, "never rebuilt");
        let (met, _) = met_both_ways(&rows, &take);
        // the support of 0, the two goals, then the cuts in order
        assert_eq!(met, vec![2, 1, 3, 1, 2, 1, 2, 1]);
    }
}
