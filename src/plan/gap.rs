//! The gap of a role for a person: every required skill below its required level.

use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, Level, RoleIdx};
use crate::plan::{GapItem, Person};

/// The person's current level of every skill: held levels lifted by completed credentials.
pub fn current_levels(catalog: &Catalog, person: &Person) -> Vec<Level> {
    Reach::start(catalog, &person.skills, person.done.iter().copied()).levels
}

/// Gap items in the role's skill order.
pub fn gap(catalog: &Catalog, role: RoleIdx, person: &Person) -> Vec<GapItem> {
    let levels = current_levels(catalog, person);
    catalog.roles[role]
        .requires
        .iter()
        .filter(|r| levels[r.skill] < r.level)
        .map(|r| GapItem {
            skill: r.skill,
            have: levels[r.skill],
            need: r.level,
            importance: r.importance,
        })
        .collect()
}

/// Share of the role's importance-weighted requirement the person already meets, 0..=1.
/// Partial levels count in proportion (level 2 of a needed 4 is half met).
pub fn fit(catalog: &Catalog, role: RoleIdx, person: &Person) -> f64 {
    let levels = current_levels(catalog, person);
    let requires = &catalog.roles[role].requires;
    let total: f64 = requires.iter().map(|r| f64::from(r.importance)).sum();
    if total == 0.0 {
        return 1.0;
    }
    let met: f64 = requires
        .iter()
        .map(|r| {
            f64::from(r.importance) * (f64::from(levels[r.skill].min(r.level)) / f64::from(r.level))
        })
        .sum();
    met / total
}
