//! Profile: what the person knows (skills with levels, credentials held) and how they want to
//! plan (hours per week, objective, budgets, exclusions); switching between named profiles.
//! One cursor runs over every editable row; `+`/`-`, Enter and `d` act on the row under it.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use crate::catalog::MAX_LEVEL;
use crate::plan::Objective;
use crate::profile::Profile;
use crate::tui::analysis::Outcome;
use crate::tui::context::Context;
use crate::tui::format;
use crate::tui::keymap::{Binding, HelpSection, Key, KeyHelp, describe, lookup, typed_char};
use crate::tui::list::scroll_offset;
use crate::tui::msg::{InputKind, Msg, PickerKind};
use crate::tui::picker::{Picker, PickerItem, PickerPopup};
use crate::tui::screens::{ARROW_KEYS, NAV_KEYS, ScreenLogic, navigate};
use crate::tui::widgets::{level_bar, panel};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    AddSkill,
    AddHeld,
    Raise,
    Lower,
    Edit,
    Remove,
    CycleObjective,
    ExcludeCredential,
    ExcludeProvider,
    SwitchProfile,
    NewProfile,
}

const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::char('a')],
        action: Action::AddSkill,
        description: "add a skill you have (search by name)",
        hint: Some("add skill"),
    },
    Binding {
        keys: &[Key::char('+'), Key::char('='), Key::code(KeyCode::Right)],
        action: Action::Raise,
        description: "raise the selected level, hours or budget",
        hint: None,
    },
    Binding {
        keys: &[Key::char('-'), Key::code(KeyCode::Left)],
        action: Action::Lower,
        description: "lower the selected level, hours or budget",
        hint: None,
    },
    Binding {
        keys: &[Key::char('c')],
        action: Action::AddHeld,
        description: "add a credential you hold (search by title)",
        hint: Some("add held"),
    },
    Binding {
        keys: &[
            Key::char('d'),
            Key::code(KeyCode::Delete),
            Key::code(KeyCode::Backspace),
        ],
        action: Action::Remove,
        description: "remove the selected skill, credential, exclusion or budget",
        hint: None,
    },
    Binding {
        keys: &[Key::code(KeyCode::Enter)],
        action: Action::Edit,
        description: "type a new value for the selected setting",
        hint: None,
    },
    Binding {
        keys: &[Key::char('o')],
        action: Action::CycleObjective,
        description: "minimise hours, cost or number of credentials",
        hint: None,
    },
    Binding {
        keys: &[Key::char('x')],
        action: Action::ExcludeCredential,
        description: "never plan a credential (search by title)",
        hint: Some("exclude"),
    },
    Binding {
        keys: &[Key::char('X')],
        action: Action::ExcludeProvider,
        description: "never plan a provider's credentials",
        hint: None,
    },
    Binding {
        keys: &[Key::char('p')],
        action: Action::SwitchProfile,
        description: "switch to another saved profile",
        hint: Some("profiles"),
    },
    Binding {
        keys: &[Key::char('N')],
        action: Action::NewProfile,
        description: "create a new named profile (one per client)",
        hint: None,
    },
];

/// Keys inside a picker or input box; letters are text there.
const MODAL_KEYS: &[Binding<Msg>] = &[
    Binding {
        keys: &[Key::code(KeyCode::Esc)],
        action: Msg::Cancel,
        description: "cancel",
        hint: Some("cancel"),
    },
    Binding {
        keys: &[Key::code(KeyCode::Backspace)],
        action: Msg::DeleteChar,
        description: "delete the last character",
        hint: None,
    },
];

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
}

/// A one-line input box.
#[derive(Debug, Clone, PartialEq)]
pub struct InputBox {
    pub kind: InputKind,
    pub text: String,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Picker(Picker),
    Input(InputBox),
}

#[derive(Debug, Clone)]
pub struct ProfileEditor {
    ctx: Context,
    selected: usize,
    pub modal: Option<Modal>,
    /// Saved profiles, for the switcher.
    pub profile_names: Vec<String>,
    /// Why changes are not being saved, if they are not.
    pub save_problem: Option<String>,
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
    rows
}

