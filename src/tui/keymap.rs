//! Key bindings as data. Each screen declares one table per input mode; the same table drives
//! key dispatch, the footer hints and the `?` help overlay, so the three cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key, as written in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn code(code: KeyCode) -> Self {
        Self { code, ctrl: false }
    }

    pub const fn char(c: char) -> Self {
        Self::code(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// Shift is ignored: it is already in the character (`X`) or the code (`BackTab`), and
    /// terminals disagree about reporting it.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        self.code == event.code && self.ctrl == ctrl
    }

    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// Keys, the action they trigger, and how to describe it.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A> {
    pub keys: &'static [Key],
    pub action: A,
    /// For the help overlay.
    pub description: &'static str,
    /// A few words for the footer; `None` keeps the binding out of the footer.
    pub hint: Option<&'static str>,
}

/// The action bound to `event` in `table`, if any.
pub fn lookup<A: Clone>(table: &[Binding<A>], event: &KeyEvent) -> Option<A> {
    table
        .iter()
        .find(|binding| binding.keys.iter().any(|key| key.matches(event)))
        .map(|binding| binding.action.clone())
}

/// A binding with its action erased, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyHelp {
    /// Every key, e.g. `↓/j`.
    pub keys: String,
    /// The first key only, for the footer, e.g. `↓`.
    pub first: String,
    pub description: &'static str,
    pub hint: Option<&'static str>,
}

/// The bindings as help rows. Neighbours with the same description share a row (`↑/↓`,
/// `1/2/3/4/5/6`), so a pair of opposite moves reads as one line.
pub fn describe<A>(table: &[Binding<A>]) -> Vec<KeyHelp> {
    let mut rows: Vec<KeyHelp> = Vec::new();
    for binding in table {
        let keys = binding
            .keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join("/");
        let first = binding.keys.first().map(Key::label).unwrap_or_default();
        match rows.last_mut() {
            Some(row) if row.description == binding.description => {
                row.keys = format!("{}/{keys}", row.keys);
                // Arrows read well run together (`↑↓`); longer names do not.
                if row.first.chars().count() == 1 && first.chars().count() == 1 {
                    row.first.push_str(&first);
                }
                row.hint = row.hint.or(binding.hint);
            }
            _ => rows.push(KeyHelp {
                keys,
                first,
                description: binding.description,
                hint: binding.hint,
            }),
        }
    }
    rows
}

/// A titled group of bindings for the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub title: &'static str,
    pub keys: Vec<KeyHelp>,
}

impl HelpSection {
    pub fn new<A>(title: &'static str, table: &[Binding<A>]) -> Self {
        Self {
            title,
            keys: describe(table),
        }
    }
}

/// Text typed into a search or input field: a printable character without Ctrl or Alt.
pub fn typed_char(event: &KeyEvent) -> Option<char> {
    match event.code {
        KeyCode::Char(c)
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Action {
        Down,
        Quit,
    }

    const TABLE: &[Binding<Action>] = &[
        Binding {
            keys: &[Key::code(KeyCode::Down), Key::char('j')],
            action: Action::Down,
            description: "next row",
            hint: Some("move"),
        },
        Binding {
            keys: &[Key::ctrl('c')],
            action: Action::Quit,
            description: "quit",
            hint: None,
        },
    ];

    #[test]
    fn looks_up_any_key_of_a_binding() {
        let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
        assert_eq!(lookup(TABLE, &j), Some(Action::Down));
        assert_eq!(lookup(TABLE, &down), Some(Action::Down));
    }

    #[test]
    fn ctrl_must_match_exactly() {
        let plain_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(TABLE, &plain_c), None);
        assert_eq!(lookup(TABLE, &ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn neighbours_with_one_description_share_a_row() {
        const PAIR: &[Binding<Action>] = &[
            Binding {
                keys: &[Key::code(KeyCode::Up)],
                action: Action::Down,
                description: "move",
                hint: Some("move"),
            },
            Binding {
                keys: &[Key::code(KeyCode::Down)],
                action: Action::Down,
                description: "move",
                hint: Some("move"),
            },
        ];
        let help = describe(PAIR);
        assert_eq!(help.len(), 1);
        assert_eq!(help[0].keys, "↑/↓");
        assert_eq!(help[0].first, "↑↓");
    }

    #[test]
    fn describes_keys_with_readable_labels() {
        let help = describe(TABLE);
        assert_eq!(help[0].keys, "↓/j");
        assert_eq!(help[1].keys, "Ctrl-c");
    }
}
