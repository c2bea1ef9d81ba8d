//! Why a command failed, and the exit code each reason gets (cli.md: 1 invalid input, 2 usage).

use std::io;

use crate::catalog::Catalog;
use crate::catalog::suggest::did_you_mean;
use crate::plan::PlanError;
use crate::profile::ProfileError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// An id, value or file given is invalid; the message says which and where.
    #[error("{0}")]
    Invalid(String),
    /// The arguments cannot make a command (beyond what clap checks).
    #[error("{0}")]
    Usage(String),
    /// The catalog has errors; its diagnostics are already printed.
    #[error("the catalog has errors")]
    Catalog,
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// Writing the output failed (a closed pipe is not a failure, see [`CliError::message`]).
    #[error("cannot write the output: {0}")]
    Output(#[from] io::Error),
}

impl CliError {
    /// "unknown skill `sqll`" with a "did you mean" help line when one is close.
    pub fn unknown<'a>(
        kind: &str,
        id: &str,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        Self::unknown_or(kind, id, candidates, None)
    }

    /// "unknown role `data-analist`", with a "did you mean" help line when a role is close,
    /// and otherwise where to find the roles.
    pub fn unknown_role(id: &str, catalog: &Catalog) -> Self {
        let roles = catalog.roles.iter().map(|r| r.id.as_str());
        Self::unknown_or(
            "role",
            id,
            roles,
            Some("`skillpath roles` lists every role"),
        )
    }

    /// "unknown KIND `id`" with a "did you mean" help line when a candidate is close, else
    /// the help `otherwise`, if any.
    fn unknown_or<'a>(
        kind: &str,
        id: &str,
        candidates: impl IntoIterator<Item = &'a str>,
        otherwise: Option<&str>,
    ) -> Self {
        let mut message = format!("unknown {kind} `{id}`");
        let help = did_you_mean(id, candidates)
            .map(|suggestion| format!("did you mean `{suggestion}`?"))
            .or(otherwise.map(str::to_owned));
        if let Some(help) = help {
            message.push_str(&format!("\n  help: {help}"));
        }
        CliError::Invalid(message)
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Output(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
            _ => 1,
        }
    }

    /// What to print on stderr, if anything: catalog diagnostics are printed where they are
    /// found, and a reader that closed the pipe has read all it wanted.
    pub fn message(&self) -> Option<String> {
        match self {
            CliError::Catalog => None,
            CliError::Output(e) if e.kind() == io::ErrorKind::BrokenPipe => None,
            other => Some(other.to_string()),
        }
    }
}
