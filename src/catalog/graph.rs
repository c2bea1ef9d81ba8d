//! The prerequisite graph: credentials as nodes, an edge from each prerequisite to the
//! credential that needs it. Used for cycle detection, for ordering, and drawn as Graphviz DOT.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::Write as _;

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::catalog::{Catalog, CredIdx, CredentialKind};

/// Why one credential must come before another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeKind {
    /// Listed in the dependent's `requires`.
    Requires,
    /// A part of the dependent stack.
    Part,
    /// One of a `requires_any` group of the dependent.
    AnyOf,
}

/// Node `i` is credential `i` (`NodeIndex::new(i)`); edges run prerequisite -> dependent.
pub fn prerequisite_graph(catalog: &Catalog) -> DiGraph<CredIdx, EdgeKind> {
    let mut graph = DiGraph::with_capacity(catalog.credentials.len(), 0);
    for index in 0..catalog.credentials.len() {
        graph.add_node(index);
    }
    for (dependent, credential) in catalog.credentials.iter().enumerate() {
        let to = NodeIndex::new(dependent);
        for &p in &credential.requires {
            graph.add_edge(NodeIndex::new(p), to, EdgeKind::Requires);
        }
        for &p in &credential.parts {
            graph.add_edge(NodeIndex::new(p), to, EdgeKind::Part);
        }
        for group in &credential.requires_any {
            for &p in group {
                graph.add_edge(NodeIndex::new(p), to, EdgeKind::AnyOf);
            }
        }
    }
    graph
}

/// One cycle through each strongly connected component that has one (and each self-loop),
/// as the nodes along the edges: `[a, b, c]` means edges a -> b -> c -> a. Each cycle starts
/// at its component's lowest node index and is a shortest one from there, so the result is
/// deterministic.
pub fn cycles<N, E>(graph: &DiGraph<N, E>) -> Vec<Vec<NodeIndex>> {
    let mut found = Vec::new();
    for mut component in tarjan_scc(graph) {
        component.sort_unstable();
        let start = component[0];
        let cyclic = component.len() > 1 || graph.find_edge(start, start).is_some();
        if !cyclic {
            continue;
        }
        let members: BTreeSet<NodeIndex> = component.iter().copied().collect();
        if let Some(cycle) = shortest_cycle_from(graph, start, &members) {
            found.push(cycle);
        }
    }
    found.sort();
    found
}

/// Breadth-first from `start` back to itself, staying inside `members`.
fn shortest_cycle_from<N, E>(
    graph: &DiGraph<N, E>,
    start: NodeIndex,
    members: &BTreeSet<NodeIndex>,
) -> Option<Vec<NodeIndex>> {
    let mut came_from: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        let mut next: Vec<NodeIndex> = graph.neighbors(node).collect();
        next.sort_unstable();
        for neighbour in next {
            if neighbour == start {
                let mut path = vec![node];
                while let Some(&previous) = path.last().and_then(|n| came_from.get(n)) {
                    path.push(previous);
                }
                path.reverse();
                return Some(path);
            }
            if members.contains(&neighbour) && !came_from.contains_key(&neighbour) {
                came_from.insert(neighbour, node);
                queue.push_back(neighbour);
            }
        }
    }
    None
}

/// What to draw.
#[derive(Debug, Clone, Default)]
pub struct DotOptions {
    /// The credentials to draw, or `None` for the whole catalog.
    pub subset: Option<Vec<CredIdx>>,
    /// Credentials already held: drawn dimmed and dashed.
    pub held: BTreeSet<CredIdx>,
    pub title: String,
}

