//! The landmarks of one simulated state, each found by its own walk that stops once it is
//! too wide to be of use.
//!
//! The landmark of an unmet set of candidates (a stuck candidate's support, or a goal's
//! achievers) is the set of candidates outside the state that are allowed in it and belong to
//! the set or, going backwards, to an unmet support of a member not yet allowed. A caller asks
//! only for landmarks of at most so many members, and a walk back from the set stops as soon
//! as it has found one more allowed candidate than that.
//!
//! Walking the sets' cones together, once, shares the candidates they pass through, but it
//! cannot stop early: on a large task most cones meet in a few deep loops of support that lead
//! to a third of the task. On 20,000 credentials at depth 6, such a pass went through 5,400
//! candidates and 2,500 loops of them, and took 2-4 ms, to find the 5-12 narrow landmarks that
//! became cuts. Walked one by one, a set with a wide landmark costs only the walk up to its
//! first member past the limit, and a narrow one only its own small cone.

use crate::plan::supports::Supports;

/// Walks back from unmet sets in the state where `taken` candidates are taken.
pub(crate) struct Landmarks<'a> {
    supports: &'a Supports,
    taken: &'a [bool],
    /// Per candidate, the number of the walk that last reached it.
    reached_in: Vec<u32>,
    walk: u32,
    stack: Vec<usize>,
    /// The landmark being collected, kept between walks: a walk that stops at the limit then
    /// allocates nothing, and one that does not allocates its landmark once. Growing a fresh
    /// vector in each walk was nearly 1% of the instructions of a solve on 5,000 credentials
    /// at depth 6.
    found: Vec<usize>,
}

impl<'a> Landmarks<'a> {
    pub fn new(supports: &'a Supports, taken: &'a [bool]) -> Self {
        Landmarks {
            supports,
            taken,
            reached_in: vec![0; taken.len()],
            walk: 0,
            stack: Vec::new(),
            found: Vec::new(),
        }
    }

    /// The landmark of `set`, ascending, or None when it has more than `widest` members.
    pub fn of_set(&mut self, set: &[usize], widest: usize) -> Option<Vec<usize>> {
        let (supports, taken) = (self.supports, self.taken);
        self.walk += 1;
        let walk = self.walk;
        let reached_in = &mut self.reached_in;
        let stack = &mut self.stack;
        stack.clear();
        let landmark = &mut self.found;
        landmark.clear();
        let mut reach = |d: usize, stack: &mut Vec<usize>| {
            if !taken[d] && reached_in[d] != walk {
                reached_in[d] = walk;
                stack.push(d);
            }
        };
        for &d in set {
            reach(d, stack);
        }
        while let Some(d) = stack.pop() {
            let mut allowed = true;
            for support in supports.of(d) {
                if support.iter().any(|&m| taken[m]) {
                    continue;
                }
                allowed = false;
                for &m in support {
                    reach(m, stack);
                }
            }
            if allowed {
                if landmark.len() == widest {
                    return None;
                }
                landmark.push(d);
            }
        }
        landmark.sort_unstable();
        Some(landmark.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::synthetic::Rng;

    /// The landmark by its definition: a walk back from `set` through every candidate that
    /// is neither taken nor allowed, collecting the allowed ones.
    fn walked(supports: &Supports, taken: &[bool], set: &[usize]) -> Vec<usize> {
        let meets = |s: &[usize]| s.iter().any(|&d| taken[d]);
        let mut seen = vec![false; taken.len()];
        let mut queue: Vec<usize> = set.to_vec();
        let mut landmark = Vec::new();
        while let Some(d) = queue.pop() {
            if taken[d] || std::mem::replace(&mut seen[d], true) {
                continue;
            }
            let mut unmet = supports.of(d).filter(|s| !meets(s)).peekable();
            if unmet.peek().is_none() {
                landmark.push(d);
            }
            queue.extend(unmet.flatten());
        }
        landmark.sort_unstable();
        landmark
    }

    #[test]
    fn a_walk_that_stops_early_finds_the_landmark_or_says_it_is_too_wide() {
        let mut rng = Rng::new(7);
        for _ in 0..300 {
            let n = 5 + rng.below(60);
            let supports = Supports::random(&mut rng, n);
            let taken: Vec<bool> = (0..n).map(|_| rng.chance(20)).collect();
            let sets: Vec<Vec<usize>> = (0..1 + rng.below(6))
                .map(|_| {
                    (0..1 + rng.below(5))
                        .map(|_| rng.below(n))
                        .filter(|&d| !taken[d])
                        .collect()
                })
                .collect();
            // One walker answers every set, wide or narrow, in any order.
            let mut landmarks = Landmarks::new(&supports, &taken);
            for set in &sets {
                let landmark = walked(&supports, &taken, set);
                let widest = rng.below(8);
                let fits = landmark.len() <= widest;
                assert_eq!(
                    landmarks.of_set(set, widest),
                    Some(landmark.clone()).filter(|_| fits)
                );
                assert_eq!(landmarks.of_set(set, usize::MAX), Some(landmark));
            }
        }
    }

    #[test]
    fn a_loop_of_support_leads_to_what_either_member_can_start_from() {
        // 0 needs 1 or 2; 1 needs 0 or 3; 2 needs 4, which is taken; 3 needs 5.
        let mut supports = Supports::default();
        for needs in [&[&[1, 2][..]][..], &[&[0, 3]], &[&[4]], &[&[5]], &[], &[]] {
            for support in needs {
                supports.push(support.iter().copied());
            }
            supports.finish_candidate();
        }
        let taken = [false, false, false, false, true, false];
        let mut landmarks = Landmarks::new(&supports, &taken);
        // 2 can start now (4 is taken); 3 cannot, but 5 can.
        assert_eq!(landmarks.of_set(&[0], 2), Some(vec![2, 5]));
        assert_eq!(landmarks.of_set(&[1], 2), Some(vec![2, 5]));
        assert_eq!(landmarks.of_set(&[0], 1), None);
    }
}
