//! Writes the exact model of every benchmark instance (CPLEX LP) and what skillpath's planner
//! answers for it, for `bench/compare_highs.py` to solve the same models with HiGHS.
//!
//! `cargo run --release --example export_models -- --out DIR [--seeds N] [--roles N]
//! [--repeats N] [--orlib-per-set N]` writes `DIR/<family>/<instance>.lp` and one JSON line per
//! instance in `DIR/instances.jsonl`: the planner's objective, whether it proved it optimal, its
//! median solve time over the repeats, its plan, and the credential of each model column x<k>.
//!
//! `--verify PLANS` instead reads JSON lines `{family, instance, plan: [credential ids]}` (either
//! solver's), rebuilds each instance's catalog, and prints for each line whether the plan
//! can be taken in some order and closes every gap skill the catalog can close, and its hours:
//! a check by the catalog's own semantics, independent of any model.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Parser;
use skillpath::catalog::Catalog;
use skillpath::catalog::reach::Reach;
use skillpath::catalog::synthetic::{BENCH_FAMILIES, Spec, generate};
use skillpath::import::orlib::set_cover_catalog;
use skillpath::plan::export::exact_model;
use skillpath::plan::{Person, PlanRequest, plan};

const ORLIB_SETS: [(&str, &[&str]); 4] = [
    (
        "orlib-4",
        &[
            "scp41", "scp42", "scp43", "scp44", "scp45", "scp46", "scp47", "scp48", "scp49",
            "scp410",
        ],
    ),
    (
        "orlib-5",
        &[
            "scp51", "scp52", "scp53", "scp54", "scp55", "scp56", "scp57", "scp58", "scp59",
            "scp510",
        ],
    ),
    ("orlib-6", &["scp61", "scp62", "scp63", "scp64", "scp65"]),
    ("orlib-e", &["scpe1", "scpe2", "scpe3", "scpe4", "scpe5"]),
];

#[derive(Parser)]
struct Args {
    /// Directory to write the models and instances.jsonl into.
    #[arg(long)]
    out: PathBuf,
    /// Seeds 0..N of each generated family.
    #[arg(long, default_value_t = 3)]
    seeds: u64,
    /// At most this many roles of each generated catalog.
    #[arg(long, default_value_t = usize::MAX)]
    roles: usize,
    /// Solves per instance; the median time is reported.
    #[arg(long, default_value_t = 5)]
    repeats: usize,
    /// At most this many instances of each OR-Library set (0 skips them).
    #[arg(long, default_value_t = usize::MAX)]
    orlib_per_set: usize,
    /// The OR-Library folder; defaults to ../shared/data/orlib or $SKILLPATH_SHARED_DATA/orlib.
    #[arg(long)]
    orlib: Option<PathBuf>,
    /// Check the plans in this JSON-lines file instead of exporting.
    #[arg(long)]
    verify: Option<PathBuf>,
}

fn main() -> Result<()> {
    let args = Args::parse();
    if let Some(plans) = &args.verify {
        return verify(&args, plans);
    }
    fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut lines = fs::File::create(args.out.join("instances.jsonl"))?;
    for (credentials, depth, gap) in BENCH_FAMILIES {
        let family = format!("{credentials}x{depth}-gap{gap}");
        for seed in 0..args.seeds {
            let catalog = generate(&Spec::sized(credentials, depth, gap, seed));
            for role in 0..catalog.roles.len().min(args.roles) {
                let instance = format!("{seed}-{}", catalog.roles[role].id);
                let line = export(&args, &catalog, role, &family, &instance)?;
                writeln!(lines, "{line}")?;
            }
        }
        eprintln!("{family}: written");
    }
    match args.orlib.clone().or_else(default_orlib) {
        Some(dir) if args.orlib_per_set > 0 => {
            for (family, names) in ORLIB_SETS {
                for name in names.iter().take(args.orlib_per_set) {
                    let path = dir.join(format!("{name}.txt"));
                    let text = fs::read_to_string(&path)
                        .with_context(|| format!("cannot read {}", path.display()))?;
                    let catalog = set_cover_catalog(&text)
                        .with_context(|| format!("{} is no set-cover instance", path.display()))?;
                    let line = export(&args, &catalog, 0, family, name)?;
                    writeln!(lines, "{line}")?;
                }
                eprintln!("{family}: written");
            }
        }
        Some(_) => {}
        None => eprintln!("note: OR-Library data not found; its families are skipped"),
    }
    Ok(())
}

/// The catalog of seed `seed` of a generated family, from the family's name.
fn generated(family: &str, seed: &str) -> Option<Catalog> {
    let (size, gap) = family.split_once("-gap")?;
    let (credentials, depth) = size.split_once('x')?;
    let spec = Spec::sized(
        credentials.parse().ok()?,
        depth.parse().ok()?,
        gap.parse().ok()?,
        seed.parse().ok()?,
    );
    Some(generate(&spec))
}

