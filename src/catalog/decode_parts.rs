//! Stages 1 and 2 for one file: its parts (see `sections`) parsed and decoded, on several
//! threads when the file is large. Parsing is most of loading a large catalog and the parts
//! share nothing, so each thread takes a run of consecutive parts; their items and diagnostics
//! are then joined in part order, exactly as if the parts had been taken one by one.
//!
//! A file with a syntax error gets only its syntax errors, as when it was parsed whole: what
//! decoding its other parts reported is dropped.

use std::ops::Range;

use crate::catalog::sections;
use crate::catalog::validate::Report;
use crate::catalog::validate_shape::{self, Decoded};
use crate::catalog::validate_syntax;
use crate::parallel::{cores, in_parallel};

/// Below this many bytes a file is decoded on the calling thread: the catalogs people write by
/// hand (the bundled one is 225 KB in 19 files, none over 40 KB) load in milliseconds either
/// way.
const PARALLEL_FROM: usize = 256 * 1024;

/// The items of one file, or None when it has a syntax error.
pub(crate) fn decode_source(report: &mut Report, file: usize, text: &str) -> Option<Decoded> {
    let parts: Vec<(usize, Range<usize>)> = sections::of(text)
        .into_iter()
        .map(|range| (report.part(file, range.start), range))
        .collect();
    let runs = runs_of(&parts, text.len());
    let shared: &Report = report;
    let decoded = in_parallel(runs.len(), |i| {
        decode_run(shared.fork(), text, &parts[runs[i].clone()])
    });
    let failed = decoded.iter().any(|run| run.syntax.has_errors());
    let mut items = Decoded::default();
    for mut run in decoded {
        // A part parsed cleanly reports nothing from parsing, so a file without syntax errors
        // has only the decoding's diagnostics, in part order.
        report.absorb(run.syntax);
        if !failed {
            report.absorb(run.shape);
            items.append(&mut run.items);
        }
    }
    (!failed).then_some(items)
}

/// What one thread found in its run of parts.
struct Run<'a> {
    items: Decoded,
    /// Syntax errors; after the first, parts are only parsed, for theirs.
    syntax: Report<'a>,
    /// What decoding the parts before the first syntax error reported.
    shape: Report<'a>,
}

fn decode_run<'a>(report: Report<'a>, text: &str, parts: &[(usize, Range<usize>)]) -> Run<'a> {
    let mut run = Run {
        items: Decoded::default(),
        shape: report.fork(),
        syntax: report,
    };
    for (part, range) in parts {
        // Parsing reports an error exactly when it returns no table.
        let failed_before = run.syntax.has_errors();
        if let Some(root) = validate_syntax::parse(&mut run.syntax, *part, text, range.clone())
            && !failed_before
        {
            validate_shape::decode_file(&mut run.shape, *part, root.get_ref(), &mut run.items);
        }
    }
    run
}

/// The parts each thread takes: consecutive runs of about equal bytes, one per core, or all
/// of them on this thread for a small file.
fn runs_of(parts: &[(usize, Range<usize>)], len: usize) -> Vec<Range<usize>> {
    let threads = if len < PARALLEL_FROM {
        1
    } else {
        cores().min(parts.len())
    };
    let mut runs = Vec::with_capacity(threads);
    let mut first = 0;
    for thread in 1..=threads {
        let until = len * thread / threads;
        let end = if thread == threads {
            parts.len()
        } else {
            first + parts[first..].partition_point(|(_, range)| range.start < until)
        };
        if end > first {
            runs.push(first..end);
        }
        first = end;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load::load_sources;
    use crate::catalog::source::SourceFile;
    use crate::catalog::synthetic::{Spec, generate};
    use crate::catalog::synthetic_toml::to_toml;

    /// A catalog file large enough to be decoded on several threads.
    fn large_catalog() -> String {
        let text = to_toml(&generate(&Spec::sized(2_000, 4, 20, 1)));
        assert!(text.len() > PARALLEL_FROM, "{} bytes", text.len());
        text
    }

    /// `text` with `line` inserted after the first line that starts with `after`, searching
    /// from the end when `from_end`; returns it with the inserted line's number (1-based).
    fn insert(text: &str, after: &str, from_end: bool, line: &str) -> (String, usize) {
        let mut lines: Vec<&str> = text.lines().collect();
        let found = |(_, l): &(usize, &&str)| l.starts_with(after);
        let at = if from_end {
            lines.iter().enumerate().rev().find(found)
        } else {
            lines.iter().enumerate().find(found)
        }
        .map(|(i, _)| i + 1)
        .expect("the line to insert after");
        lines.insert(at, line);
        (lines.join("\n") + "\n", at + 1)
    }

    fn load(text: &str) -> crate::catalog::load::Loaded {
        load_sources(&[SourceFile::new("big.toml", text)])
    }

    #[test]
    fn a_large_file_loads_whole_and_in_order() {
        let text = large_catalog();
        let loaded = load(&text);
        assert_eq!(loaded.errors().count(), 0, "{:?}", loaded.diagnostics);
        let catalog = loaded.catalog.expect("a catalog");
        let expected = generate(&Spec::sized(2_000, 4, 20, 1));
        let ids = |c: &crate::catalog::Catalog| -> Vec<String> {
            c.credentials.iter().map(|c| c.id.clone()).collect()
        };
        assert_eq!(ids(&catalog), ids(&expected));
    }

    #[test]
    fn problems_in_every_thread_s_parts_are_all_reported_where_they_are() {
        let (text, first) = insert(&large_catalog(), "id = \"cred-", false, "colour = 1");
        let (text, last) = insert(&text, "id = \"cred-", true, "flavour = 2");
        let loaded = load(&text);
        let found: Vec<(usize, &str)> = loaded.errors().map(|d| (d.line, d.code)).collect();
        assert_eq!(found, vec![(first, "unknown-key"), (last, "unknown-key")]);
    }

    #[test]
    fn a_syntax_error_in_a_late_part_leaves_only_syntax_errors() {
        let (text, first) = insert(&large_catalog(), "id = \"cred-", false, "colour = 1");
        let (text, broken) = insert(&text, "id = \"cred-", true, "hours = = 3");
        let loaded = load(&text);
        assert!(loaded.catalog.is_none());
        let found: Vec<(usize, &str)> = loaded.errors().map(|d| (d.line, d.code)).collect();
        assert_eq!(found.first(), Some(&(broken, "syntax")), "{found:?}");
        assert!(found.iter().all(|&(_, code)| code == "syntax"), "{found:?}");
        assert!(found.iter().all(|&(line, _)| line > first), "{found:?}");
    }

    fn parts(starts: &[usize], len: usize) -> Vec<(usize, Range<usize>)> {
        let ends = starts.iter().skip(1).copied().chain([len]);
        starts
            .iter()
            .zip(ends)
            .enumerate()
            .map(|(part, (&start, end))| (part, start..end))
            .collect()
    }

    #[test]
    fn a_small_file_is_one_run() {
        let parts = parts(&[0, 100, 200], 300);
        assert_eq!(runs_of(&parts, 300), vec![0..3]);
    }

    #[test]
    fn runs_cover_every_part_once_in_order() {
        let len = 4 * PARALLEL_FROM;
        let starts: Vec<usize> = (0..1000).map(|i| i * len / 1000).collect();
        let parts = parts(&starts, len);
        let runs = runs_of(&parts, len);
        assert!(!runs.is_empty() && runs.len() <= cores());
        assert_eq!(runs[0].start, 0);
        assert_eq!(runs[runs.len() - 1].end, parts.len());
        for pair in runs.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }
}
