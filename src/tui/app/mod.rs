//! The application: which screen is showing, the current profile and its analysis, and the
//! one `update` through which every change goes.

use std::sync::Arc;

use ratatui::layout::Rect;
use time::Date;

use crate::catalog::Catalog;
use crate::profile::Profile;
use crate::tui::analysis::Analysis;
use crate::tui::broken_profile::BrokenProfile;
use crate::tui::chrome;
use crate::tui::context::Context;
use crate::tui::export;
use crate::tui::global_keys::GLOBAL_KEYS;
use crate::tui::keymap::HelpSection;
use crate::tui::msg::{Cmd, Msg};
use crate::tui::planner::{Job, Task};
use crate::tui::reload::DiagnosticsOverlay;
use crate::tui::screens::{
    CatalogView, CompareView, GapView, GraphView, PathwayView, ProfileEditor, RolePicker, Screen,
    ScreenLogic,
};
use crate::tui::theme::Theme;

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// What the app is started with besides the catalog and profile.
#[derive(Debug, Clone)]
pub struct Setup {
    pub theme: Theme,
    /// Day one of the timeline.
    pub today: Date,
    /// Saved profiles, for the switcher.
    pub profile_names: Vec<String>,
    /// Set when the profile on disk could not be read: shown, and nothing is saved over it.
    pub save_problem: Option<String>,
}

#[derive(Debug)]
pub struct App {
    ctx: Context,
    pub screen: Screen,
    pub help_open: bool,
    /// A broken catalog edit's diagnostics, shown over everything until closed or fixed.
    pub diagnostics: Option<DiagnosticsOverlay>,
    /// The profile to open did not parse: the file, the error, and a new name to start under.
    pub broken_profile: Option<BrokenProfile>,
    pub running: bool,
    /// Why the latest changes are not on disk, if they are not: kept in memory, saved on the
    /// next change, and a quit asks once before dropping them.
    pub unsaved: Option<String>,
    /// Whether quitting has already warned about [`Self::unsaved`].
    quit_warned: bool,
    pub status: Option<Status>,
    pub roles: RolePicker,
    pub profile: ProfileEditor,
    pub gap: GapView,
    pub pathway: PathwayView,
    pub graph: GraphView,
    pub catalog: CatalogView,
    pub compare: CompareView,
    solver: Solver,
    /// Solves asked for and not yet taken by the run loop (background planning only).
    jobs: Vec<Job>,
}

impl App {
    /// An app that solves every plan inside `update`, so each message leaves the screens
    /// complete: for tests and benchmarks.
    pub fn new(catalog: Arc<Catalog>, profile: Profile, setup: Setup) -> Self {
        Self::build(catalog, profile, setup, Solver::Inline)
    }

    /// An app that hands solves to the run loop ([`App::take_jobs`]) for the background
    /// worker, and takes the answers as [`Msg::PlanReady`].
    pub fn in_background(catalog: Arc<Catalog>, profile: Profile, setup: Setup) -> Self {
        let mut app = Self::build(catalog, profile, setup, Solver::Background);
        app.catalog.search_in_background();
        app.profile.background_search = true;
        app
    }

    /// Takes the answers of background searches; true if a list changed.
    pub fn take_search_answers(&mut self) -> bool {
        // Both: `|`, not `||`.
        self.catalog.take_search_answer() | self.profile.take_search_answer()
    }

    /// Waits up to `timeout` for a background search in progress (benchmarks and tests); true
    /// if a list changed.
    pub fn wait_for_search(&mut self, timeout: std::time::Duration) -> bool {
        self.catalog.wait_for_search(timeout) || self.profile.wait_for_search(timeout)
    }

    fn build(catalog: Arc<Catalog>, profile: Profile, setup: Setup, solver: Solver) -> Self {
        let has_target = profile.target_role.is_some();
        let analysis = Arc::new(Analysis::prepare(&catalog, profile));
        let ctx = Context {
            catalog,
            analysis,
            theme: setup.theme,
            today: setup.today,
            generation: 0,
        };
        let mut profile_editor = ProfileEditor::new(ctx.clone());
        let mut names = setup.profile_names;
        // The current profile is saved on its first change; list it from the start.
        if !names.contains(&ctx.analysis.profile.name) {
            names.push(ctx.analysis.profile.name.clone());
            names.sort();
        }
        profile_editor.profile_names = names;
        profile_editor.save_problem = setup.save_problem.clone();
        let broken_profile = setup.save_problem.clone().map(|problem| {
            BrokenProfile::new(
                problem,
                &ctx.analysis.profile.name,
                &profile_editor.profile_names,
            )
        });
        let mut roles = RolePicker::new(ctx.clone());
        // A first visit starts with the cursor in the search: typing finds a role at once.
        roles.search.typing = !has_target;
        let status = match setup.save_problem {
            Some(problem) => Some(Status {
                text: problem,
                error: true,
            }),
            None if !has_target => Some(Status {
                text: "Welcome! Type part of a role's name, then press Enter to choose it.".into(),
                error: false,
            }),
            None => None,
        };
        let target = ctx.analysis.target_request();
        let mut app = Self {
            gap: GapView::new(ctx.clone()),
            pathway: PathwayView::new(ctx.clone()),
            graph: GraphView::new(ctx.clone()),
            catalog: CatalogView::new(ctx.clone()),
            compare: CompareView::new(ctx.clone()),
            profile: profile_editor,
            roles,
            ctx,
            screen: if has_target {
                Screen::Pathway
            } else {
                Screen::Roles
            },
            help_open: false,
            diagnostics: None,
            broken_profile,
            running: true,
            unsaved: None,
            quit_warned: false,
            status,
            solver,
            jobs: Vec::new(),
        };
        if let Some(request) = target {
            // A target answer changes screens only.
            let _ = app.submit(Task::Target(request));
        }
        app.request_screen_jobs();
        app
    }

