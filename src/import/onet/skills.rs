//! Catalog skills for O*NET elements: the existing skill whose `codes.onet` is the element ID,
//! or a new skill with the element ID as its code and an id slugified from the element's name.

use std::collections::{HashMap, HashSet};

use crate::catalog::{Catalog, SkillCategory, SkillIdx};
use crate::import::onet::release::Domain;

/// A skill the import adds because no catalog skill carries the element's code.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSkill {
    pub id: String,
    pub name: String,
    pub category: SkillCategory,
    pub description: String,
    /// The O*NET element ID, written as `codes.onet`.
    pub element_id: String,
}

/// The skill an element maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SkillRef {
    Catalog(SkillIdx),
    /// An index into [`ElementSkills::new_skills`].
    New(usize),
}

/// Maps elements to skills, creating each new skill once however many roles use it.
pub(crate) struct ElementSkills<'a> {
    catalog: &'a Catalog,
    by_code: HashMap<&'a str, SkillIdx>,
    created: HashMap<String, usize>,
    taken_ids: HashSet<String>,
    pub new_skills: Vec<NewSkill>,
}

impl<'a> ElementSkills<'a> {
    pub fn new(catalog: &'a Catalog) -> Self {
        let mut by_code = HashMap::new();
        for (index, skill) in catalog.skills.iter().enumerate() {
            for (scheme, code) in &skill.codes {
                if scheme == "onet" {
                    // Two skills with one code would be an editing slip; the first one wins.
                    by_code.entry(code.as_str()).or_insert(index);
                }
            }
        }
        Self {
            catalog,
            by_code,
            created: HashMap::new(),
            taken_ids: catalog.skills.iter().map(|s| s.id.clone()).collect(),
            new_skills: Vec::new(),
        }
    }

    pub fn skill_for(&mut self, element_id: &str, name: &str, domain: Domain) -> SkillRef {
        if let Some(&index) = self.by_code.get(element_id) {
            return SkillRef::Catalog(index);
        }
        if let Some(&index) = self.created.get(element_id) {
            return SkillRef::New(index);
        }
        let id = self.unique_id(name, domain);
        self.taken_ids.insert(id.clone());
        let index = self.new_skills.len();
        self.new_skills.push(NewSkill {
            id,
            name: name.to_owned(),
            category: category(element_id, domain),
            description: format!(
                "{name}, as O*NET's {} element {element_id}.",
                domain_word(domain)
            ),
            element_id: element_id.to_owned(),
        });
        self.created.insert(element_id.to_owned(), index);
        SkillRef::New(index)
    }

    pub fn id(&self, skill: SkillRef) -> &str {
        match skill {
            SkillRef::Catalog(index) => &self.catalog.skills[index].id,
            SkillRef::New(index) => &self.new_skills[index].id,
        }
    }

    /// The slug of `name`; when the catalog already uses it for another skill (its Mathematics
    /// is O*NET's Knowledge element, say, while this is the Skills one), the domain is added.
    fn unique_id(&self, name: &str, domain: Domain) -> String {
        let base = slugify(name);
        let qualified = format!("{base}-{}", domain_word(domain));
        let mut candidates = [base.clone(), qualified.clone()]
            .into_iter()
            .chain((2..).map(|n| format!("{qualified}-{n}")));
        candidates
            .find(|id| !self.taken_ids.contains(id))
            .unwrap_or(qualified)
    }
}

fn domain_word(domain: Domain) -> &'static str {
    match domain {
        Domain::Skills => "skill",
        Domain::Knowledge => "knowledge",
    }
}

/// The catalog category of an O*NET element, by its place in the Content Model.
fn category(element_id: &str, domain: Domain) -> SkillCategory {
    let under = |prefix: &str| {
        element_id == prefix
            || element_id
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('.'))
    };
    match domain {
        // Technical Skills (2.B.3) and the content skills Mathematics and Science.
        Domain::Skills if under("2.B.3") || under("2.A.1.e") || under("2.A.1.f") => {
            SkillCategory::Technical
        }
        Domain::Skills => SkillCategory::Soft,
        // Engineering and Technology, Mathematics and Science, Communications.
        Domain::Knowledge if under("2.C.3") || under("2.C.4") || under("2.C.9") => {
            SkillCategory::Technical
        }
        // Arts and Humanities: languages, history, philosophy.
        Domain::Knowledge if under("2.C.7") => SkillCategory::Soft,
        Domain::Knowledge => SkillCategory::Industry,
    }
}

/// A catalog id from a name: lowercase ASCII letters and digits, other runs become one '-';
/// an id must start with a letter, so anything else gets an `onet-` prefix.
pub(crate) fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.starts_with(|c: char| c.is_ascii_lowercase()) {
        slug.to_owned()
    } else if slug.is_empty() {
        "onet-element".to_owned()
    } else {
        format!("onet-{slug}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_valid_catalog_ids() {
        assert_eq!(slugify("Reading Comprehension"), "reading-comprehension");
        assert_eq!(slugify("Law and Government"), "law-and-government");
        assert_eq!(
            slugify("Operations Analysis & Quality Control Analysis"),
            "operations-analysis-quality-control-analysis"
        );
        assert_eq!(slugify("  Food Production  "), "food-production");
        assert_eq!(slugify("3D Modeling"), "onet-3d-modeling");
        assert_eq!(slugify("---"), "onet-element");
    }

    #[test]
    fn categories_follow_the_content_model() {
        assert_eq!(
            category("2.B.3.e", Domain::Skills),
            SkillCategory::Technical
        );
        assert_eq!(
            category("2.A.1.e", Domain::Skills),
            SkillCategory::Technical
        );
        assert_eq!(category("2.A.1.a", Domain::Skills), SkillCategory::Soft);
        assert_eq!(category("2.B.1.a", Domain::Skills), SkillCategory::Soft);
        assert_eq!(
            category("2.C.3.a", Domain::Knowledge),
            SkillCategory::Technical
        );
        assert_eq!(category("2.C.7.a", Domain::Knowledge), SkillCategory::Soft);
        assert_eq!(
            category("2.C.5.a", Domain::Knowledge),
            SkillCategory::Industry
        );
        assert_eq!(
            category("2.C.10", Domain::Knowledge),
            SkillCategory::Industry
        );
        // Elements under 2.C.3 start with `2.C.3.`; a made-up 2.C.30 is not one of them.
        assert_eq!(
            category("2.C.30", Domain::Knowledge),
            SkillCategory::Industry
        );
    }
}
