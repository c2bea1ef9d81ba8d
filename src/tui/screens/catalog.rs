//! Catalog: browse and search credentials; a credential's provider, hours, cost, what it
//! grants and needs, what it leads to and which roles it helps.

use std::sync::Arc;
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::catalog::{Catalog, CredIdx};
use crate::tui::context::Context;
use crate::tui::format;
use crate::tui::keymap::{Binding, HelpSection, Key, KeyHelp, lookup};
use crate::tui::list::{item_at, scroll_offset};
use crate::tui::msg::Msg;
use crate::tui::screens::catalog_details as details;
use crate::tui::screens::{ARROW_KEYS, NAV_KEYS, ScreenLogic, navigate, search_list_hints};
use crate::tui::search::{SearchIndex, TextField};
use crate::tui::search_thread::LiveSearch;
use crate::tui::widgets::{panel, search_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Search,
    ClearSearch,
    Hold,
    StopTyping,
    DeleteChar,
}

const BROWSE_KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::char('/')],
        action: Action::Search,
        description: "search credentials by title, id, provider or skill",
        hint: Some("search"),
    },
    Binding {
        keys: &[Key::char('h')],
        action: Action::Hold,
        description: "I hold this credential (adds it to your profile)",
        hint: Some("I hold it"),
    },
    Binding {
        keys: &[Key::code(KeyCode::Esc)],
        action: Action::ClearSearch,
        description: "clear the search",
        hint: None,
    },
];

const TYPING_KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::code(KeyCode::Esc), Key::code(KeyCode::Enter)],
        action: Action::StopTyping,
        description: "stop typing (letters become commands again)",
        hint: Some("stop typing"),
    },
    Binding {
        keys: &[Key::code(KeyCode::Backspace)],
        action: Action::DeleteChar,
        description: "delete the last character",
        hint: None,
    },
];

#[derive(Debug)]
pub struct CatalogView {
    ctx: Context,
    searcher: LiveSearch,
    pub search: TextField,
    visible: Vec<CredIdx>,
    selected: usize,
    /// Whether the list is waiting for the search thread's answer to the query shown.
    pub searching: bool,
}

fn haystacks(catalog: &Catalog) -> Vec<Vec<(String, i64)>> {
    catalog
        .credentials
        .iter()
        .map(|c| {
            let mut fields = vec![
                (c.title.clone(), 4),
                (c.id.clone(), 3),
                (c.provider.clone(), 2),
            ];
            for &(skill, _) in &c.grants {
                if let Some(skill) = catalog.skills.get(skill) {
                    fields.push((skill.name.clone(), 1));
                }
            }
            fields
        })
        .collect()
}

impl CatalogView {
    pub fn new(ctx: Context) -> Self {
        let mut view = Self {
            searcher: LiveSearch::Inline(SearchIndex::new(haystacks(&ctx.catalog))),
            ctx,
            search: TextField::default(),
            visible: Vec::new(),
            selected: 0,
            searching: false,
        };
        view.refilter();
        view
    }

    /// Moves searching to a thread of its own (in place if the thread cannot start).
    pub fn search_in_background(&mut self) {
        self.searcher = LiveSearch::background(SearchIndex::new(haystacks(&self.ctx.catalog)));
        self.refilter();
    }

    /// Takes the search thread's answer, if one has come; true if the list changed.
    pub fn take_search_answer(&mut self) -> bool {
        let answer = self.searcher.take_answer();
        answer.map(|matches| self.show_matches(matches)).is_some()
    }

    /// Waits up to `timeout` for the search thread's answer (benchmarks and tests).
    pub fn wait_for_search(&mut self, timeout: Duration) -> bool {
        if !self.searching {
            return false;
        }
        let answer = self.searcher.wait_answer(timeout);
        answer.map(|matches| self.show_matches(matches)).is_some()
    }

    pub fn selected_credential(&self) -> Option<CredIdx> {
        self.visible.get(self.selected).copied()
    }

    fn show_matches(&mut self, matches: Vec<CredIdx>) {
        self.visible = matches;
        self.selected = 0;
        self.searching = false;
    }

    fn refilter(&mut self) {
        let catalog = &self.ctx.catalog;
        let len = catalog.credentials.len();
        match self.searcher.search(&self.search.text, len, || {
            SearchIndex::new(haystacks(catalog))
        }) {
            Some(matches) => self.show_matches(matches),
            None => self.searching = true,
        }
    }

    fn areas(area: Rect) -> [Rect; 2] {
        area.layout(&Layout::horizontal([
            Constraint::Percentage(42),
            Constraint::Fill(1),
        ]))
    }

