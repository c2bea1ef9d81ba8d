//! The exact model of a planning instance as plain data, for a general MILP solver (HiGHS) to
//! check the planner against and to race it.
//!
//! The planner's own MILP relaxes ordering: "x_c <= sum of its supporters" is met by a loop of
//! credentials that support each other, and the planner repairs that lazily with cuts. A model
//! handed to another solver must be exact on its own, so ordering is written in full where it
//! matters: inside each strongly connected component of the "can support" graph. Between
//! components the graph is acyclic, so any selection meeting the rows there can be taken
//! component by component; inside one, `z[c,b]` says "b is taken before c and supports it" and
//! positions `p` forbid a loop of such choices.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::catalog::{Catalog, CredIdx};
use crate::plan::solve::{Reached, check_request, coverable_goals};
use crate::plan::task::Task;
use crate::plan::{PlanError, PlanRequest, gap};

/// A variable of the model.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Valid in CPLEX LP and MPS: a letter, then letters, digits and `_`.
    pub name: String,
    pub objective: f64,
    pub lower: f64,
    pub upper: f64,
    pub integer: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    AtMost,
    AtLeast,
}

/// A linear constraint: `sum(coefficient * column) sense rhs`.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub terms: Vec<(usize, f64)>,
    pub sense: Sense,
    pub rhs: f64,
}

impl Row {
    pub fn holds(&self, values: &[f64], tolerance: f64) -> bool {
        let activity: f64 = self.terms.iter().map(|&(j, a)| a * values[j]).sum();
        match self.sense {
            Sense::AtMost => activity <= self.rhs + tolerance,
            Sense::AtLeast => activity >= self.rhs - tolerance,
        }
    }
}

/// A minimisation whose optimum is the planner's optimum for the same request.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExactModel {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Column `k` for `k < credentials.len()` is "take credential `credentials[k]`".
    pub credentials: Vec<CredIdx>,
}

/// The exact model of `request` after the planner's pruning (reachability, relevance,
/// dominance), which keeps the optimum. Budgets make the planner's question lexicographic
/// (most coverage first), which one linear objective does not state exactly, so a request with
/// a budget is refused.
pub fn exact_model(catalog: &Catalog, request: &PlanRequest) -> Result<ExactModel, PlanError> {
    let constraints = &request.constraints;
    if constraints.budget_cost.is_some() || constraints.budget_hours.is_some() {
        return Err(PlanError::Request(
            "the exact model covers requests without a budget".into(),
        ));
    }
    check_request(catalog, request)?;
    let reached = Reached::of(catalog, &request.person)?;
    let gap = gap(catalog, request.role, &request.person);
    let wanted = coverable_goals(&gap, &reached.everything);
    Ok(model_of(&Task::build(catalog, request, &wanted, &reached)))
}

fn model_of(task: &Task) -> ExactModel {
    let n = task.len();
    let mut model = ExactModel {
        columns: (0..n)
            .map(|k| Column {
                name: format!("x{k}"),
                objective: task.weight[k],
                lower: 0.0,
                upper: 1.0,
                integer: true,
            })
            .collect(),
        rows: Vec::new(),
        credentials: task.candidates.clone(),
    };
    let component = components(task);
    let mut size = vec![0usize; n];
    for &c in &component {
        size[c] += 1;
    }
    let mut position: Vec<Option<usize>> = vec![None; n];
    for c in 0..n {
        let members = size[component[c]];
        if members > 1 {
            position[c] = Some(model.columns.len());
            model.columns.push(Column {
                name: format!("p{c}"),
                objective: 0.0,
                lower: 0.0,
                upper: (members - 1) as f64,
                integer: false,
            });
        }
    }
    for c in 0..n {
        // One `z` per (c, b) however many supports of c b belongs to: "b before c" is one fact.
        let mut before: BTreeMap<usize, usize> = BTreeMap::new();
        for (i, support) in task.supports.of(c).enumerate() {
            let mut terms = vec![(c, 1.0)];
            // A credential never meets its own precondition, so it is no member of its support.
            for &b in support.iter().filter(|&&b| b != c) {
                let column = if component[b] == component[c] {
                    *before
                        .entry(b)
                        .or_insert_with(|| order(&mut model, c, b, &position, size[component[c]]))
                } else {
                    b
                };
                terms.push((column, -1.0));
            }
            model.rows.push(Row {
                name: format!("s{c}_{i}"),
                terms,
                sense: Sense::AtMost,
                rhs: 0.0,
            });
        }
    }
    for (g, goal) in task.goals.iter().enumerate() {
        model.rows.push(Row {
            name: format!("g{g}"),
            terms: goal.achievers.iter().map(|&a| (a, 1.0)).collect(),
            sense: Sense::AtLeast,
            rhs: 1.0,
        });
    }
    model
}

