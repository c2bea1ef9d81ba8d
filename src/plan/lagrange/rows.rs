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
        // Grown row by row, these were re-allocated and copied over and over: a fiftieth of
        // ranking 1,000 roles.
        let rows = task.supports.total() + task.goals.len() + cuts.len();
        let members = task.supports.member_count()
            + task.goals.iter().map(|g| g.achievers.len()).sum::<usize>()
            + cuts.iter().map(|c| c.members.len()).sum::<usize>();
        self.start.reserve(rows + 1);
        self.trigger.reserve(rows);
        self.members.reserve(members);
        self.first_support.reserve(task.len() + 1);
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
        self.wide_rows_of
            .build(self.candidates(), first_wide, &self.start, &self.members);
    }

    /// Adds a cut's row. [`Rows::count_wide`] indexes the rows added since it last ran.
    pub fn push_cut(&mut self, cut: &Cut) {
        self.push(&cut.members, cut_trigger(cut));
    }

    fn push(&mut self, members: &[usize], trigger: Option<usize>) {
        self.members.extend_from_slice(members);
        self.start.push(self.members.len());
        self.trigger.push(trigger);
    }

    /// Per goal and cut row, how many of its members are among `taken` (candidates, each
    /// listed once), for [`Rows::met`]. These rows have many members and the relaxed choice
    /// takes few candidates, so walking the rows of what it takes is far shorter.
    pub fn count_wide(&mut self, taken: &[usize], counted: &mut Vec<u32>) {
        let first_wide = self.goal_row(0);
        if self.wide_rows_of.indexed < self.len() {
            self.wide_rows_of
                .add(self.candidates(), first_wide, &self.start, &self.members);
        }
        counted.clear();
        counted.resize(self.len() - first_wide, 0);
        for block in &self.wide_rows_of.blocks {
            for &k in taken {
                for &r in block.of(k) {
                    counted[r as usize - first_wide] += 1;
                }
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

    fn candidates(&self) -> usize {
        self.first_support.len() - 1
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
/// these lists for every candidate it takes, thousands of entries per step, so they are laid
/// out side by side per candidate (a linked list made the count a sixth of the ascent). Each
/// round of cuts is indexed as a block of its own: indexing every row again after a round cost
/// 0.1-0.5 ms a round on 5,000 credentials at depth 6. Past [`MAX_BLOCKS`] blocks, all rows are
/// indexed as one again, so that a count never walks many short lists.
#[derive(Default)]
struct RowsOf {
    blocks: Vec<Block>,
    /// The rows below this are indexed.
    indexed: usize,
}

/// Per candidate, the rows of one block it is a member of.
#[derive(Default)]
struct Block {
    /// Candidate `k`'s rows are `rows[first[k]..first[k + 1]]`.
    first: Vec<u32>,
    rows: Vec<u32>,
}

/// Blocks an index may hold before it is built as one again.
const MAX_BLOCKS: usize = 8;

impl RowsOf {
    /// Indexes the rows `first_wide..` of `members`, laid out by `start`, over `candidates`,
    /// as one block.
    fn build(&mut self, candidates: usize, first_wide: usize, start: &[usize], members: &[usize]) {
        let end = start.len() - 1;
        self.blocks.truncate(1);
        let mut block = self.blocks.pop().unwrap_or_default();
        block.fill(candidates, first_wide..end, start, members);
        self.blocks.push(block);
        self.indexed = end;
    }

    /// Indexes the rows added since the last call as a block of their own, or every row from
    /// `first_wide` as one when the blocks are many.
    fn add(&mut self, candidates: usize, first_wide: usize, start: &[usize], members: &[usize]) {
        if self.blocks.len() >= MAX_BLOCKS {
            self.build(candidates, first_wide, start, members);
            return;
        }
        let end = start.len() - 1;
        let mut block = Block::default();
        block.fill(candidates, self.indexed..end, start, members);
        self.blocks.push(block);
        self.indexed = end;
    }
}

impl Block {
    /// Indexes `rows` of `members`, laid out by `start`, over `candidates`.
    fn fill(
        &mut self,
        candidates: usize,
        rows: std::ops::Range<usize>,
        start: &[usize],
        members: &[usize],
    ) {
        let all = &members[start[rows.start]..start[rows.end]];
        self.first.clear();
        self.first.resize(candidates + 1, 0);
        for &m in all {
            self.first[m + 1] += 1;
        }
        for k in 0..candidates {
            self.first[k + 1] += self.first[k];
        }
        self.rows.clear();
        self.rows.resize(all.len(), 0);
        let mut fill = self.first.clone();
        for r in rows {
            for &m in &members[start[r]..start[r + 1]] {
                self.rows[fill[m] as usize] = r as u32;
                fill[m] += 1;
            }
        }
    }

    fn of(&self, k: usize) -> &[u32] {
        &self.rows[self.first[k] as usize..self.first[k + 1] as usize]
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
    fn met_both_ways(rows: &mut Rows, take: &[bool]) -> (Vec<u32>, Vec<u32>) {
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
        let (met, direct) = met_both_ways(&mut rows, &[true, false, true, true]);
        assert_eq!(met, direct);
        // the support of 0, the two goals, the cut
        assert_eq!(met, vec![1, 2, 2, 2]);
    }

    #[test]
    fn cuts_found_in_rounds_are_counted_as_blocks_and_after_the_blocks_are_merged() {
        let cut = |members: &[usize]| Cut {
            members: members.to_vec(),
            trigger: Trigger::Goal(0),
        };
        let mut rows = Rows::of(&task(), &[cut(&[0, 1])]);
        let take = [false, true, true, true];
        let rounds: [&[&[usize]]; 4] = [&[&[1, 3]], &[&[0, 2], &[2, 3]], &[&[0, 3]], &[&[1]]];
        let mut most_blocks = 0;
        for round in rounds.iter().cycle().take(3 * MAX_BLOCKS) {
            for members in round.iter() {
                rows.push_cut(&cut(members));
            }
            let (met, direct) = met_both_ways(&mut rows, &take);
            assert_eq!(met, direct);
            most_blocks = most_blocks.max(rows.wide_rows_of.blocks.len());
        }
        assert_eq!(
            most_blocks, MAX_BLOCKS,
            "rounds are indexed as blocks of their own"
        );
        assert!(rows.wide_rows_of.blocks.len() < MAX_BLOCKS, "never merged");
        // the support of 0, the two goals, the first cut, then the first rounds' cuts
        let (met, _) = met_both_ways(&mut rows, &take);
        assert_eq!(met[..8], [2, 1, 3, 1, 2, 1, 2, 1]);
    }
}
