//! How the app gets its plans: it turns what the screens need into planner jobs, and takes
//! the answers back, dropping any asked for a profile or catalog since replaced.

use std::sync::Arc;

use crate::plan::{Alternative, Plan, PlanRequest};
use crate::profile::Profile;
use crate::tui::analysis::{Analysis, Progress};
use crate::tui::app::App;
use crate::tui::export;
use crate::tui::msg::Cmd;
use crate::tui::planner::{self, Answer, Job, Solved, Task};
use crate::tui::screens::{Screen, ScreenLogic};

/// Where jobs are solved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Solver {
    /// At once, inside `update`: every message leaves the screens complete.
    Inline,
    /// By the background worker, through the run loop.
    Background,
}

impl App {
    /// The jobs asked for since the last call, for the background worker.
    pub fn take_jobs(&mut self) -> Vec<Job> {
        std::mem::take(&mut self.jobs)
    }

    /// Whether the target role's plan is still being solved (or proven).
    pub fn planning(&self) -> bool {
        self.ctx.analysis.awaits_plan()
    }

    /// Asks for `task`; inline, the answer is applied at once and its command returned.
    pub(super) fn submit(&mut self, task: Task) -> Option<Cmd> {
        let job = Job {
            generation: self.ctx.generation,
            catalog: Arc::clone(&self.ctx.catalog),
            task,
        };
        match self.solver {
            Solver::Inline => self.apply_answer(planner::solve_now(&job)),
            Solver::Background => {
                self.jobs.push(job);
                None
            }
        }
    }

    /// Asks for what the Roles screen is missing: the preview of the role under the cursor,
    /// and the ranking when it sorts nearest first.
    pub(super) fn request_screen_jobs(&mut self) {
        let mut tasks = Vec::new();
        tasks.extend(self.roles.take_preview_request().map(Task::Preview));
        tasks.extend(self.roles.take_rank_request().map(Task::Rank));
        // Comparisons run many solves: only for a person looking at them.
        if self.screen == Screen::Compare {
            tasks.extend(self.compare.take_request());
        }
        for task in tasks {
            // Answers to these change screens only; none asks for a command.
            let _ = self.submit(task);
        }
    }

    /// Applies the planner's answer, unless it was asked for an earlier generation; an answer
    /// for the handover report comes back as the command that writes it.
    pub(super) fn apply_answer(&mut self, solved: Solved) -> Option<Cmd> {
        if solved.generation != self.ctx.generation {
            return None;
        }
        match solved.answer {
            Answer::Target { plan, proving } => {
                if self.ctx.analysis.awaits_plan() {
                    self.ctx.analysis = Arc::new(self.ctx.analysis.with_plan(plan, proving));
                    self.share_context();
                }
            }
            Answer::Preview { role, plan } => self.roles.set_preview(role, plan),
            Answer::Ranking(ranking) => self.roles.set_ranking(ranking),
            Answer::RoleComparison(comparison) => self.compare.set_roles(comparison),
            Answer::Tradeoff(tradeoff) => self.compare.set_tradeoff(tradeoff),
            Answer::Alternatives {
                request,
                best,
                alternatives,
            } => return self.report_ready(&request, *best, alternatives),
        }
        None
    }

    /// Asks for the handover report of the plan on screen: its alternatives come first.
    pub(super) fn write_report(&mut self) -> Option<Cmd> {
        let analysis = &self.ctx.analysis;
        let (Some(request), Some(plan)) = (analysis.target_request(), analysis.plan()) else {
            self.notify(
                "No report yet: choose a target role first (1).".into(),
                true,
            );
            return None;
        };
        if analysis.progress != Progress::Settled {
            self.notify(
                "The plan is still being worked out: press r again in a moment.".into(),
                true,
            );
            return None;
        }
        let best = Box::new(plan.clone());
        self.notify(
            "Preparing the report: planning an alternative to each step…".into(),
            false,
        );
        self.submit(Task::Alternatives { request, best })
    }

    fn report_ready(
        &mut self,
        request: &PlanRequest,
        best: Plan,
        alternatives: Result<Vec<Alternative>, String>,
    ) -> Option<Cmd> {
        match alternatives {
            Ok(alternatives) => Some(Cmd::WriteReport(export::report(
                &self.ctx.catalog,
                request,
                best,
                alternatives,
                &self.ctx.analysis.profile.name,
                self.ctx.today,
            ))),
            Err(error) => {
                self.notify(format!("Could not prepare the report: {error}"), true);
                None
            }
        }
    }

    /// Makes `profile` current: analyses it, shows the previous plan while the new one is
    /// solved (when it is for the same role), and asks for the plan.
    pub(super) fn replace_profile(&mut self, profile: Profile) {
        let analysis = Analysis::prepare(&self.ctx.catalog, profile);
        let analysis = analysis.replanning_from(&self.ctx.analysis);
        self.set_analysis(analysis);
    }

    /// Makes `profile`, which differs from the current one only in its notes, current: no
    /// re-plan, as planning never reads notes.
    pub(super) fn replace_notes(&mut self, profile: Profile) {
        let analysis = Analysis {
            profile,
            ..Analysis::clone(&self.ctx.analysis)
        };
        self.ctx.analysis = Arc::new(analysis);
        self.share_context();
    }

    /// Starts a new generation with `analysis` and asks for its target plan.
    pub(super) fn set_analysis(&mut self, analysis: Analysis) {
        self.ctx.generation += 1;
        let target = analysis.target_request();
        self.ctx.analysis = Arc::new(analysis);
        self.share_context();
        if let Some(request) = target {
            // A target answer changes screens only.
            let _ = self.submit(Task::Target(request));
        }
    }

    /// Hands every screen the current context.
    fn share_context(&mut self) {
        let ctx = self.ctx.clone();
        self.roles.set_context(ctx.clone());
        self.profile.set_context(ctx.clone());
        self.gap.set_context(ctx.clone());
        self.pathway.set_context(ctx.clone());
        self.graph.set_context(ctx.clone());
        self.catalog.set_context(ctx.clone());
        self.compare.set_context(ctx);
    }
}
