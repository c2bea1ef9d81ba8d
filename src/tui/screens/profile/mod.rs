//! Profile: what the person knows (skills with levels, credentials held) and how they want to
//! plan (hours per week, objective, budgets, exclusions); switching between named profiles.
//! One cursor runs over every editable row; `+`/`-`, Enter and `d` act on the row under it.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Margin, Rect};

use crate::catalog::MAX_LEVEL;
use crate::plan::HOURS_PER_WEEK;
use crate::profile::{Note, Profile};
use crate::tui::context::Context;
use crate::tui::keymap::{HelpSection, KeyHelp, describe, lookup, typed_char};
use crate::tui::list::scroll_offset;
use crate::tui::msg::{InputKind, Msg, PickerKind};
use crate::tui::picker::Picker;
use crate::tui::screens::{ARROW_KEYS, NAV_KEYS, ScreenLogic, navigate};

mod input;
mod keys;
mod pickers;
mod view;

pub use input::{InputBox, parse_input};
use keys::{Action, KEYS, MODAL_KEYS};
pub use view::level_name;
use view::row_lines;

/// An editable row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Skill(String),
    Held(String),
    HoursPerWeek,
    Objective,
    BudgetCost,
    BudgetHours,
    Excluded(String),
    ExcludedProvider(String),
    /// An advisor's note, by its position in the profile.
    Note(usize),
}

#[derive(Debug)]
pub enum Modal {
    Picker(Picker),
    Input(InputBox),
}

#[derive(Debug)]
pub struct ProfileEditor {
    ctx: Context,
    selected: usize,
    pub modal: Option<Modal>,
    /// Saved profiles, for the switcher.
    pub profile_names: Vec<String>,
    /// Why changes are not being saved, if they are not.
    pub save_problem: Option<String>,
    /// Whether long pickers search on a thread (as the app runs) rather than in `update`.
    pub background_search: bool,
}

/// The rows in display order, with the section each starts (if any).
fn rows(profile: &Profile) -> Vec<(Option<&'static str>, Row)> {
    let mut rows = Vec::new();
    let mut section = Some("Your skills");
    for id in profile.skills.keys() {
        rows.push((section.take(), Row::Skill(id.clone())));
    }
    let mut section = Some("Credentials you hold");
    for id in &profile.done {
        rows.push((section.take(), Row::Held(id.clone())));
    }
    rows.push((Some("How you plan"), Row::HoursPerWeek));
    rows.push((None, Row::Objective));
    rows.push((None, Row::BudgetCost));
    rows.push((None, Row::BudgetHours));
    let mut section = Some("Never plan");
    for id in &profile.exclude {
        rows.push((section.take(), Row::Excluded(id.clone())));
    }
    for provider in &profile.exclude_providers {
        rows.push((section.take(), Row::ExcludedProvider(provider.clone())));
    }
    let mut section = Some(NOTES_SECTION);
    for index in 0..profile.notes.len() {
        rows.push((section.take(), Row::Note(index)));
    }
    rows
}

/// The heading of the notes; they are the advisor's, and no export includes them.
pub(super) const NOTES_SECTION: &str = "Advisor notes (private)";

impl ProfileEditor {
    pub fn new(ctx: Context) -> Self {
        Self {
            ctx,
            selected: 0,
            modal: None,
            profile_names: Vec::new(),
            save_problem: None,
            background_search: false,
        }
    }

    fn profile(&self) -> &Profile {
        &self.ctx.analysis.profile
    }

    pub fn selected_row(&self) -> Option<Row> {
        rows(self.profile())
            .into_iter()
            .nth(self.selected)
            .map(|(_, row)| row)
    }

    fn row_count(&self) -> usize {
        rows(self.profile()).len()
    }

    fn open_input(&self, kind: InputKind) -> InputBox {
        InputBox {
            kind,
            text: String::new(),
            error: None,
        }
    }

    fn modal_key(&self, modal: &Modal, key: &KeyEvent) -> Option<Msg> {
        if let Some(msg) = lookup(MODAL_KEYS, key) {
            return Some(msg);
        }
        match modal {
            Modal::Picker(picker) => {
                if key.code == KeyCode::Enter {
                    let item = picker.chosen()?;
                    let id = item.id.clone();
                    return Some(match picker.kind {
                        PickerKind::Skill => Msg::SetSkillLevel {
                            skill: id,
                            level: 1,
                        },
                        PickerKind::HeldCredential => Msg::AddHeld(id),
                        PickerKind::ExcludeCredential => Msg::Exclude(id),
                        PickerKind::ExcludeProvider => Msg::ExcludeProvider(id),
                        PickerKind::Profile => Msg::SwitchProfile(id),
                        PickerKind::Role => Msg::ChooseRole(id),
                    });
                }
                lookup(ARROW_KEYS, key).or_else(|| typed_char(key).map(Msg::Type))
            }
            Modal::Input(input) => {
                if key.code == KeyCode::Enter {
                    return Some(
                        parse_input(input.kind, &input.text, self.ctx.today)
                            .unwrap_or_else(Msg::InvalidInput),
                    );
                }
                typed_char(key).map(Msg::Type)
            }
        }
    }

