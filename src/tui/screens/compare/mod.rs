//! Compare: the target role beside up to two other roles for this person (fit, gap, hours,
//! cost, credentials, weeks, finish, credentials the pathways share), or, for the target role,
//! its fastest, cheapest and fewest-credentials pathways side by side. Each comparison runs
//! many solves, so it is asked of the planner when the screen shows it, and drawn when it
//! arrives.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::catalog::RoleIdx;
use crate::plan::{RoleComparison, Tradeoff};
use crate::tui::context::Context;
use crate::tui::keymap::{Binding, HelpSection, Key, KeyHelp, describe, lookup, typed_char};
use crate::tui::msg::{Msg, PickerKind};
use crate::tui::picker::{Picker, PickerItem};
use crate::tui::planner::Task;
use crate::tui::screens::{ARROW_KEYS, ScreenLogic, navigate};

mod view;

/// How many roles are compared with the target.
pub const MAX_OTHER_ROLES: usize = 2;

/// What the screen compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The target role and the roles picked beside it.
    #[default]
    Roles,
    /// The target role's fastest, cheapest and fewest-credentials pathways.
    Objectives,
}

/// A comparison: not asked for yet, being solved, or its answer.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Slot<T> {
    #[default]
    Wanted,
    Solving,
    Ready(Result<T, String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    AddRole,
    RemoveRole,
    ToggleMode,
    Left,
    Right,
}

/// Keys while comparing roles.
const ROLE_KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::char('a')],
        action: Action::AddRole,
        description: "add a role to compare with your target (search by name)",
        hint: Some("add role"),
    },
    Binding {
        keys: &[Key::char('d'), Key::code(KeyCode::Delete)],
        action: Action::RemoveRole,
        description: "remove the selected role from the comparison",
        hint: Some("remove"),
    },
    Binding {
        keys: &[Key::code(KeyCode::Left), Key::char('h')],
        action: Action::Left,
        description: "select a column",
        hint: Some("column"),
    },
    Binding {
        keys: &[Key::code(KeyCode::Right), Key::char('l')],
        action: Action::Right,
        description: "select a column",
        hint: Some("column"),
    },
    Binding {
        keys: &[Key::char('t')],
        action: Action::ToggleMode,
        description: "show your target's fastest, cheapest and fewest-credentials pathways",
        hint: Some("trade-offs"),
    },
];

/// Keys while comparing the target's pathways under each objective.
const TRADEOFF_KEYS: &[Binding<Action>] = &[Binding {
    keys: &[Key::char('t')],
    action: Action::ToggleMode,
    description: "compare your target with other roles",
    hint: Some("compare roles"),
}];

/// Keys inside the role picker; letters are text there.
const PICKER_KEYS: &[Binding<Msg>] = &[
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

#[derive(Debug)]
pub struct CompareView {
    ctx: Context,
    pub mode: Mode,
    /// Roles compared with the target, by id: ids outlive a catalog reload.
    pub others: Vec<String>,
    /// The selected column in role mode; 0 is the target.
    pub selected: usize,
    pub picker: Option<Picker>,
    pub roles: Slot<RoleComparison>,
    pub tradeoff: Slot<Box<Tradeoff>>,
}

impl CompareView {
    pub fn new(ctx: Context) -> Self {
        Self {
            ctx,
            mode: Mode::default(),
            others: Vec::new(),
            selected: 0,
            picker: None,
            roles: Slot::Wanted,
            tradeoff: Slot::Wanted,
        }
    }

    /// The roles in column order: the target, then the others the catalog still has.
    pub fn columns(&self) -> Vec<RoleIdx> {
        let catalog = &self.ctx.catalog;
        let Some(target) = self.ctx.analysis.role() else {
            return Vec::new();
        };
        let mut columns = vec![target];
        for id in &self.others {
            if let Some(role) = catalog.role(id).filter(|r| !columns.contains(r)) {
                columns.push(role);
            }
        }
        columns
    }

    /// The comparison the current mode shows, once, when it is wanted.
    pub fn take_request(&mut self) -> Option<Task> {
        let base = self.ctx.analysis.target_request()?;
        match self.mode {
            Mode::Roles if self.roles == Slot::Wanted => {
                self.roles = Slot::Solving;
                Some(Task::CompareRoles {
                    base,
                    roles: self.columns(),
                    start: self.ctx.today,
                })
            }
            Mode::Objectives if self.tradeoff == Slot::Wanted => {
                self.tradeoff = Slot::Solving;
                Some(Task::Tradeoff(base))
            }
            _ => None,
        }
    }

    /// Takes a comparison of roles, if it is of the roles now shown.
    pub fn set_roles(&mut self, comparison: Result<RoleComparison, String>) {
        let current = match &comparison {
            Ok(c) => c.options.iter().map(|o| o.role).eq(self.columns()),
            Err(_) => true,
        };
        if current && self.roles == Slot::Solving {
            self.roles = Slot::Ready(comparison);
        }
    }

    pub fn set_tradeoff(&mut self, tradeoff: Result<Box<Tradeoff>, String>) {
        if self.tradeoff == Slot::Solving {
            self.tradeoff = Slot::Ready(tradeoff);
        }
    }

    fn role_picker(&self) -> Picker {
        let catalog = &self.ctx.catalog;
        let columns = self.columns();
        let items = catalog
            .roles
            .iter()
            .enumerate()
            .filter(|(i, _)| !columns.contains(i))
            .map(|(_, role)| PickerItem {
                id: role.id.clone(),
                label: role.title.clone(),
                detail: role.id.clone(),
            })
            .collect();
        Picker::new(PickerKind::Role, "Compare your target with", items)
    }

    fn keys(&self) -> &'static [Binding<Action>] {
        match self.mode {
            Mode::Roles => ROLE_KEYS,
            Mode::Objectives => TRADEOFF_KEYS,
        }
    }

    fn picker_key(&self, picker: &Picker, key: &KeyEvent) -> Option<Msg> {
        if let Some(msg) = lookup(PICKER_KEYS, key) {
            return Some(msg);
        }
        if key.code == KeyCode::Enter {
            return picker
                .chosen()
                .map(|item| Msg::AddCompareRole(item.id.clone()));
        }
        lookup(ARROW_KEYS, key).or_else(|| typed_char(key).map(Msg::Type))
    }
}

