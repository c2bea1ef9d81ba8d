//! The canonical layout of a catalog file (`skillpath fmt`): text in, text out, comments kept.
//!
//! - Tables in the order `[catalog]`, `[[skill]]`, `[[credential]]`, `[[role]]` (entries of one
//!   kind keep their order; anything else comes last, as written).
//! - Keys of each entry in the order of catalog.md (the loader's key lists); unknown keys last.
//! - One blank line before each entry; a comment block above an entry stays with it, and the
//!   file's opening comment block (with its `#:schema` line) stays at the top.
//! - No blank lines inside an entry; `key = value` with single spaces; a trailing comment after
//!   one space.
//! - Inline tables on one line: `{ sql = 2, statistics = { level = 3, importance = 5 } }`.
//!
//! Values are written exactly as they were (quotes, number forms, multi-line arrays); this
//! changes layout only, so a formatted catalog loads into the same catalog.

use std::cmp::Ordering;

use toml_edit::{Decor, Document, InlineTable, Item, Table, Value};

use crate::catalog::format_comments::{
    comment_in_inline_table, comment_lines, decor_prefix, decor_suffix, entry_prefix, raw_text,
    trailing_block, trailing_comment,
};
use crate::catalog::raw::{RawCredential, RawMeta, RawRole, RawSkill, TableKeys};
use crate::catalog::source::LineIndex;

/// Why a file cannot be formatted. Nothing is rewritten then.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("line {line}, column {column}: {message} (run `skillpath check` for details)")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// One-line inline tables cannot hold comments, so formatting would drop this one.
    #[error(
        "line {line}: a comment inside the inline table `{key}` would be lost; move it above \
         the `{key} = ...` line"
    )]
    CommentInInlineTable { key: String, line: usize },
}

/// The file's text in the canonical layout. Formatting its output again changes nothing.
pub fn format(text: &str) -> Result<String, FormatError> {
    let lines = LineIndex::new(text);
    let spanned = Document::parse(text).map_err(|error| {
        let position = lines.position(text, error.span().map_or(0, |span| span.start));
        FormatError::Syntax {
            line: position.line,
            column: position.column,
            message: error.message().trim().to_owned(),
        }
    })?;
    if let Some((key, offset)) = comment_in_inline_table(spanned.as_table(), text) {
        let line = lines.position(text, offset).line;
        return Err(FormatError::CommentInInlineTable { key, line });
    }
    let mut document = spanned.into_mut();
    let root_has_values = document.iter().any(|(_, item)| item.is_value());
    reorder_entries(document.as_table_mut(), root_has_values);
    tidy_tables(document.as_table_mut(), root_has_values);
    let trailing = trailing_block(raw_text(document.trailing(), text));
    document.set_trailing(trailing);

    let formatted = document.to_string();
    let body = formatted.trim_end();
    Ok(if body.is_empty() {
        String::new()
    } else {
        format!("{body}\n")
    })
}

/// The kinds of top-level table, in canonical order; anything else sorts after them.
const TABLE_ORDER: [&str; 4] = ["catalog", "skill", "credential", "role"];

fn table_rank(name: &str) -> usize {
    TABLE_ORDER
        .iter()
        .position(|&t| t == name)
        .unwrap_or(TABLE_ORDER.len())
}

/// The canonical key order of an entry of the top-level table `name`.
fn key_order(name: &str) -> &'static [&'static str] {
    match name {
        "catalog" => RawMeta::KEYS,
        "skill" => RawSkill::KEYS,
        "credential" => RawCredential::KEYS,
        "role" => RawRole::KEYS,
        _ => &[],
    }
}

fn key_rank(order: &[&str], key: &str) -> usize {
    order.iter().position(|&k| k == key).unwrap_or(order.len())
}

/// A top-level entry: a `[table]` or one element of a `[[table]]` array.
struct Entry<'a> {
    rank: usize,
    position: Option<isize>,
    table: &'a mut Table,
}

/// Puts the entries in canonical order. toml_edit writes tables by their position, so each
/// entry gets a new position, and its sub-tables the positions right after it.
fn reorder_entries(root: &mut Table, root_has_values: bool) {
    root.sort_values_by(|a, _, b, _| table_rank(a.get()).cmp(&table_rank(b.get())));
    let mut entries: Vec<Entry> = Vec::new();
    for (name, item) in root.iter_mut() {
        let rank = table_rank(name.get());
        match item {
            Item::Table(table) if !table.is_dotted() => entries.push(Entry {
                rank,
                position: table.position(),
                table,
            }),
            Item::ArrayOfTables(array) => {
                entries.extend(array.iter_mut().map(|table| Entry {
                    rank,
                    position: table.position(),
                    table,
                }));
            }
            _ => {}
        }
    }
    let first_written = entries
        .iter()
        .enumerate()
        .min_by_key(|(_, e)| e.position)
        .map(|(i, _)| i);
    // Stable: entries of one kind keep their relative order.
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| {
        (entries[a].rank, entries[a].position).cmp(&(entries[b].rank, entries[b].position))
    });
    if let (Some(old_first), Some(&new_first), false) =
        (first_written, order.first(), root_has_values)
        && old_first != new_first
    {
        move_file_header(&mut entries, old_first, new_first);
    }
    let mut next = 0;
    for index in order {
        renumber(entries[index].table, &mut next);
    }
}

/// The file's opening comments belong to the file, not to the entry that happened to be first:
/// they move to the entry now first.
fn move_file_header(entries: &mut [Entry], old_first: usize, new_first: usize) {
    let old_prefix = decor_prefix(entries[old_first].table.decor()).to_owned();
    let (header, rest) = split_file_header(&old_prefix);
    if header.is_empty() {
        return;
    }
    let new_prefix = decor_prefix(entries[new_first].table.decor()).trim_start();
    let new_prefix = format!("{header}\n{new_prefix}");
    entries[old_first].table.decor_mut().set_prefix(rest);
    entries[new_first].table.decor_mut().set_prefix(new_prefix);
}