fn verify(args: &Args, plans: &Path) -> Result<()> {
    let text =
        fs::read_to_string(plans).with_context(|| format!("cannot read {}", plans.display()))?;
    let orlib = args.orlib.clone().or_else(default_orlib);
    let mut cached: Option<(String, Catalog)> = None;
    for line in text.lines() {
        let line: serde_json::Value = serde_json::from_str(line)?;
        let field = |key: &str| line[key].as_str().unwrap_or_default().to_string();
        let (family, instance) = (field("family"), field("instance"));
        // Instances are named `<seed>-role-<r>` in generated families, by file in OR-Library.
        let (seed, role) = match instance.split_once("-role-") {
            _ if family.starts_with("orlib") => ("", 0),
            Some((seed, role)) => (seed, role.parse().context("no role index")?),
            None => bail!("{family} {instance}: not a generated instance's name"),
        };
        let key = if family.starts_with("orlib") {
            format!("{family}/{instance}")
        } else {
            format!("{family}/{seed}")
        };
        if cached.as_ref().is_none_or(|(k, _)| *k != key) {
            let catalog = if family.starts_with("orlib") {
                let dir = orlib.as_ref().context("OR-Library data not found")?;
                set_cover_catalog(&fs::read_to_string(dir.join(format!("{instance}.txt")))?)?
            } else {
                generated(&family, seed).context("not a generated family")?
            };
            cached = Some((key, catalog));
        }
        let Some((_, catalog)) = &cached else {
            bail!("no catalog");
        };
        let ids: Vec<&str> = line["plan"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let verdict = take_in_order(catalog, role, &ids);
        let answer = serde_json::json!({
            "family": family,
            "instance": instance,
            "valid": verdict.is_ok(),
            "problem": verdict.as_ref().err(),
            "hours": verdict.as_ref().ok(),
        });
        println!("{answer}");
    }
    Ok(())
}

/// Takes the credentials `ids` for a person with nothing, each once allowed; returns their hours
/// when all are taken and every gap skill the whole catalog can close is closed.
fn take_in_order(catalog: &Catalog, role: usize, ids: &[&str]) -> Result<f64, String> {
    let mut pending = Vec::with_capacity(ids.len());
    for id in ids {
        pending.push(
            catalog
                .credential(id)
                .ok_or(format!("unknown credential {id}"))?,
        );
    }
    let hours = pending.iter().map(|&c| catalog.credentials[c].hours).sum();
    let mut state = Reach::start(catalog, &[], []);
    while !pending.is_empty() {
        let before = pending.len();
        pending.retain(|&c| {
            let allowed = state.allows(catalog, c);
            if allowed {
                state.take(catalog, c);
            }
            !allowed
        });
        if pending.len() == before {
            let stuck: Vec<&str> = pending
                .iter()
                .map(|&c| catalog.credentials[c].id.as_str())
                .collect();
            return Err(format!("never allowed: {}", stuck.join(", ")));
        }
    }
    let mut everything = Reach::start(catalog, &[], []);
    let all: Vec<usize> = (0..catalog.credentials.len()).collect();
    everything.saturate(catalog, &all);
    let Some(role) = catalog.roles.get(role) else {
        return Err(format!("no role {role}"));
    };
    match role
        .requires
        .iter()
        .find(|q| everything.levels[q.skill] >= q.level && state.levels[q.skill] < q.level)
    {
        Some(q) => Err(format!(
            "{} left below {}",
            catalog.skills[q.skill].id, q.level
        )),
        None => Ok(hours),
    }
}

/// Plans `role` for a person with nothing, writes its model, and returns its JSON line.
fn export(
    args: &Args,
    catalog: &Catalog,
    role: usize,
    family: &str,
    instance: &str,
) -> Result<String> {
    let mut request = PlanRequest::new(role, Person::default());
    request.time_limit = Duration::from_secs(60);
    let mut times = Vec::with_capacity(args.repeats.max(1));
    let mut result = None;
    for _ in 0..args.repeats.max(1) {
        let started = Instant::now();
        let planned = plan(catalog, &request)?;
        times.push(started.elapsed().as_secs_f64() * 1e3);
        result = Some(planned);
    }
    let Some(planned) = result else {
        bail!("no solve ran");
    };
    times.sort_by(f64::total_cmp);
    let model = exact_model(catalog, &request)?;
    let dir = args.out.join(family);
    fs::create_dir_all(&dir)?;
    let lp = dir.join(format!("{instance}.lp"));
    fs::write(&lp, model.to_lp()).with_context(|| format!("cannot write {}", lp.display()))?;
    let id = |c: usize| catalog.credentials[c].id.as_str();
    let line = serde_json::json!({
        "family": family,
        "instance": instance,
        "lp": relative(&lp, &args.out),
        "objective": planned.value,
        "optimal": planned.optimal,
        "ms": times[times.len() / 2],
        "plan": planned.steps.iter().map(|s| id(s.credential)).collect::<Vec<_>>(),
        "columns": model.credentials.iter().map(|&c| id(c)).collect::<Vec<_>>(),
    });
    Ok(line.to_string())
}

fn relative(path: &Path, base: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

fn default_orlib() -> Option<PathBuf> {
    let base = std::env::var_os("SKILLPATH_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    let dir = base.join("orlib");
    dir.is_dir().then_some(dir)
}
