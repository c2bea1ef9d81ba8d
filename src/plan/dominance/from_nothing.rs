//! The catalog's own dominance verdicts, for a person who starts with nothing: what a solve
//! with no earlier verdicts follows.

use std::sync::OnceLock;

use crate::catalog::Catalog;
use crate::catalog::reach::Reach;
use crate::plan::PlanRequest;
use crate::plan::dominance::{Measures, Verdicts, verdicts_of};

/// Per [`Measures`], the verdicts of every credential a person who starts with nothing can
/// reach, for such a person, each found on first use and kept with the catalog. A solve with
/// no earlier verdicts of its own follows these across the change to its person's start, as a
/// re-plan follows its last solve's: a start with a few skills is near enough, and nearly every
/// candidate of a solve is among these. On 20,000 credentials, finding every verdict afresh was
/// over half of building a task; following these takes a quarter of the instructions. Finding
/// them costs about as much as six solves' verdicts, once per catalog and measures. Every
/// credential is asked, named as a prerequisite or not: that is for each solve to tell.
#[derive(Default)]
pub(crate) struct FromNothing {
    by_measures: [OnceLock<Verdicts>; Measures::COUNT],
}

impl FromNothing {
    pub(super) fn verdicts(&self, catalog: &Catalog, request: &PlanRequest) -> &Verdicts {
        self.by_measures[Measures::of(request).number()].get_or_init(|| {
            let nothing = Reach::start(catalog, &[], std::iter::empty());
            let mut everyone = catalog.reach_from_nothing().taken.clone();
            everyone.sort_unstable();
            let named = vec![false; catalog.credentials.len()];
            verdicts_of(catalog, request, &nothing, &everyone, &named, None).1
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::synthetic::{Rng, Spec, generate};
    use crate::catalog::{CredIdx, Level, MAX_LEVEL, SkillIdx};
    use crate::plan::dominance::change::Change;
    use crate::plan::dominance::{dominated_afresh, dominated_credentials};
    use crate::plan::solve::Reached;
    use crate::plan::{Constraints, Objective, Person};

    /// Without earlier verdicts, a solve follows the catalog's verdicts for a person who starts
    /// with nothing. For people who start with nothing, with a few skills and credentials, or
    /// with many, under every objective and budget, the dominated are those found afresh.
    #[test]
    fn verdicts_from_nothing_give_the_dominated_found_afresh_for_every_start() {
        let catalog = generate(&Spec::sized(500, 4, 6, 9));
        let mut rng = Rng::new(5);
        let mut followed = 0;
        for number in 0..Measures::COUNT {
            let request = PlanRequest {
                objective: Objective::ALL[number / 4],
                constraints: Constraints {
                    budget_cost: (number & 2 != 0).then_some(1e9),
                    budget_hours: (number & 1 != 0).then_some(1e9),
                    ..Constraints::default()
                },
                ..PlanRequest::new(0, Person::default())
            };
            assert_eq!(Measures::of(&request).number(), number);
            let from_nothing = catalog.memo::<FromNothing>();
            let index = from_nothing.verdicts(&catalog, &request);
            for skills in [0, 2, 40] {
                let levels: Vec<(SkillIdx, Level)> = (0..skills)
                    .map(|_| {
                        let level = 1 + rng.below(usize::from(MAX_LEVEL)) as Level;
                        (rng.below(catalog.skills.len()), level)
                    })
                    .collect();
                let held: Vec<CredIdx> = (0..skills / 2)
                    .map(|_| rng.below(catalog.credentials.len()))
                    .collect();
                let person = Person {
                    skills: levels,
                    done: held.into_iter().collect(),
                };
                let Reached {
                    start, takeable, ..
                } = Reached::of(&catalog, &person).expect("a valid person");
                let candidates: Vec<CredIdx> = (0..catalog.credentials.len())
                    .filter(|&c| takeable[c] && !rng.chance(4))
                    .collect();
                followed +=
                    usize::from(Change::since(&catalog, index, &start, &candidates).is_some());
                let (dominated, _) =
                    dominated_credentials(&catalog, &request, &start, &candidates, None);
                assert_eq!(
                    dominated,
                    dominated_afresh(&catalog, &request, &start, &candidates)
                );
            }
        }
        assert!(
            followed >= 2 * Measures::COUNT,
            "followed {followed} times of {}",
            3 * Measures::COUNT
        );
    }
}
