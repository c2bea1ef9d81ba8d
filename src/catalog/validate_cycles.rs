//! Stage 4: cycles. A credential cannot be its own prerequisite, not even through others, and a
//! skill cannot be its own parent. Any-of edges count too: a cycle through a `requires_any`
//! group may still be escapable through another member, but it always reads as a mistake and
//! would make the drawn graph and the ordering ambiguous, so the catalog must not have one.

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::graph::{EdgeKind, cycles, prerequisite_graph};
use crate::catalog::validate::{At, Report};
use crate::catalog::validate_model::Model;
use crate::catalog::{Catalog, CredIdx};

/// Reports one cycle per strongly connected component of the prerequisite graph, printed in
/// "needs" order (`a -> b` means `a` needs `b` first) and pointing at the reference that
/// closes it.
pub(crate) fn check_prerequisites(report: &mut Report, catalog: &Catalog, model: &Model) {
    let mut written: HashMap<(CredIdx, CredIdx), (&At, EdgeKind)> = HashMap::new();
    for reference in &model.prerequisites {
        written
            .entry((reference.dependent, reference.prerequisite))
            .or_insert((&reference.at, reference.kind));
    }
    let graph = prerequisite_graph(catalog);
    for cycle in cycles(&graph) {
        // Graph edges run prerequisite -> dependent; reverse them to read "needs".
        let mut needs: Vec<CredIdx> = cycle.iter().map(|&n| graph[n]).collect();
        needs[1..].reverse();
        let first = needs[0];
        let last = needs[needs.len() - 1];
        let path = path_text(needs.iter().map(|&c| catalog.credentials[c].id.as_str()));
        let Some(&(at, kind)) = written.get(&(last, first)) else {
            continue;
        };
        let list = match kind {
            EdgeKind::Requires => "requires",
            EdgeKind::Part => "parts",
            EdgeKind::AnyOf => "requires_any",
        };
        let (last_id, first_id) = (
            &catalog.credentials[last].id,
            &catalog.credentials[first].id,
        );
        report.push(
            at,
            Diagnostic::error("cycle", format!("prerequisite cycle: {path}")).with_help(format!(
                "`{last_id}` lists `{first_id}` in `{list}`, which closes the cycle; \
                 remove one of these prerequisites"
            )),
        );
    }
}

/// Reports each loop of `parent` links among skills, at the link that closes it.
pub(crate) fn check_skill_parents(report: &mut Report, catalog: &Catalog, model: &Model) {
    let mut graph: DiGraph<(), ()> = DiGraph::new();
    for _ in &catalog.skills {
        graph.add_node(());
    }
    for (index, skill) in catalog.skills.iter().enumerate() {
        if let Some(parent) = skill.parent {
            graph.add_edge(NodeIndex::new(index), NodeIndex::new(parent), ());
        }
    }
    for cycle in cycles(&graph) {
        let skills: Vec<usize> = cycle.iter().map(|n| n.index()).collect();
        let last = skills[skills.len() - 1];
        let path = path_text(skills.iter().map(|&s| catalog.skills[s].id.as_str()));
        if let Some(at) = model.parent_at.get(&last) {
            report.push(
                at,
                Diagnostic::error("parent-cycle", format!("skill parent cycle: {path}"))
                    .with_help("a skill cannot be its own broader skill; remove one `parent`"),
            );
        }
    }
}

/// `a -> b -> c -> a`.
fn path_text<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    let mut text = ids.join(" -> ");
    if let Some(first) = ids.first() {
        text.push_str(" -> ");
        text.push_str(first);
    }
    text
}
