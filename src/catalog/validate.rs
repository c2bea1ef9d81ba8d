//! The validator's shared plumbing: where a thing is (`At`), and the `Report` that turns spans
//! into positioned diagnostics. The checks themselves live in the `validate_*` modules, one
//! stage each, run in order by `catalog::load`.

use std::ops::Range;

use serde_spanned::Spanned;

use crate::catalog::Origin;
use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::source::{LineIndex, SourceFile};

/// A byte range in one of the loaded files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct At {
    pub file: usize,
    pub span: Range<usize>,
}

impl At {
    pub fn new(file: usize, span: Range<usize>) -> Self {
        Self { file, span }
    }

    pub fn of<T>(file: usize, spanned: &Spanned<T>) -> Self {
        Self::new(file, spanned.span())
    }
}

/// Collects diagnostics for a set of files, positioning each one from its span.
pub(crate) struct Report<'a> {
    sources: &'a [SourceFile],
    lines: Vec<LineIndex>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    pub fn new(sources: &'a [SourceFile]) -> Self {
        Self {
            sources,
            lines: sources.iter().map(|s| LineIndex::new(&s.text)).collect(),
            diagnostics: Vec::new(),
        }
    }

    /// Adds `diagnostic`, pointing it at `at`.
    pub fn push(&mut self, at: &At, diagnostic: Diagnostic) {
        let positioned = match self.sources.get(at.file) {
            Some(source) => diagnostic.at(source, &self.lines[at.file], at.span.clone()),
            None => diagnostic,
        };
        self.diagnostics.push(positioned);
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn origin(&self, at: &At) -> Origin {
        match self.sources.get(at.file) {
            Some(source) => {
                let position = self.lines[at.file].position(&source.text, at.span.start);
                Origin {
                    file: source.path.clone(),
                    line: position.line,
                    column: position.column,
                }
            }
            None => Origin::default(),
        }
    }

    /// `file:line:column` of `at`, for help lines such as "first defined at ...".
    pub fn location(&self, at: &At) -> String {
        let origin = self.origin(at);
        format!("{}:{}:{}", origin.file, origin.line, origin.column)
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

/// "did you mean `x`?" for `query` among `candidates`, or a fallback help line.
pub(crate) fn suggestion<'c>(
    query: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<String> {
    crate::catalog::suggest::did_you_mean(query, candidates).map(|s| format!("did you mean `{s}`?"))
}
