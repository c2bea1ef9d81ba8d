//! From terminal events to messages. Pure: the app's state decides what a key means, and
//! nothing changes until the message is applied.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::layout::Rect;

use crate::tui::app::App;
use crate::tui::chrome;
use crate::tui::global_keys::{GLOBAL_KEYS, TYPING_GLOBAL_KEYS};
use crate::tui::keymap::lookup;
use crate::tui::msg::Msg;
use crate::tui::reload::DiagnosticsOverlay;

impl App {
    /// The message a terminal event means, given the terminal's `area`. Pure.
    pub fn handle_event(&self, event: &Event, area: Rect) -> Option<Msg> {
        if let Some(key) = event.as_key_press_event() {
            return self.handle_key(&key);
        }
        let Event::Mouse(mouse) = event else {
            return None;
        };
        // The broken profile panel is answered with keys only.
        if chrome::too_small(area) || self.broken_profile.is_some() {
            return None;
        }
        match mouse.kind {
            MouseEventKind::ScrollDown => Some(Msg::SelectNext),
            MouseEventKind::ScrollUp => Some(Msg::SelectPrevious),
            MouseEventKind::Down(MouseButton::Left) if self.help_open => Some(Msg::ToggleHelp),
            MouseEventKind::Down(MouseButton::Left) => {
                let areas = self.areas(area);
                if mouse.row == areas.tabs.y {
                    chrome::tab_at(areas.tabs, mouse.column).map(Msg::ShowScreen)
                } else {
                    self.active().click(areas.body, mouse.column, mouse.row)
                }
            }
            _ => None,
        }
    }

    /// The message a key means. Pure: Ctrl-C quits from anywhere; otherwise the panel of a
    /// broken profile takes keys first, then the catalog's diagnostics, the help overlay, a
    /// text field with the cursor, the global keys, and last the screen.
    pub fn handle_key(&self, key: &KeyEvent) -> Option<Msg> {
        // Ctrl-C quits from anywhere, as a person expects of a terminal program.
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return Some(Msg::Quit);
        }
        if let Some(panel) = &self.broken_profile {
            return panel.handle_key(key);
        }
        if self.diagnostics.is_some() {
            return DiagnosticsOverlay::handle_key(key);
        }
        if self.help_open {
            let closes = matches!(
                key.code,
                KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q')
            );
            return closes.then_some(Msg::ToggleHelp);
        }
        let screen = self.active();
        if screen.captures_text() {
            return lookup(TYPING_GLOBAL_KEYS, key).or_else(|| screen.handle_key(key));
        }
        screen.handle_key(key).or_else(|| lookup(GLOBAL_KEYS, key))
    }
}