/// Parses what was typed into an input box into the message it means.
pub fn parse_input(kind: InputKind, text: &str) -> Result<Msg, String> {
    let text = text.trim();
    let budget = |text: &str| -> Result<Option<f64>, String> {
        if text.is_empty() || text.eq_ignore_ascii_case("none") {
            return Ok(None);
        }
        match text.trim_start_matches('$').replace(',', "").parse::<f64>() {
            Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
            _ => Err(format!(
                "`{text}` is not an amount: type a number, or nothing for no budget"
            )),
        }
    };
    match kind {
        InputKind::HoursPerWeek => match text.parse::<f64>() {
            Ok(v) if v.is_finite() && v > 0.0 && v <= 168.0 => Ok(Msg::SetHoursPerWeek(v)),
            _ => Err(format!(
                "`{text}` is not a number of hours between 0 and 168"
            )),
        },
        InputKind::BudgetCost => budget(text).map(Msg::SetBudgetCost),
        InputKind::BudgetHours => budget(text).map(Msg::SetBudgetHours),
        InputKind::NewProfile => crate::profile::validate_name(text)
            .map(|()| Msg::CreateProfile(text.to_string()))
            .map_err(|e| e.to_string()),
    }
}

impl ProfileEditor {
    pub fn new(ctx: Context) -> Self {
        Self {
            ctx,
            selected: 0,
            modal: None,
            profile_names: Vec::new(),
            save_problem: None,
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

    fn open_picker(&self, kind: PickerKind) -> Picker {
        let catalog = &self.ctx.catalog;
        let profile = self.profile();
        let (title, items): (&str, Vec<PickerItem>) = match kind {
            PickerKind::Skill => (
                "Add a skill you have",
                catalog
                    .skills
                    .iter()
                    .filter(|s| !profile.skills.contains_key(&s.id))
                    .map(|s| PickerItem {
                        id: s.id.clone(),
                        label: s.name.clone(),
                        detail: s.aliases.join(", "),
                    })
                    .collect(),
            ),
            PickerKind::HeldCredential | PickerKind::ExcludeCredential => (
                if kind == PickerKind::HeldCredential {
                    "Add a credential you hold"
                } else {
                    "Never plan this credential"
                },
                catalog
                    .credentials
                    .iter()
                    .filter(|c| !profile.done.contains(&c.id) && !profile.exclude.contains(&c.id))
                    .map(|c| PickerItem {
                        id: c.id.clone(),
                        label: c.title.clone(),
                        detail: c.provider.clone(),
                    })
                    .collect(),
            ),
            PickerKind::ExcludeProvider => (
                "Never plan this provider",
                catalog
                    .providers()
                    .into_iter()
                    .filter(|p| !profile.exclude_providers.contains(*p))
                    .map(|p| PickerItem {
                        id: p.to_string(),
                        label: p.to_string(),
                        detail: String::new(),
                    })
                    .collect(),
            ),
            PickerKind::Profile => (
                "Switch profile",
                self.profile_names
                    .iter()
                    .map(|name| PickerItem {
                        id: name.clone(),
                        label: name.clone(),
                        detail: if *name == profile.name {
                            "current".into()
                        } else {
                            String::new()
                        },
                    })
                    .collect(),
            ),
        };
        Picker::new(kind, title, items)
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
                    });
                }
                lookup(ARROW_KEYS, key).or_else(|| typed_char(key).map(Msg::Type))
            }
            Modal::Input(input) => {
                if key.code == KeyCode::Enter {
                    return Some(
                        parse_input(input.kind, &input.text).unwrap_or_else(Msg::InvalidInput),
                    );
                }
                typed_char(key).map(Msg::Type)
            }
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
                    (hours + 1.0).floor()
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
            Some(Action::NewProfile) => Some(Msg::OpenInput(InputKind::NewProfile)),
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
            (_, Msg::OpenPicker(kind)) => self.modal = Some(Modal::Picker(self.open_picker(*kind))),
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
                let wanted = Row::Skill(skill.clone());
                if let Some(i) = rows(self.profile())
                    .iter()
                    .position(|(_, row)| *row == wanted)
                {
                    self.selected = i;
                }
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

/// One drawn line of the rows panel: a section heading, a row, or a placeholder.
struct RowLine {
    line: Line<'static>,
    row: Option<usize>,
}

impl ProfileEditor {
    fn selected_line(&self, lines: &[RowLine]) -> usize {
        lines
            .iter()
            .position(|l| l.row == Some(self.selected))
            .unwrap_or(0)
    }
}

/// The catalog's words for levels 1..=5.
pub fn level_name(level: u8) -> &'static str {
    match level {
        1 => "awareness",
        2 => "foundational",
        3 => "intermediate",
        4 => "advanced",
        5 => "expert",
        _ => "",
    }
}

