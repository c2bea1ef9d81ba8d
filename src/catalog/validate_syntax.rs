//! Stage 1: TOML syntax. Every syntax error of a file is reported (the parser recovers), and
//! forms that only TOML 1.1 accepts are rejected: catalog.md promises TOML 1.0 so that every
//! maintainer's tools read the files. The `toml` crate parses 1.1, so the 1.1-only forms are
//! found on the parser's event stream: newlines inside inline tables, a trailing comma in an
//! inline table, the `\e` and `\xHH` string escapes, and times without seconds.

use std::ops::Range;

use serde_spanned::Spanned;
use toml::de::DeTable;
use toml_parser::Source;
use toml_parser::decoder::Encoding;
use toml_parser::parser::{Event, EventKind};

use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::toml11_scan::may_hold_toml11_forms;
use crate::catalog::validate::{At, Report};

/// Parses the part `range` of a file's `whole` text, its spans numbered `part` (see
/// `Report::part`); `None` when it has syntax errors (all of them reported).
pub(crate) fn parse<'i>(
    report: &mut Report,
    part: usize,
    whole: &'i str,
    range: Range<usize>,
) -> Option<Spanned<DeTable<'i>>> {
    let offset = range.start;
    let text = &whole[range];
    let (table, errors) = DeTable::parse_recoverable(text);
    for error in &errors {
        let span = error.span().unwrap_or(0..0);
        let in_whole = span.start + offset..span.end + offset;
        report.push(
            &At::new(part, span),
            syntax_error(whole, in_whole, error.message().trim()),
        );
    }
    if !errors.is_empty() {
        return None;
    }
    let found = if may_hold_toml11_forms(text) {
        toml11_only_forms(text)
    } else {
        Vec::new()
    };
    for (span, message, help) in &found {
        report.push(
            &At::new(part, span.clone()),
            Diagnostic::error("toml-1.1", *message).with_help(*help),
        );
    }
    found.is_empty().then_some(table)
}

/// The parser's message, reworded where it misleads, with a help line where one is known.
fn syntax_error(text: &str, span: Range<usize>, message: &str) -> Diagnostic {
    let rest_of_line = text
        .get(span.start..)
        .and_then(|rest| rest.lines().next())
        .unwrap_or_default();
    let value_missing = rest_of_line.trim().is_empty() || rest_of_line.trim().starts_with('#');
    if message.starts_with("string values must be quoted") && value_missing {
        // `key =` with nothing after it: the parser reads the nothing as an unquoted string.
        return Diagnostic::error("syntax", "TOML syntax: a value is missing after `=`")
            .with_help("write a value, e.g. `hours = 20`, or remove the line");
    }
    let diagnostic = Diagnostic::error("syntax", format!("TOML syntax: {message}"));
    if message.contains("recurs") {
        // The parser stops at a fixed depth instead of overflowing the stack; say what the
        // limit means for a catalog, whose tables nest three or four deep.
        return diagnostic.with_help(
            "arrays, tables and dotted keys are nested too deeply here; \
             a catalog never needs more than a few levels",
        );
    }
    if message.starts_with("invalid multi-line") {
        // Reported where the text ends; the place to fix is where the string opened.
        let before = text.get(..span.start).unwrap_or(text);
        let opened = before.rfind("\"\"\"").max(before.rfind("'''"));
        if let Some(offset) = opened {
            let line = before[..offset].matches('\n').count() + 1;
            return diagnostic.with_help(format!(
                "the multi-line string opened on line {line} is never closed"
            ));
        }
    }
    diagnostic
}

pub(super) type Finding = (Range<usize>, &'static str, &'static str);

