//! The planning task after pruning: the candidate credentials that can matter, each with its
//! preconditions expressed over candidates, and the goals they must reach.
//!
//! Pruning keeps the exact optimum: a credential that cannot be reached from the person's
//! state is in no plan; one that adds nothing a goal or another candidate needs can be dropped
//! from any plan without breaking it; a dominated one can be swapped for its dominator.

use std::borrow::Cow;
use std::ops::Range;

use crate::catalog::needs::Need;
use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, CredIdx, Level, SkillIdx};
use crate::plan::dominance::{Verdicts, dominated_credentials};
use crate::plan::solve::Reached;
use crate::plan::supports::Supports;
use crate::plan::{Constraints, Objective, PlanRequest};

mod subtasks;

pub(crate) use subtasks::{LEFT_OUT, Part, new_indices};

/// A gap skill the plan should bring to `need`.
#[derive(Debug, Clone)]
pub(crate) struct Goal {
    pub skill: SkillIdx,
    pub need: Level,
    pub weight: f64,
    /// Candidates (local indices) that grant `skill` at `need` or above.
    pub achievers: Vec<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct Task {
    /// Candidate credentials (catalog indices), ascending.
    pub candidates: Vec<CredIdx>,
    /// Per candidate: its unmet preconditions, each a set of candidates one of which is
    /// needed ("at least one of these before": the form of every precondition once those the
    /// person already meets are dropped).
    pub supports: Supports,
    /// Per candidate: its weight in the objective.
    pub weight: Vec<f64>,
    /// Goals that some plan within the constraints can reach.
    pub goals: Vec<Goal>,
    /// Per candidate: proven to be in every plan that reaches all goals.
    pub forced: Vec<bool>,
}

pub(crate) fn objective_weight(
    catalog: &Catalog,
    objective: Objective,
    credential: CredIdx,
) -> f64 {
    match objective {
        Objective::Hours => catalog.flat().hours[credential],
        Objective::Cost => catalog.flat().cost[credential],
        Objective::Count => 1.0,
    }
}

/// Whether the person's constraints allow `credential` at all. The credential's own record
/// (a cache miss, asked of thousands of credentials per solve) is read only for its provider,
/// and only when some provider is excluded.
pub(crate) fn is_allowed(
    catalog: &Catalog,
    constraints: &Constraints,
    credential: CredIdx,
) -> bool {
    let flat = catalog.flat();
    let provider_allowed = || {
        let provider = &catalog.credentials[credential].provider;
        !constraints.exclude_providers.contains(provider)
    };
    !constraints.exclude.contains(&credential)
        && constraints
            .budget_cost
            .is_none_or(|b| flat.cost[credential] <= b)
        && constraints
            .budget_hours
            .is_none_or(|b| flat.hours[credential] <= b)
        && (constraints.exclude_providers.is_empty() || provider_allowed())
}

/// What building a task learned, for the next build in the same catalog.
#[derive(Debug, Clone, Default)]
pub(crate) struct Learned {
    /// The catalog's generation.
    catalog: u64,
    /// Who dominated whom among the candidates.
    pub verdicts: Verdicts,
    relevance: Option<Relevance>,
}

/// Per credential, whether it is relevant to the goals `asked` (skill, level) with nothing
/// excluded, for a person who starts at `start`.
#[derive(Debug, Clone)]
struct Relevance {
    asked: Vec<(SkillIdx, Level)>,
    start: Reach,
    relevant: Vec<bool>,
}

/// A credential's index among the candidates when it is not one.
const NOT_A_CANDIDATE: u32 = u32::MAX;

impl Task {
    /// Builds the pruned task for the goals `wanted` (skill, need, weight) of `request`, from
    /// what its person has `reached`.
    pub fn build(
        catalog: &Catalog,
        request: &PlanRequest,
        wanted: &[(SkillIdx, Level, f64)],
        reached: &Reached,
    ) -> Self {
        Task::build_with(catalog, request, wanted, reached, None).0
    }

