//! The screens, one file each. [`Screen`] names them (the tab bar); each screen's state is a
//! struct that maps keys to messages ([`ScreenLogic::handle_key`], pure), applies the
//! messages that concern only itself ([`ScreenLogic::update`]) and draws itself read-only
//! (`impl Widget for &RolePicker`).

pub mod catalog;
mod catalog_details;
pub mod compare;
pub mod gap;
pub mod graph;
pub mod pathway;
pub mod profile;
pub mod roles;

pub use catalog::CatalogView;
pub use compare::CompareView;
pub use gap::GapView;
pub use graph::GraphView;
pub use pathway::PathwayView;
pub use profile::ProfileEditor;
pub use roles::RolePicker;

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::tui::context::Context;
use ratatui::crossterm::event::KeyCode;

use crate::tui::keymap::{Binding, HelpSection, Key, KeyHelp, describe};
use crate::tui::msg::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Roles,
    Profile,
    Gap,
    Pathway,
    Graph,
    Catalog,
    Compare,
}

impl Screen {
    /// In tab order; a screen's number key is its position plus one.
    pub const ALL: [Screen; 7] = [
        Screen::Roles,
        Screen::Profile,
        Screen::Gap,
        Screen::Pathway,
        Screen::Graph,
        Screen::Catalog,
        Screen::Compare,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Roles => "Roles",
            Screen::Profile => "Profile",
            Screen::Gap => "Gap",
            Screen::Pathway => "Pathway",
            Screen::Graph => "Graph",
            Screen::Catalog => "Catalog",
            Screen::Compare => "Compare",
        }
    }

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|&s| s == self).unwrap_or(0)
    }

    pub fn next(self) -> Self {
        Self::ALL[(self.index() + 1) % Self::ALL.len()]
    }

    pub fn previous(self) -> Self {
        Self::ALL[(self.index() + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}

/// What the app asks of every screen.
pub trait ScreenLogic {
    /// The message a key means on this screen, if any. Pure.
    fn handle_key(&self, key: &KeyEvent) -> Option<Msg>;

    /// Applies a message that concerns only this screen (selection, search text).
    fn update(&mut self, msg: &Msg);

    /// New data to show: called after every change of profile or catalog.
    fn set_context(&mut self, context: Context);

    /// Whether letter keys are text (a search field or input box has the cursor), so the
    /// app's one-letter keys must not fire.
    fn captures_text(&self) -> bool {
        false
    }

    /// Footer hints for the current mode.
    fn hints(&self) -> Vec<KeyHelp>;

    /// Every binding of the screen, for the help overlay.
    fn help(&self) -> Vec<HelpSection>;

    /// The message a click at (`column`, `row`) means, given the screen's `area`. Pure.
    fn click(&self, area: Rect, column: u16, row: u16) -> Option<Msg> {
        let _ = (area, column, row);
        None
    }
}

/// Moving through a list, the same on every screen that has one.
pub const NAV_KEYS: &[Binding<Msg>] = &[
    Binding {
        keys: &[Key::code(KeyCode::Up), Key::char('k')],
        action: Msg::SelectPrevious,
        description: "move through the list",
        hint: None,
    },
    Binding {
        keys: &[Key::code(KeyCode::Down), Key::char('j')],
        action: Msg::SelectNext,
        description: "move through the list",
        hint: None,
    },
    Binding {
        keys: &[Key::code(KeyCode::PageUp)],
        action: Msg::PageUp,
        description: "a page up or down",
        hint: None,
    },
    Binding {
        keys: &[Key::code(KeyCode::PageDown)],
        action: Msg::PageDown,
        description: "a page up or down",
        hint: None,
    },
    Binding {
        keys: &[Key::code(KeyCode::Home), Key::char('g')],
        action: Msg::SelectFirst,
        description: "first or last row",
        hint: None,
    },
    Binding {
        keys: &[Key::code(KeyCode::End), Key::char('G')],
        action: Msg::SelectLast,
        description: "first or last row",
        hint: None,
    },
];

/// Arrow keys only, for lists that sit under a text field (letters are text there).
pub const ARROW_KEYS: &[Binding<Msg>] = &[
    Binding {
        keys: &[Key::code(KeyCode::Up)],
        action: Msg::SelectPrevious,
        description: "move through the list",
        hint: Some("move"),
    },
    Binding {
        keys: &[Key::code(KeyCode::Down)],
        action: Msg::SelectNext,
        description: "move through the list",
        hint: Some("move"),
    },
    Binding {
        keys: &[Key::code(KeyCode::PageUp)],
        action: Msg::PageUp,
        description: "a page up or down",
        hint: None,
    },
    Binding {
        keys: &[Key::code(KeyCode::PageDown)],
        action: Msg::PageDown,
        description: "a page up or down",
        hint: None,
    },
];

/// A list selection after a navigation message; `None` for other messages.
pub fn navigate(msg: &Msg, selected: usize, len: usize, page: usize) -> Option<usize> {
    use crate::tui::list::step;
    let page = isize::try_from(page.max(1)).unwrap_or(10);
    Some(match msg {
        Msg::SelectNext => step(selected, len, 1),
        Msg::SelectPrevious => step(selected, len, -1),
        Msg::PageDown => step(selected, len, page),
        Msg::PageUp => step(selected, len, -page),
        Msg::SelectFirst => 0,
        Msg::SelectLast => len.saturating_sub(1),
        Msg::Select(i) if *i < len => *i,
        _ => return None,
    })
}

/// Footer hints: `(keys, hint)` for the bindings that carry a hint, by their first key.
/// Neighbours with the same hint share it: `↑` "move" and `↓` "move" read `↑↓ move`.
pub fn footer(help: &[KeyHelp]) -> Vec<(String, &'static str)> {
    let mut hints: Vec<(String, &'static str)> = Vec::new();
    for key in help {
        let Some(hint) = key.hint else { continue };
        match hints.last_mut() {
            Some((keys, last)) if *last == hint => keys.push_str(&key.first),
            _ => hints.push((key.first.clone(), hint)),
        }
    }
    hints
}

/// The status-line keys of a searchable list: the arrows and its typing keys while a search is
/// being typed (letters are text then), else the screen keys and its browsing keys.
pub fn search_list_hints<A>(
    typing: bool,
    browse_keys: &[Binding<A>],
    typing_keys: &[Binding<A>],
) -> Vec<KeyHelp> {
    if typing {
        [describe(ARROW_KEYS), describe(typing_keys)].concat()
    } else {
        [describe(NAV_KEYS), describe(browse_keys)].concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(first: &str, hint: Option<&'static str>) -> KeyHelp {
        KeyHelp {
            keys: first.to_string(),
            first: first.to_string(),
            description: "",
            hint,
        }
    }

    #[test]
    fn footer_merges_neighbours_with_the_same_hint() {
        let help = [
            key("↑", Some("move")),
            key("↓", Some("move")),
            key("x", None),
            key("/", Some("search")),
        ];
        assert_eq!(
            footer(&help),
            vec![("↑↓".to_string(), "move"), ("/".to_string(), "search")]
        );
    }

    #[test]
    fn tab_order_wraps_both_ways() {
        assert_eq!(Screen::Compare.next(), Screen::Roles);
        assert_eq!(Screen::Roles.previous(), Screen::Compare);
        assert_eq!(Screen::Gap.index(), 2);
    }
}
