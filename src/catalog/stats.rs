//! Catalog statistics for maintainers (`skillpath stats`): how skills and credentials spread
//! over families and providers, which role requirements no pathway can meet, which credentials
//! no role can ever use, and per credential how much of the catalog waits on it.
//!
//! "Leads to" is one relation throughout: A leads to B when B lists A in `requires`, `parts` or
//! a `requires_any` group, or when B `requires_skills` a level that A grants. The first three
//! are the prerequisite graph of [`crate::catalog::graph`]; the skill edges are added here.

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::catalog::graph::prerequisite_graph;
use crate::catalog::reach::reach_all;
use crate::catalog::{Catalog, CredIdx, Level, RoleIdx, SkillCategory, SkillIdx};

/// Everything `skillpath stats` reports, computed from a validated catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogStats {
    /// One entry per skill family, in the order technical, soft, industry.
    pub families: Vec<FamilyStats>,
    /// Most credentials first, then by name.
    pub providers: Vec<ProviderStats>,
    /// Role skills that no pathway lifts to the level some role needs, by skill index.
    pub unreachable: Vec<UnreachableSkill>,
    /// Credentials that lead to no role, directly or through other credentials, by index.
    pub orphans: Vec<CredIdx>,
    /// Indexed like [`Catalog::credentials`].
    pub credentials: Vec<CredentialStats>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FamilyStats {
    pub family: SkillCategory,
    pub skills: usize,
    /// Credentials that grant at least one skill of the family.
    pub credentials: usize,
    /// Requirements of roles (one per role and skill) on skills of the family.
    pub role_requirements: usize,
    /// Of those, the ones some pathway from scratch meets: the family's coverage.
    pub reachable_requirements: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProviderStats {
    pub provider: String,
    pub credentials: usize,
    /// Sum of the credentials' hours.
    pub hours: f64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreachableSkill {
    pub skill: SkillIdx,
    /// The highest level any pathway from scratch reaches; 0 when none grants it.
    pub best_available: Level,
    /// Each role needing more than that, with the level it needs, by role index.
    pub needed_by: Vec<(RoleIdx, Level)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CredentialStats {
    /// Blocking factor: how many credentials it leads to, directly or through others.
    pub unlocks: usize,
    /// Delay factor: credentials on the longest chain of "leads to" through it (itself
    /// included).
    pub chain_credentials: usize,
    /// Delay factor in hours: the hours of the longest chain through it, by hours.
    pub chain_hours: f64,
    /// Roles it helps (it grants a skill each requires), by role index.
    pub helps_roles: Vec<RoleIdx>,
}

/// Computes every statistic; the catalog must be validated (every index in range).
pub fn stats(catalog: &Catalog) -> CatalogStats {
    let successors = leads_to(catalog);
    let helps_roles = roles_helped(catalog);
    let unlocks = (0..catalog.credentials.len())
        .map(|c| descendants(&successors, c))
        .collect::<Vec<_>>();
    let chains = longest_chains(catalog, &successors);
    let best = reach_all(catalog, |_| false).levels;
    let credentials = helps_roles
        .iter()
        .zip(unlocks)
        .zip(chains)
        .map(|((helps_roles, unlocks), chain)| CredentialStats {
            unlocks,
            chain_credentials: chain.credentials,
            chain_hours: chain.hours,
            helps_roles: helps_roles.clone(),
        })
        .collect();
    CatalogStats {
        families: families(catalog, &best),
        providers: providers(catalog),
        unreachable: unreachable(catalog, &best),
        orphans: orphans(&successors, &helps_roles),
        credentials,
    }
}

/// For each credential, the credentials it leads to (sorted, each once).
fn leads_to(catalog: &Catalog) -> Vec<Vec<CredIdx>> {
    let graph = prerequisite_graph(catalog);
    let mut successors = vec![Vec::new(); catalog.credentials.len()];
    for edge in graph.edge_references() {
        successors[graph[edge.source()]].push(graph[edge.target()]);
    }
    let mut granted_by: Vec<Vec<(CredIdx, Level)>> = vec![Vec::new(); catalog.skills.len()];
    for (credential, c) in catalog.credentials.iter().enumerate() {
        for &(skill, level) in &c.grants {
            granted_by[skill].push((credential, level));
        }
    }
    for (dependent, c) in catalog.credentials.iter().enumerate() {
        for &(skill, needed) in &c.requires_skills {
            for &(provider, level) in &granted_by[skill] {
                if level >= needed && provider != dependent {
                    successors[provider].push(dependent);
                }
            }
        }
    }
    for list in &mut successors {
        list.sort_unstable();
        list.dedup();
    }
    successors
}

/// How many credentials are reachable from `start` (itself excluded, even on a cycle).
fn descendants(successors: &[Vec<CredIdx>], start: CredIdx) -> usize {
    let mut seen = vec![false; successors.len()];
    seen[start] = true;
    let mut stack = vec![start];
    let mut found = 0;
    while let Some(node) = stack.pop() {
        for &next in &successors[node] {
            if !seen[next] {
                seen[next] = true;
                found += 1;
                stack.push(next);
            }
        }
    }
    found
}

#[derive(Debug, Clone, Copy, Default)]
struct Chain {
    credentials: usize,
    hours: f64,
}

/// The longest chain through each credential, counted in credentials and, separately, in
/// hours. Hard prerequisites cannot form a cycle (the validator rejects them), but skill
/// prerequisites can (A needs a skill B grants and B one A grants); a cycle has no longest
/// chain, so edges inside one are not chained, and every other edge is.
fn longest_chains(catalog: &Catalog, successors: &[Vec<CredIdx>]) -> Vec<Chain> {
    let count = successors.len();
    let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(count, 0);
    for _ in 0..count {
        graph.add_node(());
    }
    for (from, list) in successors.iter().enumerate() {
        for &to in list {
            graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
        }
    }
    // Tarjan lists components in reverse topological order.
    let components = tarjan_scc(&graph);
    let mut component = vec![0; count];
    for (id, members) in components.iter().enumerate() {
        for node in members {
            component[node.index()] = id;
        }
    }
    let order: Vec<CredIdx> = components
        .iter()
        .rev()
        .flatten()
        .map(|n| n.index())
        .collect();
    let chained = |from: CredIdx, to: CredIdx| component[from] != component[to];
    let hours = |c: CredIdx| catalog.credentials[c].hours;

    // Longest chain ending at each credential, and starting at each, itself included.
    let mut ending: Vec<Chain> = (0..count)
        .map(|c| Chain {
            credentials: 1,
            hours: hours(c),
        })
        .collect();
    let mut starting = ending.clone();
    for &from in &order {
        for &to in successors[from].iter().filter(|&&to| chained(from, to)) {
            ending[to].credentials = ending[to].credentials.max(ending[from].credentials + 1);
            ending[to].hours = ending[to].hours.max(ending[from].hours + hours(to));
        }
    }
    for &from in order.iter().rev() {
        for &to in successors[from].iter().filter(|&&to| chained(from, to)) {
            starting[from].credentials =
                starting[from].credentials.max(starting[to].credentials + 1);
            starting[from].hours = starting[from].hours.max(starting[to].hours + hours(from));
        }
    }
    (0..count)
        .map(|c| Chain {
            credentials: ending[c].credentials + starting[c].credentials - 1,
            hours: ending[c].hours + starting[c].hours - hours(c),
        })
        .collect()
}

/// For each credential, the roles requiring a skill it grants.
fn roles_helped(catalog: &Catalog) -> Vec<Vec<RoleIdx>> {
    let mut required_by: Vec<Vec<RoleIdx>> = vec![Vec::new(); catalog.skills.len()];
    for (role, r) in catalog.roles.iter().enumerate() {
        for requirement in &r.requires {
            required_by[requirement.skill].push(role);
        }
    }
    catalog
        .credentials
        .iter()
        .map(|c| {
            let mut roles: Vec<RoleIdx> = c
                .grants
                .iter()
                .flat_map(|&(skill, _)| required_by[skill].iter().copied())
                .collect();
            roles.sort_unstable();
            roles.dedup();
            roles
        })
        .collect()
}

/// Credentials from which no chain of "leads to" reaches one that helps a role.
fn orphans(successors: &[Vec<CredIdx>], helps_roles: &[Vec<RoleIdx>]) -> Vec<CredIdx> {
    let mut predecessors = vec![Vec::new(); successors.len()];
    for (from, list) in successors.iter().enumerate() {
        for &to in list {
            predecessors[to].push(from);
        }
    }
    let mut useful: Vec<bool> = helps_roles.iter().map(|roles| !roles.is_empty()).collect();
    let mut stack: Vec<CredIdx> = (0..useful.len()).filter(|&c| useful[c]).collect();
    while let Some(node) = stack.pop() {
        for &previous in &predecessors[node] {
            if !useful[previous] {
                useful[previous] = true;
                stack.push(previous);
            }
        }
    }
    (0..useful.len()).filter(|&c| !useful[c]).collect()
}

const FAMILIES: [SkillCategory; 3] = [
    SkillCategory::Technical,
    SkillCategory::Soft,
    SkillCategory::Industry,
];

/// `best`: the highest level of each skill any pathway from scratch reaches.
fn families(catalog: &Catalog, best: &[Level]) -> Vec<FamilyStats> {
    let family_of = |skill: SkillIdx| catalog.skills[skill].category;
    FAMILIES
        .iter()
        .map(|&family| {
            let requirements = catalog
                .roles
                .iter()
                .flat_map(|r| &r.requires)
                .filter(|req| family_of(req.skill) == family);
            FamilyStats {
                family,
                skills: catalog
                    .skills
                    .iter()
                    .filter(|s| s.category == family)
                    .count(),
                credentials: catalog
                    .credentials
                    .iter()
                    .filter(|c| c.grants.iter().any(|&(s, _)| family_of(s) == family))
                    .count(),
                role_requirements: requirements.clone().count(),
                reachable_requirements: requirements
                    .filter(|req| best[req.skill] >= req.level)
                    .count(),
            }
        })
        .collect()
}

fn providers(catalog: &Catalog) -> Vec<ProviderStats> {
    let mut providers: Vec<ProviderStats> = catalog
        .providers()
        .into_iter()
        .map(|provider| {
            let offered = catalog
                .credentials
                .iter()
                .filter(|c| c.provider == provider);
            ProviderStats {
                provider: provider.to_owned(),
                credentials: offered.clone().count(),
                hours: offered.map(|c| c.hours).sum(),
            }
        })
        .collect();
    providers.sort_by(|a, b| {
        b.credentials
            .cmp(&a.credentials)
            .then_with(|| a.provider.cmp(&b.provider))
    });
    providers
}

fn unreachable(catalog: &Catalog, best: &[Level]) -> Vec<UnreachableSkill> {
    let mut by_skill: Vec<Vec<(RoleIdx, Level)>> = vec![Vec::new(); catalog.skills.len()];
    for (role, r) in catalog.roles.iter().enumerate() {
        for requirement in &r.requires {
            if best[requirement.skill] < requirement.level {
                by_skill[requirement.skill].push((role, requirement.level));
            }
        }
    }
    by_skill
        .into_iter()
        .enumerate()
        .filter(|(_, needed_by)| !needed_by.is_empty())
        .map(|(skill, needed_by)| UnreachableSkill {
            skill,
            best_available: best[skill],
            needed_by,
        })
        .collect()
}
