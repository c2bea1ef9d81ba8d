//! What each of the Profile screen's pickers lists.

use crate::tui::msg::PickerKind;
use crate::tui::picker::{Picker, PickerItem};
use crate::tui::screens::profile::ProfileEditor;

impl ProfileEditor {
    /// The picker for `kind`, over what the profile does not have yet.
    pub(super) fn open_picker(&self, kind: PickerKind) -> Picker {
        let catalog = &self.ctx.catalog;
        let profile = self.profile();
        let (title, items): (&str, Vec<PickerItem>) = match kind {
            PickerKind::Skill => (
                "Add a skill you have",
                catalog
                    .skills
                    .iter()
                    .filter(|s| !profile.skills.contains_key(&s.id))
                    .map(|s| PickerItem {
                        id: s.id.clone(),
                        label: s.name.clone(),
                        detail: s.aliases.join(", "),
                    })
                    .collect(),
            ),
            PickerKind::HeldCredential | PickerKind::ExcludeCredential => (
                if kind == PickerKind::HeldCredential {
                    "Add a credential you hold"
                } else {
                    "Never plan this credential"
                },
                catalog
                    .credentials
                    .iter()
                    .filter(|c| !profile.done.contains(&c.id) && !profile.exclude.contains(&c.id))
                    .map(|c| PickerItem {
                        id: c.id.clone(),
                        label: c.title.clone(),
                        detail: c.provider.clone(),
                    })
                    .collect(),
            ),
            PickerKind::ExcludeProvider => (
                "Never plan this provider",
                catalog
                    .providers()
                    .into_iter()
                    .filter(|p| !profile.exclude_providers.contains(*p))
                    .map(|p| PickerItem {
                        id: p.to_string(),
                        label: p.to_string(),
                        detail: String::new(),
                    })
                    .collect(),
            ),
            PickerKind::Role => (
                "Choose your target role",
                catalog
                    .roles
                    .iter()
                    .map(|r| PickerItem {
                        id: r.id.clone(),
                        label: r.title.clone(),
                        detail: r.id.clone(),
                    })
                    .collect(),
            ),
            PickerKind::Profile => (
                "Switch profile",
                self.profile_names
                    .iter()
                    .map(|name| PickerItem {
                        id: name.clone(),
                        label: name.clone(),
                        detail: if *name == profile.name {
                            "current".into()
                        } else {
                            String::new()
                        },
                    })
                    .collect(),
            ),
        };
        Picker::new(kind, title, items)
    }
}
