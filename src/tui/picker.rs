//! A modal fuzzy picker: type to narrow a list, Enter to choose. The Profile screen uses it to
//! add skills and credentials, exclude providers and switch profiles.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::tui::format;
use crate::tui::list::scroll_offset;
use crate::tui::msg::PickerKind;
use crate::tui::search::{SearchIndex, TextField};
use crate::tui::search_thread::LiveSearch;
use crate::tui::theme::Theme;
use crate::tui::widgets::{panel, search_line};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerItem {
    /// What the choice means to the profile: a skill id, credential id, provider or name.
    pub id: String,
    pub label: String,
    /// Also searched: aliases, provider.
    pub detail: String,
}

/// Lists at least this long search on a thread in the running app: a few hundred items
/// search within a frame, the catalog's thousands of credentials may not.
pub const BACKGROUND_SEARCH_FROM: usize = 2_000;

#[derive(Debug)]
pub struct Picker {
    pub kind: PickerKind,
    pub title: String,
    items: Vec<PickerItem>,
    search: LiveSearch,
    query: TextField,
    matches: Vec<usize>,
    selected: usize,
    /// Whether the list waits for the search thread's answer to the query shown.
    pub searching: bool,
}

impl Picker {
    pub fn new(kind: PickerKind, title: impl Into<String>, items: Vec<PickerItem>) -> Self {
        let mut picker = Self {
            kind,
            title: title.into(),
            search: LiveSearch::Inline(index(&items)),
            items,
            query: TextField {
                text: String::new(),
                typing: true,
            },
            matches: Vec::new(),
            selected: 0,
            searching: false,
        };
        picker.refilter();
        picker
    }

    /// Searches on a thread of its own if the list is long (in place if no thread starts).
    pub fn in_background(mut self) -> Self {
        if self.items.len() >= BACKGROUND_SEARCH_FROM {
            self.search = LiveSearch::background(index(&self.items));
        }
        self
    }

    /// Takes the search thread's answer, if one has come; true if the list changed.
    pub fn take_search_answer(&mut self) -> bool {
        let answer = self.search.take_answer();
        answer.map(|matches| self.show_matches(matches)).is_some()
    }

    /// Waits up to `timeout` for the search thread's answer (benchmarks and tests).
    pub fn wait_for_search(&mut self, timeout: std::time::Duration) -> bool {
        if !self.searching {
            return false;
        }
        let answer = self.search.wait_answer(timeout);
        answer.map(|matches| self.show_matches(matches)).is_some()
    }

    fn show_matches(&mut self, matches: Vec<usize>) {
        self.matches = matches;
        self.selected = 0;
        self.searching = false;
    }

    fn refilter(&mut self) {
        let items = &self.items;
        match self
            .search
            .search(&self.query.text, items.len(), || index(items))
        {
            Some(matches) => self.show_matches(matches),
            None => self.searching = true,
        }
    }

    pub fn push(&mut self, c: char) {
        self.query.push(c);
        self.refilter();
    }

    pub fn pop(&mut self) {
        self.query.pop();
        self.refilter();
    }

    pub fn select(&mut self, selected: usize) {
        self.selected = selected.min(self.matches.len().saturating_sub(1));
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn len(&self) -> usize {
        self.matches.len()
    }

    pub fn is_empty(&self) -> bool {
        self.matches.is_empty()
    }

    /// The highlighted item.
    pub fn chosen(&self) -> Option<&PickerItem> {
        self.matches.get(self.selected).map(|&i| &self.items[i])
    }
}

/// What an item can be found by: its label first, then its id, then its detail.
fn index(items: &[PickerItem]) -> SearchIndex {
    SearchIndex::new(
        items
            .iter()
            .map(|item| {
                vec![
                    (item.label.clone(), 3),
                    (item.id.clone(), 2),
                    (item.detail.clone(), 1),
                ]
            })
            .collect(),
    )
}

/// A picker drawn over the screen with its theme.
pub struct PickerPopup<'a> {
    pub picker: &'a Picker,
    pub theme: &'a Theme,
}

impl Widget for PickerPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let picker = self.picker;
        let popup = area.centered(Constraint::Percentage(70), Constraint::Percentage(80));
        Clear.render(popup, buf);
        let block =
            panel(format!(" {} ", picker.title), true, theme).title_bottom(Line::from(vec![
                Span::styled(" Enter", theme.key),
                Span::styled(" choose  ", theme.dim),
                Span::styled("Esc", theme.key),
                Span::styled(" cancel ", theme.dim),
            ]));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let [search_area, _, rows_area] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        search_line(&picker.query, "", theme).render(search_area, buf);
        if picker.searching {
            Line::styled("searching…", theme.dim).render(rows_area, buf);
            return;
        }
        if picker.matches.is_empty() {
            Line::styled("Nothing matches.", theme.dim).render(rows_area, buf);
            return;
        }
        let height = usize::from(rows_area.height);
        let width = usize::from(rows_area.width);
        let offset = scroll_offset(picker.selected, picker.matches.len(), height);
        let lines: Vec<Line> = picker
            .matches
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(position, &i)| {
                let item = &picker.items[i];
                let label = format::truncate(&item.label, width);
                let detail = format::truncate(
                    &item.detail,
                    width.saturating_sub(label.chars().count() + 2),
                );
                let style = if position == picker.selected {
                    theme.selected
                } else {
                    theme.text
                };
                Line::from(vec![
                    Span::styled(label, style),
                    Span::styled(format!("  {detail}"), theme.dim),
                ])
            })
            .collect();
        Paragraph::new(lines).render(rows_area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, label: &str) -> PickerItem {
        PickerItem {
            id: id.into(),
            label: label.into(),
            detail: String::new(),
        }
    }

    #[test]
    fn typing_narrows_and_enter_takes_the_highlighted_item() {
        let mut picker = Picker::new(
            PickerKind::Skill,
            "Add a skill",
            vec![
                item("sql", "SQL"),
                item("python", "Python"),
                item("stats", "Statistics"),
            ],
        );
        assert_eq!(picker.len(), 3);
        for c in "pyt".chars() {
            picker.push(c);
        }
        assert_eq!(picker.len(), 1);
        assert_eq!(picker.chosen().map(|i| i.id.as_str()), Some("python"));
        picker.pop();
        picker.pop();
        picker.pop();
        picker.select(99);
        assert_eq!(picker.selected(), 2);
    }
}
