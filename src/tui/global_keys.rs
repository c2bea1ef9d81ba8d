//! Keys the app owns on every screen: moving between screens, help and quitting.

use ratatui::crossterm::event::KeyCode;

use crate::tui::keymap::{Binding, Key};
use crate::tui::msg::Msg;
use crate::tui::screens::Screen;

/// Keys that work on every screen, unless a text field has the cursor.
pub const GLOBAL_KEYS: &[Binding<Msg>] = &[
    Binding {
        keys: &[Key::code(KeyCode::Tab)],
        action: Msg::NextScreen,
        description: "next or previous screen",
        hint: Some("screens"),
    },
    Binding {
        keys: &[Key::code(KeyCode::BackTab)],
        action: Msg::PreviousScreen,
        description: "next or previous screen",
        hint: None,
    },
    Binding {
        keys: &[Key::char('1')],
        action: Msg::ShowScreen(Screen::Roles),
        description: "go to a screen by its number in the tab bar",
        hint: None,
    },
    Binding {
        keys: &[Key::char('2')],
        action: Msg::ShowScreen(Screen::Profile),
        description: "go to a screen by its number in the tab bar",
        hint: None,
    },
    Binding {
        keys: &[Key::char('3')],
        action: Msg::ShowScreen(Screen::Gap),
        description: "go to a screen by its number in the tab bar",
        hint: None,
    },
    Binding {
        keys: &[Key::char('4')],
        action: Msg::ShowScreen(Screen::Pathway),
        description: "go to a screen by its number in the tab bar",
        hint: None,
    },
    Binding {
        keys: &[Key::char('5')],
        action: Msg::ShowScreen(Screen::Graph),
        description: "go to a screen by its number in the tab bar",
        hint: None,
    },
    Binding {
        keys: &[Key::char('6')],
        action: Msg::ShowScreen(Screen::Catalog),
        description: "go to a screen by its number in the tab bar",
        hint: None,
    },
    Binding {
        keys: &[Key::char('7')],
        action: Msg::ShowScreen(Screen::Compare),
        description: "go to a screen by its number in the tab bar",
        hint: None,
    },
    Binding {
        keys: &[Key::char('?')],
        action: Msg::ToggleHelp,
        description: "show or hide this help",
        hint: Some("help"),
    },
    Binding {
        keys: &[Key::char('q'), Key::ctrl('c')],
        action: Msg::Quit,
        description: "quit (your profile is already saved)",
        hint: Some("quit"),
    },
];

/// The keys that still work while typing in a field: letters are text there.
pub const TYPING_GLOBAL_KEYS: &[Binding<Msg>] = &[
    Binding {
        keys: &[Key::code(KeyCode::Tab)],
        action: Msg::NextScreen,
        description: "next or previous screen",
        hint: Some("screens"),
    },
    Binding {
        keys: &[Key::code(KeyCode::BackTab)],
        action: Msg::PreviousScreen,
        description: "next or previous screen",
        hint: None,
    },
    Binding {
        keys: &[Key::ctrl('c')],
        action: Msg::Quit,
        description: "quit",
        hint: Some("quit"),
    },
];
