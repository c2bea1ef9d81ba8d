//! The landmarks of one simulated state, all found in one pass.
//!
//! The landmark of an unmet set of candidates (a stuck candidate's support, or a goal's
//! achievers) is the set of candidates outside the state that are allowed in it and belong to
//! the set or, going backwards, to an unmet support of a member not yet allowed. Walking each
//! set's backward cone on its own visits the candidates the cones share once per cone: on
//! 5,000 credentials at depth 6, one separation made 22,000 visits to 2,000 candidates.
//!
//! Instead, the candidates the cones pass through (neither taken nor allowed) are found once,
//! with where each leads: the members of its unmet supports. Support can run in loops, so they
//! are condensed into strongly connected components (Tarjan), and each component's landmark, a
//! bit set over the allowed candidates, is the union of what its members lead to, taken
//! deepest component first. A set's landmark is then the union of its members'.
//!
//! A caller may ask only for landmarks of at most so many members. A component whose landmark
//! is wider keeps no bits, and neither does any component that leads to it: on a large task
//! most cones meet in a few deep components whose landmarks hold a third of the task, and
//! uniting those bit sets was half the work.

use crate::plan::supports::Supports;

/// The landmarks of one state, for the unmet sets it was built for.
pub(crate) struct Landmarks {
    /// The allowed candidates the cones reach, ascending; bit `i` of a landmark stands for
    /// `allowed[i]`.
    allowed: Vec<usize>,
    /// Per candidate, its bit when it is among `allowed`, its component when it is passed
    /// through, or neither.
    place: Vec<Place>,
    /// Component `c`'s landmark is `bits[first_bit[c]..first_bit[c] + words]`, unless it is
    /// [`WIDE`].
    first_bit: Vec<usize>,
    bits: Vec<u64>,
    words: usize,
    widest: usize,
}

/// Where a component's landmark would start, for one wider than the caller asked for.
const WIDE: usize = usize::MAX;

#[derive(Clone, Copy, PartialEq)]
enum Place {
    Elsewhere,
    Allowed(u32),
    Through(u32),
}

/// The candidates the cones pass through, numbered in the order found, with where each leads.
struct Passed {
    candidate: Vec<usize>,
    /// Passed candidate `i` leads to `leads[first_lead[i]..first_lead[i + 1]]`.
    first_lead: Vec<usize>,
    leads: Vec<usize>,
}

