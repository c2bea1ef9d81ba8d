//! Where a catalog file's comments live for `skillpath fmt`: toml_edit keeps them in the
//! whitespace ("decor") around tables, keys and values, and these read that text back as
//! comment blocks, paragraphs and trailing comments, so the formatter can carry each one to
//! the entry it belongs to. Inline tables cannot hold comments once on one line, so one found
//! there is reported instead of dropped.

use toml_edit::{Decor, InlineTable, Item, RawString, Table, Value};

/// The whitespace and comments above an entry's header. Comments keep their paragraphs (one
/// blank line between) and their blank line below, if any. Above them comes the blank line
/// that separates entries, unless the comments hug the entry above (no blank line between
/// them, one below them): those are a note on that entry and stay where they are.
pub(crate) fn entry_prefix(raw: &str, first: bool) -> String {
    let lines = whole_lines(raw);
    let comments = paragraphs(&lines);
    if comments.is_empty() {
        return if first {
            String::new()
        } else {
            "\n".to_owned()
        };
    }
    let blank_above = lines.first().is_some_and(|l| l.trim().is_empty());
    let blank_below = lines.last().is_some_and(|l| l.trim().is_empty());
    let hugs_previous = !blank_above && blank_below;
    let above = if first || hugs_previous { "" } else { "\n" };
    let below = if blank_below { "\n" } else { "" };
    format!("{above}{comments}{below}")
}

/// Comments after the last entry: their paragraphs, after a blank line if there was one.
pub(crate) fn trailing_block(raw: &str) -> String {
    let lines = whole_lines(raw);
    let comments = paragraphs(&lines);
    let blank_above = lines.first().is_some_and(|l| l.trim().is_empty());
    if comments.is_empty() {
        String::new()
    } else if blank_above {
        format!("\n{comments}")
    } else {
        comments
    }
}

/// The lines of `raw` that end in a newline: what is left after the last one is the
/// indentation of the line that follows, not a line of its own.
fn whole_lines(raw: &str) -> Vec<&str> {
    raw.split_inclusive('\n')
        .filter(|line| line.ends_with('\n'))
        .collect()
}

/// Comment lines without indentation, at most one blank line between them, none around them.
fn paragraphs(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut pending_blank = false;
    for line in lines.iter().map(|line| line.trim()) {
        if line.is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        if pending_blank {
            out.push('\n');
            pending_blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The comment lines of a key's prefix, without indentation or blank lines (an entry holds no
/// blank line).
pub(crate) fn comment_lines(raw: &str) -> String {
    raw.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| format!("{line}\n"))
        .collect()
}

/// `   # note` after a value becomes ` # note`; whitespace alone becomes nothing.
pub(crate) fn trailing_comment(raw: &str) -> String {
    match raw.trim() {
        "" => String::new(),
        comment => format!(" {comment}"),
    }
}

pub(crate) fn decor_prefix(decor: &Decor) -> &str {
    decor.prefix().and_then(RawString::as_str).unwrap_or("")
}

pub(crate) fn decor_suffix(decor: &Decor) -> &str {
    decor.suffix().and_then(RawString::as_str).unwrap_or("")
}

/// The text of a raw string, whether it holds its text or a span of `input`.
pub(crate) fn raw_text<'a>(raw: &'a RawString, input: &'a str) -> &'a str {
    raw.as_str()
        .or_else(|| raw.span().and_then(|span| input.get(span)))
        .unwrap_or("")
}

/// The first inline table holding a comment (possible in TOML 1.1's multi-line inline tables):
/// the key it is under and the offset of that key.
pub(crate) fn comment_in_inline_table(table: &Table, input: &str) -> Option<(String, usize)> {
    for (name, item) in table.iter() {
        let found = match item {
            Item::Value(Value::InlineTable(inline)) => has_comment(inline, input),
            Item::Table(child) => {
                if let Some(found) = comment_in_inline_table(child, input) {
                    return Some(found);
                }
                false
            }
            Item::ArrayOfTables(array) => {
                if let Some(found) = array
                    .iter()
                    .find_map(|child| comment_in_inline_table(child, input))
                {
                    return Some(found);
                }
                false
            }
            _ => false,
        };
        if found {
            let offset = table
                .key(name)
                .and_then(|key| key.span())
                .map_or(0, |span| span.start);
            return Some((name.to_owned(), offset));
        }
    }
    None
}

pub(crate) fn has_comment(inline: &InlineTable, input: &str) -> bool {
    let decor_has = |decor: &Decor| {
        [decor.prefix(), decor.suffix()]
            .into_iter()
            .flatten()
            .any(|raw| raw_text(raw, input).contains('#'))
    };
    raw_text(inline.trailing(), input).contains('#')
        || inline.iter().any(|(name, value)| {
            let key_has = inline
                .key(name)
                .is_some_and(|key| decor_has(key.leaf_decor()) || decor_has(key.dotted_decor()));
            let nested = matches!(value, Value::InlineTable(nested) if has_comment(nested, input));
            key_has || decor_has(value.decor()) || nested
        })
}
