//! Roles: find a role by typing part of its name (or an id, or a skill it needs), see what it
//! requires and how far the person is from it, and make it the target.

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};

use crate::catalog::{Catalog, RoleIdx};
use crate::plan::{Plan, PlanRequest, RoleRank};
use crate::tui::analysis::Outcome;
use crate::tui::context::Context;
use crate::tui::keymap::{Binding, HelpSection, Key, KeyHelp, lookup};
use crate::tui::list::item_at;
use crate::tui::msg::Msg;
use crate::tui::planner::{self, RankRequest};
use crate::tui::screens::{ARROW_KEYS, NAV_KEYS, ScreenLogic, navigate, search_list_hints};
use crate::tui::search::{TextField, fuzzy_filter};

mod preview;
mod view;

use preview::Preview;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Search,
    Choose,
    ToggleNearest,
    ClearSearch,
    StopTyping,
    DeleteChar,
}

const BROWSE_KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::char('/')],
        action: Action::Search,
        description: "search roles by title, id or skill",
        hint: Some("search"),
    },
    Binding {
        keys: &[Key::code(KeyCode::Enter)],
        action: Action::Choose,
        description: "make the selected role your target and show its pathway",
        hint: Some("choose"),
    },
    Binding {
        keys: &[Key::char('n')],
        action: Action::ToggleNearest,
        description: "sort by nearest for you (least to learn) or by catalog order",
        hint: Some("nearest"),
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
        keys: &[Key::code(KeyCode::Enter)],
        action: Action::Choose,
        description: "make the selected role your target and show its pathway",
        hint: Some("choose"),
    },
    Binding {
        keys: &[Key::code(KeyCode::Esc)],
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
pub struct RolePicker {
    ctx: Context,
    /// Per role, the texts it can be found by, with their weights.
    haystacks: Vec<Vec<(String, i64)>>,
    /// Per role, the share of its requirement the person meets.
    fits: Vec<f64>,
    pub search: TextField,
    /// Roles shown, in display order.
    visible: Vec<RoleIdx>,
    selected: usize,
    /// Whether roles are sorted nearest first.
    nearest: bool,
    /// The latest ranking, or why it failed; kept while a newer one is solved.
    ranking: Option<Result<Vec<RoleRank>, String>>,
    /// Whether `ranking` is for the current profile.
    ranking_current: bool,
    /// Whether a ranking must be asked for (sorting nearest first, none current).
    rank_wanted: bool,
    /// Plans of roles other than the target, for the current profile.
    previews: HashMap<RoleIdx, Preview>,
    /// The role whose preview was asked for last; asked again if it is skipped.
    preview_asked: Option<RoleIdx>,
}

impl RolePicker {
    pub fn new(ctx: Context) -> Self {
        let mut picker = Self {
            haystacks: haystacks(&ctx.catalog),
            fits: Vec::new(),
            ctx,
            search: TextField::default(),
            visible: Vec::new(),
            selected: 0,
            nearest: false,
            ranking: None,
            ranking_current: false,
            rank_wanted: false,
            previews: HashMap::new(),
            preview_asked: None,
        };
        picker.refresh();
        picker.select_role(picker.ctx.analysis.role());
        picker
    }

    /// The role under the cursor.
    pub fn selected_role(&self) -> Option<RoleIdx> {
        self.visible.get(self.selected).copied()
    }

    pub fn visible_roles(&self) -> &[RoleIdx] {
        &self.visible
    }

    pub fn sorted_nearest(&self) -> bool {
        self.nearest
    }

    /// Whether the order shown is the current profile's ranking (or why it failed).
    pub fn ranked(&self) -> bool {
        self.ranking_current
    }

    fn select_role(&mut self, role: Option<RoleIdx>) {
        if let Some(position) = role.and_then(|r| self.visible.iter().position(|&v| v == r)) {
            self.selected = position;
        }
    }

    /// The request for the selected role's preview, once, if it has none. The target role's
    /// plan comes with the analysis.
    pub fn take_preview_request(&mut self) -> Option<PlanRequest> {
        let role = self.selected_role()?;
        let analysis = &self.ctx.analysis;
        if analysis.role() == Some(role)
            || self.previews.contains_key(&role)
            || self.preview_asked == Some(role)
        {
            return None;
        }
        self.preview_asked = Some(role);
        Some(planner::request(
            &analysis.profile,
            &analysis.resolved,
            role,
            planner::PREVIEW_TIME_LIMIT,
        ))
    }

    /// The request for ranking every role, once per profile, while sorting nearest first.
    pub fn take_rank_request(&mut self) -> Option<RankRequest> {
        if !self.nearest || !self.rank_wanted {
            return None;
        }
        self.rank_wanted = false;
        let analysis = &self.ctx.analysis;
        Some(RankRequest::of(&analysis.profile, &analysis.resolved))
    }

    pub fn set_preview(&mut self, role: RoleIdx, plan: Result<Plan, String>) {
        let preview = match plan {
            Ok(plan) => Preview::of(&plan),
            Err(error) => Preview::Failed(error),
        };
        self.previews.insert(role, preview);
    }

    pub fn set_ranking(&mut self, ranking: Result<Vec<RoleRank>, String>) {
        self.ranking = Some(ranking);
        self.ranking_current = true;
        self.refilter();
    }

    /// The plan summary of `role`: the target's from the analysis, another's from its preview.
    fn preview(&self, role: RoleIdx) -> Option<Preview> {
        let analysis = &self.ctx.analysis;
        if analysis.role() != Some(role) {
            return self.previews.get(&role).cloned();
        }
        match &analysis.outcome {
            Outcome::Planned(plan) => Some(Preview::of(plan)),
            Outcome::Failed(error) => Some(Preview::Failed(error.clone())),
            Outcome::NoTarget | Outcome::Planning => None,
        }
    }

    /// Recomputes what depends on the profile, keeping the selected role when still shown.
    fn refresh(&mut self) {
        let catalog = &self.ctx.catalog;
        let person = &self.ctx.analysis.resolved.person;
        self.fits = (0..catalog.roles.len())
            .map(|role| crate::plan::fit(catalog, role, person))
            .collect();
        self.previews.clear();
        self.preview_asked = None;
        // Ask for a new ranking; the old order stays until it arrives.
        self.ranking_current = false;
        self.rank_wanted = self.nearest;
        self.refilter();
    }

    fn refilter(&mut self) {
        let current = self.selected_role();
        let order: Vec<RoleIdx> = match (&self.ranking, self.nearest) {
            (Some(Ok(ranked)), true) => ranked.iter().map(|n| n.role).collect(),
            _ => (0..self.ctx.catalog.roles.len()).collect(),
        };
        let haystacks = &self.haystacks;
        self.visible = fuzzy_filter(&self.search.text, order.len(), |i| {
            haystacks[order[i]]
                .iter()
                .map(|(text, w)| (text.as_str(), *w))
        })
        .into_iter()
        .map(|i| order[i])
        .collect();
        self.selected = current
            .and_then(|role| self.visible.iter().position(|&r| r == role))
            .filter(|_| self.search.text.is_empty())
            .unwrap_or(0);
    }

    fn areas(area: Rect) -> [Rect; 2] {
        area.layout(&Layout::horizontal([
            Constraint::Percentage(40),
            Constraint::Fill(1),
        ]))
    }

    /// The rows of the list inside its panel: below the border and the search line.
    fn rows_area(list_area: Rect) -> Rect {
        let inner = list_area.inner(ratatui::layout::Margin::new(1, 1));
        Rect {
            y: inner.y.saturating_add(2),
            height: inner.height.saturating_sub(2),
            ..inner
        }
    }
}

/// Title and id weigh most, then the names and aliases of the skills the role requires.
fn haystacks(catalog: &Catalog) -> Vec<Vec<(String, i64)>> {
    catalog
        .roles
        .iter()
        .map(|role| {
            let mut fields = vec![(role.title.clone(), 4), (role.id.clone(), 3)];
            for requirement in role.requires.iter().chain(&role.optional) {
                if let Some(skill) = catalog.skills.get(requirement.skill) {
                    fields.push((skill.name.clone(), 1));
                    fields.extend(skill.aliases.iter().map(|a| (a.clone(), 1)));
                }
            }
            fields
        })
        .collect()
}

impl ScreenLogic for RolePicker {
    fn handle_key(&self, key: &KeyEvent) -> Option<Msg> {
        let choose = || {
            self.selected_role()
                .map(|r| Msg::ChooseRole(self.ctx.catalog.roles[r].id.clone()))
        };
        if self.search.typing {
            if let Some(action) = lookup(TYPING_KEYS, key) {
                return match action {
                    Action::Choose => choose(),
                    Action::StopTyping => Some(Msg::StopTyping),
                    Action::DeleteChar => Some(Msg::DeleteChar),
                    _ => None,
                };
            }
            return lookup(ARROW_KEYS, key).or_else(|| self.search.typed(key).map(Msg::Type));
        }
        match lookup(BROWSE_KEYS, key) {
            Some(Action::Search) => Some(Msg::StartTyping),
            Some(Action::Choose) => choose(),
            Some(Action::ToggleNearest) => Some(Msg::ToggleNearest),
            Some(Action::ClearSearch) if !self.search.text.is_empty() => Some(Msg::Cancel),
            Some(_) => None,
            None => lookup(NAV_KEYS, key),
        }
    }

    fn update(&mut self, msg: &Msg) {
        let page = 10;
        if let Some(selected) = navigate(msg, self.selected, self.visible.len(), page) {
            self.selected = selected;
            return;
        }
        match msg {
            Msg::StartTyping => self.search.typing = true,
            Msg::StopTyping | Msg::ChooseRole(_) => self.search.typing = false,
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
            Msg::ToggleNearest => {
                self.nearest = !self.nearest;
                // One ranking per profile, kept while sorting is off.
                self.rank_wanted = self.nearest && !self.ranking_current;
                self.refilter();
            }
            _ => {}
        }
    }

    fn set_context(&mut self, context: Context) {
        let new_catalog = !Arc::ptr_eq(&context.catalog, &self.ctx.catalog);
        if new_catalog {
            self.haystacks = haystacks(&context.catalog);
            // Role indices of the old catalog mean nothing in the new one.
            self.ranking = None;
            self.previews.clear();
        }
        let same_profile = context.generation == self.ctx.generation;
        self.ctx = context;
        // Only the target's plan arrived: what follows from the profile still holds.
        if !same_profile {
            self.refresh();
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
            HelpSection::new("Roles", BROWSE_KEYS),
            HelpSection::new(
                "Roles, while typing a search (letters are text)",
                TYPING_KEYS,
            ),
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
