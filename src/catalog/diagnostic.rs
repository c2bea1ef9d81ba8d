//! Diagnostics: one problem in a catalog, with where it is and how to fix it, rendered in the
//! style of rustc so maintainers read them the way they read compiler errors.

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use crate::catalog::source::{LineIndex, SourceFile};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found in a catalog. `line` and `column` are 1-based; 0 means "the whole file"
/// (a file that cannot be read has no position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable kebab-case name of the kind of problem, e.g. `unknown-skill`.
    pub code: &'static str,
    pub message: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub source_line: Option<String>,
    /// How many characters the caret underlines (at least 1 when there is a source line).
    #[serde(skip)]
    pub span_len: usize,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity,
            code,
            message: message.into(),
            file: String::new(),
            line: 0,
            column: 0,
            source_line: None,
            span_len: 0,
            help: None,
        }
    }

    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    /// Points the diagnostic at a whole file, without a position.
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = file.into();
        self
    }

    /// Points the diagnostic at byte range `span` of `source`; `lines` must index its text.
    pub fn at(mut self, source: &SourceFile, lines: &LineIndex, span: Range<usize>) -> Self {
        let position = lines.position(&source.text, span.start);
        let rest_of_line = position
            .line_text
            .chars()
            .count()
            .saturating_sub(position.column - 1);
        let span_chars = source
            .text
            .get(span.start..span.end.min(source.text.len()))
            .map_or(0, |s| s.chars().count());
        self.file = source.path.clone();
        self.line = position.line;
        self.column = position.column;
        self.span_len = span_chars.min(rest_of_line).max(1);
        self.source_line = Some(position.line_text.to_owned());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or just the file when there is no position.
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.column)
        }
    }

    /// The rustc-style text of this diagnostic, ending in a newline; `color` adds ANSI styles.
    pub fn render(&self, color: bool) -> String {
        let paint = Painter { color };
        let accent = match self.severity {
            Severity::Error => RED,
            Severity::Warning => YELLOW,
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}{}",
            paint.style(&format!("{}[{}]", self.severity.label(), self.code), accent),
            paint.style(&format!(": {}", self.message), BOLD),
        );
        let gutter = if self.line == 0 {
            0
        } else {
            self.line.to_string().len()
        };
        let pad = " ".repeat(gutter);
        let bar = paint.style("|", BLUE);
        if !self.file.is_empty() {
            let _ = writeln!(out, "{pad}{} {}", paint.style("-->", BLUE), self.location());
        }
        if let (Some(text), true) = (&self.source_line, self.line > 0) {
            let (text, column) = visible_part(text, self.column);
            let line_no = paint.style(&self.line.to_string(), BLUE);
            let carets = paint.style(&"^".repeat(self.span_len.clamp(1, MAX_SHOWN)), accent);
            let indent = " ".repeat(column.saturating_sub(1));
            let _ = writeln!(out, "{pad} {bar}");
            let _ = writeln!(out, "{line_no} {bar} {text}");
            let _ = writeln!(out, "{pad} {bar} {indent}{carets}");
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "{pad} {} {help}", paint.style("= help:", BOLD));
        }
        out
    }
}

/// Characters of a source line shown at most; longer lines are cut around the column.
const MAX_SHOWN: usize = 100;
/// Characters kept before the column when a long line is cut.
const CONTEXT_BEFORE: usize = 30;

/// The part of `line` to show and the column within it. Tabs become single spaces so that
/// the caret column (counted in characters) stays under the right character whatever the
/// terminal's tab width; lines longer than `MAX_SHOWN` are cut, marked with `...`.
fn visible_part(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    if chars.len() <= MAX_SHOWN {
        return (chars.into_iter().collect(), column);
    }
    let start = column.saturating_sub(1 + CONTEXT_BEFORE).min(chars.len());
    let end = (start + MAX_SHOWN).min(chars.len());
    let mut shown = String::new();
    let mut shown_column = column - start;
    if start > 0 {
        shown.push_str("...");
        shown_column += 3;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push_str("...");
    }
    (shown, shown_column)
}

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const BLUE: &str = "\x1b[1;34m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

struct Painter {
    color: bool,
}

impl Painter {
    fn style(&self, text: &str, style: &str) -> String {
        if self.color {
            format!("{style}{text}{RESET}")
        } else {
            text.to_owned()
        }
    }
}

/// Orders diagnostics by file, line, column, then severity and code, for stable output.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, a.code, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.severity, b.code, &b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unknown_skill() -> Diagnostic {
        let text = "[[credential]]\n".repeat(11) + "grants = { sqll = 2 }\n";
        let source = SourceFile::new("catalog/x.toml", text);
        let lines = LineIndex::new(&source.text);
        let start = source.text.find("sqll").expect("fixture has sqll");
        Diagnostic::error("unknown-skill", "unknown skill `sqll`")
            .at(&source, &lines, start..start + 4)
            .with_help("did you mean `sql`?")
    }

    #[test]
    fn renders_like_rustc() {
        let expected = "error[unknown-skill]: unknown skill `sqll`\n  \
                        --> catalog/x.toml:12:12\n   \
                        |\n\
                        12 | grants = { sqll = 2 }\n   \
                        |            ^^^^\n   \
                        = help: did you mean `sql`?\n";
        assert_eq!(unknown_skill().render(false), expected);
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}sqll{}", "a".repeat(500), "b".repeat(500));
        let (shown, column) = visible_part(&line, 501);
        assert!(
            shown.starts_with("...") && shown.ends_with("..."),
            "{shown}"
        );
        assert!(shown.chars().count() <= MAX_SHOWN + 6);
        assert_eq!(
            shown.chars().skip(column - 1).take(4).collect::<String>(),
            "sqll"
        );
        assert_eq!(visible_part("a\tb", 3), ("a b".to_owned(), 3));
    }

    #[test]
    fn color_wraps_the_text_in_ansi_styles() {
        let colored = unknown_skill().render(true);
        assert!(colored.contains("\x1b[1;31merror[unknown-skill]\x1b[0m"));
    }

    #[test]
    fn a_diagnostic_without_position_names_the_file_only() {
        let d = Diagnostic::error("read-error", "cannot read").in_file("a.toml");
        assert_eq!(
            d.render(false),
            "error[read-error]: cannot read\n--> a.toml\n"
        );
    }

    #[test]
    fn json_has_the_documented_fields() {
        let json = serde_json::to_value(unknown_skill()).expect("serializes");
        assert_eq!(json["severity"], "error");
        assert_eq!(json["line"], 12);
        assert_eq!(json["column"], 12);
        assert_eq!(json["help"], "did you mean `sql`?");
        assert!(json.get("source_line").is_none());
    }
}
