//! A week-by-week Gantt chart of a pathway, with calendar dates counted from today.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use time::Date;

use crate::tui::format;
use crate::tui::theme::{Theme, glyph};

/// One bar: a step's label and its 1-based first and last week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub start_week: u32,
    pub end_week: u32,
}

pub struct Timeline<'a> {
    pub bars: &'a [Bar],
    pub weeks: u32,
    pub today: Date,
    pub selected: Option<usize>,
    /// First bar shown (the chart scrolls with the selection).
    pub offset: usize,
    pub theme: &'a Theme,
}

/// How many weeks one column stands for, and how many columns one week takes.
fn scale(weeks: u32, columns: u16) -> (u32, u16) {
    let weeks = weeks.max(1);
    let columns = u32::from(columns.max(1));
    if weeks <= columns {
        (1, u16::try_from(columns / weeks).unwrap_or(1).clamp(1, 4))
    } else {
        (weeks.div_ceil(columns), 1)
    }
}

impl Widget for Timeline<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 || area.width < 12 {
            return;
        }
        let theme = self.theme;
        let label_width: u16 = (area.width / 4).clamp(8, 26);
        let chart_width = area.width - label_width - 1;
        let (weeks_per_column, columns_per_week) = scale(self.weeks, chart_width);
        let column_of = |week: u32| -> usize {
            let week0 = week.saturating_sub(1);
            (week0 / weeks_per_column) as usize * usize::from(columns_per_week)
        };

        // The axis: a date at the start of a week every few columns, where it fits; with the
        // year instead of the day when the plan runs into another year.
        let last = format::week_start(self.today, self.weeks.max(1));
        let spans_years = last.year() != self.today.year();
        let mut axis: Vec<char> = vec![' '; usize::from(chart_width)];
        let mut next_free = 0;
        for week in 1..=self.weeks.max(1) {
            let column = column_of(week);
            if column < next_free || column >= axis.len() {
                continue;
            }
            let date = format::week_start(self.today, week);
            let label = if spans_years {
                format::month_year(date)
            } else {
                format::short_date(date)
            };
            if column + label.chars().count() > axis.len() {
                break;
            }
            for (i, c) in label.chars().enumerate() {
                axis[column + i] = c;
            }
            next_free = column + label.chars().count() + 2;
        }
        let mut lines = vec![Line::from(vec![
            Span::styled(
                format!("{:<width$} ", "week of", width = usize::from(label_width)),
                theme.dim,
            ),
            Span::styled(axis.into_iter().collect::<String>(), theme.dim),
        ])];

        let rows = usize::from(area.height - 1);
        for (i, bar) in self.bars.iter().enumerate().skip(self.offset).take(rows) {
            let start = column_of(bar.start_week);
            let end = column_of(bar.end_week) + usize::from(columns_per_week);
            let end = end.min(usize::from(chart_width));
            let label_style = if Some(i) == self.selected {
                theme.selected
            } else {
                theme.text
            };
            let label = format::truncate(&bar.label, usize::from(label_width));
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{label:<width$}", width = usize::from(label_width)),
                    label_style,
                ),
                Span::raw(" "),
                Span::styled("·".repeat(start.min(end)), theme.bar_rest),
                Span::styled(glyph::GANTT.repeat(end.saturating_sub(start)), theme.gantt),
            ]));
        }
        Paragraph::new(lines).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month;

    #[test]
    fn scale_stretches_short_plans_and_compresses_long_ones() {
        assert_eq!(scale(10, 40), (1, 4));
        assert_eq!(scale(30, 40), (1, 1));
        assert_eq!(scale(100, 40), (3, 1));
        assert_eq!(scale(0, 0), (1, 1));
    }

    #[test]
    fn bars_start_at_their_week_and_the_axis_shows_dates() {
        let today = Date::from_calendar_date(2026, Month::March, 2).expect("valid date");
        let bars = [
            Bar {
                label: "SQL".into(),
                start_week: 1,
                end_week: 2,
            },
            Bar {
                label: "Viz".into(),
                start_week: 3,
                end_week: 3,
            },
        ];
        let theme = Theme::new(false);
        let area = Rect::new(0, 0, 40, 3);
        let mut buf = Buffer::empty(area);
        Timeline {
            bars: &bars,
            weeks: 3,
            today,
            selected: None,
            offset: 0,
            theme: &theme,
        }
        .render(area, &mut buf);
        let row = |y: u16| -> String {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        };
        assert!(row(0).contains("Mar 02"), "{}", row(0));
        // 40 columns: label 10 + space, 29 chart columns, 3 weeks -> 4 columns per week.
        assert_eq!(
            row(1).trim_end(),
            format!("{:<10} {}", "SQL", "■".repeat(8))
        );
        assert_eq!(
            row(2).trim_end(),
            format!("{:<10} {}{}", "Viz", "·".repeat(8), "■".repeat(4))
        );
    }
}