/// Spans of TOML 1.1-only syntax in a text that parses.
pub(super) fn toml11_only_forms(text: &str) -> Vec<Finding> {
    let source = Source::new(text);
    let tokens = source.lex().into_vec();
    let mut events: Vec<Event> = Vec::new();
    toml_parser::parser::parse_document(&tokens, &mut events, &mut ());

    let mut findings = Vec::new();
    // Open containers, innermost last: `true` for an inline table, `false` for an array.
    let mut open: Vec<bool> = Vec::new();
    let mut multi_line_reported = false;
    let mut pending_comma: Option<Range<usize>> = None;
    for event in &events {
        let span = event.span().start()..event.span().end();
        let kind = event.kind();
        match kind {
            EventKind::Whitespace | EventKind::Newline | EventKind::Comment => {}
            EventKind::InlineTableClose => {
                if let Some(comma) = pending_comma.take() {
                    findings.push((
                        comma,
                        "trailing comma in an inline table is TOML 1.1 only",
                        "remove the comma before `}`",
                    ));
                }
            }
            _ => pending_comma = None,
        }
        match kind {
            EventKind::InlineTableOpen => {
                open.push(true);
                multi_line_reported = false;
            }
            EventKind::ArrayOpen => open.push(false),
            EventKind::InlineTableClose | EventKind::ArrayClose => {
                open.pop();
            }
            EventKind::ValueSep if open.last() == Some(&true) => pending_comma = Some(span),
            EventKind::Newline | EventKind::Comment
                if open.last() == Some(&true) && !multi_line_reported =>
            {
                multi_line_reported = true;
                findings.push((
                    span,
                    "a line break inside an inline table is TOML 1.1 only",
                    "keep an inline table on one line, or write it as a [table]",
                ));
            }
            EventKind::Scalar => {
                let raw = text.get(span.clone()).unwrap_or_default();
                findings.extend(scalar_finding(raw, event.encoding(), span.start));
            }
            _ => {}
        }
    }
    findings
}

fn scalar_finding(raw: &str, encoding: Option<Encoding>, start: usize) -> Option<Finding> {
    match encoding {
        Some(Encoding::BasicString | Encoding::MlBasicString) => {
            let offset = toml11_escape(raw)?;
            Some((
                start + offset..start + offset + 2,
                "the `\\e` and `\\x` escapes are TOML 1.1 only",
                "write `\\u001b` or `\\u00XX` instead",
            ))
        }
        None if time_without_seconds(raw) => Some((
            start..start + raw.len(),
            "a time without seconds is TOML 1.1 only",
            "add seconds, e.g. `07:30:00`",
        )),
        _ => None,
    }
}

/// Byte offset of the first `\e` or `\x` escape in a basic string's raw text.
fn toml11_escape(raw: &str) -> Option<usize> {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' {
            if matches!(bytes[i + 1], b'e' | b'x') {
                return Some(i);
            }
            i += 2; // skip the escaped character, so `\\x` is not an escape
        } else {
            i += 1;
        }
    }
    None
}

/// Whether a bare scalar is a time (or date-time) written as `HH:MM` without `:SS`.
fn time_without_seconds(raw: &str) -> bool {
    (0..raw.len()).any(|i| hh_mm_without_seconds_at(raw.as_bytes(), i))
}

/// Whether `bytes` hold, from `i`, an `HH:MM` that is not part of a longer time: no digit or
/// colon before it, no `:SS` after it.
pub(super) fn hh_mm_without_seconds_at(bytes: &[u8], i: usize) -> bool {
    let digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    digit(i)
        && digit(i + 1)
        && bytes.get(i + 2) == Some(&b':')
        && digit(i + 3)
        && digit(i + 4)
        && (i == 0 || !digit(i - 1) && bytes[i - 1] != b':')
        && bytes.get(i + 5) != Some(&b':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<&'static str> {
        toml11_only_forms(text).into_iter().map(|f| f.1).collect()
    }

    #[test]
    fn toml_1_0_documents_have_no_findings() {
        let text = "a = { b = 1, c = [\n 1,\n 2,\n] }\ns = \"\\\\x \\u001b\"\nt = 07:30:00\n\
                    d = 1979-05-27T07:32:00Z\narr = [1, 2,]\n";
        assert_eq!(messages(text), Vec::<&str>::new());
    }

    #[test]
    fn finds_each_toml_1_1_form() {
        assert_eq!(messages("a = { b = 1,\n c = 2 }\n").len(), 1);
        assert_eq!(messages("a = { b = 1, }\n").len(), 1);
        assert_eq!(messages("s = \"\\e[0m\"\n").len(), 1);
        assert_eq!(messages("s = \"\\x41\"\n").len(), 1);
        assert_eq!(messages("t = 07:30\n").len(), 1);
        assert_eq!(messages("t = 1979-05-27T07:32Z\n").len(), 1);
    }
}
