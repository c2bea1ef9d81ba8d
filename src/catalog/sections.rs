//! A catalog file cut at its top-level tables, so that each part is parsed on its own. The TOML
//! parser holds every token and event of what it parses, some 35 bytes per byte of text, and a
//! large catalog is one long run of `[[credential]]` tables: parsed part by part, loading
//! needs memory for one table at a time instead of for the whole file.
//!
//! A cut never changes what the file means. Each part starts at a header outside any value, so
//! the parser starts it in the state it would be in anyway. A file is cut only when no part can
//! refer to another: no keys before the first header, no table opened twice, and no dotted
//! header (`[credential.x]`) outside the part of the table it extends. Anything else (quoted
//! header keys included) is parsed whole, exactly as written.

use std::collections::BTreeSet;
use std::ops::Range;

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// The byte ranges of `text` to parse one by one, in order, covering all of it.
pub(crate) fn of(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    starts.extend(cuts(text).unwrap_or_default());
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    starts.iter().zip(ends).map(|(&s, e)| s..e).collect()
}

/// Where parts start after the first, or None when the file must be parsed whole.
fn cuts(text: &str) -> Option<Vec<usize>> {
    let mut cuts = Vec::new();
    let mut tables: BTreeSet<&str> = BTreeSet::new();
    let mut arrays: BTreeSet<&str> = BTreeSet::new();
    let mut current: Option<&str> = None;
    let (mut line_start, mut in_header, mut depth) = (true, false, 0usize);
    for token in Source::new(text).lex() {
        let kind = token.kind();
        match kind {
            TokenKind::Newline => {
                (line_start, in_header) = (true, false);
                continue;
            }
            TokenKind::Whitespace | TokenKind::Comment => continue,
            TokenKind::Eof => break,
            _ if in_header => continue,
            _ => {}
        }
        let at_header = line_start && depth == 0 && kind == TokenKind::LeftSquareBracket;
        line_start = false;
        if !at_header {
            current?; // a key before the first header: it may clash with any table
            match kind {
                TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
                TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                    depth = depth.saturating_sub(1);
                }
                _ => {}
            }
            continue;
        }
        in_header = true;
        let start = token.span().start();
        let header = Header::read(&text[start..])?;
        if let Some(parent) = header.extends {
            if current != Some(parent) {
                return None;
            }
            continue;
        }
        let fresh = if header.array {
            arrays.insert(header.name);
            !tables.contains(header.name)
        } else {
            !arrays.contains(header.name) && tables.insert(header.name)
        };
        if !fresh {
            return None;
        }
        if current.is_some() {
            cuts.push(start);
        }
        current = Some(header.name);
    }
    Some(cuts)
}

/// A table header: `[name]`, `[[name]]`, or a dotted one that extends the table `extends`.
struct Header<'t> {
    name: &'t str,
    array: bool,
    extends: Option<&'t str>,
}

impl<'t> Header<'t> {
    /// The header at the start of `rest`; None for a quoted key or a header with no end.
    fn read(rest: &'t str) -> Option<Self> {
        let array = rest.starts_with("[[");
        let inside = &rest[if array { 2 } else { 1 }..];
        let close = inside.find(']')?;
        let name = &inside[..close];
        let closed = inside[close..].starts_with(if array { "]]" } else { "]" });
        if !closed || name.contains(['"', '\'', '\n']) {
            return None;
        }
        let mut segments = name.split('.').map(str::trim);
        let first = segments.next()?;
        let dotted = segments.next().is_some();
        Some(Header {
            name: name.trim(),
            array,
            extends: dotted.then_some(first),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        of(text).into_iter().map(|range| &text[range]).collect()
    }

    #[test]
    fn each_top_level_table_is_a_part_with_the_comments_before_it() {
        let text = "# a catalog\n[catalog]\nname = \"x\"\n\n[[skill]]\nid = \"a\"\n# next\n[[skill]]\nid = \"b\"\n";
        assert_eq!(
            parts(text),
            vec![
                "# a catalog\n[catalog]\nname = \"x\"\n\n",
                "[[skill]]\nid = \"a\"\n# next\n",
                "[[skill]]\nid = \"b\"\n",
            ]
        );
    }

    #[test]
    fn brackets_inside_values_and_strings_are_not_headers() {
        let text = "[[role]]\nrequires = [\n[\"a\", 1],\n]\nnote = \"\"\"\n[[role]]\n\"\"\"\n[[role]]\nid = \"b\"\n";
        assert_eq!(
            parts(text),
            vec![
                "[[role]]\nrequires = [\n[\"a\", 1],\n]\nnote = \"\"\"\n[[role]]\n\"\"\"\n",
                "[[role]]\nid = \"b\"\n",
            ]
        );
    }

    #[test]
    fn a_dotted_header_stays_with_the_table_it_extends() {
        let text =
            "[[credential]]\nid = \"a\"\n[credential.extra]\nx = 1\n[[credential]]\nid = \"b\"\n";
        assert_eq!(
            parts(text),
            vec![
                "[[credential]]\nid = \"a\"\n[credential.extra]\nx = 1\n",
                "[[credential]]\nid = \"b\"\n",
            ]
        );
    }

    #[test]
    fn files_whose_parts_could_refer_to_each_other_are_parsed_whole() {
        for text in [
            "name = 1\n[[skill]]\nid = \"a\"\n",
            "[catalog]\nname = \"x\"\n[[skill]]\n[catalog]\nname = \"y\"\n",
            "[[skill]]\nid = \"a\"\n[skill]\nid = \"b\"\n",
            "[[skill]]\nid = \"a\"\n[catalog.extra]\nx = 1\n",
            "[[\"skill\"]]\nid = \"a\"\n[[skill]]\nid = \"b\"\n",
            "[[skill]\nid = \"a\"\n[[skill]]\n",
        ] {
            assert_eq!(parts(text), vec![text], "{text}");
        }
    }
}