/// The opening comment block of a prefix: its lines up to the first blank line; without a
/// blank line, only its leading `#:` directives (such as `#:schema`).
fn split_file_header(prefix: &str) -> (String, String) {
    let lines: Vec<&str> = prefix.split_inclusive('\n').collect();
    let leading_blank = lines.iter().take_while(|l| l.trim().is_empty()).count();
    let comments = &lines[leading_blank..];
    let header_len = match comments.iter().position(|l| l.trim().is_empty()) {
        Some(blank) => blank,
        None => comments
            .iter()
            .take_while(|l| l.trim_start().starts_with("#:"))
            .count(),
    };
    let header: String = comments[..header_len].concat();
    let rest: String = comments[header_len..].concat();
    (header, rest)
}

/// Gives `table` the next position, then its sub-tables in their written order.
fn renumber(table: &mut Table, next: &mut isize) {
    table.set_position(Some(*next));
    *next += 1;
    let mut children: Vec<&mut Table> = Vec::new();
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(child) if !child.is_dotted() => children.push(child),
            Item::ArrayOfTables(array) => children.extend(array.iter_mut()),
            _ => {}
        }
    }
    children.sort_by_key(|child| child.position());
    for child in children {
        renumber(child, next);
    }
}

/// Key order, spacing and comments of every table below the root.
fn tidy_tables(root: &mut Table, root_has_values: bool) {
    for (mut name, item) in root.iter_mut() {
        let order = key_order(name.get());
        match item {
            Item::Table(table) if !table.is_dotted() => {
                *name.leaf_decor_mut() = Decor::new("", "");
                tidy_entry(table, order, root_has_values);
            }
            Item::ArrayOfTables(array) => {
                *name.leaf_decor_mut() = Decor::new("", "");
                for table in array.iter_mut() {
                    tidy_entry(table, order, root_has_values);
                }
            }
            _ => {}
        }
    }
}

fn tidy_entry(table: &mut Table, order: &[&str], root_has_values: bool) {
    table.sort_values_by(|a, _, b, _| key_rank(order, a.get()).cmp(&key_rank(order, b.get())));
    tidy_table(table, root_has_values);
}

fn tidy_table(table: &mut Table, root_has_values: bool) {
    // The very first table of the file has nothing above it to keep apart from.
    let first = table.position() == Some(0) && !root_has_values;
    let prefix = entry_prefix(decor_prefix(table.decor()), first);
    let suffix = trailing_comment(decor_suffix(table.decor()));
    *table.decor_mut() = Decor::new(prefix, suffix);
    for (mut key, item) in table.iter_mut() {
        match item {
            Item::Value(value) => {
                let comments = comment_lines(decor_prefix(key.leaf_decor()));
                *key.leaf_decor_mut() = Decor::new(comments, " ");
                let suffix = trailing_comment(decor_suffix(value.decor()));
                *value.decor_mut() = Decor::new(" ", suffix);
                if let Value::InlineTable(inline) = value {
                    one_line(inline);
                }
            }
            Item::Table(child) if !child.is_dotted() => {
                *key.leaf_decor_mut() = Decor::new("", "");
                tidy_table(child, root_has_values);
            }
            Item::ArrayOfTables(array) => {
                *key.leaf_decor_mut() = Decor::new("", "");
                for child in array.iter_mut() {
                    tidy_table(child, root_has_values);
                }
            }
            _ => {}
        }
    }
}

/// An inline table on one line, its nested inline tables too; a requirement's detail as
/// `{ level, importance }`.
fn one_line(inline: &mut InlineTable) {
    inline.fmt();
    inline.set_trailing_comma(false);
    inline.set_trailing("");
    let is_requirement = !inline.is_empty()
        && inline
            .iter()
            .all(|(key, _)| key == "level" || key == "importance");
    if is_requirement {
        inline.sort_values_by(|a, _, b, _| level_first(a.get(), b.get()));
    }
    for (_, value) in inline.iter_mut() {
        if let Value::InlineTable(nested) = value {
            one_line(nested);
        }
    }
}

fn level_first(a: &str, b: &str) -> Ordering {
    (a != "level").cmp(&(b != "level"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_get_one_blank_line_and_keep_their_comments() {
        assert_eq!(entry_prefix("", true), "");
        assert_eq!(entry_prefix("\n\n\n", false), "\n");
        assert_eq!(
            entry_prefix("\n\n# a\n\n\n  # b\n\n", false),
            "\n# a\n\n# b\n\n"
        );
        assert_eq!(
            entry_prefix("# about the next\n", false),
            "\n# about the next\n"
        );
        assert_eq!(
            entry_prefix("# about the previous\n\n", false),
            "# about the previous\n\n"
        );
        assert_eq!(
            entry_prefix("#:schema x.json\n\n", true),
            "#:schema x.json\n\n"
        );
    }

    #[test]
    fn the_file_header_is_its_first_paragraph() {
        let (header, rest) = split_file_header("#:schema x.json\n# about\n\n# section\n");
        assert_eq!(header, "#:schema x.json\n# about\n");
        assert_eq!(rest, "\n# section\n");
        let (header, rest) = split_file_header("#:schema x.json\n# entry note\n");
        assert_eq!(
            (header.as_str(), rest.as_str()),
            ("#:schema x.json\n", "# entry note\n")
        );
    }

    #[test]
    fn trailing_comments_get_one_space() {
        assert_eq!(trailing_comment("   # note  "), " # note");
        assert_eq!(trailing_comment("  "), "");
    }
}
