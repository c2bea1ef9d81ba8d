//! The status line's words for a change to the profile.

use crate::tui::app::App;
use crate::tui::msg::Msg;

impl App {
    pub(super) fn describe_change(&self, msg: &Msg) -> Option<String> {
        let catalog = &self.ctx.catalog;
        let credential = |id: &str| {
            catalog
                .credential(id)
                .map_or(id.to_string(), |c| catalog.credentials[c].title.clone())
        };
        Some(match msg {
            Msg::ChooseRole(id) => {
                let title = catalog
                    .role(id)
                    .map_or(id.as_str(), |r| catalog.roles[r].title.as_str());
                format!(
                    "Target: {title}. Press 2 to add the skills you already have; the pathway updates as you go."
                )
            }
            Msg::Exclude(id) => format!(
                "Excluded {} and re-planned. Undo on Profile (2).",
                credential(id)
            ),
            Msg::ExcludeProvider(p) => {
                format!("Excluded provider {p} and re-planned. Undo on Profile (2).")
            }
            Msg::AddHeld(id) => format!(
                "Added {} to the credentials you hold. Undo on Profile (2).",
                credential(id)
            ),
            Msg::CycleObjective => format!(
                "Now minimising {}.",
                self.current_profile().objective.name()
            ),
            Msg::AddNote(_) => "Note added. It stays private: no export includes it.".into(),
            Msg::SetSkillLevel { skill, level } => {
                let name = catalog
                    .skill(skill)
                    .map_or(skill.as_str(), |s| catalog.skills[s].name.as_str());
                format!(
                    "{name}: level {level} of 5, {}. +/- to change it.",
                    crate::tui::screens::profile::level_name(*level)
                )
            }
            _ => return None,
        })
    }
}
