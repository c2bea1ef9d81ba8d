//! Hot reload of the catalog: what a reload brings ([`Reload`]), and the overlay that shows a
//! broken edit's diagnostics while the app keeps the last good catalog.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use crate::catalog::Catalog;
use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::load::Loaded;
use crate::tui::keymap::{Binding, Key, lookup};
use crate::tui::msg::Msg;
use crate::tui::theme::Theme;
use crate::tui::widgets::panel;

/// The catalog read again after its files changed.
#[derive(Debug, Clone)]
pub enum Reload {
    /// It loads; `warnings` counts what `skillpath check` would warn about.
    Loaded {
        catalog: Arc<Catalog>,
        warnings: usize,
    },
    /// It has errors: every diagnostic, errors and warnings, in file order.
    Broken(Vec<Diagnostic>),
}

impl Reload {
    pub fn of(loaded: Loaded) -> Self {
        let warnings = loaded.warnings().count();
        match loaded.catalog {
            Some(catalog) => Reload::Loaded {
                catalog: Arc::new(catalog),
                warnings,
            },
            None => Reload::Broken(loaded.diagnostics),
        }
    }
}

/// Catalogs have no equality of their own: two reloads are equal when they carry the same
/// catalog (or the same diagnostics).
impl PartialEq for Reload {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (
                Reload::Loaded { catalog, warnings },
                Reload::Loaded {
                    catalog: other,
                    warnings: other_warnings,
                },
            ) => Arc::ptr_eq(catalog, other) && warnings == other_warnings,
            (Reload::Broken(a), Reload::Broken(b)) => a == b,
            _ => false,
        }
    }
}

/// Keys while the diagnostics overlay is open.
pub const OVERLAY_KEYS: &[Binding<Msg>] = &[
    Binding {
        keys: &[Key::code(KeyCode::Up), Key::char('k')],
        action: Msg::SelectPrevious,
        description: "scroll the diagnostics",
        hint: Some("scroll"),
    },
    Binding {
        keys: &[Key::code(KeyCode::Down), Key::char('j')],
        action: Msg::SelectNext,
        description: "scroll the diagnostics",
        hint: Some("scroll"),
    },
    Binding {
        keys: &[Key::code(KeyCode::PageUp)],
        action: Msg::PageUp,
        description: "a page up or down",
        hint: None,
    },
    Binding {
        keys: &[Key::code(KeyCode::PageDown), Key::char(' ')],
        action: Msg::PageDown,
        description: "a page up or down",
        hint: None,
    },
    Binding {
        keys: &[Key::code(KeyCode::Esc), Key::code(KeyCode::Enter)],
        action: Msg::Cancel,
        description: "close (the last good catalog stays in use)",
        hint: Some("close"),
    },
    Binding {
        keys: &[Key::ctrl('c')],
        action: Msg::Quit,
        description: "quit",
        hint: Some("quit"),
    },
];

/// The diagnostics of a broken catalog edit, scrollable.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagnosticsOverlay {
    /// The diagnostics rendered as `skillpath check` prints them (without colour), as lines.
    pub lines: Vec<String>,
    pub errors: usize,
    /// The first line shown.
    pub scroll: usize,
}

impl DiagnosticsOverlay {
    pub fn new(diagnostics: &[Diagnostic]) -> Self {
        let lines = diagnostics
            .iter()
            .flat_map(|d| {
                let text = d.render(false);
                let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
                lines.push(String::new());
                lines
            })
            .collect();
        Self {
            lines,
            errors: diagnostics.iter().filter(|d| d.is_error()).count(),
            scroll: 0,
        }
    }

    /// The message a key means while the overlay is open; other keys do nothing.
    pub fn handle_key(key: &KeyEvent) -> Option<Msg> {
        lookup(OVERLAY_KEYS, key)
    }

    /// Scrolls for a navigation message.
    pub fn update(&mut self, msg: &Msg) {
        const PAGE: usize = 10;
        let last = self.lines.len().saturating_sub(1);
        self.scroll = match msg {
            Msg::SelectNext => self.scroll + 1,
            Msg::SelectPrevious => self.scroll.saturating_sub(1),
            Msg::PageDown => self.scroll + PAGE,
            Msg::PageUp => self.scroll.saturating_sub(PAGE),
            _ => self.scroll,
        }
        .min(last);
    }
}

pub struct OverlayWidget<'a> {
    pub overlay: &'a DiagnosticsOverlay,
    pub theme: &'a Theme,
}

impl Widget for OverlayWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let popup = area.centered(Constraint::Percentage(90), Constraint::Percentage(90));
        Clear.render(popup, buf);
        let errors = self.overlay.errors;
        let title = Line::styled(
            format!(
                " The catalog has {errors} error{}: still using the last good one ",
                if errors == 1 { "" } else { "s" }
            ),
            theme.error,
        );
        let footer = Line::from(vec![
            Span::styled(" Fix the file and save: it reloads by itself · ", theme.dim),
            Span::styled("Esc", theme.key),
            Span::styled(" close ", theme.dim),
        ]);
        let lines: Vec<Line> = self
            .overlay
            .lines
            .iter()
            .map(|line| {
                let style = if line.starts_with("error") {
                    theme.error
                } else if line.starts_with("warning") {
                    theme.warning
                } else {
                    theme.text
                };
                Line::styled(line.clone(), style)
            })
            .collect();
        let scroll = u16::try_from(self.overlay.scroll).unwrap_or(u16::MAX);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(
                panel(title, true, theme)
                    .border_style(theme.error)
                    .title_bottom(footer),
            )
            .render(popup, buf);
    }
}
