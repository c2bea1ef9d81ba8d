//! The handover report an advisor gives a client at the end of a session: the goal, the
//! assumptions, the gap, the dated pathway with the reason for each credential, the totals,
//! the alternatives, and the credentials that expire before the expected finish.
//!
//! Pure: a [`Report`] is built from a catalog, a plan request, the client's name and a date,
//! and rendered to a `String` as Markdown, JSON or a self-contained HTML page. It holds no
//! profile, so an advisor's private notes cannot reach anything given to the client.

mod html;
mod json;
mod markdown;
pub mod md;
mod phrases;
mod why;

use time::Date;

use crate::catalog::{Catalog, CredIdx};
use crate::plan::{
    Alternative, MAX_ALTERNATIVES, Plan, PlanError, PlanRequest, StudyDates, add_years,
    alternatives, finish_date, plan, step_dates,
};

pub use json::alternatives_json;
pub use markdown::alternatives_markdown;
pub use phrases::objective_phrase;
pub use why::Why;

/// Everything a report says, ready to render.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub catalog: &'a Catalog,
    /// The report's date, and the first day of study.
    pub date: Date,
    /// Who the report is for; empty when it is not for a named client.
    pub client: String,
    /// The role, person and settings planned for.
    pub request: PlanRequest,
    pub plan: Plan,
    /// Each step's first and last day of study, in step order.
    pub dates: Vec<StudyDates>,
    /// The last day of study.
    pub finish: Date,
    pub alternatives: Vec<Alternative>,
    /// Steps whose credential lapses before `finish`.
    pub expiring: Vec<Expiry>,
}

/// A credential of the pathway that expires before the pathway ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expiry {
    /// Index into the plan's steps.
    pub step: usize,
    pub credential: CredIdx,
    pub valid_years: u32,
    /// The day it lapses, counted from the last day of its study.
    pub expires: Date,
}

impl<'a> Report<'a> {
    /// Plans `request`, finds up to [`MAX_ALTERNATIVES`] alternatives, and dates the pathway
    /// from `date`.
    pub fn build(
        catalog: &'a Catalog,
        request: &PlanRequest,
        client: &str,
        date: Date,
    ) -> Result<Self, PlanError> {
        let best = plan(catalog, request)?;
        let others = alternatives(catalog, request, &best, MAX_ALTERNATIVES)?;
        Ok(Self::from_plan(
            catalog, request, best, others, client, date,
        ))
    }

    /// A report on a plan already computed (the TUI has one on screen).
    pub fn from_plan(
        catalog: &'a Catalog,
        request: &PlanRequest,
        plan: Plan,
        alternatives: Vec<Alternative>,
        client: &str,
        date: Date,
    ) -> Self {
        let pace = request.hours_per_week;
        let dates = step_dates(catalog, &plan, date, pace);
        let finish = finish_date(date, plan.totals.hours, pace);
        let expiring = expiring(catalog, &plan, &dates, finish);
        Self {
            catalog,
            date,
            client: client.trim().to_string(),
            request: request.clone(),
            plan,
            dates,
            finish,
            alternatives,
            expiring,
        }
    }

    /// Why step `index` is on the pathway.
    pub fn why(&self, index: usize) -> Why {
        Why::of(self.catalog, &self.request.person, &self.plan, index)
    }

    /// Markdown that reads well as plain text and renders well.
    pub fn markdown(&self) -> String {
        markdown::render(self)
    }

    /// Pretty-printed JSON, for other tools.
    pub fn json(&self) -> String {
        json::render(self)
    }

    /// One self-contained HTML page (inline CSS, no scripts, no external assets) that prints
    /// cleanly.
    pub fn html(&self) -> String {
        html::render(self)
    }

    /// The role planned for.
    fn role(&self) -> &'a crate::catalog::Role {
        &self.catalog.roles[self.request.role]
    }
}

fn expiring(catalog: &Catalog, plan: &Plan, dates: &[StudyDates], finish: Date) -> Vec<Expiry> {
    plan.steps
        .iter()
        .zip(dates)
        .enumerate()
        .filter_map(|(step, (s, d))| {
            let valid_years = catalog.credentials[s.credential].valid_years?;
            let expires = add_years(d.end, valid_years);
            (expires < finish).then_some(Expiry {
                step,
                credential: s.credential,
                valid_years,
                expires,
            })
        })
        .collect()
}