    pub fn current_profile(&self) -> &Profile {
        &self.ctx.analysis.profile
    }

    pub fn analysis(&self) -> &Analysis {
        &self.ctx.analysis
    }

    pub fn catalog_data(&self) -> &Catalog {
        &self.ctx.catalog
    }

    fn active(&self) -> &dyn ScreenLogic {
        match self.screen {
            Screen::Roles => &self.roles,
            Screen::Profile => &self.profile,
            Screen::Gap => &self.gap,
            Screen::Pathway => &self.pathway,
            Screen::Graph => &self.graph,
            Screen::Catalog => &self.catalog,
            Screen::Compare => &self.compare,
        }
    }

    fn active_mut(&mut self) -> &mut dyn ScreenLogic {
        match self.screen {
            Screen::Roles => &mut self.roles,
            Screen::Profile => &mut self.profile,
            Screen::Gap => &mut self.gap,
            Screen::Pathway => &mut self.pathway,
            Screen::Graph => &mut self.graph,
            Screen::Catalog => &mut self.catalog,
            Screen::Compare => &mut self.compare,
        }
    }

    /// Applies a message; returns the side effect it needs, if any.
    pub fn update(&mut self, msg: Msg) -> Option<Cmd> {
        match msg {
            Msg::PlanReady(solved) => {
                let cmd = self.apply_answer(*solved);
                self.request_screen_jobs();
                return cmd;
            }
            Msg::CatalogChanged(reload) => {
                self.reload_catalog(*reload);
                self.request_screen_jobs();
                return None;
            }
            Msg::Quit => {
                self.quit();
                return None;
            }
            Msg::SaveFailed(error) => {
                self.save_failed(&error);
                return None;
            }
            _ => {}
        }
        // The panel takes its own messages; the others (a plan, a notice) still apply.
        if let Some(panel) = &mut self.broken_profile {
            match &msg {
                Msg::Type(_) | Msg::DeleteChar | Msg::InvalidInput(_) => {
                    panel.update(&msg);
                    return None;
                }
                Msg::Cancel => {
                    self.broken_profile = None;
                    return None;
                }
                Msg::CreateProfile(_) => self.broken_profile = None,
                _ => {}
            }
        }
        if let Some(overlay) = &mut self.diagnostics {
            match msg {
                Msg::Cancel => self.diagnostics = None,
                msg => overlay.update(&msg),
            }
            return None;
        }
        let cmd = match &msg {
            Msg::ShowScreen(screen) => {
                self.show(*screen);
                None
            }
            Msg::NextScreen => {
                self.show(self.screen.next());
                None
            }
            Msg::PreviousScreen => {
                self.show(self.screen.previous());
                None
            }
            Msg::ToggleHelp => {
                self.help_open = !self.help_open;
                None
            }
            Msg::Notify(text) => {
                self.notify(text.clone(), false);
                None
            }
            Msg::NotifyError(text) => {
                self.notify(text.clone(), true);
                None
            }
            Msg::SwitchProfile(name) if *name != self.current_profile().name => {
                Some(Cmd::LoadProfile(name.clone()))
            }
            Msg::CreateProfile(name) => self.create_profile(name),
            Msg::ProfileLoaded(profile) => {
                let name = profile.name.clone();
                self.set_save_problem(None);
                self.set_unsaved(None);
                self.replace_profile(Profile::clone(profile));
                self.notify(format!("Opened profile {name}."), false);
                None
            }
            Msg::ExportPlan => self.export(),
            Msg::WriteReport => self.write_report(),

            msg if msg.changes_profile() => self.change_profile(msg),
            _ => None,
        };
        self.active_mut().update(&msg);
        if let Msg::ChooseRole(_) = msg {
            self.screen = Screen::Pathway;
        }
        self.request_screen_jobs();
        cmd
    }

    /// Switches screens. A message about the last screen goes; an error stays until dealt with.
    fn show(&mut self, screen: Screen) {
        if screen != self.screen && self.status.as_ref().is_some_and(|s| !s.error) {
            self.status = None;
        }
        self.screen = screen;
    }

    fn notify(&mut self, text: String, error: bool) {
        self.status = Some(Status { text, error });
    }

    fn export(&mut self) -> Option<Cmd> {
        match export::plan(&self.ctx.catalog, &self.ctx.analysis, self.ctx.today) {
            Ok(export) => Some(Cmd::Export(export)),
            Err(reason) => {
                self.notify(reason, true);
                None
            }
        }
    }

    fn help_sections(&self) -> Vec<HelpSection> {
        let mut sections = self.active().help();
        sections.push(HelpSection::new("Everywhere", GLOBAL_KEYS));
        sections.push(HelpSection::new("Lists", crate::tui::screens::NAV_KEYS));
        sections
    }

    /// The frame's areas: the status line grows to two rows for a message that needs them.
    fn areas(&self, area: Rect) -> chrome::Areas {
        let width = usize::from(area.width.saturating_sub(1)).max(1);
        let needed = self
            .status
            .as_ref()
            .map_or(1, |s| s.text.chars().count().div_ceil(width));
        chrome::areas(area, u16::try_from(needed.clamp(1, 2)).unwrap_or(1))
    }

    fn context_line(&self) -> String {
        let profile = self.current_profile();
        let role = self.ctx.analysis.role().map_or("no target role", |r| {
            self.ctx.catalog.roles[r].title.as_str()
        });
        let planning = if self.planning() {
            " · planning…"
        } else {
            ""
        };
        format!("{} → {role}{planning}", profile.name)
    }
}

mod changes;
mod describe;
mod keys;
mod planning;
mod reload;
mod view;

use planning::Solver;