    fn rows_area(list_area: Rect) -> Rect {
        let inner = list_area.inner(Margin::new(1, 1));
        Rect {
            y: inner.y.saturating_add(2),
            height: inner.height.saturating_sub(2),
            ..inner
        }
    }
}

impl ScreenLogic for CatalogView {
    fn handle_key(&self, key: &KeyEvent) -> Option<Msg> {
        if self.search.typing {
            return match lookup(TYPING_KEYS, key) {
                Some(Action::StopTyping) => Some(Msg::StopTyping),
                Some(Action::DeleteChar) => Some(Msg::DeleteChar),
                Some(_) => None,
                None => lookup(ARROW_KEYS, key).or_else(|| self.search.typed(key).map(Msg::Type)),
            };
        }
        match lookup(BROWSE_KEYS, key) {
            Some(Action::Search) => Some(Msg::StartTyping),
            Some(Action::ClearSearch) if !self.search.text.is_empty() => Some(Msg::Cancel),
            Some(Action::Hold) => self
                .selected_credential()
                .map(|c| Msg::AddHeld(self.ctx.catalog.credentials[c].id.clone())),
            Some(_) => None,
            None => lookup(NAV_KEYS, key),
        }
    }

    fn update(&mut self, msg: &Msg) {
        if let Some(selected) = navigate(msg, self.selected, self.visible.len(), 10) {
            self.selected = selected;
            return;
        }
        match msg {
            Msg::StartTyping => self.search.typing = true,
            Msg::StopTyping => self.search.typing = false,
            Msg::Type(c) => {
                self.search.push(*c);
                self.refilter();
            }
            Msg::DeleteChar => {
                self.search.pop();
                self.refilter();
            }
            Msg::Cancel => {
                self.search.text.clear();
                self.refilter();
            }
            _ => {}
        }
    }

    fn set_context(&mut self, context: Context) {
        let catalog_changed = !Arc::ptr_eq(&context.catalog, &self.ctx.catalog);
        self.ctx = context;
        if catalog_changed {
            self.searcher
                .renew(SearchIndex::new(haystacks(&self.ctx.catalog)));
            self.refilter();
        }
    }

    fn captures_text(&self) -> bool {
        self.search.typing
    }

    fn hints(&self) -> Vec<KeyHelp> {
        search_list_hints(self.search.typing, BROWSE_KEYS, TYPING_KEYS)
    }

    fn help(&self) -> Vec<HelpSection> {
        vec![
            HelpSection::new("Catalog", BROWSE_KEYS),
            HelpSection::new("Catalog, while typing a search", TYPING_KEYS),
        ]
    }

    fn click(&self, area: Rect, _column: u16, row: u16) -> Option<Msg> {
        let [list_area, _] = Self::areas(area);
        item_at(
            Self::rows_area(list_area),
            self.selected,
            self.visible.len(),
            row,
        )
        .map(Msg::Select)
    }
}

impl Widget for &CatalogView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [list_area, detail_area] = CatalogView::areas(area);
        let theme = &self.ctx.theme;
        let catalog = &self.ctx.catalog;
        let title = if self.searching {
            " Credentials (searching…) ".to_string()
        } else {
            format!(
                " Credentials ({}/{}) ",
                self.visible.len(),
                catalog.credentials.len()
            )
        };
        let block = panel(title, self.search.typing, theme);
        let inner = block.inner(list_area);
        block.render(list_area, buf);
        let [search_area, _, rows_area] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        search_line(&self.search, "press / and type", theme).render(search_area, buf);
        let height = usize::from(rows_area.height);
        let offset = scroll_offset(self.selected, self.visible.len(), height);
        let held = &self.ctx.analysis.resolved.person.done;
        let width = usize::from(rows_area.width);
        let lines: Vec<Line> = self
            .visible
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(position, &c)| {
                let marker = if held.contains(&c) { "✓ " } else { "  " };
                let title =
                    format::truncate(&catalog.credentials[c].title, width.saturating_sub(2));
                let style = if position == self.selected {
                    theme.selected
                } else if held.contains(&c) {
                    theme.held
                } else {
                    theme.text
                };
                Line::styled(
                    format!("{marker}{title:<w$}", w = width.saturating_sub(2)),
                    style,
                )
            })
            .collect();
        Paragraph::new(lines).render(rows_area, buf);

        let Some(selected) = self.selected_credential() else {
            panel(" Credential ", false, theme).render(detail_area, buf);
            return;
        };
        Paragraph::new(details::lines(&self.ctx, selected))
            .wrap(Wrap { trim: false })
            .block(panel(" Details ", false, theme))
            .render(detail_area, buf);
    }
}