impl ScreenLogic for CompareView {
    fn handle_key(&self, key: &KeyEvent) -> Option<Msg> {
        if let Some(picker) = &self.picker {
            return self.picker_key(picker, key);
        }
        match lookup(self.keys(), key)? {
            Action::ToggleMode => Some(Msg::ToggleCompareMode),
            Action::AddRole if self.others.len() >= MAX_OTHER_ROLES => Some(Msg::NotifyError(
                "Three roles at most: press d to remove one first.".into(),
            )),
            Action::AddRole if self.ctx.analysis.role().is_none() => Some(Msg::NotifyError(
                "Choose a target role first (1), then compare others with it.".into(),
            )),
            Action::AddRole => Some(Msg::OpenPicker(PickerKind::Role)),
            Action::RemoveRole => {
                let role = *self.columns().get(self.selected)?;
                if self.ctx.analysis.role() == Some(role) {
                    return Some(Msg::NotifyError(
                        "Your target stays: change it on Roles (1).".into(),
                    ));
                }
                Some(Msg::RemoveCompareRole(
                    self.ctx.catalog.roles[role].id.clone(),
                ))
            }
            Action::Left => Some(Msg::SelectPrevious),
            Action::Right => Some(Msg::SelectNext),
        }
    }

    fn update(&mut self, msg: &Msg) {
        if let Some(picker) = &mut self.picker {
            match msg {
                Msg::Cancel => self.picker = None,
                Msg::Type(c) => picker.push(*c),
                Msg::DeleteChar => picker.pop(),
                Msg::AddCompareRole(_) => {}
                msg => {
                    if let Some(selected) = navigate(msg, picker.selected(), picker.len(), 10) {
                        picker.select(selected);
                    }
                }
            }
        }
        match msg {
            Msg::OpenPicker(PickerKind::Role) => self.picker = Some(self.role_picker()),
            Msg::ToggleCompareMode => {
                self.mode = match self.mode {
                    Mode::Roles => Mode::Objectives,
                    Mode::Objectives => Mode::Roles,
                }
            }
            Msg::AddCompareRole(id) => {
                self.picker = None;
                if !self.others.contains(id) && self.others.len() < MAX_OTHER_ROLES {
                    self.others.push(id.clone());
                    self.roles = Slot::Wanted;
                    self.selected = self.columns().len().saturating_sub(1);
                }
            }
            Msg::RemoveCompareRole(id) => {
                self.others.retain(|other| other != id);
                self.roles = Slot::Wanted;
                self.selected = self.selected.min(self.columns().len().saturating_sub(1));
            }
            Msg::SelectNext | Msg::SelectPrevious if self.picker.is_none() => {
                if let Some(selected) = navigate(msg, self.selected, self.columns().len(), 1) {
                    self.selected = selected;
                }
            }
            _ => {}
        }
    }

    fn set_context(&mut self, context: Context) {
        // A new profile or catalog: every figure changes. A plan arriving changes none.
        if context.generation != self.ctx.generation {
            self.roles = Slot::Wanted;
            self.tradeoff = Slot::Wanted;
        }
        self.ctx = context;
        self.selected = self.selected.min(self.columns().len().saturating_sub(1));
    }

    fn captures_text(&self) -> bool {
        self.picker.is_some()
    }

    fn hints(&self) -> Vec<KeyHelp> {
        if self.picker.is_some() {
            return [describe(ARROW_KEYS), describe(PICKER_KEYS)].concat();
        }
        describe(self.keys())
    }

    fn help(&self) -> Vec<HelpSection> {
        vec![
            HelpSection::new("Compare roles", ROLE_KEYS),
            HelpSection::new("Compare fastest, cheapest, fewest", TRADEOFF_KEYS),
            HelpSection::new("Compare, in the role search", PICKER_KEYS),
        ]
    }
}
