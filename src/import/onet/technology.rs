//! O*NET Technology Skills as optional skills. O*NET lists products (`Microsoft Excel`,
//! `Structured query language SQL`), not skills, and rates no level for them, so the importer
//! only uses the ones it can name as an existing catalog skill, matched by id, name or alias.
//! The rest are reported, so a catalog editor can decide whether they deserve a skill.

use std::collections::HashMap;

use crate::catalog::{Catalog, SkillIdx};
use crate::import::onet::release::Technology;

/// Which Technology Skills rows become optional skills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TechnologyFilter {
    /// Rows marked In Demand: frequently in job postings for this occupation.
    #[default]
    InDemand,
    /// Rows marked Hot Technology (frequent across all job postings) or In Demand.
    Hot,
    /// No technologies; `Technology Skills.txt` is not read.
    None,
}

impl TechnologyFilter {
    pub fn keeps(self, technology: &Technology) -> bool {
        match self {
            TechnologyFilter::InDemand => technology.in_demand,
            TechnologyFilter::Hot => technology.hot || technology.in_demand,
            TechnologyFilter::None => false,
        }
    }
}

/// Catalog skills by every normalised name a product could be written as.
pub(crate) struct SkillNames {
    by_name: HashMap<String, SkillIdx>,
}

impl SkillNames {
    /// Ids and names take precedence over aliases; among equals, the skill listed first wins.
    pub fn new(catalog: &Catalog) -> Self {
        let mut by_name = HashMap::new();
        for (index, skill) in catalog.skills.iter().enumerate() {
            for name in [&skill.id, &skill.name] {
                by_name.entry(normalise(name)).or_insert(index);
            }
        }
        for (index, skill) in catalog.skills.iter().enumerate() {
            for alias in &skill.aliases {
                by_name.entry(normalise(alias)).or_insert(index);
            }
        }
        Self { by_name }
    }

    /// The catalog skill a product names, trying, in order: the whole name; the name without
    /// a trailing "software"; and O*NET's habit of ending a spelled-out name with its
    /// acronym (`Amazon Web Services AWS software`), the acronym and then the words before it.
    pub fn find(&self, example: &str) -> Option<SkillIdx> {
        let trimmed = example
            .trim()
            .strip_suffix(" software")
            .unwrap_or(example.trim());
        let mut candidates = vec![example.trim(), trimmed];
        if let Some((words, acronym)) = trimmed.rsplit_once(' ')
            && acronym.len() >= 2
            && acronym.chars().all(|c| c.is_ascii_uppercase())
        {
            candidates.extend([acronym, words]);
        }
        candidates
            .into_iter()
            .find_map(|name| self.by_name.get(&normalise(name)).copied())
    }
}

/// Lowercase words separated by single spaces; keeps `#`, `+` and `.` (C#, C++, Node.js).
fn normalise(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '#' | '+' | '.')))
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load::load_bundled;

    #[test]
    fn products_are_found_by_name_alias_or_trailing_acronym() {
        let catalog = load_bundled().catalog.expect("the bundled catalog loads");
        let names = SkillNames::new(&catalog);
        let id = |example: &str| names.find(example).map(|i| catalog.skills[i].id.as_str());
        assert_eq!(id("Python"), Some("python"));
        assert_eq!(id("Microsoft Excel"), Some("spreadsheets"));
        assert_eq!(id("Structured query language SQL"), Some("sql"));
        assert_eq!(id("Amazon Web Services AWS software"), Some("aws"));
        assert_eq!(id("Microsoft Azure software"), Some("azure"));
        assert_eq!(id("Tableau"), Some("tableau"));
        assert_eq!(id("SAP software"), None);
        assert_eq!(id("Microsoft Office software"), None);
    }

    #[test]
    fn filters_choose_rows_by_their_flags() {
        let row = |hot, in_demand| Technology {
            code: "15-2051.01".into(),
            example: "Python".into(),
            commodity_title: "Object or component oriented development software".into(),
            hot,
            in_demand,
        };
        assert!(TechnologyFilter::InDemand.keeps(&row(false, true)));
        assert!(!TechnologyFilter::InDemand.keeps(&row(true, false)));
        assert!(TechnologyFilter::Hot.keeps(&row(true, false)));
        assert!(TechnologyFilter::Hot.keeps(&row(false, true)));
        assert!(!TechnologyFilter::Hot.keeps(&row(false, false)));
        assert!(!TechnologyFilter::None.keeps(&row(true, true)));
    }
}