/// The graph as Graphviz DOT, prerequisites pointing at what they enable. Stacks are drawn as
/// clusters holding their parts (a part shared by several stacks sits in the first). The
/// output depends only on the catalog and the options.
pub fn to_dot(catalog: &Catalog, options: &DotOptions) -> String {
    let drawn: BTreeSet<CredIdx> = match &options.subset {
        Some(subset) => subset
            .iter()
            .copied()
            .filter(|&c| c < catalog.credentials.len())
            .collect(),
        None => (0..catalog.credentials.len()).collect(),
    };
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", quote(&options.title));
    let _ = writeln!(
        out,
        "  label={};\n  labelloc=t;\n  rankdir=LR;",
        quote(&options.title)
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=rounded, fontname=\"Helvetica\"];"
    );
    let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=10];");

    let mut placed: BTreeSet<CredIdx> = BTreeSet::new();
    for &stack in &drawn {
        let credential = &catalog.credentials[stack];
        if credential.kind != CredentialKind::Stack || placed.contains(&stack) {
            continue;
        }
        placed.insert(stack);
        let _ = writeln!(
            out,
            "  subgraph {} {{",
            quote(&format!("cluster_{}", credential.id))
        );
        let _ = writeln!(
            out,
            "    label={};\n    style=dashed;",
            quote(&credential.title)
        );
        write_node(&mut out, catalog, options, stack, "    ");
        for &part in &credential.parts {
            let is_stack = catalog.credentials[part].kind == CredentialKind::Stack;
            if drawn.contains(&part) && !is_stack && placed.insert(part) {
                write_node(&mut out, catalog, options, part, "    ");
            }
        }
        let _ = writeln!(out, "  }}");
    }
    for &credential in drawn.difference(&placed) {
        write_node(&mut out, catalog, options, credential, "  ");
    }

    let graph = prerequisite_graph(catalog);
    let mut edges: Vec<(CredIdx, CredIdx, EdgeKind)> = graph
        .edge_references()
        .map(|e| (graph[e.source()], graph[e.target()], *e.weight()))
        .filter(|(from, to, _)| drawn.contains(from) && drawn.contains(to))
        .collect();
    edges.sort_unstable();
    edges.dedup();
    for (from, to, kind) in edges {
        let style = match kind {
            EdgeKind::Requires => "",
            EdgeKind::Part => " [arrowhead=diamond, label=\"part\"]",
            EdgeKind::AnyOf => " [style=dashed, label=\"any of\"]",
        };
        let (from, to) = (&catalog.credentials[from].id, &catalog.credentials[to].id);
        let _ = writeln!(out, "  {} -> {}{style};", quote(from), quote(to));
    }
    out.push_str("}\n");
    out
}

fn write_node(
    out: &mut String,
    catalog: &Catalog,
    options: &DotOptions,
    index: CredIdx,
    indent: &str,
) {
    let credential = &catalog.credentials[index];
    let label = format!(
        "{}\n{} · {} h",
        credential.title, credential.provider, credential.hours
    );
    let held = if options.held.contains(&index) {
        ", style=\"rounded,dashed\", color=gray60, fontcolor=gray60"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "{indent}{} [label={}{held}];",
        quote(&credential.id),
        quote(&label)
    );
}

/// A DOT double-quoted string.
fn quote(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n");
    format!("\"{escaped}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(u32, u32)], nodes: usize) -> DiGraph<(), ()> {
        let mut g = DiGraph::new();
        for _ in 0..nodes {
            g.add_node(());
        }
        for &(a, b) in edges {
            g.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), ());
        }
        g
    }

    fn as_numbers(cycles: Vec<Vec<NodeIndex>>) -> Vec<Vec<usize>> {
        cycles
            .into_iter()
            .map(|c| c.into_iter().map(|n| n.index()).collect())
            .collect()
    }

    #[test]
    fn finds_one_shortest_cycle_per_component() {
        let g = graph(
            &[
                (0, 1),
                (1, 2),
                (2, 0),
                (1, 0),
                (3, 4),
                (4, 3),
                (5, 5),
                (6, 7),
            ],
            8,
        );
        assert_eq!(
            as_numbers(cycles(&g)),
            vec![vec![0, 1], vec![3, 4], vec![5]]
        );
    }

    #[test]
    fn a_dag_has_no_cycles() {
        let g = graph(&[(0, 1), (1, 2), (0, 2)], 3);
        assert!(cycles(&g).is_empty());
    }

    #[test]
    fn dot_strings_are_escaped() {
        assert_eq!(quote("a \"b\"\\\nc"), "\"a \\\"b\\\"\\\\\\nc\"");
    }
}
