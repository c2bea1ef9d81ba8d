//! From a release to catalog roles: select the occupations, pair each element's importance
//! and level ratings, drop what O*NET flags or the user's threshold excludes, and map the rest
//! onto catalog skills (see [`super::skills`]) at catalog levels (see [`super::scale`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::catalog::Catalog;
use crate::catalog::suggest::did_you_mean;
use crate::import::onet::error::ImportError;
use crate::import::onet::release::{Domain, Occupation, Rating, Release, Scale, Technology};
use crate::import::onet::scale::{self, Hundredths};
use crate::import::onet::skills::{ElementSkills, NewSkill};
use crate::import::onet::technology::{SkillNames, TechnologyFilter};

/// The catalog level given to an optional technology skill: O*NET rates no level for
/// technologies, and "nice to have" in a job posting means working knowledge.
pub const TECHNOLOGY_LEVEL: u8 = 2;

/// Which occupations to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// These O*NET-SOC codes, in this order.
    Codes(Vec<String>),
    All,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub selection: Selection,
    /// Elements rated below this importance (IM, 1..5) are dropped.
    pub min_importance: f64,
    pub technology: TechnologyFilter,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            selection: Selection::All,
            min_importance: 3.0,
            technology: TechnologyFilter::default(),
        }
    }
}

/// What an import produces: roles, the skills they need that the catalog lacks, and the
/// occupations it could not turn into a role.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub roles: Vec<ImportedRole>,
    /// Sorted by id.
    pub new_skills: Vec<NewSkill>,
    pub skipped: Vec<Skipped>,
    pub options: Options,
    /// The release's name (`O*NET 29.2 Database`) when its `Read Me.txt` was there.
    pub release_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportedRole {
    /// `onet-` and the O*NET-SOC code with '.' as '-', e.g. `onet-15-2051-01`.
    pub id: String,
    pub title: String,
    pub description: String,
    /// The O*NET-SOC code, written as `codes.onet`.
    pub code: String,
    /// Most important first.
    pub requires: Vec<ImportedRequirement>,
    /// Technology skills found in the catalog, sorted by skill id, none of them required.
    pub optional: Vec<String>,
    /// Technologies the filter kept that name no catalog skill.
    pub unmatched_technologies: Vec<String>,
    pub dropped: Dropped,
}

/// One requirement and the O*NET ratings it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedRequirement {
    pub skill: String,
    pub level: u8,
    pub importance: u8,
    pub element_id: String,
    pub element_name: String,
    pub im: Hundredths,
    pub lv: Hundredths,
}

/// How many of an occupation's elements were left out, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Dropped {
    pub below_min_importance: usize,
    pub recommend_suppress: usize,
    pub not_relevant: usize,
    /// An IM or LV row is missing, so there is no importance or no level to use.
    pub incomplete: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub code: String,
    pub title: String,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// The release has no Skills or Knowledge ratings for it (O*NET has not rated it yet):
    /// a role without requirements would plan as "nothing to learn", which is not true.
    NotRated,
    /// Every element was dropped (below the threshold, suppressed or not relevant).
    NothingKept,
}

/// Builds roles for the selected occupations of `release`, mapped onto `catalog`'s skills.
pub fn import(
    release: &Release,
    catalog: &Catalog,
    options: &Options,
) -> Result<Import, ImportError> {
    let occupations = select(release, &options.selection)?;
    let ratings = group_by_code(&release.ratings, |r| &r.code);
    let technologies = group_by_code(&release.technologies, |t| &t.code);
    let min_importance = Hundredths::from_f64(options.min_importance);
    let names = SkillNames::new(catalog);
    let mut skills = ElementSkills::new(catalog);
    let mut roles = Vec::new();
    let mut skipped = Vec::new();
    for occupation in occupations {
        let id = role_id(&occupation.code);
        if let Some(existing) = catalog.role(&id) {
            let origin = &catalog.role_origins[existing];
            return Err(ImportError::RoleIdTaken {
                id,
                code: occupation.code.clone(),
                at: format!("{}:{}:{}", origin.file, origin.line, origin.column),
            });
        }
        let elements = pair_ratings(ratings.get(occupation.code.as_str()));
        let skip = |reason| Skipped {
            code: occupation.code.clone(),
            title: occupation.title.clone(),
            reason,
        };
        if elements.is_empty() {
            skipped.push(skip(SkipReason::NotRated));
            continue;
        }
        let mut dropped = Dropped::default();
        let requires = requirements(&elements, min_importance, &mut skills, &mut dropped);
        if requires.is_empty() {
            skipped.push(skip(SkipReason::NothingKept));
            continue;
        }
        let in_use = technologies
            .get(occupation.code.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|t| options.technology.keeps(t));
        let (optional, unmatched) = optional_skills(catalog, &names, &requires, in_use);
        roles.push(ImportedRole {
            id,
            title: occupation.title.clone(),
            description: occupation.description.clone(),
            code: occupation.code.clone(),
            requires,
            optional,
            unmatched_technologies: unmatched,
            dropped,
        });
    }
    let mut new_skills = skills.new_skills;
    new_skills.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Import {
        roles,
        new_skills,
        skipped,
        options: options.clone(),
        release_name: release.version.clone(),
    })
}

