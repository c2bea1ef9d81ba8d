//! Stage 3a: ids. Registers the id of every skill, credential and role, reporting missing,
//! malformed and duplicate ones, and resolves references to them with "did you mean".

use std::collections::HashMap;
use std::fmt::Display;

use serde_spanned::Spanned;

use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::raw::Text;
use crate::catalog::validate::{At, Report, suggestion};
use crate::catalog::validate_lookalike::{lookalike_help, unconfused};
use crate::catalog::validate_shape::Item;
use crate::catalog::validate_values::check_id;

/// The ids of one kind of item. Only the first item with an id is kept; later duplicates are
/// reported and left out, so every kept item has a unique index.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    /// Which item (index into the decoded items) each kept index is.
    pub items: Vec<usize>,
    /// Where each kept item's id is.
    pub at: Vec<At>,
    pub ids: Vec<String>,
    index: HashMap<String, usize>,
}

impl Ids {
    /// Registers the ids of `items`; `kind` is "skill", "credential" or "role".
    pub fn register<T>(
        report: &mut Report,
        items: &[Item<T>],
        id_of: impl Fn(&T) -> &Text,
        kind: &str,
    ) -> Self {
        let mut ids = Ids::default();
        for (position, item) in items.iter().enumerate() {
            let Some(id) = id_of(&item.raw) else {
                if !item.is_broken("id") {
                    report.push(
                        &item.at,
                        Diagnostic::error("missing-key", format!("{kind} has no `id`"))
                            .with_help(format!("every {kind} needs a unique `id = \"...\"`")),
                    );
                }
                continue;
            };
            let at = At::of(item.at.file, id);
            check_id(report, item.at.file, id, kind);
            if let Some(&first) = ids.index.get(id.get_ref()) {
                let help = format!("first defined at {}", report.location(&ids.at[first]));
                report.push(
                    &at,
                    Diagnostic::error(
                        "duplicate-id",
                        format!("duplicate {kind} id `{}`", id.get_ref()),
                    )
                    .with_help(help),
                );
                continue;
            }
            ids.index.insert(id.get_ref().clone(), ids.items.len());
            ids.items.push(position);
            ids.at.push(at);
            ids.ids.push(id.get_ref().clone());
        }
        ids
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
}

/// Resolves references to one kind of item, reporting unknown ones (unless told not to,
/// when a file failed to parse and its ids are unknown).
pub(crate) struct Resolver<'i> {
    pub ids: &'i Ids,
    /// "skill" or "credential".
    pub kind: &'static str,
    pub code: &'static str,
    pub report_unknown: bool,
}

impl Resolver<'_> {
    /// The index `reference` names; `context` says where it was found, e.g.
    /// "in `grants` of credential `sql-basics`".
    pub fn resolve(
        &self,
        report: &mut Report,
        file: usize,
        reference: &Spanned<String>,
        context: &dyn Display,
    ) -> Option<usize> {
        let id = reference.get_ref();
        let found = self.ids.get(id);
        if found.is_none() && self.report_unknown {
            let help = self.unknown_help(id);
            report.push(
                &At::of(file, reference),
                Diagnostic::error(self.code, format!("unknown {} `{id}` {context}", self.kind))
                    .with_help(help),
            );
        }
        found
    }

    /// Names a look-alike character when the id is a known one but for it (pasted text brings
    /// such characters in, and "did you mean `data`" for `data` would be baffling); otherwise
    /// the closest known id.
    fn unknown_help(&self, id: &str) -> String {
        let plain = unconfused(id);
        if self.ids.get(&plain).is_some()
            && let Some(help) = lookalike_help(id)
        {
            return help;
        }
        suggestion(&plain, self.ids.ids.iter().map(String::as_str))
            .unwrap_or_else(|| format!("no {} with this id is defined in the catalog", self.kind))
    }
}
