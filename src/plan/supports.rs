//! Every candidate's preconditions in three flat arrays. The ascent rebuilds the task each time
//! it narrows it, and a vector per support made that mostly allocation.

use std::sync::OnceLock;

/// Per candidate, its supports in order; each support a set of candidates one of which must be
/// taken first.
#[derive(Debug, Clone)]
pub(crate) struct Supports {
    /// Candidate `k`'s supports are `first_support[k]..first_support[k + 1]`.
    first_support: Vec<usize>,
    /// Support `s`'s members are `members[first_member[s]..first_member[s + 1]]`.
    first_member: Vec<usize>,
    members: Vec<usize>,
    /// Who waits on each candidate, built on first use: the best-supporters search asks for
    /// it several times per task (the first plan, then each repair), and building it was a
    /// third of that search.
    waiting: OnceLock<Waiting>,
}

/// Per candidate `d`, the supports it is a member of, as (candidate, support number) pairs:
/// `pairs[first[d]..first[d + 1]]`. Halved to 32 bits: this array is as long as all supports
/// together, and filling and walking it is most of the best-supporters search.
#[derive(Debug, Clone)]
struct Waiting {
    first: Vec<usize>,
    pairs: Vec<(u32, u32)>,
}

impl Default for Supports {
    fn default() -> Self {
        Supports::with_capacity(0, 0, 0)
    }
}

impl Supports {
    /// Room for `candidates` candidates with `supports` supports of `members` members in all,
    /// so that building one for a smaller task does not grow the arrays step by step.
    pub fn with_capacity(candidates: usize, supports: usize, members: usize) -> Self {
        let mut built = Supports {
            first_support: Vec::with_capacity(candidates + 1),
            first_member: Vec::with_capacity(supports + 1),
            members: Vec::with_capacity(members),
            waiting: OnceLock::new(),
        };
        built.first_support.push(0);
        built.first_member.push(0);
        built
    }

    /// Adds a support to the candidate being built (the one after the last finished).
    pub fn push(&mut self, members: impl IntoIterator<Item = usize>) {
        self.waiting.take();
        self.members.extend(members);
        self.first_member.push(self.members.len());
    }

    /// Finishes the candidate being built with the supports pushed since the last.
    pub fn finish_candidate(&mut self) {
        self.waiting.take();
        self.first_support.push(self.first_member.len() - 1);
    }

    /// How many supports candidate `k` has.
    pub fn count(&self, k: usize) -> usize {
        self.first_support[k + 1] - self.first_support[k]
    }

    /// Candidate `k`'s supports, in order.
    pub fn of(&self, k: usize) -> impl ExactSizeIterator<Item = &[usize]> + Clone {
        self.numbers(k).map(|s| self.support(s))
    }

    /// The numbers of candidate `k`'s supports among all supports, which are numbered
    /// candidate by candidate from 0.
    pub fn numbers(&self, k: usize) -> std::ops::Range<usize> {
        self.first_support[k]..self.first_support[k + 1]
    }

    /// How many supports all candidates have together.
    pub fn total(&self) -> usize {
        self.first_member.len() - 1
    }

    /// How many members all supports have together.
    pub fn member_count(&self) -> usize {
        self.members.len()
    }

    /// The members of support number `s`.
    pub fn support(&self, s: usize) -> &[usize] {
        &self.members[self.first_member[s]..self.first_member[s + 1]]
    }

    /// The supports candidate `d` is a member of, as (candidate, support number) pairs.
    pub fn waiting_on(&self, d: usize) -> impl ExactSizeIterator<Item = (usize, usize)> + '_ {
        let waiting = self.waiting.get_or_init(|| self.build_waiting());
        waiting.pairs[waiting.first[d]..waiting.first[d + 1]]
            .iter()
            .map(|&(k, number)| (k as usize, number as usize))
    }

    /// Written out rather than as a [`Grouped`](crate::catalog::grouped::Grouped) of nested
    /// iterators over the supports, which took 5% more instructions.
    fn build_waiting(&self) -> Waiting {
        let n = self.first_support.len() - 1;
        let mut first = vec![0usize; n + 1];
        for &d in &self.members {
            first[d + 1] += 1;
        }
        for d in 0..n {
            first[d + 1] += first[d];
        }
        let mut fill = first.clone();
        let mut pairs = vec![(0u32, 0u32); first[n]];
        for k in 0..n {
            for number in self.numbers(k) {
                for &d in self.support(number) {
                    pairs[fill[d]] = (k as u32, number as u32);
                    fill[d] += 1;
                }
            }
        }
        Waiting { first, pairs }
    }
}

#[cfg(test)]
impl Supports {
    /// Supports for `n` candidates, for tests: up to two each, of one to three members
    /// anywhere but at their owner, so loops of support are common.
    pub(crate) fn random(rng: &mut crate::catalog::synthetic::Rng, n: usize) -> Self {
        let mut supports = Supports::default();
        for k in 0..n {
            for _ in 0..rng.below(3) {
                let members: Vec<usize> = (0..1 + rng.below(3))
                    .map(|_| rng.below(n))
                    .filter(|&d| d != k)
                    .collect();
                if !members.is_empty() {
                    supports.push(members);
                }
            }
            supports.finish_candidate();
        }
        supports
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_keep_their_supports_in_order() {
        let mut supports = Supports::default();
        supports.push([1, 2]);
        supports.push([3]);
        supports.finish_candidate();
        supports.finish_candidate();
        supports.push([0]);
        supports.finish_candidate();

        assert_eq!(supports.count(0), 2);
        assert_eq!(supports.count(1), 0);
        assert_eq!(
            supports.of(0).collect::<Vec<_>>(),
            vec![&[1, 2][..], &[3][..]]
        );
        assert_eq!(supports.of(1).count(), 0);
        assert_eq!(supports.of(2).collect::<Vec<_>>(), vec![&[0][..]]);
        assert_eq!(supports.numbers(2), 2..3);
        assert_eq!(supports.total(), 3);
    }

    #[test]
    fn each_candidate_knows_the_supports_waiting_on_it() {
        let mut supports = Supports::default();
        supports.push([1, 2]);
        supports.push([2]);
        supports.finish_candidate();
        supports.finish_candidate();
        supports.finish_candidate();
        let waiting = |s: &Supports, d| s.waiting_on(d).collect::<Vec<_>>();
        assert_eq!(waiting(&supports, 0), vec![]);
        assert_eq!(waiting(&supports, 1), vec![(0, 0)]);
        assert_eq!(waiting(&supports, 2), vec![(0, 0), (0, 1)]);
        // A support added later is waiting too.
        supports.push([1]);
        supports.finish_candidate();
        assert_eq!(waiting(&supports, 1), vec![(0, 0), (3, 2)]);
    }
}
