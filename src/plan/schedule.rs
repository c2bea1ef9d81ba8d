//! From a verified set of credentials to the pathway a person reads: a valid order, the weeks
//! each step occupies at their pace, what each step closes and what it enables.

use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, CredIdx};
use crate::plan::{GapItem, PlanError, Step, Totals};

/// Orders `chosen` so that every step is allowed at its position: in rounds, each round taking
/// (in catalog order) what the previous rounds made possible. Fails when some cannot be taken.
pub(crate) fn order(
    catalog: &Catalog,
    start: &Reach,
    chosen: &[CredIdx],
) -> Result<Vec<CredIdx>, PlanError> {
    let mut state = start.clone();
    let mut pending: Vec<CredIdx> = chosen.to_vec();
    pending.sort_unstable();
    let mut ordered = Vec::with_capacity(pending.len());
    while !pending.is_empty() {
        let round: Vec<CredIdx> = pending
            .iter()
            .copied()
            .filter(|&c| state.allows(catalog, c))
            .collect();
        if round.is_empty() {
            let ids: Vec<&str> = pending
                .iter()
                .map(|&c| catalog.credentials[c].id.as_str())
                .collect();
            return Err(PlanError::Verification(format!(
                "cannot schedule {}",
                ids.join(", ")
            )));
        }
        for &c in &round {
            state.take(catalog, c);
        }
        pending.retain(|c| !round.contains(c));
        ordered.extend(round);
    }
    Ok(ordered)
}

/// Replays `steps` from `start` and checks each is allowed where it stands and that every
/// `closing` item reaches its level. The independent check every returned plan passes.
/// Returns the state after the last step.
pub(crate) fn verify(
    catalog: &Catalog,
    start: &Reach,
    steps: &[CredIdx],
    closing: &[GapItem],
) -> Result<Reach, PlanError> {
    let mut state = start.clone();
    for &c in steps {
        if state.done[c] {
            return Err(PlanError::Verification(format!(
                "`{}` is taken twice or already held",
                catalog.credentials[c].id
            )));
        }
        if !state.allows(catalog, c) {
            return Err(PlanError::Verification(format!(
                "`{}` is not allowed at its position",
                catalog.credentials[c].id
            )));
        }
        state.take(catalog, c);
    }
    match closing.iter().find(|g| state.levels[g.skill] < g.need) {
        Some(g) => Err(PlanError::Verification(format!(
            "skill `{}` ends at level {} below {}",
            catalog.skills[g.skill].id, state.levels[g.skill], g.need
        ))),
        None => Ok(state),
    }
}

/// Steps with weeks, `closes` and `enables`, and the totals, for an ordered pathway.
pub(crate) fn schedule(
    catalog: &Catalog,
    start: &Reach,
    ordered: &[CredIdx],
    gap: &[GapItem],
    hours_per_week: f64,
) -> (Vec<Step>, Totals) {
    let pace = if hours_per_week.is_finite() && hours_per_week > 0.0 {
        hours_per_week
    } else {
        5.0
    };
    let mut state = start.clone();
    let mut elapsed = 0.0;
    let mut steps = Vec::with_capacity(ordered.len());
    // Per step, the levels it found, to tell which later prerequisites it was the one to meet.
    let mut levels_before = Vec::with_capacity(ordered.len());
    for &c in ordered {
        let cred = &catalog.credentials[c];
        let start_week = week_containing(elapsed, pace);
        elapsed += cred.hours;
        let end_week = weeks_for(elapsed, pace).max(start_week);
        let closes = gap
            .iter()
            .filter(|g| state.levels[g.skill] < g.need && cred.grant_of(g.skill) >= g.need)
            .map(|g| g.skill)
            .collect();
        levels_before.push(state.levels.clone());
        state.take(catalog, c);
        steps.push(Step {
            credential: c,
            start_week,
            end_week,
            closes,
            enables: Vec::new(),
        });
    }
    for (i, &c) in ordered.iter().enumerate() {
        let cred = &catalog.credentials[c];
        let enables = ordered[i + 1..]
            .iter()
            .enumerate()
            .filter(|&(j, &later)| {
                let needs = &catalog.credentials[later];
                let by_credential = needs.hard_prerequisites().any(|p| p == c)
                    || needs.requires_any.iter().any(|group| group.contains(&c));
                let before_later = &levels_before[i + 1 + j];
                let by_skill = needs.requires_skills.iter().any(|&(s, l)| {
                    levels_before[i][s] < l && cred.grant_of(s) >= l && before_later[s] >= l
                });
                by_credential || by_skill
            })
            .map(|(_, &later)| later)
            .collect();
        steps[i].enables = enables;
    }
    let totals = Totals {
        hours: ordered.iter().map(|&c| catalog.credentials[c].hours).sum(),
        cost: ordered.iter().map(|&c| catalog.credentials[c].cost).sum(),
        credentials: ordered.len(),
        weeks: weeks_for(elapsed, pace),
    };
    (steps, totals)
}

/// The 1-based week in which hour `elapsed` (already spent) falls.
fn week_containing(elapsed: f64, pace: f64) -> u32 {
    // Casts saturate, and so does the step to 1-based: a pace no caller should send still
    // gives an ordered schedule, not a wrapped one.
    ((elapsed / pace + 1e-9).floor() as u32).saturating_add(1)
}

/// Whole weeks needed to spend `hours`.
fn weeks_for(hours: f64, pace: f64) -> u32 {
    (hours / pace - 1e-9).ceil().max(0.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_round_up_and_steps_start_where_the_last_ended() {
        let cases = [
            (0.0, 5.0, 1, 0),
            (5.0, 5.0, 2, 1),
            (7.0, 5.0, 2, 2),
            (10.0, 5.0, 3, 2),
            (0.5, 5.0, 1, 1),
        ];
        for (elapsed, pace, start, weeks) in cases {
            assert_eq!(
                week_containing(elapsed, pace),
                start,
                "start of hour {elapsed}"
            );
            assert_eq!(weeks_for(elapsed, pace), weeks, "weeks for {elapsed} hours");
        }
    }
}