impl Landmarks {
    /// The landmarks of the state where `taken` candidates are taken, for the unmet `sets`,
    /// of at most `widest` members.
    pub fn of<'a>(
        supports: &Supports,
        taken: &[bool],
        sets: impl Iterator<Item = &'a [usize]>,
        widest: usize,
    ) -> Self {
        let meets = |support: &[usize]| support.iter().any(|&d| taken[d]);
        let mut place = vec![Place::Elsewhere; taken.len()];
        let mut seen = vec![false; taken.len()];
        let mut allowed = Vec::new();
        let mut passed = Passed {
            candidate: Vec::new(),
            first_lead: vec![0],
            leads: Vec::new(),
        };
        let mut stack: Vec<usize> = Vec::new();
        let push = |d: usize, seen: &mut [bool], stack: &mut Vec<usize>| {
            if !taken[d] && !seen[d] {
                seen[d] = true;
                stack.push(d);
            }
        };
        for set in sets {
            for &d in set {
                push(d, &mut seen, &mut stack);
            }
        }
        while let Some(d) = stack.pop() {
            // Each support is asked once whether the state meets it: asking first whether any
            // is unmet and then walking the unmet ones asked most of them twice.
            let first_lead = passed.leads.len();
            for support in supports.of(d).filter(|s| !meets(s)) {
                passed.leads.extend_from_slice(support);
            }
            if passed.leads.len() == first_lead {
                allowed.push(d);
                continue;
            }
            place[d] = Place::Through(passed.candidate.len() as u32);
            passed.candidate.push(d);
            for &m in &passed.leads[first_lead..] {
                push(m, &mut seen, &mut stack);
            }
            passed.first_lead.push(passed.leads.len());
        }
        allowed.sort_unstable();
        for (bit, &d) in allowed.iter().enumerate() {
            place[d] = Place::Allowed(bit as u32);
        }

        let words = allowed.len().div_ceil(64);
        let components = Components::of(&passed, &place);
        // Landmarks of at most `widest` members are the only ones asked for, so wider ones
        // need telling apart only when there can be any.
        let may_be_wide = allowed.len() > widest;
        // Components in the order Tarjan's algorithm completes them: every component a member
        // leads to is complete, and its landmark known, before the member's own.
        let mut first_bit = Vec::with_capacity(components.count);
        // Room for every landmark, though wide ones give theirs back: growing it instead
        // copied it over and over.
        let mut bits = Vec::with_capacity(components.count * words);
        for c in 0..components.count {
            let start = bits.len();
            bits.resize(start + words, 0u64);
            let (done, own) = bits.split_at_mut(start);
            let mut wide = false;
            'members: for &i in components.members(c) {
                for &m in &passed.leads[passed.first_lead[i]..passed.first_lead[i + 1]] {
                    match place[m] {
                        Place::Allowed(bit) => own[bit as usize / 64] |= 1 << (bit % 64),
                        Place::Through(j) if components.of[j as usize] != c => {
                            let other = first_bit[components.of[j as usize]];
                            if other == WIDE {
                                wide = true;
                                break 'members;
                            }
                            for (w, o) in own.iter_mut().zip(&done[other..other + words]) {
                                *w |= o;
                            }
                        }
                        _ => {}
                    }
                }
            }
            if wide || (may_be_wide && members(own) > widest) {
                bits.truncate(start);
                first_bit.push(WIDE);
            } else {
                first_bit.push(start);
            }
        }
        // Passed candidates are told apart by component from here on.
        for (i, &d) in passed.candidate.iter().enumerate() {
            place[d] = Place::Through(components.of[i] as u32);
        }
        Landmarks {
            allowed,
            place,
            first_bit,
            bits,
            words,
            widest,
        }
    }

    /// The landmark of `set`, one of the sets these were built for: ascending candidates.
    /// None when it has more members than these landmarks were asked for.
    pub fn of_set(&self, set: &[usize]) -> Option<Vec<usize>> {
        let mut union = vec![0u64; self.words];
        for &d in set {
            match self.place[d] {
                Place::Allowed(bit) => union[bit as usize / 64] |= 1 << (bit % 64),
                Place::Through(c) => {
                    let first = self.first_bit[c as usize];
                    if first == WIDE {
                        return None;
                    }
                    for (w, o) in union.iter_mut().zip(&self.bits[first..first + self.words]) {
                        *w |= o;
                    }
                }
                Place::Elsewhere => {}
            }
        }
        if members(&union) > self.widest {
            return None;
        }
        let mut landmark = Vec::new();
        for (w, &word) in union.iter().enumerate() {
            let mut word = word;
            while word != 0 {
                landmark.push(self.allowed[w * 64 + word.trailing_zeros() as usize]);
                word &= word - 1;
            }
        }
        Some(landmark)
    }
}

/// How many members a bit set holds.
fn members(bits: &[u64]) -> usize {
    bits.iter().map(|w| w.count_ones() as usize).sum()
}

/// The strongly connected components of the passed candidates, where `i` has an edge to every
/// passed candidate it leads to.
struct Components {
    /// Per passed candidate, its component.
    of: Vec<usize>,
    count: usize,
    /// Component `c`'s members are `member[first_member[c]..first_member[c + 1]]`.
    first_member: Vec<usize>,
    member: Vec<usize>,
}

