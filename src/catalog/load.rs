//! Loading a catalog: every source parsed, checked and indexed, with every problem found
//! reported at once. A catalog with any error is never returned, so it is never planned on.

use std::path::Path;

use crate::catalog::Catalog;
use crate::catalog::diagnostic::{self, Diagnostic};
use crate::catalog::source::{self, SourceFile};
use crate::catalog::validate::{At, Report};
use crate::catalog::validate_shape::Decoded;
use crate::catalog::{decode_parts, validate_cycles, validate_model, validate_warnings};

/// The outcome of loading: the catalog when there is no error, and every diagnostic.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// `None` exactly when some diagnostic is an error.
    pub catalog: Option<Catalog>,
    /// Sorted by file, line, column.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

/// Loads a catalog from `sources`, merged in the order given.
pub fn load_sources(sources: &[SourceFile]) -> Loaded {
    let mut report = Report::new(sources);
    let mut decoded = Decoded::default();
    let mut all_files_parsed = true;
    for (file, source) in sources.iter().enumerate() {
        match decode_parts::decode_source(&mut report, file, &source.text) {
            Some(mut of_file) => decoded.append(&mut of_file),
            None => all_files_parsed = false,
        }
    }
    let mut model = validate_model::build(&mut report, &decoded, all_files_parsed);
    let mut catalog = Catalog::new(
        std::mem::take(&mut model.meta),
        std::mem::take(&mut model.skills),
        std::mem::take(&mut model.credentials),
        std::mem::take(&mut model.roles),
    );
    catalog.skill_origins = model
        .skill_ids
        .at
        .iter()
        .map(|at| report.origin(at))
        .collect();
    catalog.credential_origins = model
        .credential_ids
        .at
        .iter()
        .map(|at| report.origin(at))
        .collect();
    catalog.role_origins = model
        .role_ids
        .at
        .iter()
        .map(|at| report.origin(at))
        .collect();

    validate_cycles::check_prerequisites(&mut report, &catalog, &model);
    validate_cycles::check_skill_parents(&mut report, &catalog, &model);
    // Only a catalog that is otherwise sound is called empty: a file whose tables are all
    // broken already has errors that say why nothing was defined.
    if !report.has_errors() {
        check_not_empty(&mut report, sources, &decoded);
    }
    // Warnings read the catalog as the planner would; on a catalog with errors they would
    // describe a catalog that does not exist.
    if !report.has_errors() {
        validate_warnings::check(&mut report, &catalog, &model);
    }
    let has_errors = report.has_errors();
    let mut diagnostics = report.into_diagnostics();
    diagnostic::sort(&mut diagnostics);
    Loaded {
        catalog: (!has_errors).then_some(catalog),
        diagnostics,
    }
}

/// A catalog with no skill, credential or role has nothing to plan with: it is an empty file,
/// a file of comments, or a directory of them. Planning on it would only ever say "unknown
/// role", and the app reloading a file saved empty mid-edit must keep the last good catalog.
fn check_not_empty(report: &mut Report, sources: &[SourceFile], decoded: &Decoded) {
    if !(decoded.skills.is_empty() && decoded.credentials.is_empty() && decoded.roles.is_empty()) {
        return;
    }
    let message = match sources {
        [] => "the catalog has no files".to_owned(),
        [_] => "the catalog file defines no skill, credential or role".to_owned(),
        files => format!(
            "none of the catalog's {} files defines a skill, credential or role",
            files.len()
        ),
    };
    report.push(
        &At::new(0, 0..0),
        Diagnostic::error("empty-catalog", message)
            .with_help("add `[[skill]]`, `[[credential]]` and `[[role]]` tables"),
    );
}

/// Loads a `.toml` file, or every `*.toml` below a directory.
pub fn load_path(path: &Path) -> Loaded {
    match source::read_path(path) {
        Ok(sources) => load_sources(&sources),
        Err(diagnostic) => Loaded {
            catalog: None,
            diagnostics: vec![diagnostic],
        },
    }
}

/// Loads the catalog compiled into the binary.
pub fn load_bundled() -> Loaded {
    load_sources(&source::bundled())
}
