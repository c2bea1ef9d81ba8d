//! The command line, as clap derives it. The contract is /work/shared/design/cli.md: add flags
//! freely, never rename or remove one.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use time::Date;

pub use crate::cli::values::SkillLevel;
use crate::cli::values::{hours_per_week, importance, iso_date, non_negative, parse_skill_level};

use crate::plan::Objective;

#[derive(Debug, Parser)]
#[command(
    name = "skillpath",
    version,
    about = "Plan the shortest stack of micro-credentials that closes your skill gap for a role",
    after_help = "Run without a command in a terminal to open the interactive app \
                  (an overview of the catalog when output is not a terminal).\n\
                  Example: skillpath plan --role data-analyst --have sql=2,spreadsheets=3"
)]
pub struct Cli {
    /// A catalog file or directory (every *.toml below it); default: the bundled catalog.
    #[arg(long, global = true, value_name = "PATH")]
    pub catalog: Option<PathBuf>,

    /// Without a command: the saved profile the terminal app opens (default: the last used).
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The optimal pathway of credentials that closes the gap for a role.
    Plan(PlanArgs),
    /// The skills a role needs that the person does not have yet.
    Gap(GapArgs),
    /// Every role ranked by the optimal objective to close its gap, nearest first.
    Roles(RolesArgs),
    /// Validate the catalog: every error and warning with file:line:column.
    Check(CheckArgs),
    /// Print the catalog's JSON Schema (for editors that complete and check TOML keys).
    Schema,
    /// Catalog statistics: families, providers, unreachable role skills, orphan credentials,
    /// and how much each credential blocks or delays.
    Stats(StatsArgs),
    /// Rewrite catalog files into the canonical layout (comments kept); --check only lists them.
    Fmt(FmtArgs),
    /// The pathway's (or, with --all, the whole catalog's) prerequisite graph as Graphviz DOT.
    Graph(GraphArgs),
    /// Write catalog TOML (roles, and the skills they need) from public occupational data.
    Import(ImportArgs),
    /// Two or three roles side by side for one person, or one role's fastest, cheapest and
    /// fewest-credentials pathways (--objectives).
    Compare(CompareArgs),
    /// A dated handover report for a client: goal, assumptions, gap, dated pathway, reasons,
    /// totals, alternatives and expiring credentials.
    Report(ReportArgs),
}

/// Who the person is: a saved profile, flags, or both (flags win).

#[derive(Debug, Clone, Default, Args)]
pub struct PersonArgs {
    /// A saved profile by name, or a profile file (a path with '/' or ending in .toml).
    #[arg(long, value_name = "NAME|PATH")]
    pub profile: Option<String>,

    /// Skills held, e.g. sql=2,python=1 (levels 1-5); a skill given here replaces the
    /// profile's level for it.
    #[arg(long, value_name = "SKILL=LEVEL,...", value_delimiter = ',', value_parser = parse_skill_level)]
    pub have: Vec<SkillLevel>,

    /// Credentials completed, added to the profile's.
    #[arg(long, value_name = "CRED,...", value_delimiter = ',')]
    pub done: Vec<String>,
}

/// How to plan: objective and constraints. Flags win over the profile's settings.

#[derive(Debug, Clone, Default, Args)]
pub struct PlanOptions {
    /// What to minimise [default: the profile's, else hours].
    #[arg(long, value_enum)]
    pub objective: Option<ObjectiveArg>,

    /// Spend at most this much (in the catalog's currency).
    #[arg(long, value_name = "N", value_parser = non_negative, allow_negative_numbers = true)]
    pub budget_cost: Option<f64>,

    /// Study at most this many hours in total.
    #[arg(long, value_name = "N", value_parser = non_negative, allow_negative_numbers = true)]
    pub budget_hours: Option<f64>,

    /// Credentials never to plan, added to the profile's.
    #[arg(long, value_name = "CRED,...", value_delimiter = ',')]
    pub exclude: Vec<String>,

    /// Providers never to plan, added to the profile's.
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub exclude_provider: Vec<String>,

    /// Study hours per week, for the week-by-week schedule [default: the profile's, else 5].
    #[arg(long, value_name = "N", value_parser = hours_per_week, allow_negative_numbers = true)]
    pub hours_per_week: Option<f64>,

    /// Past this (per role, for `roles`), the best verified plan so far, with optimal: false
    /// and its lower bound.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 2000,
        allow_negative_numbers = true
    )]
    pub time_limit_ms: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ObjectiveArg {
    Hours,
    Cost,
    Count,
}

impl From<ObjectiveArg> for Objective {
    fn from(arg: ObjectiveArg) -> Self {
        match arg {
            ObjectiveArg::Hours => Objective::Hours,
            ObjectiveArg::Cost => Objective::Cost,
            ObjectiveArg::Count => Objective::Count,
        }
    }
}