fn row_lines(editor: &ProfileEditor) -> Vec<RowLine> {
    let theme = &editor.ctx.theme;
    let catalog = &editor.ctx.catalog;
    let profile = editor.profile();
    let currency = &catalog.meta.currency;
    let heading = |text: &'static str, hint: &'static str| RowLine {
        line: Line::from(vec![
            Span::styled(text, theme.heading),
            Span::styled(hint, theme.dim),
        ]),
        row: None,
    };
    let mut lines = Vec::new();
    let all = rows(profile);
    if profile.skills.is_empty() {
        lines.push(heading("Your skills", ""));
        lines.push(RowLine {
            line: Line::styled("  none yet: press a to add a skill you have", theme.accent),
            row: None,
        });
    }
    for (index, (section, row)) in all.iter().enumerate() {
        if let Some(section) = section {
            let hint = match *section {
                "Your skills" => "  (a add · +/- level · d remove)",
                "Credentials you hold" => "  (c add · d remove)",
                "How you plan" => "  (+/- or Enter to change)",
                _ => "  (d to plan them again)",
            };
            if *section == "How you plan" && profile.done.is_empty() {
                lines.push(heading("Credentials you hold", ""));
                lines.push(RowLine {
                    line: Line::styled("  none: press c to add one you have completed", theme.dim),
                    row: None,
                });
            }
            lines.push(heading(section, hint));
        }
        let (label, value): (String, Vec<Span<'static>>) = match row {
            Row::Skill(id) => {
                let name = catalog
                    .skill(id)
                    .map_or(id.as_str(), |s| catalog.skills[s].name.as_str());
                let level = profile.skills.get(id).copied().unwrap_or(0);
                let mut value = level_bar(level, level, MAX_LEVEL, theme);
                value.push(Span::raw(format!(" {level} {}", level_name(level))));
                (name.to_string(), value)
            }
            Row::Held(id) => {
                let title = catalog
                    .credential(id)
                    .map_or(id.as_str(), |c| catalog.credentials[c].title.as_str());
                (title.to_string(), vec![])
            }
            Row::HoursPerWeek => (
                "Hours per week".into(),
                vec![Span::raw(format::hours(profile.hours_per_week))],
            ),
            Row::Objective => (
                "Minimise".into(),
                vec![Span::raw(
                    match profile.objective {
                        Objective::Hours => "hours",
                        Objective::Cost => "cost",
                        Objective::Count => "number of credentials",
                    }
                    .to_string(),
                )],
            ),
            Row::BudgetCost => (
                "Budget (money)".into(),
                vec![Span::raw(
                    profile
                        .budget_cost
                        .map_or("none".into(), |b| format::money(b, currency)),
                )],
            ),
            Row::BudgetHours => (
                "Budget (hours)".into(),
                vec![Span::raw(
                    profile.budget_hours.map_or("none".into(), format::hours),
                )],
            ),
            Row::Excluded(id) => {
                let title = catalog
                    .credential(id)
                    .map_or(id.as_str(), |c| catalog.credentials[c].title.as_str());
                (format!("credential: {title}"), vec![])
            }
            Row::ExcludedProvider(p) => (format!("provider: {p}"), vec![]),
        };
        let selected = index == editor.selected && editor.modal.is_none();
        let style = if selected { theme.selected } else { theme.text };
        let mut spans = vec![Span::styled(
            format!("  {:<24} ", format::truncate(&label, 24)),
            style,
        )];
        spans.extend(value);
        lines.push(RowLine {
            line: Line::from(spans),
            row: Some(index),
        });
    }
    if profile.exclude.is_empty() && profile.exclude_providers.is_empty() {
        lines.push(heading("Never plan", ""));
        lines.push(RowLine {
            line: Line::styled("  none (x credential · X provider)", theme.dim),
            row: None,
        });
    }
    lines
}

impl Widget for &ProfileEditor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.ctx.theme;
        let [rows_area, side_area] = ProfileEditor::areas(area);
        let profile = self.profile();
        let block = panel(
            format!(" Profile: {} ", profile.name),
            self.modal.is_none(),
            theme,
        );
        let inner = block.inner(rows_area);
        block.render(rows_area, buf);
        let lines = row_lines(self);
        let offset = scroll_offset(
            self.selected_line(&lines),
            lines.len(),
            usize::from(inner.height),
        );
        let visible: Vec<Line> = lines.into_iter().skip(offset).map(|l| l.line).collect();
        Paragraph::new(visible).render(inner, buf);

        Paragraph::new(side_lines(self))
            .wrap(Wrap { trim: false })
            .block(panel(" Your plan now ", false, theme))
            .render(side_area, buf);

        match &self.modal {
            Some(Modal::Picker(picker)) => PickerPopup { picker, theme }.render(area, buf),
            Some(Modal::Input(input)) => render_input(self, input, area, buf),
            None => {}
        }
    }
}

