//! The JSON Schema of one catalog file, generated from the `raw` types so that it always
//! matches what the loader accepts. Editors use it to complete and check keys.

use serde_json::Value;

use crate::catalog::raw::RawFile;

/// Pretty-printed JSON Schema (draft 2020-12) of one catalog file.
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(RawFile);
    if let Some(root) = schema.as_object_mut() {
        root.values_mut().for_each(remove_null);
    }
    // Serializing through `Schema` keeps its keyword order (`$schema` and `title` first).
    // It cannot fail on a `Value`; fall back to the compact form rather than panic.
    serde_json::to_string_pretty(&schema).unwrap_or_else(|_| schema.as_value().to_string())
}

/// TOML has no null: an optional key is simply left out. schemars describes `Option` fields
/// as "T or null", so drop the null alternative everywhere, leaving editors a precise type.
fn remove_null(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [single] = types.as_slice() {
                    let single = single.clone();
                    map.insert("type".to_owned(), single);
                }
            }
            if let Some(Value::Array(alternatives)) = map.get("anyOf") {
                let not_null: Vec<Value> = alternatives
                    .iter()
                    .filter(|a| a.get("type").is_none_or(|t| t != "null"))
                    .cloned()
                    .collect();
                if let [only] = not_null.as_slice() {
                    map.remove("anyOf");
                    if let Value::Object(only) = only {
                        for (key, value) in only {
                            map.entry(key.clone()).or_insert_with(|| value.clone());
                        }
                    }
                }
            }
            map.values_mut().for_each(remove_null);
        }
        Value::Array(items) => items.iter_mut().for_each(remove_null),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::raw::{RawCredential, RawMeta, RawRole, RawSkill, TableKeys};

    fn schema_keys(schema: &serde_json::Value, definition: Option<&str>) -> Vec<String> {
        let node = match definition {
            Some(name) => &schema["$defs"][name],
            None => schema,
        };
        let mut keys: Vec<String> = node["properties"]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        keys.sort();
        keys
    }

    fn sorted(keys: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        keys.sort();
        keys
    }

    #[test]
    fn known_keys_match_the_schema() {
        let schema = serde_json::to_value(schemars::schema_for!(RawFile)).expect("schema");
        assert_eq!(schema_keys(&schema, None), sorted(RawFile::KEYS));
        assert_eq!(
            schema_keys(&schema, Some("CatalogInfo")),
            sorted(RawMeta::KEYS)
        );
        assert_eq!(schema_keys(&schema, Some("Skill")), sorted(RawSkill::KEYS));
        assert_eq!(
            schema_keys(&schema, Some("Credential")),
            sorted(RawCredential::KEYS)
        );
        assert_eq!(schema_keys(&schema, Some("Role")), sorted(RawRole::KEYS));
    }

    #[test]
    fn the_schema_describes_every_table_and_requires_ids() {
        let schema: serde_json::Value =
            serde_json::from_str(&json_schema()).expect("the schema is JSON");
        assert_eq!(schema["title"], "skillpath catalog file");
        for table in ["catalog", "skill", "credential", "role"] {
            assert!(schema["properties"][table].is_object(), "{table}");
        }
        let required = &schema["$defs"]["Credential"]["required"];
        for key in ["id", "title", "provider", "hours", "cost"] {
            assert!(
                required
                    .as_array()
                    .is_some_and(|r| r.iter().any(|k| k == key)),
                "{key} in {required}"
            );
        }
        assert!(!json_schema().contains("null"), "TOML has no null");
        assert_eq!(
            schema["properties"]["catalog"]["$ref"], "#/$defs/CatalogInfo",
            "an optional table is described as the table"
        );
        let level = &schema["$defs"]["Level"];
        assert_eq!(
            (level["minimum"].clone(), level["maximum"].clone()),
            (1.into(), 5.into())
        );
    }
}
