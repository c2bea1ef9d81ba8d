//! Every style the TUI draws with, by what it means. Screens never name a colour; they ask
//! the theme for `selected`, `gap`, `error`... With `NO_COLOR` set, colours are dropped and
//! meaning is carried by modifiers (reverse, bold, dim) and by distinct glyphs.

use ratatui::style::{Color, Modifier, Style};

/// Named styles. `Copy`, so each screen can hold its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours are used at all (false under `NO_COLOR`).
    pub color: bool,
    pub text: Style,
    pub heading: Style,
    pub dim: Style,
    pub accent: Style,
    pub key: Style,
    pub tab: Style,
    pub tab_selected: Style,
    pub selected: Style,
    /// The cursor on a row whose cells carry their own colours (gap bars): background only,
    /// so the colours stay readable.
    pub cursor_row: Style,
    pub border: Style,
    pub border_focused: Style,
    pub input: Style,
    pub ok: Style,
    pub warning: Style,
    pub error: Style,
    /// Level a person already has, in a gap bar.
    pub bar_have: Style,
    /// Levels still missing up to the requirement, in a gap bar.
    pub bar_missing: Style,
    /// Levels beyond the requirement (nothing to do), in a gap bar.
    pub bar_rest: Style,
    /// A step's span on the timeline.
    pub gantt: Style,
    /// Held credentials and other things already done.
    pub held: Style,
}

impl Theme {
    /// Colours unless the `NO_COLOR` environment variable is set to anything non-empty
    /// (<https://no-color.org>).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self::new(!no_color)
    }

    pub fn new(color: bool) -> Self {
        if color {
            Self::colored()
        } else {
            Self::monochrome()
        }
    }

    fn colored() -> Self {
        let bold = Modifier::BOLD;
        Self {
            color: true,
            text: Style::new(),
            heading: Style::new().fg(Color::Cyan).add_modifier(bold),
            dim: Style::new().fg(Color::DarkGray),
            accent: Style::new().fg(Color::Yellow),
            key: Style::new().fg(Color::Cyan).add_modifier(bold),
            tab: Style::new().fg(Color::Gray),
            tab_selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(bold),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::LightBlue)
                .add_modifier(bold),
            cursor_row: Style::new().bg(Color::Indexed(237)).add_modifier(bold),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            input: Style::new().fg(Color::Yellow).add_modifier(bold),
            ok: Style::new().fg(Color::Green),
            warning: Style::new().fg(Color::Yellow),
            error: Style::new().fg(Color::LightRed).add_modifier(bold),
            bar_have: Style::new().fg(Color::Green),
            bar_missing: Style::new().fg(Color::Red),
            bar_rest: Style::new().fg(Color::DarkGray),
            gantt: Style::new().fg(Color::LightBlue),
            held: Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM),
        }
    }

    fn monochrome() -> Self {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let dim = Style::new().add_modifier(Modifier::DIM);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Self {
            color: false,
            text: plain,
            heading: bold,
            dim,
            accent: bold,
            key: bold,
            tab: plain,
            tab_selected: reversed.add_modifier(Modifier::BOLD),
            selected: reversed,
            cursor_row: reversed,
            border: plain,
            border_focused: bold,
            input: bold,
            ok: plain,
            warning: bold,
            error: bold,
            bar_have: plain,
            bar_missing: bold,
            bar_rest: dim,
            gantt: plain,
            held: dim,
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::new(true)
    }
}

/// Glyphs whose shape, not only colour, carries meaning (so `NO_COLOR` loses nothing).
pub mod glyph {
    /// A level the person has.
    pub const HAVE: &str = "█";
    /// A level still missing up to the requirement.
    pub const MISSING: &str = "░";
    /// A level above the requirement.
    pub const REST: &str = "·";
    /// A step's weeks on the timeline.
    pub const GANTT: &str = "■";
    pub const CURSOR: &str = "▏";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_uses_no_colours_but_keeps_selection_visible() {
        let theme = Theme::new(false);
        for style in [
            theme.selected,
            theme.error,
            theme.bar_missing,
            theme.tab_selected,
        ] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
        assert!(theme.selected.add_modifier.contains(Modifier::REVERSED));
    }
}