    /// [`Task::build`], reusing what building a task for an `earlier` solve learned (for the
    /// same catalog: it is ignored for another), and returning what this one learned.
    pub fn build_with(
        catalog: &Catalog,
        request: &PlanRequest,
        wanted: &[(SkillIdx, Level, f64)],
        reached: &Reached,
        earlier: Option<&Learned>,
    ) -> (Self, Learned) {
        let earlier = earlier.filter(|e| e.catalog == catalog.generation());
        let start = &reached.start;
        // What is relevant to these goals with nothing excluded: an edit of the constraints
        // leaves it as it was, and finding it again over 20,000 credentials was a seventh of
        // re-planning after an exclusion.
        let asked: Vec<(SkillIdx, Level)> = wanted.iter().map(|&(s, l, _)| (s, l)).collect();
        let unconstrained = match earlier.and_then(|e| e.relevance.as_ref()) {
            Some(known) if known.asked == asked && known.start == *start => known.relevant.clone(),
            _ => relevant_credentials(catalog, start, &reached.takeable, wanted),
        };
        // Without constraints, what can be reached is what the person can reach at all (the
        // same for every role), and what is relevant is what is relevant with nothing excluded.
        let (forward, relevant) = if request.constraints == Constraints::default() {
            (
                Cow::Borrowed(&reached.everything),
                Cow::Borrowed(&unconstrained),
            )
        } else {
            // Only a credential relevant with nothing excluded can be relevant now, and whether
            // one of those can be reached turns on others of them alone: relevance takes in
            // every credential that can meet a need of one it holds. So the reach is worked
            // out over those, not over the whole catalog (over the whole of 20,000 credentials it
            // was a quarter of re-planning after an exclusion).
            let allowed: Vec<CredIdx> = (0..catalog.credentials.len())
                .filter(|&c| {
                    unconstrained[c]
                        && !start.done[c]
                        && is_allowed(catalog, &request.constraints, c)
                })
                .collect();
            let mut forward = start.clone();
            forward.saturate(catalog, &allowed);
            let relevant = relevant_credentials(catalog, start, &forward.taken_mask(), wanted);
            (Cow::Owned(forward), Cow::Owned(relevant))
        };
        let mut candidates: Vec<CredIdx> = (0..catalog.credentials.len())
            .filter(|&c| relevant[c])
            .collect();
        let (dominated, verdicts) = dominated_credentials(
            catalog,
            request,
            start,
            &candidates,
            earlier.map(|e| &e.verdicts),
        );
        // Both are ascending, so one walk along the dominated finds each candidate's verdict.
        let mut dominated = dominated.iter().peekable();
        candidates.retain(|&c| {
            while dominated.next_if(|&&d| d < c).is_some() {}
            dominated.next_if_eq(&&c).is_none()
        });

        // Each credential's index among the candidates. Who grants a skill is read from the
        // catalog's index through this, rather than from an index built over the candidates'
        // own records, which cost a tenth of ranking every role.
        let mut candidate_index = vec![NOT_A_CANDIDATE; catalog.credentials.len()];
        for (k, &c) in candidates.iter().enumerate() {
            candidate_index[c] = k as u32;
        }
        let local = |c: CredIdx| match candidate_index[c] {
            NOT_A_CANDIDATE => None,
            k => Some(k as usize),
        };
        let granting = catalog.granting();
        let granting_candidates =
            |skill: SkillIdx, level: Level| granting.at_least(skill, level).filter_map(local);
        let achievers = |skill: SkillIdx, level: Level| -> Vec<usize> {
            granting_candidates(skill, level).collect()
        };
        let mut supports = Supports::default();
        // One candidate's preconditions, each a span of `members`: a vector per precondition
        // was most of building a large task.
        let mut members: Vec<usize> = Vec::new();
        let mut needs: Vec<Range<usize>> = Vec::new();
        let needs_of = catalog.needs();
        for (k, &c) in candidates.iter().enumerate() {
            members.clear();
            needs.clear();
            let mut need = |of: &mut dyn Iterator<Item = usize>| {
                let first = members.len();
                members.extend(of);
                needs.push(first..members.len());
            };
            for &prerequisite in needs_of.of(c) {
                match prerequisite {
                    Need::Done(d) => {
                        if !start.done[d] {
                            need(&mut local(d).into_iter());
                        }
                    }
                    Need::AnyOf(first, end) => {
                        let group = needs_of.group(first, end);
                        if group.iter().all(|&d| !start.done[d]) {
                            need(&mut group.iter().filter_map(|&d| local(d)));
                        }
                    }
                    Need::Skill(skill, level) => {
                        if start.levels[skill] < level {
                            // A credential never meets its own prerequisite, though it often
                            // grants a higher level of the skill it asks for.
                            need(&mut granting_candidates(skill, level).filter(|&d| d != k));
                        }
                    }
                }
            }
            needs.sort_by(|a, b| members[a.clone()].cmp(&members[b.clone()]));
            needs.dedup_by(|a, b| members[a.clone()] == members[b.clone()]);
            for need in &needs {
                supports.push(members[need.clone()].iter().copied());
            }
            supports.finish_candidate();
        }
        let goals: Vec<Goal> = wanted
            .iter()
            .map(|&(skill, need, weight)| Goal {
                skill,
                need,
                weight,
                achievers: achievers(skill, need),
            })
            .filter(|g| forward.levels[g.skill] >= g.need && !g.achievers.is_empty())
            .collect();
        let weight = candidates
            .iter()
            .map(|&c| objective_weight(catalog, request.objective, c))
            .collect();
        let mut task = Task {
            forced: vec![false; candidates.len()],
            candidates,
            supports,
            weight,
            goals,
        };
        task.forced = task.forced_candidates();
        let learned = Learned {
            catalog: catalog.generation(),
            verdicts,
            relevance: Some(Relevance {
                asked,
                start: start.clone(),
                relevant: unconstrained,
            }),
        };
        (task, learned)
    }