fn side_lines(editor: &ProfileEditor) -> Vec<Line<'static>> {
    let theme = &editor.ctx.theme;
    let analysis = &editor.ctx.analysis;
    let catalog = &editor.ctx.catalog;
    let currency = &catalog.meta.currency;
    let field = |name: &str, value: String, style| {
        Line::from(vec![
            Span::styled(format!("{name:<8}"), theme.dim),
            Span::styled(value, style),
        ])
    };
    let mut lines = Vec::new();
    if let Some(problem) = &editor.save_problem {
        lines.push(Line::styled("Changes are not being saved:", theme.error));
        lines.push(Line::styled(problem.clone(), theme.error));
        lines.push(Line::styled(
            "Press N to start a new profile, or p to switch.",
            theme.dim,
        ));
        lines.push(Line::default());
    }
    let target = analysis
        .role()
        .map_or("none yet (press 1 to choose)".to_string(), |r| {
            catalog.roles[r].title.clone()
        });
    lines.push(field("Target", target, theme.accent));
    if let Some(fit) = analysis.fit {
        lines.push(field("Fit", format::percent(fit), theme.text));
    }
    match &analysis.outcome {
        Outcome::Planned(plan) => {
            let t = &plan.totals;
            lines.push(field(
                "Plan",
                format!(
                    "{} steps · {} · {} · {} weeks",
                    t.credentials,
                    format::hours(t.hours),
                    format::money(t.cost, currency),
                    t.weeks
                ),
                theme.text,
            ));
            if !plan.left_open.is_empty() {
                lines.push(field(
                    "",
                    format!("{} skills left open by your limits", plan.left_open.len()),
                    theme.warning,
                ));
            }
        }
        Outcome::Failed(error) => lines.push(field("Plan", format!("none: {error}"), theme.error)),
        Outcome::NoTarget => {}
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Every change re-plans and is saved at once.",
        theme.dim,
    ));
    lines.push(Line::from(vec![
        Span::styled("p", theme.key),
        Span::styled(
            format!(" switch profile ({} saved) · ", editor.profile_names.len()),
            theme.dim,
        ),
        Span::styled("N", theme.key),
        Span::styled(" new profile", theme.dim),
    ]));
    for issue in &analysis.resolved.issues {
        lines.push(Line::styled(issue.clone(), theme.warning));
    }
    lines
}

fn render_input(editor: &ProfileEditor, input: &InputBox, area: Rect, buf: &mut Buffer) {
    let theme = &editor.ctx.theme;
    let profile = editor.profile();
    let currency = &editor.ctx.catalog.meta.currency;
    let now = match input.kind {
        InputKind::HoursPerWeek => format!("now {}", format::hours(profile.hours_per_week)),
        InputKind::BudgetCost => format!(
            "now {}",
            profile
                .budget_cost
                .map_or("none".into(), |b| format::money(b, currency))
        ),
        InputKind::BudgetHours => format!(
            "now {}",
            profile.budget_hours.map_or("none".into(), format::hours)
        ),
        InputKind::NewProfile => format!("{} saved profiles", editor.profile_names.len()),
    };
    let title = match input.kind {
        InputKind::HoursPerWeek => "Hours per week you can study",
        InputKind::BudgetCost => "Budget in money (empty for none)",
        InputKind::BudgetHours => "Budget in hours (empty for none)",
        InputKind::NewProfile => "Name of the new profile (letters, digits, - and _)",
    };
    let popup = area.centered(Constraint::Percentage(70), Constraint::Length(5));
    Clear.render(popup, buf);
    let mut lines = vec![Line::from(vec![
        Span::styled(input.text.clone(), theme.input),
        Span::styled(crate::tui::theme::glyph::CURSOR, theme.input),
    ])];
    match &input.error {
        Some(error) => lines.push(Line::styled(error.clone(), theme.error)),
        None => lines.push(Line::styled(
            format!("{now} · Enter to save · Esc to cancel"),
            theme.dim,
        )),
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(panel(format!(" {title} "), true, theme))
        .render(popup, buf);
}
