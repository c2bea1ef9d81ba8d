//! The panel shown when the profile to open does not parse: which file, where, and why; the
//! file is kept exactly as it is, and a new profile can start under another name (suggested,
//! and editable) so that nothing typed in this session is lost.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::profile::validate_name;
use crate::tui::keymap::{Binding, Key, lookup, typed_char};
use crate::tui::msg::Msg;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenProfile {
    /// The parse error: file, line, column and what is wrong.
    pub problem: String,
    /// The name for a new profile, as typed so far.
    pub new_name: String,
    /// Why the typed name cannot be used, after Enter.
    pub error: Option<String>,
}

pub const BROKEN_PROFILE_KEYS: &[Binding<Msg>] = &[
    Binding {
        keys: &[Key::code(KeyCode::Esc)],
        action: Msg::Cancel,
        description: "carry on without saving (the file stays as it is)",
        hint: Some("not now"),
    },
    Binding {
        keys: &[Key::code(KeyCode::Backspace)],
        action: Msg::DeleteChar,
        description: "delete the last character of the name",
        hint: None,
    },
];

impl BrokenProfile {
    /// `name` is the profile that failed to open; the suggested new name is the first
    /// `<name>-2`, `<name>-3`, ... that no saved profile has.
    pub fn new(problem: String, name: &str, taken: &[String]) -> Self {
        Self {
            problem,
            new_name: suggest_name(name, taken),
            error: None,
        }
    }

    pub fn handle_key(&self, key: &KeyEvent) -> Option<Msg> {
        if key.code == KeyCode::Enter {
            let name = self.new_name.trim();
            return Some(match validate_name(name) {
                Ok(()) => Msg::CreateProfile(name.to_string()),
                Err(error) => Msg::InvalidInput(error.to_string()),
            });
        }
        lookup(BROKEN_PROFILE_KEYS, key).or_else(|| typed_char(key).map(Msg::Type))
    }

    pub fn update(&mut self, msg: &Msg) {
        match msg {
            Msg::Type(c) => {
                self.new_name.push(*c);
                self.error = None;
            }
            Msg::DeleteChar => {
                self.new_name.pop();
                self.error = None;
            }
            Msg::InvalidInput(error) => self.error = Some(error.clone()),
            _ => {}
        }
    }
}

fn suggest_name(name: &str, taken: &[String]) -> String {
    // A name at the length limit cannot grow: its start makes the new one.
    let stem: String = name.chars().take(56).collect();
    (2..)
        .map(|n| format!("{stem}-{n}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| format!("{stem}-new"))
}

pub struct BrokenProfileWidget<'a> {
    pub panel: &'a BrokenProfile,
    pub theme: &'a Theme,
}

impl Widget for BrokenProfileWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let panel = self.panel;
        let popup = area.centered(Constraint::Percentage(90), Constraint::Percentage(80));
        Clear.render(popup, buf);
        let mut lines = vec![
            Line::styled("This profile could not be read:", theme.error),
            Line::styled(panel.problem.clone(), theme.text),
            Line::default(),
            Line::styled(
                "Fix it in an editor and reopen it, or start a new profile now and keep working.",
                theme.text,
            ),
            Line::default(),
            Line::from(vec![
                Span::styled("New profile name: ", theme.heading),
                Span::styled(format!("{}▏", panel.new_name), theme.input),
            ]),
        ];
        if let Some(error) = &panel.error {
            lines.push(Line::styled(error.clone(), theme.error));
        }
        let footer = Line::from(vec![
            Span::styled(" Enter", theme.key),
            Span::styled(" start it · ", theme.dim),
            Span::styled("Esc", theme.key),
            Span::styled(" not now (changes are not saved) ", theme.dim),
        ]);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.error)
                    .title(Line::styled(" Profile not readable ", theme.error))
                    .title_bottom(footer),
            )
            .render(popup, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_first_free_numbered_name() {
        let taken = ["ana".to_string(), "ana-2".to_string()];
        assert_eq!(suggest_name("ana", &taken), "ana-3");
        assert_eq!(suggest_name("bo", &taken), "bo-2");
        let long = "x".repeat(64);
        assert!(validate_name(&suggest_name(&long, &[])).is_ok());
    }
}
