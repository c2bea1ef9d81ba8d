//! Stage 2: the shape of each file. Turns the parsed tables into `raw` items, reporting unknown
//! keys (with suggestions) and values of the wrong type. Each item is deserialized whole first;
//! only when that fails is each key deserialized on its own, so that one bad value does not
//! hide the others and the item still carries every good field into the next stage.

use std::collections::BTreeSet;
use std::ops::Range;

use serde::Deserialize;
use serde::de::IntoDeserializer;
use serde_spanned::Spanned;
use toml::de::{DeTable, DeValue};

use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::raw::{RawCredential, RawFile, RawMeta, RawRole, RawSkill, TableKeys};
use crate::catalog::validate::{At, Report, suggestion};

/// One decoded table of a file.
#[derive(Debug)]
pub(crate) struct Item<T> {
    /// Where the item starts: its `[[credential]]` header, `[catalog]` key or inline table.
    pub at: At,
    pub raw: T,
    /// Keys present but of the wrong type (already reported; not "missing").
    pub broken: BTreeSet<String>,
}

impl<T> Item<T> {
    pub fn is_broken(&self, key: &str) -> bool {
        self.broken.contains(key)
    }
}

/// Every item of every file, in file order then source order.
#[derive(Debug, Default)]
pub(crate) struct Decoded {
    pub meta: Vec<Item<RawMeta>>,
    pub skills: Vec<Item<RawSkill>>,
    pub credentials: Vec<Item<RawCredential>>,
    pub roles: Vec<Item<RawRole>>,
}

impl Decoded {
    /// Moves every item of `other` to the end of this.
    pub fn append(&mut self, other: &mut Decoded) {
        self.meta.append(&mut other.meta);
        self.skills.append(&mut other.skills);
        self.credentials.append(&mut other.credentials);
        self.roles.append(&mut other.roles);
    }
}

/// Decodes the top-level tables of one file into `out`.
pub(crate) fn decode_file(report: &mut Report, file: usize, root: &DeTable, out: &mut Decoded) {
    for (key, value) in root.iter() {
        let name = key.get_ref().as_ref();
        let key_at = At::of(file, key);
        match name {
            "catalog" => {
                if let Some(item) = decode_item(report, file, key_at, "catalog", value) {
                    out.meta.push(item);
                }
            }
            "skill" => decode_array(report, file, key_at, "skill", value, &mut out.skills),
            "credential" => decode_array(
                report,
                file,
                key_at,
                "credential",
                value,
                &mut out.credentials,
            ),
            "role" => decode_array(report, file, key_at, "role", value, &mut out.roles),
            _ => unknown_key(
                report,
                &key_at,
                name,
                "at the top level of a catalog file",
                RawFile::KEYS,
            ),
        }
    }
}

fn decode_array<T: for<'de> Deserialize<'de> + TableKeys>(
    report: &mut Report,
    file: usize,
    key_at: At,
    name: &str,
    value: &Spanned<DeValue>,
    out: &mut Vec<Item<T>>,
) {
    let DeValue::Array(items) = value.get_ref() else {
        report.push(
            &key_at,
            Diagnostic::error("wrong-type", format!("`{name}` must be an array of tables"))
                .with_help(format!("write each one as `[[{name}]]`")),
        );
        return;
    };
    for item in items.iter() {
        let at = At::of(file, item);
        out.extend(decode_item(report, file, at, name, item));
    }
}

/// Decodes one table into `T`, reporting every unknown key and every value of the wrong type.
fn decode_item<T: for<'de> Deserialize<'de> + TableKeys>(
    report: &mut Report,
    file: usize,
    at: At,
    name: &str,
    value: &Spanned<DeValue>,
) -> Option<Item<T>> {
    let DeValue::Table(table) = value.get_ref() else {
        report.push(
            &At::of(file, value),
            Diagnostic::error("wrong-type", format!("each `{name}` must be a table"))
                .with_help(format!("write it as `[[{name}]]` followed by its keys")),
        );
        return None;
    };
    let mut known = DeTable::new();
    for (key, entry) in table.iter() {
        let key_name = key.get_ref().as_ref();
        if T::KEYS.contains(&key_name) {
            known.insert(key.clone(), entry.clone());
        } else {
            let place = format!("in a `{name}`");
            unknown_key(report, &At::of(file, key), key_name, &place, T::KEYS);
        }
    }
    let span = value.span();
    if let Ok(raw) = deserialize::<T>(&known, span.clone()) {
        return Some(Item {
            at,
            raw,
            broken: BTreeSet::new(),
        });
    }
    let mut broken = BTreeSet::new();
    for (key, entry) in known.iter() {
        let mut alone = DeTable::new();
        alone.insert(key.clone(), entry.clone());
        if let Err(error) = deserialize::<T>(&alone, span.clone()) {
            let key_name = key.get_ref().to_string();
            let error_at = At::new(file, error.span().unwrap_or_else(|| entry.span()));
            report.push(&error_at, wrong_type(&key_name, error.message()));
            broken.insert(key_name);
        }
    }
    let mut good = DeTable::new();
    for (key, entry) in known.iter() {
        if !broken.contains(key.get_ref().as_ref()) {
            good.insert(key.clone(), entry.clone());
        }
    }
    // Each remaining key deserialized alone, so together they do too; if serde still
    // disagrees, the item is dropped rather than guessed at (the errors above explain it).
    let raw = deserialize::<T>(&good, span).ok()?;
    Some(Item { at, raw, broken })
}

fn deserialize<T: for<'de> Deserialize<'de>>(
    table: &DeTable,
    span: Range<usize>,
) -> Result<T, toml::de::Error> {
    T::deserialize(Spanned::new(span, DeValue::Table(table.clone())).into_deserializer())
}

fn wrong_type(key: &str, serde_message: &str) -> Diagnostic {
    // serde names Rust types; say what a TOML author writes instead.
    let message = serde_message
        .trim()
        .replace(" as i128", "")
        .replace("invalid type: map,", "invalid type: a table or date,")
        .replace("expected f64", "expected a number")
        .replace("expected u32", "expected a whole number >= 0")
        .replace("expected a sequence", "expected an array")
        .replace("expected a map", "expected a table");
    let diagnostic = Diagnostic::error("wrong-type", format!("`{key}`: {message}"));
    match misspelling_help(&message) {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

/// For serde's "unknown variant `corse`, expected one of `badge`, `course`, ..." (and the same
/// for fields), the candidate the author most likely meant. serde formats these messages
/// with every name in backticks, the unknown one first.
fn misspelling_help(message: &str) -> Option<String> {
    if !(message.starts_with("unknown variant") || message.starts_with("unknown field")) {
        return None;
    }
    let mut quoted = message.split('`').skip(1).step_by(2);
    let unknown = quoted.next()?;
    suggestion(unknown, quoted)
}

fn unknown_key(report: &mut Report, at: &At, key: &str, place: &str, known: &[&str]) {
    let help = suggestion(key, known.iter().copied())
        .unwrap_or_else(|| format!("known keys: {}", known.join(", ")));
    report.push(
        at,
        Diagnostic::error("unknown-key", format!("unknown key `{key}` {place}")).with_help(help),
    );
}