/// Adds `z[c,b]` ("b is taken, before c") with its rows, and returns its column.
fn order(
    model: &mut ExactModel,
    c: usize,
    b: usize,
    position: &[Option<usize>],
    members: usize,
) -> usize {
    let z = model.columns.len();
    model.columns.push(Column {
        name: format!("z{c}_{b}"),
        objective: 0.0,
        lower: 0.0,
        upper: 1.0,
        integer: true,
    });
    model.rows.push(Row {
        name: format!("t{c}_{b}"),
        terms: vec![(z, 1.0), (b, -1.0)],
        sense: Sense::AtMost,
        rhs: 0.0,
    });
    // p_b + 1 <= p_c + m (1 - z), with m the component's size: positions span 0..m-1.
    if let (Some(pb), Some(pc)) = (position[b], position[c]) {
        let m = members as f64;
        model.rows.push(Row {
            name: format!("o{c}_{b}"),
            terms: vec![(pb, 1.0), (pc, -1.0), (z, m)],
            sense: Sense::AtMost,
            rhs: m - 1.0,
        });
    }
    z
}

/// The strongly connected component of each candidate in the graph with an edge b -> c when b
/// is in a support of c.
fn components(task: &Task) -> Vec<usize> {
    let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(task.len(), 0);
    let nodes: Vec<NodeIndex> = (0..task.len()).map(|_| graph.add_node(())).collect();
    for c in 0..task.len() {
        for &b in task.supports.of(c).flatten().filter(|&&b| b != c) {
            graph.add_edge(nodes[b], nodes[c], ());
        }
    }
    let mut component = vec![0; task.len()];
    for (i, members) in tarjan_scc(&graph).into_iter().enumerate() {
        for node in members {
            component[node.index()] = i;
        }
    }
    component
}

impl ExactModel {
    /// Whether `values` (one per column) meets every bound, integrality and row.
    pub fn is_feasible(&self, values: &[f64], tolerance: f64) -> bool {
        values.len() == self.columns.len()
            && self.columns.iter().zip(values).all(|(column, &v)| {
                v >= column.lower - tolerance
                    && v <= column.upper + tolerance
                    && (!column.integer || (v - v.round()).abs() <= tolerance)
            })
            && self.rows.iter().all(|row| row.holds(values, tolerance))
    }

    pub fn objective(&self, values: &[f64]) -> f64 {
        self.columns
            .iter()
            .zip(values)
            .map(|(column, v)| column.objective * v)
            .sum()
    }

    /// The model in CPLEX LP format, as HiGHS, CPLEX, Gurobi, SCIP and glpk read it.
    pub fn to_lp(&self) -> String {
        let mut out = String::new();
        out.push_str("\\ skillpath exact planning model\nMinimize\n obj:");
        let objective: Vec<(usize, f64)> = self
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.objective != 0.0)
            .map(|(j, c)| (j, c.objective))
            .collect();
        self.write_terms(&mut out, &objective);
        out.push_str("\nSubject To\n");
        for row in &self.rows {
            let _ = write!(out, " {}:", row.name);
            self.write_terms(&mut out, &row.terms);
            let sense = match row.sense {
                Sense::AtMost => "<=",
                Sense::AtLeast => ">=",
            };
            let _ = writeln!(out, " {sense} {}", row.rhs);
        }
        out.push_str("Bounds\n");
        for column in self.columns.iter().filter(|c| !c.integer) {
            let _ = writeln!(
                out,
                " {} <= {} <= {}",
                column.lower, column.name, column.upper
            );
        }
        out.push_str("Binaries\n");
        for chunk in self
            .columns
            .iter()
            .filter(|c| c.integer)
            .collect::<Vec<_>>()
            .chunks(16)
        {
            let names: Vec<&str> = chunk.iter().map(|c| c.name.as_str()).collect();
            let _ = writeln!(out, " {}", names.join(" "));
        }
        out.push_str("End\n");
        out
    }

    /// Writes ` + 2 x0 - z1_0 ...`, breaking long rows over lines (LP readers cap line length).
    fn write_terms(&self, out: &mut String, terms: &[(usize, f64)]) {
        if terms.is_empty() {
            // An empty linear expression is not valid LP; `0 x0` is, when a column exists.
            if let Some(first) = self.columns.first() {
                let _ = write!(out, " 0 {}", first.name);
            }
            return;
        }
        for (i, &(j, a)) in terms.iter().enumerate() {
            if i > 0 && i % 8 == 0 {
                out.push_str("\n   ");
            }
            let sign = if a < 0.0 { '-' } else { '+' };
            let _ = write!(out, " {sign} {} {}", a.abs(), self.columns[j].name);
        }
    }
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;