/// The kept elements as requirements, most important first.
fn requirements(
    elements: &BTreeMap<(Domain, &str), Element>,
    min_importance: Hundredths,
    skills: &mut ElementSkills,
    dropped: &mut Dropped,
) -> Vec<ImportedRequirement> {
    let mut requires = Vec::new();
    for (&(domain, element_id), element) in elements {
        let Some((im, lv)) = element.keep(min_importance, dropped) else {
            continue;
        };
        let skill = skills.skill_for(element_id, element.name, domain);
        requires.push(ImportedRequirement {
            skill: skills.id(skill).to_owned(),
            level: scale::level(lv),
            importance: scale::importance(im),
            element_id: element_id.to_owned(),
            element_name: element.name.to_owned(),
            im,
            lv,
        });
    }
    requires
        .sort_by(|a, b| (b.importance, b.level, &a.skill).cmp(&(a.importance, a.level, &b.skill)));
    requires
}

/// The catalog skills the technologies name (sorted, without the required ones), and the
/// technologies that name none.
fn optional_skills<'a>(
    catalog: &Catalog,
    names: &SkillNames,
    requires: &[ImportedRequirement],
    technologies: impl Iterator<Item = &'a Technology>,
) -> (Vec<String>, Vec<String>) {
    let required: BTreeSet<&str> = requires.iter().map(|r| r.skill.as_str()).collect();
    let mut optional = BTreeSet::new();
    let mut unmatched = Vec::new();
    for technology in technologies {
        match names.find(&technology.example) {
            Some(skill) => {
                let id = catalog.skills[skill].id.as_str();
                if !required.contains(id) {
                    optional.insert(id.to_owned());
                }
            }
            None => unmatched.push(technology.example.clone()),
        }
    }
    (optional.into_iter().collect(), unmatched)
}

/// The catalog role id for an O*NET-SOC code: distinct from the bundled catalog's ids (which
/// are words), and the same on every run, so a second import of a code is caught as a
/// duplicate instead of slipping in under a new name.
pub fn role_id(code: &str) -> String {
    format!("onet-{}", code.replace('.', "-").to_lowercase())
}

fn select<'a>(
    release: &'a Release,
    selection: &Selection,
) -> Result<Vec<&'a Occupation>, ImportError> {
    let codes = match selection {
        Selection::All => return Ok(release.occupations.iter().collect()),
        Selection::Codes(codes) => codes,
    };
    let by_code: HashMap<&str, &Occupation> = release
        .occupations
        .iter()
        .map(|o| (o.code.as_str(), o))
        .collect();
    let mut seen = BTreeSet::new();
    let mut selected = Vec::new();
    for code in codes.iter().map(|c| c.trim()) {
        let Some(&occupation) = by_code.get(code) else {
            return Err(ImportError::UnknownOccupation {
                code: code.to_owned(),
                file: release.occupation_file.clone(),
                suggestion: did_you_mean(code, by_code.keys().copied()),
            });
        };
        if seen.insert(code) {
            selected.push(occupation);
        }
    }
    Ok(selected)
}

fn group_by_code<T>(rows: &[T], code: impl Fn(&T) -> &str) -> HashMap<&str, Vec<&T>> {
    let mut groups: HashMap<&str, Vec<&T>> = HashMap::new();
    for row in rows {
        groups.entry(code(row)).or_default().push(row);
    }
    groups
}

/// An element's two ratings for one occupation.
#[derive(Default)]
struct Element<'a> {
    name: &'a str,
    importance: Option<&'a Rating>,
    level: Option<&'a Rating>,
}

impl Element<'_> {
    /// (IM, LV) when the element is kept; otherwise counts why it is not.
    fn keep(
        &self,
        min_importance: Hundredths,
        dropped: &mut Dropped,
    ) -> Option<(Hundredths, Hundredths)> {
        let (Some(im), Some(lv)) = (self.importance, self.level) else {
            dropped.incomplete += 1;
            return None;
        };
        if im.recommend_suppress || lv.recommend_suppress {
            dropped.recommend_suppress += 1;
        } else if im.not_relevant || lv.not_relevant {
            dropped.not_relevant += 1;
        } else if im.value < min_importance {
            dropped.below_min_importance += 1;
        } else {
            return Some((im.value, lv.value));
        }
        None
    }
}

/// Elements keyed by (domain, element ID), so new skills are created in the same order on
/// every run and get the same ids.
fn pair_ratings<'a>(ratings: Option<&Vec<&'a Rating>>) -> BTreeMap<(Domain, &'a str), Element<'a>> {
    let mut elements: BTreeMap<(Domain, &str), Element> = BTreeMap::new();
    for rating in ratings.into_iter().flatten() {
        let element = elements
            .entry((rating.domain, rating.element_id.as_str()))
            .or_default();
        element.name = &rating.element_name;
        match rating.scale {
            Scale::Importance => element.importance = Some(rating),
            Scale::Level => element.level = Some(rating),
        }
    }
    elements
}