impl Components {
    /// Tarjan's algorithm, with an explicit stack of calls: support chains can be thousands of
    /// candidates long.
    fn of(passed: &Passed, place: &[Place]) -> Self {
        let n = passed.candidate.len();
        let mut walk = Tarjan {
            index: vec![UNVISITED; n],
            low: vec![0; n],
            on_stack: vec![false; n],
            stack: Vec::new(),
            calls: Vec::new(),
            next_index: 0,
        };
        let mut components = Components {
            of: vec![UNVISITED; n],
            count: 0,
            first_member: vec![0],
            member: Vec::with_capacity(n),
        };
        for root in 0..n {
            if walk.index[root] != UNVISITED {
                continue;
            }
            walk.enter(root, passed);
            while let Some(&mut (v, ref mut next)) = walk.calls.last_mut() {
                if *next < passed.first_lead[v + 1] {
                    let m = passed.leads[*next];
                    *next += 1;
                    if let Place::Through(w) = place[m] {
                        let w = w as usize;
                        if walk.index[w] == UNVISITED {
                            walk.enter(w, passed);
                        } else if walk.on_stack[w] {
                            walk.low[v] = walk.low[v].min(walk.index[w]);
                        }
                    }
                    continue;
                }
                walk.calls.pop();
                if let Some(&(parent, _)) = walk.calls.last() {
                    walk.low[parent] = walk.low[parent].min(walk.low[v]);
                }
                if walk.low[v] == walk.index[v] {
                    loop {
                        let w = walk.stack.pop().expect("v is on the stack");
                        walk.on_stack[w] = false;
                        components.of[w] = components.count;
                        components.member.push(w);
                        if w == v {
                            break;
                        }
                    }
                    components.first_member.push(components.member.len());
                    components.count += 1;
                }
            }
        }
        components
    }

    fn members(&self, c: usize) -> &[usize] {
        &self.member[self.first_member[c]..self.first_member[c + 1]]
    }
}

const UNVISITED: usize = usize::MAX;

/// The state of Tarjan's walk over the passed candidates.
struct Tarjan {
    index: Vec<usize>,
    low: Vec<usize>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    /// Per call: the candidate and the next of its leads to look at.
    calls: Vec<(usize, usize)>,
    next_index: usize,
}

impl Tarjan {
    fn enter(&mut self, v: usize, passed: &Passed) {
        self.index[v] = self.next_index;
        self.low[v] = self.next_index;
        self.next_index += 1;
        self.stack.push(v);
        self.on_stack[v] = true;
        self.calls.push((v, passed.first_lead[v]));
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
    fn landmarks_found_together_are_those_of_a_walk_from_each_set() {
        let mut rng = Rng::new(7);
        for _ in 0..300 {
            let n = 5 + rng.below(60);
            // Supports point anywhere, so loops of support are common.
            let mut supports = Supports::default();
            for _ in 0..n {
                for _ in 0..rng.below(3) {
                    let members: Vec<usize> = (0..1 + rng.below(4)).map(|_| rng.below(n)).collect();
                    supports.push(members);
                }
                supports.finish_candidate();
            }
            let taken: Vec<bool> = (0..n).map(|_| rng.chance(20)).collect();
            let sets: Vec<Vec<usize>> = (0..1 + rng.below(6))
                .map(|_| {
                    (0..1 + rng.below(5))
                        .map(|_| rng.below(n))
                        .filter(|&d| !taken[d])
                        .collect()
                })
                .collect();
            let landmarks = Landmarks::of(
                &supports,
                &taken,
                sets.iter().map(Vec::as_slice),
                usize::MAX,
            );
            // Asked for narrow ones only, the same landmarks come back, and no wider one.
            let widest = rng.below(8);
            let narrow = Landmarks::of(&supports, &taken, sets.iter().map(Vec::as_slice), widest);
            for set in &sets {
                let landmark = walked(&supports, &taken, set);
                let fits = landmark.len() <= widest;
                assert_eq!(landmarks.of_set(set), Some(landmark.clone()));
                assert_eq!(narrow.of_set(set), Some(landmark).filter(|_| fits));
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
        let landmarks = Landmarks::of(&supports, &taken, [&[0][..], &[1]].into_iter(), 2);
        // 2 can start now (4 is taken); 3 cannot, but 5 can.
        assert_eq!(landmarks.of_set(&[0]), Some(vec![2, 5]));
        assert_eq!(landmarks.of_set(&[1]), Some(vec![2, 5]));
        let narrower = Landmarks::of(&supports, &taken, [&[0][..], &[1]].into_iter(), 1);
        assert_eq!(narrower.of_set(&[0]), None);
    }
}
