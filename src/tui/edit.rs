//! How each profile message changes a profile. Pure, so every edit is testable on its own.

use crate::plan::Objective;
use crate::profile::Profile;
use crate::tui::msg::Msg;

/// Applies `msg` to `profile`; returns whether anything changed.
pub fn apply(profile: &mut Profile, msg: &Msg) -> bool {
    let before = profile.clone();
    match msg {
        Msg::ChooseRole(role) => profile.target_role = Some(role.clone()),
        Msg::SetSkillLevel { skill, level } => {
            profile.skills.insert(skill.clone(), *level);
        }
        Msg::RemoveSkill(skill) => {
            profile.skills.remove(skill);
        }
        Msg::AddHeld(id) => {
            profile.done.insert(id.clone());
        }
        Msg::RemoveHeld(id) => {
            profile.done.remove(id);
        }
        Msg::Exclude(id) => {
            profile.exclude.insert(id.clone());
        }
        Msg::Include(id) => {
            profile.exclude.remove(id);
        }
        Msg::ExcludeProvider(provider) => {
            profile.exclude_providers.insert(provider.clone());
        }
        Msg::IncludeProvider(provider) => {
            profile.exclude_providers.remove(provider);
        }
        Msg::SetHoursPerWeek(hours) if hours.is_finite() && *hours > 0.0 => {
            profile.hours_per_week = *hours;
        }
        Msg::SetBudgetCost(budget) => {
            profile.budget_cost = budget.filter(|b| b.is_finite() && *b >= 0.0)
        }
        Msg::SetBudgetHours(budget) => {
            profile.budget_hours = budget.filter(|b| b.is_finite() && *b >= 0.0);
        }
        Msg::CycleObjective => {
            profile.objective = match profile.objective {
                Objective::Hours => Objective::Cost,
                Objective::Cost => Objective::Count,
                Objective::Count => Objective::Hours,
            }
        }
        Msg::AddNote(note) if !note.text.trim().is_empty() => profile.notes.push(note.clone()),
        Msg::DeleteNote(note) => {
            if let Some(i) = profile.notes.iter().position(|n| n == note) {
                profile.notes.remove(i);
            }
        }
        _ => return false,
    }
    *profile != before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_change_the_profile_once() {
        let mut profile = Profile::new("ana");
        assert!(apply(
            &mut profile,
            &Msg::SetSkillLevel {
                skill: "sql".into(),
                level: 2
            }
        ));
        assert!(!apply(
            &mut profile,
            &Msg::SetSkillLevel {
                skill: "sql".into(),
                level: 2
            }
        ));
        assert_eq!(profile.skills.get("sql"), Some(&2));
        assert!(apply(&mut profile, &Msg::RemoveSkill("sql".into())));
        assert!(profile.skills.is_empty());
    }

    #[test]
    fn the_objective_cycles_through_all_three() {
        let mut profile = Profile::new("ana");
        let mut seen = Vec::new();
        for _ in 0..3 {
            apply(&mut profile, &Msg::CycleObjective);
            seen.push(profile.objective);
        }
        assert_eq!(seen, [Objective::Cost, Objective::Count, Objective::Hours]);
    }

    #[test]
    fn notes_are_added_and_deleted_one_at_a_time() {
        let mut profile = Profile::new("ana");
        let note = |text: &str| crate::profile::Note::new("2026-03-02", text);
        assert!(apply(
            &mut profile,
            &Msg::AddNote(note("wants remote work"))
        ));
        assert!(apply(
            &mut profile,
            &Msg::AddNote(note("wants remote work"))
        ));
        assert!(!apply(&mut profile, &Msg::AddNote(note("   "))));
        assert!(apply(
            &mut profile,
            &Msg::DeleteNote(note("wants remote work"))
        ));
        assert_eq!(profile.notes, vec![note("wants remote work")]);
        assert!(!apply(
            &mut profile,
            &Msg::DeleteNote(note("never written"))
        ));
    }

    #[test]
    fn nonsense_values_are_refused() {
        let mut profile = Profile::new("ana");
        assert!(!apply(&mut profile, &Msg::SetHoursPerWeek(0.0)));
        assert!(!apply(&mut profile, &Msg::SetHoursPerWeek(f64::NAN)));
        assert!(!apply(&mut profile, &Msg::SetBudgetCost(Some(-5.0))));
        assert!(!apply(&mut profile, &Msg::ToggleHelp));
    }
}
