//! Stage 3b, credentials: required keys, hours and cost, grants, prerequisites, and the rules
//! for stacks. Each prerequisite reference is recorded with its position for the cycle check.

use std::fmt::Display;

use serde_spanned::Spanned;

use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::graph::EdgeKind;
use crate::catalog::raw::{RawCredential, RawFormat, RawKind};
use crate::catalog::validate::{At, Named};
use crate::catalog::validate_model::{Builder, PrerequisiteRef};
use crate::catalog::validate_shape::Item;
use crate::catalog::validate_values::check_amount;
use crate::catalog::{CredIdx, Credential, CredentialKind, DeliveryFormat};

impl Builder<'_, '_, '_> {
    pub fn credential(&mut self, index: CredIdx, item: &Item<RawCredential>) -> Credential {
        let raw = &item.raw;
        let file = item.at.file;
        let id = self.credentials.ids.ids[index].clone();
        let what = Named::new("credential", &id);
        let text = |t: Option<&Spanned<String>>| t.map(|s| s.get_ref().clone()).unwrap_or_default();
        let required = [
            ("title", raw.title.is_some()),
            ("provider", raw.provider.is_some()),
            ("hours", raw.hours.is_some()),
            ("cost", raw.cost.is_some()),
        ];
        self.require_keys(item, &what, &required);
        let title = text(raw.title.as_ref());
        let provider = text(raw.provider.as_ref());
        let hours = raw.hours.as_ref();
        let hours = hours.and_then(|h| check_amount(self.report, file, h, "hours"));
        let cost = raw.cost.as_ref();
        let cost = cost.and_then(|c| check_amount(self.report, file, c, "cost"));
        let kind = match raw.kind.as_ref().map(|k| *k.get_ref()) {
            Some(RawKind::Badge) => CredentialKind::Badge,
            Some(RawKind::Course) | None => CredentialKind::Course,
            Some(RawKind::Certificate) => CredentialKind::Certificate,
            Some(RawKind::Exam) => CredentialKind::Exam,
            Some(RawKind::Stack) => CredentialKind::Stack,
        };
        let grants = self.skill_levels(
            file,
            raw.grants.as_ref(),
            &format_args!("in `grants` of {what}"),
        );
        let requires_skills = self.skill_levels(
            file,
            raw.requires_skills.as_ref(),
            &format_args!("in `requires_skills` of {what}"),
        );
        let no_ids = Vec::new();
        let requires = self.prerequisites(
            index,
            file,
            raw.requires.as_ref().unwrap_or(&no_ids),
            EdgeKind::Requires,
            &format_args!("in `requires` of {what}"),
        );
        let parts_raw = raw.parts.as_ref().map_or(&no_ids, |p| p.get_ref());
        let parts = self.prerequisites(
            index,
            file,
            parts_raw,
            EdgeKind::Part,
            &format_args!("in `parts` of {what}"),
        );
        let requires_any = self.requires_any(index, item, &what);
        self.check_stack(item, &what, kind, !parts_raw.is_empty());
        self.check_grants_something(index, item, &what, kind);
        Credential {
            id,
            title,
            provider,
            kind,
            hours: hours.unwrap_or(0.0),
            cost: cost.unwrap_or(0.0),
            format: match raw.format {
                Some(RawFormat::InPerson) => DeliveryFormat::InPerson,
                Some(RawFormat::Hybrid) => DeliveryFormat::Hybrid,
                Some(RawFormat::Online) | None => DeliveryFormat::Online,
            },
            url: raw.url.clone(),
            grants,
            requires,
            requires_any,
            requires_skills,
            parts,
            valid_years: raw.valid_years,
        }
    }

    /// Each `requires_any` group, resolved; an empty group can never be met, so it is an error.
    fn requires_any(
        &mut self,
        index: CredIdx,
        item: &Item<RawCredential>,
        what: &dyn Display,
    ) -> Vec<Vec<CredIdx>> {
        let file = item.at.file;
        let mut groups = Vec::new();
        for group in item.raw.requires_any.iter().flatten() {
            if group.get_ref().is_empty() {
                let message = format!("an empty `requires_any` group in {what} can never be met");
                self.report.push(
                    &At::of(file, group),
                    Diagnostic::error("empty-group", message)
                        .with_help("list at least one credential in the group, or remove it"),
                );
                continue;
            }
            let members = group.get_ref();
            let context = format_args!("in `requires_any` of {what}");
            groups.push(self.prerequisites(index, file, members, EdgeKind::AnyOf, &context));
        }
        groups
    }

    /// A credential that is not a stack exists to grant skills; one that grants none can never
    /// help close a gap, which is almost always a forgotten `grants`.
    fn check_grants_something(
        &mut self,
        index: CredIdx,
        item: &Item<RawCredential>,
        what: &dyn Display,
        kind: CredentialKind,
    ) {
        let grants_none = item.raw.grants.as_ref().is_none_or(|g| g.is_empty());
        if kind == CredentialKind::Stack || !grants_none || item.is_broken("grants") {
            return;
        }
        let at = self.credentials.ids.at[index].clone();
        let message = format!("{what} grants no skill and is not a stack");
        let help =
            "add `grants = { skill-id = level }`, or make it `kind = \"stack\"` with `parts`";
        self.report.push(
            &at,
            Diagnostic::error("grants-nothing", message).with_help(help),
        );
    }

    /// A stack is earned by its parts, so a stack needs parts and only stacks have them
    /// (a certificate earned by completing courses is written `kind = "stack"`): one meaning
    /// for `parts` keeps plans and the graph's stack clusters unambiguous.
    fn check_stack(
        &mut self,
        item: &Item<RawCredential>,
        what: &dyn Display,
        kind: CredentialKind,
        has_parts: bool,
    ) {
        let file = item.at.file;
        let raw = &item.raw;
        match (
            kind == CredentialKind::Stack,
            has_parts,
            &raw.kind,
            &raw.parts,
        ) {
            (true, false, Some(kind_at), _) if !item.is_broken("parts") => self.report.push(
                &At::of(file, kind_at),
                Diagnostic::error(
                    "stack-without-parts",
                    format!("{what} is a stack but has no `parts`"),
                )
                .with_help("list the credentials that together earn it: `parts = [\"...\"]`"),
            ),
            (false, true, _, Some(parts)) => self.report.push(
                &At::of(file, parts),
                Diagnostic::error(
                    "parts-without-stack",
                    format!("{what} has `parts` but is not a stack"),
                )
                .with_help("add `kind = \"stack\"`, or list these credentials in `requires`"),
            ),
            _ => {}
        }
    }

    fn prerequisites(
        &mut self,
        dependent: CredIdx,
        file: usize,
        ids: &[Spanned<String>],
        kind: EdgeKind,
        context: &dyn Display,
    ) -> Vec<CredIdx> {
        let mut found = Vec::new();
        for reference in ids {
            if let Some(prerequisite) =
                self.credentials
                    .resolve(self.report, file, reference, context)
            {
                found.push(prerequisite);
                let at = At::of(file, reference);
                self.prerequisites.push(PrerequisiteRef {
                    dependent,
                    prerequisite,
                    kind,
                    at,
                });
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}
