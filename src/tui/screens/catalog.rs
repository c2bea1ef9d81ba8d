//! Catalog: browse and search credentials; a credential's provider, hours, cost, what it
//! grants and needs, what it leads to and which roles it helps.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::catalog::{Catalog, CredIdx};
use crate::tui::context::Context;
use crate::tui::format;
use crate::tui::keymap::{Binding, HelpSection, Key, KeyHelp, describe, lookup, typed_char};
use crate::tui::list::{item_at, scroll_offset};
use crate::tui::msg::Msg;
use crate::tui::screens::{ARROW_KEYS, NAV_KEYS, ScreenLogic, navigate};
use crate::tui::search::{SearchIndex, TextField};
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

#[derive(Debug, Clone)]
pub struct CatalogView {
    ctx: Context,
    index: SearchIndex,
    pub search: TextField,
    visible: Vec<CredIdx>,
    selected: usize,
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
            index: SearchIndex::new(haystacks(&ctx.catalog)),
            ctx,
            search: TextField::default(),
            visible: Vec::new(),
            selected: 0,
        };
        view.refilter();
        view
    }

    pub fn selected_credential(&self) -> Option<CredIdx> {
        self.visible.get(self.selected).copied()
    }

    fn refilter(&mut self) {
        self.visible = self.index.search(&self.search.text);
        self.selected = 0;
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
                None => lookup(ARROW_KEYS, key).or_else(|| typed_char(key).map(Msg::Type)),
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
            self.index = SearchIndex::new(haystacks(&self.ctx.catalog));
            self.refilter();
        }
    }

    fn captures_text(&self) -> bool {
        self.search.typing
    }

    fn hints(&self) -> Vec<KeyHelp> {
        if self.search.typing {
            [describe(ARROW_KEYS), describe(TYPING_KEYS)].concat()
        } else {
            [describe(NAV_KEYS), describe(BROWSE_KEYS)].concat()
        }
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
        let block = panel(
            format!(
                " Credentials ({}/{}) ",
                self.visible.len(),
                catalog.credentials.len()
            ),
            self.search.typing,
            theme,
        );
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
        Paragraph::new(detail_lines(&self.ctx, selected))
            .wrap(Wrap { trim: false })
            .block(panel(" Details ", false, theme))
            .render(detail_area, buf);
    }
}

fn detail_lines(ctx: &Context, index: CredIdx) -> Vec<Line<'static>> {
    let theme = &ctx.theme;
    let catalog = &ctx.catalog;
    let c = &catalog.credentials[index];
    let skill = |s: usize| {
        catalog
            .skills
            .get(s)
            .map_or("?", |s| s.name.as_str())
            .to_string()
    };
    let title = |i: CredIdx| {
        catalog
            .credentials
            .get(i)
            .map_or("?", |c| c.title.as_str())
            .to_string()
    };
    let field = |name: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{name:<10}"), theme.dim),
            Span::styled(value, theme.text),
        ])
    };
    let mut lines = vec![
        Line::styled(c.title.clone(), theme.heading),
        Line::styled(
            format!("{} · {:?} · {:?}", c.id, c.kind, c.format).to_lowercase(),
            theme.dim,
        ),
    ];
    let person = &ctx.analysis.resolved;
    if person.person.done.contains(&index) {
        lines.push(Line::styled("✓ you hold this", theme.ok));
    }
    if person.constraints.exclude.contains(&index) {
        lines.push(Line::styled("excluded from your plans", theme.warning));
    }
    lines.push(field("Provider", c.provider.clone()));
    lines.push(field(
        "Effort",
        format!(
            "{} · {}",
            format::hours(c.hours),
            format::money(c.cost, &catalog.meta.currency)
        ),
    ));
    let grants: Vec<String> = c
        .grants
        .iter()
        .map(|&(s, l)| format!("{} {l}", skill(s)))
        .collect();
    if !grants.is_empty() {
        lines.push(field("Grants", grants.join(", ")));
    }
    let mut needs: Vec<String> = c.requires.iter().map(|&r| title(r)).collect();
    needs.extend(c.requires_any.iter().map(|group| {
        let options: Vec<String> = group.iter().map(|&r| title(r)).collect();
        format!("one of ({})", options.join(" | "))
    }));
    needs.extend(
        c.requires_skills
            .iter()
            .map(|&(s, l)| format!("{} {l}", skill(s))),
    );
    lines.push(field(
        "Needs",
        if needs.is_empty() {
            "nothing first".into()
        } else {
            needs.join(", ")
        },
    ));
    if !c.parts.is_empty() {
        let parts: Vec<String> = c.parts.iter().map(|&p| title(p)).collect();
        lines.push(field("Stack of", parts.join(", ")));
    }
    let leads_to: Vec<String> = catalog
        .credentials
        .iter()
        .filter(|other| {
            other.hard_prerequisites().any(|p| p == index)
                || other.requires_any.iter().flatten().any(|&p| p == index)
        })
        .map(|other| other.title.clone())
        .collect();
    if !leads_to.is_empty() {
        lines.push(field("Leads to", leads_to.join(", ")));
    }
    let helps: Vec<String> = catalog
        .roles
        .iter()
        .filter(|role| role.requires.iter().any(|r| c.grant_of(r.skill) > 0))
        .map(|role| role.title.clone())
        .collect();
    if !helps.is_empty() {
        lines.push(field("Helps", helps.join(", ")));
    }
    if let Some(url) = &c.url {
        lines.push(field("URL", url.clone()));
    }
    lines
}
