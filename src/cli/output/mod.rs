//! Formatting of command results: `text` for people, `json` for tools (cli.md, field for
//! field), `markdown` for reports. Shared here: units and an aligned-column table.

pub mod json;
pub mod markdown;
pub mod text;

use crate::catalog::{Catalog, Level, RoleIdx, SkillIdx};
use crate::plan::{Objective, Plan, RoleRank};

/// A plan and what it needs to be shown.
#[derive(Debug, Clone, Copy)]
pub struct PlanView<'a> {
    pub catalog: &'a Catalog,
    pub role: RoleIdx,
    pub plan: &'a Plan,
    pub hours_per_week: f64,
}

/// Every skill a role requires, against the person's level.
#[derive(Debug, Clone, PartialEq)]
pub struct GapReport {
    pub role: RoleIdx,
    /// Share of the importance-weighted requirement already met, 0..=1.
    pub fit: f64,
    pub rows: Vec<GapRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GapRow {
    pub skill: SkillIdx,
    pub have: Level,
    pub need: Level,
    pub importance: u8,
    /// The highest level any pathway from the person's state reaches.
    pub best_available: Level,
}

impl GapRow {
    pub fn is_gap(&self) -> bool {
        self.have < self.need
    }

    pub fn is_coverable(&self) -> bool {
        self.best_available >= self.need
    }
}

/// Roles ranked nearest first.
#[derive(Debug, Clone, Copy)]
pub struct RolesView<'a> {
    pub catalog: &'a Catalog,
    pub ranks: &'a [RoleRank],
    pub objective: Objective,
}

/// "$49.00", "€12.50", or "12.50 CHF" for currencies without a common symbol.
pub fn money(amount: f64, currency: &str) -> String {
    match currency {
        "USD" => format!("${amount:.2}"),
        "EUR" => format!("€{amount:.2}"),
        "GBP" => format!("£{amount:.2}"),
        "" => format!("{amount:.2}"),
        code => format!("{amount:.2} {code}"),
    }
}

/// "20 h", "12.5 h": whole hours without a fraction.
pub fn hours(value: f64) -> String {
    format!("{} h", number(value))
}

/// A number without a trailing ".0", at most two decimals.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// "1 credential", "3 credentials".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "week 3" or "weeks 1-4".
pub fn week_span(start: u32, end: u32) -> String {
    if start == end {
        format!("{start}")
    } else {
        format!("{start}-{end}")
    }
}

pub fn skill_ids(catalog: &Catalog, skills: &[usize]) -> String {
    let ids: Vec<&str> = skills
        .iter()
        .filter_map(|&s| catalog.skills.get(s).map(|skill| skill.id.as_str()))
        .collect();
    ids.join(", ")
}

pub fn credential_ids(catalog: &Catalog, credentials: &[usize]) -> String {
    let ids: Vec<&str> = credentials
        .iter()
        .filter_map(|&c| catalog.credentials.get(c).map(|cred| cred.id.as_str()))
        .collect();
    ids.join(", ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Rows of cells printed in aligned columns, separated by two spaces. The last column is not
/// padded, so lines carry no trailing blanks.
#[derive(Debug, Default)]
pub struct Table {
    aligns: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[(&str, Align)]) -> Self {
        Self {
            aligns: header.iter().map(|(_, align)| *align).collect(),
            rows: vec![header.iter().map(|(title, _)| title.to_string()).collect()],
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn render(&self, indent: &str) -> String {
        let columns = self.aligns.len();
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|row| row.get(c))
                    .map(|cell| cell.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut text = String::new();
        for row in &self.rows {
            let mut line = String::from(indent);
            for (c, cell) in row.iter().enumerate().take(columns) {
                let pad = widths[c].saturating_sub(cell.chars().count());
                let last = c + 1 == row.len().min(columns);
                if c > 0 {
                    line.push_str("  ");
                }
                match self.aligns[c] {
                    Align::Right => {
                        line.push_str(&" ".repeat(pad));
                        line.push_str(cell);
                    }
                    Align::Left => {
                        line.push_str(cell);
                        if !last {
                            line.push_str(&" ".repeat(pad));
                        }
                    }
                }
            }
            text.push_str(line.trim_end());
            text.push('\n');
        }
        text
    }
}

#[cfg(test)]
mod tests;
