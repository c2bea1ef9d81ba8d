//! The frame around the screens: tab bar, status line, key hints, help overlay, and the
//! message shown instead of a broken layout when the terminal is too small.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use crate::tui::keymap::HelpSection;
use crate::tui::screens::Screen;
use crate::tui::theme::Theme;
use crate::tui::widgets::panel;

/// Below this the layout cannot show a list beside its details.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// The named areas of the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
    pub hints: Rect,
}

/// The frame's areas; the status line takes `status_height` rows (a long message wraps).
pub fn areas(area: Rect, status_height: u16) -> Areas {
    let [tabs, body, status, hints] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status_height),
        Constraint::Length(1),
    ]));
    Areas {
        tabs,
        body,
        status,
        hints,
    }
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Each tab's label and the columns it spans, from the left edge of the tab bar.
pub fn tab_spans(tabs: Rect) -> Vec<(Screen, String, u16, u16)> {
    let mut x = tabs.x;
    Screen::ALL
        .iter()
        .enumerate()
        .map(|(i, &screen)| {
            let label = format!(" {} {} ", i + 1, screen.title());
            let width = u16::try_from(label.chars().count()).unwrap_or(u16::MAX);
            let start = x;
            x = x.saturating_add(width).saturating_add(1);
            (screen, label, start, start.saturating_add(width))
        })
        .collect()
}

/// The tab under a click at `column`.
pub fn tab_at(tabs: Rect, column: u16) -> Option<Screen> {
    tab_spans(tabs)
        .into_iter()
        .find(|(_, _, start, end)| (*start..*end).contains(&column))
        .map(|(screen, ..)| screen)
}

pub struct TabBar<'a> {
    pub current: Screen,
    /// Shown at the right when it fits: whose profile, aiming at what.
    pub context: String,
    pub theme: &'a Theme,
}

impl Widget for TabBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        let mut used = 0;
        for (screen, label, _, end) in tab_spans(area) {
            let style = if screen == self.current {
                self.theme.tab_selected
            } else {
                self.theme.tab
            };
            spans.push(Span::styled(label, style));
            spans.push(Span::raw(" "));
            used = usize::from(end.saturating_sub(area.x)) + 1;
        }
        let room = usize::from(area.width).saturating_sub(used + 1);
        let context_width = self.context.chars().count();
        if context_width <= room {
            spans.push(Span::raw(" ".repeat(room - context_width)));
            spans.push(Span::styled(self.context, self.theme.dim));
        }
        Line::from(spans).render(area, buf);
    }
}

/// `key hint` pairs: the screen's, as many as fit, then the global ones at the right edge.
pub struct Hints<'a> {
    pub hints: Vec<(String, &'static str)>,
    /// Always shown: how to get help and leave.
    pub pinned: Vec<(String, &'static str)>,
    pub theme: &'a Theme,
}

impl Hints<'_> {
    fn spans(&self, hints: &[(String, &'static str)], room: usize) -> (Vec<Span<'static>>, usize) {
        let mut spans = Vec::new();
        let mut width = 0;
        for (keys, hint) in hints {
            let item = keys.chars().count() + hint.chars().count() + 3;
            if width + item > room {
                break;
            }
            width += item;
            spans.push(Span::styled(format!(" {keys}"), self.theme.key));
            spans.push(Span::styled(format!(" {hint} "), self.theme.dim));
        }
        (spans, width)
    }
}

impl Widget for Hints<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let total = usize::from(area.width);
        let (pinned, pinned_width) = self.spans(&self.pinned, total);
        let (mut spans, width) = self.spans(&self.hints, total - pinned_width);
        spans.push(Span::raw(" ".repeat(total - pinned_width - width)));
        spans.extend(pinned);
        Line::from(spans).render(area, buf);
    }
}

/// Every key of the current screen and the global keys, generated from the keymaps.
pub struct HelpOverlay<'a> {
    pub sections: Vec<HelpSection>,
    pub theme: &'a Theme,
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let popup = area.centered(Constraint::Percentage(90), Constraint::Percentage(90));
        Clear.render(popup, buf);
        let mut lines = Vec::new();
        for section in &self.sections {
            lines.push(Line::styled(section.title, self.theme.heading));
            for key in &section.keys {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {:<22}", key.keys), self.theme.key),
                    Span::styled(key.description, self.theme.text),
                ]));
            }
        }
        let close = Line::from(vec![
            Span::styled(" ? or Esc", self.theme.key),
            Span::styled(" close ", self.theme.dim),
        ]);
        Paragraph::new(lines)
            .block(panel(" Keys ", true, self.theme).title_bottom(close))
            .render(popup, buf);
    }
}

pub struct TooSmall<'a> {
    pub theme: &'a Theme,
}

impl Widget for TooSmall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let text = vec![
            Line::styled("Terminal too small", self.theme.error),
            Line::from(format!(
                "{}×{}: skillpath needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
                area.width, area.height
            )),
            Line::styled("Enlarge the window, or press q to quit.", self.theme.dim),
        ];
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .centered()
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicks_land_on_the_tab_drawn_there() {
        let tabs = Rect::new(0, 0, 100, 1);
        // " 1 Roles " spans columns 0..9, then a space, then " 2 Profile ".
        assert_eq!(tab_at(tabs, 0), Some(Screen::Roles));
        assert_eq!(tab_at(tabs, 8), Some(Screen::Roles));
        assert_eq!(tab_at(tabs, 9), None);
        assert_eq!(tab_at(tabs, 10), Some(Screen::Profile));
        assert_eq!(tab_at(tabs, 99), None);
    }

    #[test]
    fn small_areas_are_too_small() {
        assert!(too_small(Rect::new(0, 0, 20, 5)));
        assert!(!too_small(Rect::new(0, 0, 80, 24)));
    }
}
