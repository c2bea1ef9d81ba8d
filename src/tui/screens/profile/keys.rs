//! The Profile screen's key bindings: one table for the rows, one for a picker or input box.

use ratatui::crossterm::event::KeyCode;

use crate::tui::keymap::{Binding, Key};
use crate::tui::msg::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Action {
    AddSkill,
    AddHeld,
    Raise,
    Lower,
    Edit,
    Remove,
    CycleObjective,
    ExcludeCredential,
    ExcludeProvider,
    SwitchProfile,
    NewProfile,
    AddNote,
    ChooseTarget,
}

pub(super) const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::char('a')],
        action: Action::AddSkill,
        description: "add a skill you have (search by name)",
        hint: Some("add skill"),
    },
    Binding {
        keys: &[Key::char('+'), Key::char('='), Key::code(KeyCode::Right)],
        action: Action::Raise,
        description: "raise the selected level, hours or budget",
        hint: None,
    },
    Binding {
        keys: &[Key::char('-'), Key::code(KeyCode::Left)],
        action: Action::Lower,
        description: "lower the selected level, hours or budget",
        hint: None,
    },
    Binding {
        keys: &[Key::char('c')],
        action: Action::AddHeld,
        description: "add a credential you hold (search by title)",
        hint: Some("add held"),
    },
    Binding {
        keys: &[
            Key::char('d'),
            Key::code(KeyCode::Delete),
            Key::code(KeyCode::Backspace),
        ],
        action: Action::Remove,
        description: "remove the selected skill, credential, exclusion, budget or note",
        hint: None,
    },
    Binding {
        keys: &[Key::code(KeyCode::Enter)],
        action: Action::Edit,
        description: "type a new value for the selected setting",
        hint: None,
    },
    Binding {
        keys: &[Key::char('o')],
        action: Action::CycleObjective,
        description: "minimise hours, cost or number of credentials",
        hint: None,
    },
    Binding {
        keys: &[Key::char('x')],
        action: Action::ExcludeCredential,
        description: "never plan a credential (search by title)",
        hint: Some("exclude"),
    },
    Binding {
        keys: &[Key::char('X')],
        action: Action::ExcludeProvider,
        description: "never plan a provider's credentials",
        hint: None,
    },
    Binding {
        keys: &[Key::char('n')],
        action: Action::AddNote,
        description: "add a dated advisor note (private: never exported)",
        // The notes' heading says `n add`: the footer keeps room for the commoner keys.
        hint: None,
    },
    Binding {
        keys: &[Key::char('t')],
        action: Action::ChooseTarget,
        description: "choose your target role (search by name)",
        hint: None,
    },
    Binding {
        keys: &[Key::char('p')],
        action: Action::SwitchProfile,
        description: "switch to another saved profile",
        hint: Some("profiles"),
    },
    Binding {
        keys: &[Key::char('N')],
        action: Action::NewProfile,
        description: "create a new named profile (one per client)",
        hint: None,
    },
];

/// Keys inside a picker or input box; letters are text there.
pub(super) const MODAL_KEYS: &[Binding<Msg>] = &[
    Binding {
        keys: &[Key::code(KeyCode::Esc)],
        action: Msg::Cancel,
        description: "cancel",
        hint: Some("cancel"),
    },
    Binding {
        keys: &[Key::code(KeyCode::Backspace)],
        action: Msg::DeleteChar,
        description: "delete the last character",
        hint: None,
    },
];
