//! Levels and role requirements as written, kept loose: any TOML value is accepted here so
//! that the validator, not serde, says what is wrong with a level, quoting what was written.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_spanned::Spanned;

/// A level (or importance) as written, kept loose so that the validator can say exactly what
/// is wrong with it: `0`, `6`, `3.5` and `"three"` each get their own message.
#[derive(Debug, Clone, PartialEq)]
pub enum RawLevel {
    Integer(i64),
    Float(f64),
    /// Anything else, described for a message, e.g. `the string "three"`.
    Other(String),
}

impl JsonSchema for RawLevel {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Level".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "1 awareness, 2 foundational, 3 intermediate, 4 advanced, 5 expert",
            "type": "integer",
            "minimum": 1,
            "maximum": 5
        })
    }
}

impl<'de> Deserialize<'de> for RawLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseLevel)
    }
}

/// Accepts any TOML value as a level; only tables are left to the caller's visitor.
struct LooseLevel;

impl<'de> Visitor<'de> for LooseLevel {
    type Value = RawLevel;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a level 1..5")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawLevel, E> {
        Ok(RawLevel::Integer(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawLevel, E> {
        Ok(i64::try_from(v).map_or_else(|_| RawLevel::Other(format!("{v}")), RawLevel::Integer))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawLevel, E> {
        Ok(RawLevel::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawLevel, E> {
        Ok(RawLevel::Other(format!("the string {v:?}")))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawLevel, E> {
        Ok(RawLevel::Other(format!("the boolean {v}")))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<RawLevel, A::Error> {
        Ok(RawLevel::Other("an array".to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<RawLevel, A::Error> {
        // Dates and times also arrive as maps in serde's TOML data model.
        Ok(RawLevel::Other("a table or date".to_owned()))
    }
}

/// A role requirement: a bare level, or a table with a level and an importance.
#[derive(Debug, Clone, PartialEq)]
pub enum RawRequirement {
    Level(RawLevel),
    Detailed {
        level: Option<Spanned<RawLevel>>,
        importance: Option<Spanned<RawLevel>>,
    },
}

impl JsonSchema for RawRequirement {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Requirement".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let level = generator.subschema_for::<RawLevel>();
        json_schema!({
            "oneOf": [
                level,
                {
                    "type": "object",
                    "properties": {
                        "level": level,
                        "importance": {
                            "description": "1..5, default 3",
                            "type": "integer", "minimum": 1, "maximum": 5
                        }
                    },
                    "required": ["level"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for RawRequirement {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseRequirement)
    }
}

struct LooseRequirement;

impl<'de> Visitor<'de> for LooseRequirement {
    type Value = RawRequirement;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a level 1..5 or a table { level, importance }")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawRequirement, E> {
        LooseLevel.visit_i64(v).map(RawRequirement::Level)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawRequirement, E> {
        LooseLevel.visit_u64(v).map(RawRequirement::Level)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawRequirement, E> {
        LooseLevel.visit_f64(v).map(RawRequirement::Level)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawRequirement, E> {
        LooseLevel.visit_str(v).map(RawRequirement::Level)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawRequirement, E> {
        LooseLevel.visit_bool(v).map(RawRequirement::Level)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawRequirement, A::Error> {
        LooseLevel.visit_seq(seq).map(RawRequirement::Level)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRequirement, A::Error> {
        const FIELDS: &[&str] = &["level", "importance"];
        let (mut level, mut importance) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "level" => level = Some(map.next_value()?),
                "importance" => importance = Some(map.next_value()?),
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        Ok(RawRequirement::Detailed { level, importance })
    }
}