/// Output formats of commands whose output is data.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
    Markdown,
}

/// Formats of commands that have no Markdown form.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DataFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The target role [default: the profile's target_role].
    #[arg(long)]
    pub role: Option<String>,
    #[command(flatten)]
    pub person: PersonArgs,
    #[command(flatten)]
    pub options: PlanOptions,
    /// Text for people, JSON for tools, Markdown for reports.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Also the next-best distinct plans (up to 3), each the optimal plan without one step of
    /// this one, and what it costs more.
    #[arg(long)]
    pub alternatives: bool,
}

#[derive(Debug, Args)]
pub struct GapArgs {
    /// The target role [default: the profile's target_role].
    #[arg(long)]
    pub role: Option<String>,
    #[command(flatten)]
    pub person: PersonArgs,
    /// Text for people, JSON for tools.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

#[derive(Debug, Args)]
pub struct RolesArgs {
    #[command(flatten)]
    pub person: PersonArgs,
    #[command(flatten)]
    pub options: PlanOptions,
    /// Show only the N nearest roles.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Text for people, JSON for tools.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Text for people, JSON for tools.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
    /// Fail (exit 1) when there are warnings too, for CI.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Text for people (the --top credentials of each ranking), JSON for tools (every one).
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
    /// How many credentials each text ranking shows.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Change nothing: list the files that are not in the canonical layout, exit 1 if any.
    #[arg(long)]
    pub check: bool,
    /// Catalog files or directories (every *.toml below) [default: the --catalog path].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The role whose pathway to draw [default: the profile's target_role].
    #[arg(long, conflicts_with = "all")]
    pub role: Option<String>,
    /// Draw the whole catalog instead of one pathway.
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub person: PersonArgs,
    #[command(flatten)]
    pub options: PlanOptions,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("comparison").required(true).args(["roles", "objectives"])))]
pub struct CompareArgs {
    /// Two or three roles to compare side by side, e.g. data-analyst,ux-designer.
    #[arg(
        long,
        value_name = "ROLE,ROLE[,ROLE]",
        value_delimiter = ',',
        conflicts_with = "role"
    )]
    pub roles: Vec<String>,
    /// For one role: the fastest, cheapest and fewest-credentials pathways side by side, and
    /// every plan trading hours against cost when there are at most 6 (--objective is ignored).
    #[arg(long)]
    pub objectives: bool,
    /// With --objectives, the role [default: the profile's target_role].
    #[arg(long)]
    pub role: Option<String>,
    #[command(flatten)]
    pub person: PersonArgs,
    #[command(flatten)]
    pub options: PlanOptions,
    /// The first day of study, for finish dates [default: today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = iso_date)]
    pub date: Option<Date>,
    /// Text for people, JSON for tools, Markdown for reports.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The target role [default: the profile's target_role].
    #[arg(long)]
    pub role: Option<String>,
    #[command(flatten)]
    pub person: PersonArgs,
    #[command(flatten)]
    pub options: PlanOptions,
    /// Markdown (reads as plain text too), JSON for tools, or one self-contained HTML page.
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Write the report to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The report's date and the first day of study [default: today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = iso_date)]
    pub date: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ReportFormat {
    #[default]
    Markdown,
    Json,
    Html,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub source: ImportSource,
}

#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// Roles from O*NET's tab-delimited text release (db_NN_N_text.zip, unzipped).
    Onet(OnetImportArgs),
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("occupations").required(true).args(["occupation", "all"])))]
pub struct OnetImportArgs {
    /// The release folder, with Occupation Data.txt, Skills.txt, Knowledge.txt and
    /// Technology Skills.txt.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// O*NET-SOC codes of the occupations to import, e.g. 15-2051.01,15-1212.00.
    #[arg(long, value_name = "CODE,...", value_delimiter = ',')]
    pub occupation: Vec<String>,

    /// Import every occupation in the release (those O*NET has not rated are listed, not
    /// imported).
    #[arg(long)]
    pub all: bool,

    /// Leave out Skills and Knowledge elements O*NET rates below this importance (1-5).
    #[arg(long, value_name = "N", default_value_t = 3.0, value_parser = importance)]
    pub min_importance: f64,

    /// Which Technology Skills rows become optional skills (when they name a catalog skill).
    #[arg(long, value_enum, default_value_t)]
    pub technology: TechnologyArg,

    /// Write the TOML to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum TechnologyArg {
    /// Rows marked In Demand (in job postings for the occupation).
    #[default]
    InDemand,
    /// Rows marked Hot Technology or In Demand.
    Hot,
    /// None; Technology Skills.txt is not read.
    None,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
