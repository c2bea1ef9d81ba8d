//! Small drawing helpers shared by the screens.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

use crate::tui::search::TextField;
use crate::tui::theme::{Theme, glyph};

/// A rounded panel with a title.
pub fn panel<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(title.into().style(theme.heading))
}

/// A message in place of content: nothing to show yet, or something went wrong.
pub struct Notice<'a> {
    pub title: &'a str,
    pub lines: Vec<Line<'a>>,
    pub error: bool,
    pub theme: &'a Theme,
}

impl<'a> Notice<'a> {
    /// What the screens that need a target role show until one is chosen.
    pub fn no_target(theme: &'a Theme) -> Self {
        Notice {
            title: "No target role yet",
            lines: vec![Line::from(
                "Press 1 for Roles, / to search them by name, then Enter to choose one.",
            )],
            error: false,
            theme,
        }
    }
}

impl Widget for Notice<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let title_style = if self.error {
            self.theme.error
        } else {
            self.theme.heading
        };
        let block = panel(
            Line::styled(format!(" {} ", self.title), title_style),
            self.error,
            self.theme,
        )
        .border_style(if self.error {
            self.theme.error
        } else {
            self.theme.border
        });
        Paragraph::new(self.lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(area, buf);
    }
}

/// A search field as one line: the prompt, what was typed, and a cursor while typing.
pub fn search_line<'a>(field: &'a TextField, placeholder: &'a str, theme: &Theme) -> Line<'a> {
    let prompt = Span::styled("Search: ", theme.dim);
    if field.typing {
        Line::from(vec![
            prompt,
            Span::styled(field.text.as_str(), theme.input),
            Span::styled(glyph::CURSOR, theme.input),
        ])
    } else if field.text.is_empty() {
        Line::from(vec![prompt, Span::styled(placeholder, theme.dim)])
    } else {
        Line::from(vec![
            prompt,
            Span::styled(field.text.as_str(), theme.accent),
        ])
    }
}

/// A share 0..=1 as a bar of `width` cells and a percentage.
pub fn share_bar(share: f64, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let share = if share.is_finite() {
        share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let filled = ((share * width as f64).round() as usize).min(width);
    vec![
        Span::styled(glyph::HAVE.repeat(filled), theme.bar_have),
        Span::styled(glyph::MISSING.repeat(width - filled), theme.bar_missing),
        Span::styled(format!(" {:.0}%", share * 100.0), theme.text),
    ]
}

/// A skill level against a requirement: have `█`, missing `░`, beyond the need `·`.
pub fn level_bar(have: u8, need: u8, max: u8, theme: &Theme) -> Vec<Span<'static>> {
    let met = have.min(need);
    let missing = need.saturating_sub(have);
    let beyond = max.saturating_sub(met + missing);
    let over = have.saturating_sub(need).min(beyond);
    vec![
        Span::styled(glyph::HAVE.repeat(usize::from(met + over)), theme.bar_have),
        Span::styled(
            glyph::MISSING.repeat(usize::from(missing)),
            theme.bar_missing,
        ),
        Span::styled(
            glyph::REST.repeat(usize::from(beyond - over)),
            theme.bar_rest,
        ),
    ]
}

/// Importance 1..=5 as dots.
pub fn importance(importance: u8) -> String {
    let n = usize::from(importance.min(5));
    format!("{}{}", "●".repeat(n), "○".repeat(5 - n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn level_bars_show_have_missing_and_beyond() {
        let theme = Theme::default();
        assert_eq!(text(&level_bar(1, 3, 5, &theme)), "█░░··");
        assert_eq!(text(&level_bar(4, 3, 5, &theme)), "████·");
        assert_eq!(text(&level_bar(0, 5, 5, &theme)), "░░░░░");
    }

    #[test]
    fn share_bars_clamp() {
        let theme = Theme::default();
        assert_eq!(text(&share_bar(0.5, 4, &theme)), "██░░ 50%");
        assert_eq!(text(&share_bar(f64::NAN, 2, &theme)), "░░ 0%");
    }
}
