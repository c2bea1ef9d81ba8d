//! The catalog's TOML as written: serde types with source spans, and the JSON Schema derives
//! that `skillpath schema` prints. Nothing here is validated yet; see `catalog::load`.
//!
//! Every field is optional at this level, even the required ones, so that one missing key does
//! not hide the other problems of an item: the validator reports each missing key itself.
//! The schema still marks required keys as required (`with = "String"`, not an `Option`).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_spanned::Spanned;

pub use crate::catalog::raw_level::{RawLevel, RawRequirement};

pub type Text = Option<Spanned<String>>;
pub type IdList = Option<Vec<Spanned<String>>>;
pub type LevelMap = Option<Entries<RawLevel>>;

/// A TOML table read as its entries in source order. A map per credential cost a B-tree node,
/// near a kilobyte, for one or two skills: a third of the memory of loading a large catalog.
/// TOML itself rejects a key given twice, so the entries are a map's.
#[derive(Debug, Default)]
pub struct Entries<V>(pub Vec<(Spanned<String>, Spanned<V>)>);

impl<V> Entries<V> {
    pub fn iter(&self) -> impl Iterator<Item = (&Spanned<String>, &Spanned<V>)> {
        self.0.iter().map(|(key, value)| (key, value))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<V> {
            type Value = Entries<V>;

            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a map")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(Visitor(std::marker::PhantomData))
    }
}

/// The keys a table may hold, for unknown-key messages and their suggestions. A unit test
/// checks each list against the JSON Schema, so the two cannot drift apart.
pub trait TableKeys {
    const KEYS: &'static [&'static str];
}

/// One catalog file. Every table is optional, so a catalog can be split by domain.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "skillpath catalog file")]
pub struct RawFile {
    /// Catalog metadata; at most once across all files.
    pub catalog: Option<RawMeta>,
    #[serde(default)]
    pub skill: Vec<RawSkill>,
    #[serde(default)]
    pub credential: Vec<RawCredential>,
    #[serde(default)]
    pub role: Vec<RawRole>,
}

impl TableKeys for RawFile {
    const KEYS: &'static [&'static str] = &["catalog", "skill", "credential", "role"];
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "CatalogInfo")]
pub struct RawMeta {
    #[schemars(with = "Option<String>")]
    pub name: Text,
    /// ISO 4217 code; all costs are in it.
    #[schemars(with = "Option<String>", regex(pattern = r"^[A-Z]{3}$"))]
    pub currency: Text,
    /// When the figures were last checked, e.g. "2026-11".
    #[schemars(with = "Option<String>")]
    pub as_of: Text,
    #[schemars(with = "Option<String>")]
    pub version: Text,
}

impl TableKeys for RawMeta {
    const KEYS: &'static [&'static str] = &["name", "currency", "as_of", "version"];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "Category")]
pub enum RawCategory {
    Technical,
    Soft,
    Industry,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Skill")]
pub struct RawSkill {
    /// Unique among skills: lowercase a-z, 0-9 and '-', starting with a letter.
    #[schemars(with = "String", regex(pattern = r"^[a-z][a-z0-9-]*$"))]
    pub id: Text,
    #[schemars(with = "String")]
    pub name: Text,
    /// Default: technical.
    pub category: Option<RawCategory>,
    /// Other names, found by fuzzy search too.
    pub aliases: Option<Vec<String>>,
    pub description: Option<String>,
    /// A broader skill (a hierarchy, as ESCO has).
    #[schemars(with = "Option<String>")]
    pub parent: Text,
    /// References to public taxonomies, e.g. `{ esco = "..." }`.
    pub codes: Option<BTreeMap<String, String>>,
}

impl TableKeys for RawSkill {
    const KEYS: &'static [&'static str] = &[
        "id",
        "name",
        "category",
        "aliases",
        "description",
        "parent",
        "codes",
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "Kind")]
pub enum RawKind {
    Badge,
    Course,
    Certificate,
    Exam,
    Stack,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(rename = "Format")]