    /// Takes the open picker's search answer, if one has come; true if its list changed.
    pub fn take_search_answer(&mut self) -> bool {
        match &mut self.modal {
            Some(Modal::Picker(picker)) => picker.take_search_answer(),
            _ => false,
        }
    }

    /// Waits up to `timeout` for the open picker's search (benchmarks and tests).
    pub fn wait_for_search(&mut self, timeout: std::time::Duration) -> bool {
        match &mut self.modal {
            Some(Modal::Picker(picker)) => picker.wait_for_search(timeout),
            _ => false,
        }
    }

    /// The note under the cursor, if the cursor is on one.
    pub fn selected_note(&self) -> Option<&Note> {
        match self.selected_row()? {
            Row::Note(index) => self.profile().notes.get(index),
            _ => None,
        }
    }

    /// `+` or `-` on the selected row.
    fn adjust(&self, up: bool) -> Option<Msg> {
        let profile = self.profile();
        let step = |value: Option<f64>, by: f64| {
            let next = value.unwrap_or(0.0) + if up { by } else { -by };
            (next > 0.0).then_some(next)
        };
        match self.selected_row()? {
            Row::Skill(skill) => {
                let level = profile.skills.get(&skill).copied().unwrap_or(1);
                let next = if up {
                    level.saturating_add(1).min(MAX_LEVEL)
                } else {
                    level.saturating_sub(1).max(1)
                };
                (next != level).then_some(Msg::SetSkillLevel { skill, level: next })
            }
            Row::HoursPerWeek => {
                let hours = profile.hours_per_week;
                let next = if up {
                    (hours + 1.0).floor().min(*HOURS_PER_WEEK.end())
                } else {
                    (hours - 1.0).ceil().max(1.0)
                };
                (next != hours).then_some(Msg::SetHoursPerWeek(next))
            }
            Row::Objective => Some(Msg::CycleObjective),
            Row::BudgetCost => Some(Msg::SetBudgetCost(step(profile.budget_cost, 100.0))),
            Row::BudgetHours => Some(Msg::SetBudgetHours(step(profile.budget_hours, 10.0))),
            _ => None,
        }
    }

    fn remove(&self) -> Option<Msg> {
        Some(match self.selected_row()? {
            Row::Skill(skill) => Msg::RemoveSkill(skill),
            Row::Held(id) => Msg::RemoveHeld(id),
            Row::Excluded(id) => Msg::Include(id),
            Row::ExcludedProvider(p) => Msg::IncludeProvider(p),
            Row::BudgetCost => Msg::SetBudgetCost(None),
            Row::BudgetHours => Msg::SetBudgetHours(None),
            Row::Note(index) => Msg::DeleteNote(self.profile().notes.get(index)?.clone()),
            Row::HoursPerWeek | Row::Objective => return None,
        })
    }

    fn edit(&self) -> Option<Msg> {
        match self.selected_row()? {
            Row::HoursPerWeek => Some(Msg::OpenInput(InputKind::HoursPerWeek)),
            Row::BudgetCost => Some(Msg::OpenInput(InputKind::BudgetCost)),
            Row::BudgetHours => Some(Msg::OpenInput(InputKind::BudgetHours)),
            Row::Objective => Some(Msg::CycleObjective),
            Row::Skill(_) => self.adjust(true),
            _ => None,
        }
    }

    fn select(&mut self, wanted: &Row) {
        if let Some(i) = rows(self.profile())
            .iter()
            .position(|(_, row)| row == wanted)
        {
            self.selected = i;
        }
    }

    fn areas(area: Rect) -> [Rect; 2] {
        area.layout(&Layout::horizontal([
            Constraint::Percentage(58),
            Constraint::Fill(1),
        ]))
    }
}

