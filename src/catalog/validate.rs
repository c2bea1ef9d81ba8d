//! The validator's shared plumbing: where a thing is (`At`), and the `Report` that turns spans
//! into positioned diagnostics. The checks themselves live in the `validate_*` modules, one
//! stage each, run in order by `catalog::load`.

use std::fmt::{self, Display};
use std::ops::Range;
use std::sync::Arc;

use serde_spanned::Spanned;

use crate::catalog::Origin;
use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::source::{LineIndex, SourceFile};

/// A byte range in one of the loaded files, or in a part of one parsed on its own (see
/// [`Report::part`]): `file` is then the part's number and `span` is relative to its start.
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
    /// Shared with the reports forked from this one.
    lines: Arc<[LineIndex]>,
    /// Parts after each file's first, as (file, offset of the part in it): part
    /// `sources.len() + i` is `parts[i]`, and part `f < sources.len()` is file `f` from 0.
    /// Shared with the forks too: parts are numbered before a file is forked for its threads.
    parts: Arc<Vec<(usize, usize)>>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    pub fn new(sources: &'a [SourceFile]) -> Self {
        Self {
            sources,
            lines: sources.iter().map(|s| LineIndex::new(&s.text)).collect(),
            parts: Arc::default(),
            diagnostics: Vec::new(),
        }
    }

    /// An empty report on the same files and parts, for a thread to fill; its diagnostics
    /// come back with [`Report::absorb`].
    pub fn fork(&self) -> Report<'a> {
        Report {
            sources: self.sources,
            lines: Arc::clone(&self.lines),
            parts: Arc::clone(&self.parts),
            diagnostics: Vec::new(),
        }
    }

    /// Adds the diagnostics of a report forked from this one, after its own.
    pub fn absorb(&mut self, fork: Report<'a>) {
        self.diagnostics.extend(fork.diagnostics);
    }

    /// The number for spans in the part of `file` that starts at byte `offset`.
    pub fn part(&mut self, file: usize, offset: usize) -> usize {
        if offset == 0 {
            return file;
        }
        // Once the forks of the last file are absorbed this is the only owner: no copy.
        Arc::make_mut(&mut self.parts).push((file, offset));
        self.sources.len() + self.parts.len() - 1
    }

    /// `at` as a file and a span in its whole text.
    fn in_file(&self, at: &At) -> (usize, Range<usize>) {
        match at.file.checked_sub(self.sources.len()) {
            Some(part) => {
                let (file, offset) = self.parts[part];
                (file, at.span.start + offset..at.span.end + offset)
            }
            None => (at.file, at.span.clone()),
        }
    }

    /// Adds `diagnostic`, pointing it at `at`.
    pub fn push(&mut self, at: &At, diagnostic: Diagnostic) {
        let (file, span) = self.in_file(at);
        let positioned = match self.sources.get(file) {
            Some(source) => diagnostic.at(source, &self.lines[file], span),
            None => diagnostic,
        };
        self.diagnostics.push(positioned);
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn origin(&self, at: &At) -> Origin {
        let (file, span) = self.in_file(at);
        match self.sources.get(file) {
            Some(source) => {
                let position = self.lines[file].position(&source.text, span.start);
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

/// What a diagnostic is about, as "credential `x`". It is written out only when a diagnostic
/// is: a sound catalog of 20,000 credentials has none, and formatting every context up front
/// was a twentieth of loading it.
#[derive(Clone, Copy)]
pub(crate) struct Named<'a> {
    kind: &'static str,
    id: Quoted<'a>,
}

impl<'a> Named<'a> {
    pub fn new(kind: &'static str, id: &'a str) -> Self {
        Named {
            kind,
            id: Quoted(id),
        }
    }
}

impl Display for Named<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind, self.id)
    }
}

/// An id in backquotes, as diagnostics name it.
#[derive(Clone, Copy)]
pub(crate) struct Quoted<'a>(pub &'a str);

impl Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.0)
    }
}

/// "did you mean `x`?" for `query` among `candidates`, or a fallback help line.
pub(crate) fn suggestion<'c>(
    query: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<String> {
    crate::catalog::suggest::did_you_mean(query, candidates).map(|s| format!("did you mean `{s}`?"))
}
