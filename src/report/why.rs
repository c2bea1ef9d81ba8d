//! Why a credential is on the pathway: the gap skills it closes, the ones it raises part of the
//! way, and the later steps that need it first.

use crate::catalog::{Catalog, CredIdx, Level, SkillIdx};
use crate::plan::{Person, Plan, current_levels};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Why {
    /// Gap skills this step brings to their required level, with that level.
    pub closes: Vec<(SkillIdx, Level)>,
    /// Gap skills this step lifts without closing, with the level it reaches.
    pub raises: Vec<(SkillIdx, Level)>,
    /// Later steps that need this one first.
    pub enables: Vec<CredIdx>,
}

impl Why {
    /// The reasons for step `index` of `plan` (empty when there is no such step).
    pub fn of(catalog: &Catalog, person: &Person, plan: &Plan, index: usize) -> Self {
        let Some(step) = plan.steps.get(index) else {
            return Self::default();
        };
        let mut levels = current_levels(catalog, person);
        for earlier in &plan.steps[..index] {
            for &(skill, level) in &catalog.credentials[earlier.credential].grants {
                levels[skill] = levels[skill].max(level);
            }
        }
        let credential = &catalog.credentials[step.credential];
        let mut why = Self {
            enables: step.enables.clone(),
            ..Self::default()
        };
        for gap in &plan.gap {
            let granted = credential.grant_of(gap.skill);
            let before = levels[gap.skill];
            if granted <= before || before >= gap.need {
                continue;
            }
            if granted >= gap.need {
                why.closes.push((gap.skill, gap.need));
            } else {
                why.raises.push((gap.skill, granted));
            }
        }
        why
    }

    pub fn is_empty(&self) -> bool {
        self.closes.is_empty() && self.raises.is_empty() && self.enables.is_empty()
    }

    /// "closes SQL (level 2); raises Statistics to level 1; needed first for Advanced SQL".
    pub fn sentence(&self, catalog: &Catalog) -> String {
        let skill = |s: SkillIdx| catalog.skills[s].name.as_str();
        let mut parts = Vec::new();
        if !self.closes.is_empty() {
            let items: Vec<String> = self
                .closes
                .iter()
                .map(|&(s, level)| format!("{} (level {level})", skill(s)))
                .collect();
            parts.push(format!("closes {}", items.join(", ")));
        }
        if !self.raises.is_empty() {
            let items: Vec<String> = self
                .raises
                .iter()
                .map(|&(s, level)| format!("{} to level {level}", skill(s)))
                .collect();
            parts.push(format!("raises {}", items.join(", ")));
        }
        if !self.enables.is_empty() {
            let items: Vec<&str> = self
                .enables
                .iter()
                .map(|&c| catalog.credentials[c].title.as_str())
                .collect();
            parts.push(format!("needed first for {}", items.join(", ")));
        }
        if parts.is_empty() {
            // The planner drops redundant steps, so this only shows on a hand-made plan.
            "part of the pathway".to_string()
        } else {
            parts.join("; ")
        }
    }
}
