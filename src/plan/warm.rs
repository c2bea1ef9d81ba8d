//! What one solve leaves for the next, when a person edits one thing and plans again: its
//! plan, a first incumbent for the new task, and the ascent's multipliers, a starting point
//! near the new optimum. Both are only hints. The plan is simulated against the new task
//! before it counts, and any non-negative multipliers give a valid bound, so a hint from a
//! different request (or catalog) costs time, never correctness.

use std::collections::HashMap;

use crate::catalog::{Catalog, CredIdx, SkillIdx};
use crate::plan::task::Task;
use crate::plan::{Plan, PlanError, PlanRequest};

/// The Lagrangian multipliers of a solve, keyed by what survives a small edit: a support row
/// by the credential it precedes and its position among that credential's supports, a goal
/// row by its skill.
#[derive(Debug, Clone, Default)]
pub(crate) struct Multipliers {
    supports: HashMap<CredIdx, Vec<f64>>,
    goals: HashMap<SkillIdx, f64>,
}

impl Multipliers {
    pub fn record_support(&mut self, task: &Task, k: usize, j: usize, u: f64) {
        let row = self.supports.entry(task.candidates[k]).or_default();
        if row.len() <= j {
            row.resize(j + 1, 0.0);
        }
        row[j] = u;
    }

    pub fn record_goal(&mut self, task: &Task, g: usize, u: f64) {
        self.goals.insert(task.goals[g].skill, u);
    }

    pub fn support(&self, task: &Task, k: usize, j: usize) -> Option<f64> {
        self.supports.get(&task.candidates[k])?.get(j).copied()
    }

    pub fn goal(&self, task: &Task, g: usize) -> Option<f64> {
        self.goals.get(&task.goals[g].skill).copied()
    }
}

/// What a solve knew at its end.
#[derive(Debug, Clone, Default)]
pub(crate) struct Memory {
    /// The credentials of its plan.
    pub plan: Vec<CredIdx>,
    pub multipliers: Multipliers,
}

impl Memory {
    /// The remembered plan as a selection over `task`'s candidates (what the task lacks, such
    /// as a credential now held or excluded, is left out).
    pub fn selection(&self, task: &Task) -> Vec<bool> {
        let mut selection = vec![false; task.len()];
        for c in &self.plan {
            if let Ok(k) = task.candidates.binary_search(c) {
                selection[k] = true;
            }
        }
        selection
    }
}

/// Plans requests one after another, each starting from what the last solve knew. Meant for
/// a session where a person edits one thing at a time (a level, a credential held, an
/// exclusion). Its answers have the optimum of [`crate::plan::plan`]'s, only sooner, though
/// where two plans tie it may return the other one.
#[derive(Debug, Default)]
pub struct Replanner {
    memory: Option<Memory>,
}

impl Replanner {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn plan(&mut self, catalog: &Catalog, request: &PlanRequest) -> Result<Plan, PlanError> {
        let (plan, memory) =
            crate::plan::solve::plan_from(catalog, request, self.memory.as_ref(), None)?;
        self.memory = Some(memory);
        Ok(plan)
    }

    /// Forgets the last solve, as after the catalog is reloaded.
    pub fn forget(&mut self) {
        self.memory = None;
    }
}