pub enum RawFormat {
    Online,
    InPerson,
    Hybrid,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Credential")]
pub struct RawCredential {
    /// Unique among credentials: lowercase a-z, 0-9 and '-', starting with a letter.
    #[schemars(with = "String", regex(pattern = r"^[a-z][a-z0-9-]*$"))]
    pub id: Text,
    #[schemars(with = "String")]
    pub title: Text,
    #[schemars(with = "String")]
    pub provider: Text,
    /// Default: course. A stack is earned by completing its `parts`.
    #[schemars(with = "Option<RawKind>")]
    pub kind: Option<Spanned<RawKind>>,
    /// Estimated learning hours, >= 0.
    #[schemars(with = "f64", range(min = 0.0))]
    pub hours: Option<Spanned<f64>>,
    /// In the catalog's currency, >= 0.
    #[schemars(with = "f64", range(min = 0.0))]
    pub cost: Option<Spanned<f64>>,
    /// Default: online.
    pub format: Option<RawFormat>,
    pub url: Option<String>,
    /// Skill -> level reached on completion.
    #[schemars(with = "Option<BTreeMap<String, RawLevel>>")]
    pub grants: LevelMap,
    /// All of these credentials first.
    #[schemars(with = "Option<Vec<String>>")]
    pub requires: IdList,
    /// Each group: at least one of these credentials first.
    #[schemars(with = "Option<Vec<Vec<String>>>")]
    pub requires_any: Option<Vec<Spanned<Vec<Spanned<String>>>>>,
    /// These skill levels first (held or granted earlier).
    #[schemars(with = "Option<BTreeMap<String, RawLevel>>")]
    pub requires_skills: LevelMap,
    /// Only on `kind = "stack"`: the credentials that together earn it.
    #[schemars(with = "Option<Vec<String>>")]
    pub parts: Option<Spanned<Vec<Spanned<String>>>>,
    /// Years until it expires.
    pub valid_years: Option<u32>,
}

impl TableKeys for RawCredential {
    const KEYS: &'static [&'static str] = &[
        "id",
        "title",
        "provider",
        "kind",
        "hours",
        "cost",
        "format",
        "url",
        "grants",
        "requires",
        "requires_any",
        "requires_skills",
        "parts",
        "valid_years",
    ];
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Role")]
pub struct RawRole {
    /// Unique among roles: lowercase a-z, 0-9 and '-', starting with a letter.
    #[schemars(with = "String", regex(pattern = r"^[a-z][a-z0-9-]*$"))]
    pub id: Text,
    #[schemars(with = "String")]
    pub title: Text,
    pub description: Option<String>,
    /// Skill -> level, or `{ level, importance }` (importance 1..5, default 3).
    #[schemars(with = "Option<BTreeMap<String, RawRequirement>>")]
    pub requires: Option<BTreeMap<Spanned<String>, Spanned<RawRequirement>>>,
    /// Nice to have: never part of the gap, shown apart.
    #[schemars(with = "Option<BTreeMap<String, RawRequirement>>")]
    pub optional: Option<BTreeMap<Spanned<String>, Spanned<RawRequirement>>>,
    /// References to public taxonomies, e.g. `{ onet = "15-2051.01" }`.
    pub codes: Option<BTreeMap<String, String>>,
}

impl TableKeys for RawRole {
    const KEYS: &'static [&'static str] = &[
        "id",
        "title",
        "description",
        "requires",
        "optional",
        "codes",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_keep_what_was_written() {
        let file: RawFile = toml::from_str(
            "[[role]]\nid = 'r'\nrequires = { a = 6, b = 3.5, c = 'three', d = { level = 2 } }",
        )
        .expect("parses");
        let requires = file.role[0].requires.as_ref().expect("requires");
        let by_key = |k: &str| {
            requires
                .iter()
                .find(|(key, _)| key.get_ref() == k)
                .map(|(_, v)| v.get_ref().clone())
        };
        assert_eq!(
            by_key("a"),
            Some(RawRequirement::Level(RawLevel::Integer(6)))
        );
        assert_eq!(
            by_key("b"),
            Some(RawRequirement::Level(RawLevel::Float(3.5)))
        );
        assert_eq!(
            by_key("c"),
            Some(RawRequirement::Level(RawLevel::Other(
                "the string \"three\"".to_owned()
            )))
        );
        assert!(matches!(by_key("d"), Some(RawRequirement::Detailed { .. })));
    }
}
