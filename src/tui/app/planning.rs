//! How the app gets its plans: it turns what the screens need into planner jobs, and takes
//! the answers back, dropping any asked for a profile or catalog since replaced.

use std::sync::Arc;

use crate::profile::Profile;
use crate::tui::analysis::Analysis;
use crate::tui::app::App;
use crate::tui::planner::{self, Answer, Job, Solved, Task};
use crate::tui::screens::ScreenLogic;

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

    pub(super) fn submit(&mut self, task: Task) {
        let job = Job {
            generation: self.ctx.generation,
            catalog: Arc::clone(&self.ctx.catalog),
            task,
        };
        match self.solver {
            Solver::Inline => self.apply_answer(planner::solve_now(&job)),
            Solver::Background => self.jobs.push(job),
        }
    }

    /// Asks for what the Roles screen is missing: the preview of the role under the cursor,
    /// and the ranking when it sorts nearest first.
    pub(super) fn request_screen_jobs(&mut self) {
        if let Some(request) = self.roles.take_preview_request() {
            self.submit(Task::Preview(request));
        }
        if let Some(request) = self.roles.take_rank_request() {
            self.submit(Task::Rank(request));
        }
    }

    /// Applies the planner's answer, unless it was asked for an earlier generation.
    pub(super) fn apply_answer(&mut self, solved: Solved) {
        if solved.generation != self.ctx.generation {
            return;
        }
        match solved.answer {
            Answer::Target { plan, proving } => {
                if !self.ctx.analysis.awaits_plan() {
                    return;
                }
                self.ctx.analysis = Arc::new(self.ctx.analysis.with_plan(plan, proving));
                self.share_context();
            }
            Answer::Preview { role, plan } => self.roles.set_preview(role, plan),
            Answer::Ranking(ranking) => self.roles.set_ranking(ranking),
        }
    }

    /// Makes `profile` current: analyses it, shows the previous plan while the new one is
    /// solved (when it is for the same role), and asks for the plan.
    pub(super) fn replace_profile(&mut self, profile: Profile) {
        let analysis = Analysis::prepare(&self.ctx.catalog, profile);
        let analysis = analysis.replanning_from(&self.ctx.analysis);
        self.set_analysis(analysis);
    }

    /// Starts a new generation with `analysis` and asks for its target plan.
    pub(super) fn set_analysis(&mut self, analysis: Analysis) {
        self.ctx.generation += 1;
        let target = analysis.target_request();
        self.ctx.analysis = Arc::new(analysis);
        self.share_context();
        if let Some(request) = target {
            self.submit(Task::Target(request));
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
        self.catalog.set_context(ctx);
    }
}
