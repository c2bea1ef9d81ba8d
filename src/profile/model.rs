//! A saved profile: who a person is (skills, credentials held) and how they want to plan.
//! Stored as TOML. Ids are kept as strings, not indices, so a profile outlives catalog edits;
//! [`Profile::resolve`](crate::profile::Profile::resolve) maps them onto a catalog.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::catalog::MAX_LEVEL;
use crate::plan::Objective;

pub const DEFAULT_HOURS_PER_WEEK: f64 = 5.0;

/// Top-level keys this version knows. Any other top-level key (written by a newer version)
/// is kept in [`Profile::extra`] and written back on save, so nothing is lost.
pub(crate) const KNOWN_KEYS: [&str; 11] = [
    "name",
    "target_role",
    "skills",
    "done",
    "hours_per_week",
    "objective",
    "budget_cost",
    "budget_hours",
    "exclude",
    "exclude_providers",
    "notes",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_role: Option<String>,
    /// Skill id -> level held, 1..=5.
    #[serde(default, deserialize_with = "levels")]
    pub skills: BTreeMap<String, u8>,
    /// Credential ids completed.
    #[serde(default)]
    pub done: BTreeSet<String>,
    #[serde(
        default = "default_hours_per_week",
        deserialize_with = "positive_hours"
    )]
    pub hours_per_week: f64,
    #[serde(default, with = "objective_name")]
    pub objective: Objective,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "budget"
    )]
    pub budget_cost: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "budget"
    )]
    pub budget_hours: Option<f64>,
    /// Credential ids never to plan.
    #[serde(default)]
    pub exclude: BTreeSet<String>,
    /// Providers never to plan.
    #[serde(default)]
    pub exclude_providers: BTreeSet<String>,
    /// An advisor's notes about the client; private, never exported to the client.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Top-level keys unknown to this version, kept verbatim. Unknown keys inside a note are
    /// ignored.
    #[serde(skip)]
    pub extra: toml::Table,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// YYYY-MM-DD.
    pub date: String,
    pub text: String,
    /// Keys a newer version wrote into a note, kept and written back like the profile's own.
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Note {
    pub fn new(date: impl Into<String>, text: impl Into<String>) -> Self {
        Note {
            date: date.into(),
            text: text.into(),
            extra: toml::Table::new(),
        }
    }
}

impl Profile {
    pub fn new(name: &str) -> Self {
        Self {
            name: name.to_string(),
            target_role: None,
            skills: BTreeMap::new(),
            done: BTreeSet::new(),
            hours_per_week: DEFAULT_HOURS_PER_WEEK,
            objective: Objective::default(),
            budget_cost: None,
            budget_hours: None,
            exclude: BTreeSet::new(),
            exclude_providers: BTreeSet::new(),
            notes: Vec::new(),
            extra: toml::Table::new(),
        }
    }
}

impl Default for Profile {
    fn default() -> Self {
        Self::new("")
    }
}

fn default_hours_per_week() -> f64 {
    DEFAULT_HOURS_PER_WEEK
}

/// A level, rejected while parsing when outside 1..=5 so the error points at the value.
struct Level(u8);

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let level = i64::deserialize(deserializer)?;
        match u8::try_from(level) {
            Ok(level @ 1..=MAX_LEVEL) => Ok(Level(level)),
            _ => Err(serde::de::Error::custom(format!(
                "skill level {level} is outside 1..{MAX_LEVEL}"
            ))),
        }
    }
}

fn levels<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<String, u8>, D::Error> {
    let raw = BTreeMap::<String, Level>::deserialize(deserializer)?;
    Ok(raw
        .into_iter()
        .map(|(skill, Level(l))| (skill, l))
        .collect())
}

fn positive_hours<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    let hours = f64::deserialize(deserializer)?;
    match crate::plan::hours_per_week_problem(hours) {
        None => Ok(hours),
        Some(problem) => Err(serde::de::Error::custom(format!("{hours}: {problem}"))),
    }
}

fn budget<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    let budget = f64::deserialize(deserializer)?;
    if budget.is_finite() && budget >= 0.0 {
        Ok(Some(budget))
    } else {
        Err(serde::de::Error::custom(format!(
            "a budget must be zero or more, not {budget}"
        )))
    }
}

/// `Objective` is a plan type without serde; profiles store it by name.
mod objective_name {
    use super::*;

    pub fn serialize<S: Serializer>(objective: &Objective, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(objective.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Objective, D::Error> {
        let name = String::deserialize(d)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}