    /// Candidates every full plan contains: the sole achiever of a goal, and transitively the
    /// sole support of a forced candidate's precondition.
    fn forced_candidates(&self) -> Vec<bool> {
        let mut forced = vec![false; self.candidates.len()];
        let mut stack: Vec<usize> = self
            .goals
            .iter()
            .filter(|g| g.achievers.len() == 1)
            .map(|g| g.achievers[0])
            .collect();
        while let Some(k) = stack.pop() {
            if std::mem::replace(&mut forced[k], true) {
                continue;
            }
            stack.extend(self.supports.of(k).filter(|s| s.len() == 1).map(|s| s[0]));
        }
        forced
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }
}

/// Backward relevance from the goals: credentials reachable under the constraints that grant a
/// needed skill level or complete a needed credential, closed under their own preconditions.
fn relevant_credentials(
    catalog: &Catalog,
    start: &Reach,
    reachable: &[bool],
    wanted: &[(SkillIdx, Level, f64)],
) -> Vec<bool> {
    let mut relevant = vec![false; catalog.credentials.len()];
    // The lowest level of each skill asked for so far: achievers of any higher level are a
    // subset of its achievers, so only a lower ask can make more credentials relevant.
    let mut lowest_asked: Vec<Level> = vec![Level::MAX; catalog.skills.len()];
    let needs = catalog.needs();
    let mut facts: Vec<Need> = wanted.iter().map(|&(s, l, _)| Need::Skill(s, l)).collect();
    while let Some(fact) = facts.pop() {
        let mut add = |c: CredIdx, facts: &mut Vec<Need>| {
            if reachable[c] && !std::mem::replace(&mut relevant[c], true) {
                facts.extend_from_slice(needs.of(c));
            }
        };
        match fact {
            Need::Done(d) => add(d, &mut facts),
            Need::AnyOf(first, end) => {
                for &d in needs.group(first, end) {
                    add(d, &mut facts);
                }
            }
            Need::Skill(skill, level) => {
                if level <= start.levels[skill] || level >= lowest_asked[skill] {
                    continue;
                }
                lowest_asked[skill] = level;
                for c in catalog.granting().at_least(skill, level) {
                    add(c, &mut facts);
                }
            }
        }
    }
    relevant
}

#[cfg(test)]
impl Task {
    /// A task written out by hand: per candidate its supports and weight, and per goal its
    /// achievers (goal `g` asks for skill `g` at level 1, with weight 1).
    pub(crate) fn by_hand(
        supports: &[&[&[usize]]],
        weight: &[f64],
        achievers: &[&[usize]],
    ) -> Task {
        let mut all = Supports::default();
        for of_candidate in supports {
            for &support in *of_candidate {
                all.push(support.iter().copied());
            }
            all.finish_candidate();
        }
        Task {
            candidates: (0..weight.len()).map(|k| 10 + k).collect(),
            supports: all,
            weight: weight.to_vec(),
            goals: achievers
                .iter()
                .enumerate()
                .map(|(g, achievers)| Goal {
                    skill: g,
                    need: 1,
                    weight: 1.0,
                    achievers: achievers.to_vec(),
                })
                .collect(),
            forced: vec![false; weight.len()],
        }
    }

    /// A random task for property tests, of as many candidates as `weight` has: one to three
    /// goals of one to three achievers each, and supports as [`Supports::random`] draws them.
    pub(crate) fn random(rng: &mut crate::catalog::synthetic::Rng, weight: &[f64]) -> Task {
        let n = weight.len();
        let achievers: Vec<Vec<usize>> = (0..1 + rng.below(3))
            .map(|_| (0..1 + rng.below(3)).map(|_| rng.below(n)).collect())
            .collect();
        let achievers: Vec<&[usize]> = achievers.iter().map(Vec::as_slice).collect();
        let mut task = Task::by_hand(&[], weight, &achievers);
        task.supports = Supports::random(rng, n);
        task
    }
}