impl ScreenLogic for ProfileEditor {
    fn handle_key(&self, key: &KeyEvent) -> Option<Msg> {
        if let Some(modal) = &self.modal {
            return self.modal_key(modal, key);
        }
        match lookup(KEYS, key) {
            Some(Action::AddSkill) => Some(Msg::OpenPicker(PickerKind::Skill)),
            Some(Action::AddHeld) => Some(Msg::OpenPicker(PickerKind::HeldCredential)),
            Some(Action::ExcludeCredential) => Some(Msg::OpenPicker(PickerKind::ExcludeCredential)),
            Some(Action::ExcludeProvider) => Some(Msg::OpenPicker(PickerKind::ExcludeProvider)),
            Some(Action::SwitchProfile) => Some(Msg::OpenPicker(PickerKind::Profile)),
            Some(Action::ChooseTarget) => Some(Msg::OpenPicker(PickerKind::Role)),
            Some(Action::NewProfile) => Some(Msg::OpenInput(InputKind::NewProfile)),
            Some(Action::AddNote) => Some(Msg::OpenInput(InputKind::Note)),
            Some(Action::Raise) => self.adjust(true),
            Some(Action::Lower) => self.adjust(false),
            Some(Action::Remove) => self.remove(),
            Some(Action::Edit) => self.edit(),
            Some(Action::CycleObjective) => Some(Msg::CycleObjective),
            None => lookup(NAV_KEYS, key),
        }
    }

    fn update(&mut self, msg: &Msg) {
        match (&mut self.modal, msg) {
            (_, Msg::OpenPicker(kind)) => {
                let picker = self.open_picker(*kind);
                let picker = if self.background_search {
                    picker.in_background()
                } else {
                    picker
                };
                self.modal = Some(Modal::Picker(picker));
            }
            (_, Msg::OpenInput(kind)) => self.modal = Some(Modal::Input(self.open_input(*kind))),
            (Some(_), Msg::Cancel) => self.modal = None,
            (Some(Modal::Picker(picker)), Msg::Type(c)) => picker.push(*c),
            (Some(Modal::Picker(picker)), Msg::DeleteChar) => picker.pop(),
            (Some(Modal::Picker(picker)), msg) => {
                if let Some(selected) = navigate(msg, picker.selected(), picker.len(), 10) {
                    picker.select(selected);
                }
            }
            (Some(Modal::Input(input)), Msg::Type(c)) => {
                input.text.push(*c);
                input.error = None;
            }
            (Some(Modal::Input(input)), Msg::DeleteChar) => {
                input.text.pop();
                input.error = None;
            }
            (Some(Modal::Input(input)), Msg::InvalidInput(error)) => {
                input.error = Some(error.clone())
            }
            (None, msg) => {
                if let Some(selected) = navigate(msg, self.selected, self.row_count(), 10) {
                    self.selected = selected;
                }
            }
            _ => {}
        }
        if msg.changes_profile() || matches!(msg, Msg::SwitchProfile(_) | Msg::CreateProfile(_)) {
            self.modal = None;
            // Follow a newly added skill so `+` raises it next.
            if let Msg::SetSkillLevel { skill, .. } = msg {
                self.select(&Row::Skill(skill.clone()));
            }
            // Show a note just added: the last one.
            if let Msg::AddNote(_) = msg {
                let notes = self.profile().notes.len();
                self.select(&Row::Note(notes.saturating_sub(1)));
            }
        }
    }

    fn set_context(&mut self, context: Context) {
        self.ctx = context;
        self.selected = self.selected.min(self.row_count().saturating_sub(1));
    }

    fn captures_text(&self) -> bool {
        self.modal.is_some()
    }

    fn hints(&self) -> Vec<KeyHelp> {
        match &self.modal {
            Some(Modal::Picker(_)) => [describe(ARROW_KEYS), describe(MODAL_KEYS)].concat(),
            Some(Modal::Input(_)) => describe(MODAL_KEYS),
            None => [describe(NAV_KEYS), describe(KEYS)].concat(),
        }
    }

    fn help(&self) -> Vec<HelpSection> {
        vec![
            HelpSection::new("Profile", KEYS),
            HelpSection::new("Profile, in a search or input box", MODAL_KEYS),
        ]
    }

    fn click(&self, area: Rect, _column: u16, row: u16) -> Option<Msg> {
        let [rows_area, _] = Self::areas(area);
        let inner = rows_area.inner(Margin::new(1, 1));
        if self.modal.is_some() || row < inner.y || row >= inner.bottom() {
            return None;
        }
        let lines = row_lines(self);
        let offset = scroll_offset(
            self.selected_line(&lines),
            lines.len(),
            usize::from(inner.height),
        );
        let line = offset + usize::from(row - inner.y);
        lines.get(line).and_then(|l| l.row).map(Msg::Select)
    }
}
