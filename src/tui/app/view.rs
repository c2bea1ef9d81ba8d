//! Drawing the app: the tab bar, the current screen, the status line, the key hints and the
//! help overlay, or a message when the terminal is too small.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::tui::app::App;
use crate::tui::broken_profile::{BROKEN_PROFILE_KEYS, BrokenProfileWidget};
use crate::tui::chrome::{self, HelpOverlay, Hints, TabBar, TooSmall};
use crate::tui::global_keys::{GLOBAL_KEYS, TYPING_GLOBAL_KEYS};
use crate::tui::keymap::describe;
use crate::tui::reload::{OVERLAY_KEYS, OverlayWidget};
use crate::tui::screens::{Screen, footer};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.ctx.theme;
        if area.is_empty() {
            return;
        }
        if chrome::too_small(area) {
            TooSmall { theme }.render(area, buf);
            return;
        }
        let areas = self.areas(area);
        TabBar {
            current: self.screen,
            context: self.context_line(),
            theme,
        }
        .render(areas.tabs, buf);
        match self.screen {
            Screen::Roles => self.roles.render(areas.body, buf),
            Screen::Profile => self.profile.render(areas.body, buf),
            Screen::Gap => self.gap.render(areas.body, buf),
            Screen::Pathway => self.pathway.render(areas.body, buf),
            Screen::Graph => self.graph.render(areas.body, buf),
            Screen::Catalog => self.catalog.render(areas.body, buf),
            Screen::Compare => self.compare.render(areas.body, buf),
        }
        if let Some(status) = &self.status {
            let style = if status.error {
                theme.error
            } else {
                theme.accent
            };
            ratatui::widgets::Paragraph::new(format!(" {}", status.text))
                .style(style)
                .wrap(ratatui::widgets::Wrap { trim: true })
                .render(areas.status, buf);
        }
        let screen = self.active();
        let global = if screen.captures_text() {
            TYPING_GLOBAL_KEYS
        } else {
            GLOBAL_KEYS
        };
        let hints = match &self.diagnostics {
            _ if self.broken_profile.is_some() => Hints {
                hints: footer(&describe(BROKEN_PROFILE_KEYS)),
                pinned: Vec::new(),
                theme,
            },
            Some(_) => Hints {
                hints: footer(&describe(OVERLAY_KEYS)),
                pinned: Vec::new(),
                theme,
            },
            None => Hints {
                hints: footer(&screen.hints()),
                pinned: footer(&describe(global)),
                theme,
            },
        };
        hints.render(areas.hints, buf);
        if self.help_open {
            HelpOverlay {
                sections: self.help_sections(),
                theme,
            }
            .render(areas.body, buf);
        }
        if let Some(overlay) = &self.diagnostics {
            OverlayWidget { overlay, theme }.render(areas.body, buf);
        }
        if let Some(panel) = &self.broken_profile {
            BrokenProfileWidget { panel, theme }.render(areas.body, buf);
        }
    }
}
