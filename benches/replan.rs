//! Re-planning after a small edit, as the TUI does on every change: one skill level raised,
//! one credential of the plan marked as held, one credential of the plan excluded. Each edit
//! is planned twice: from scratch (`plan`), and by a `Replanner` that solved the request
//! before the edit, so it starts from that plan and its multipliers. The table gives min /
//! p50 / p95 / max of both per family and edit, and checks they reach the same optimum.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::percentile;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use skillpath::catalog::Catalog;
use skillpath::catalog::synthetic::{BENCH_FAMILIES, Spec, generate};
use skillpath::plan::{Person, PlanRequest, Replanner, plan};

const EDITS: [&str; 3] = ["level", "held", "exclude"];

/// The request after `edit`, made against the plan for `base`; None when the plan offers
/// nothing to edit (an empty gap).
fn edited(catalog: &Catalog, base: &PlanRequest, edit: &str) -> Option<PlanRequest> {
    let first = plan(catalog, base).ok()?;
    let step = first.steps.first()?;
    let mut request = base.clone();
    match edit {
        "level" => {
            let gap = first.gap.first()?;
            request.person.skills.push((gap.skill, gap.have + 1));
        }
        "held" => {
            request.person.done.insert(step.credential);
        }
        _ => {
            request.constraints.exclude.insert(step.credential);
        }
    }
    Some(request)
}

/// Per role, the request before the edit and the one after.
fn pairs(catalog: &Catalog, edit: &str) -> Vec<(PlanRequest, PlanRequest)> {
    (0..catalog.roles.len())
        .filter_map(|role| {
            let mut base = PlanRequest::new(role, Person::default());
            base.time_limit = Duration::from_secs(2);
            let after = edited(catalog, &base, edit)?;
            Some((base, after))
        })
        .collect()
}

/// A replanner that has just solved `base`.
fn primed(catalog: &Catalog, base: &PlanRequest) -> Replanner {
    let mut replanner = Replanner::new();
    replanner.plan(catalog, base).expect("plans");
    replanner
}

fn summary(times: &mut [f64]) -> String {
    times.sort_by(f64::total_cmp);
    format!(
        "{:>6.2} {:>6.2} {:>6.2} {:>7.2}",
        times[0],
        percentile(times, 0.5),
        percentile(times, 0.95),
        times[times.len() - 1]
    )
}

fn print_table(catalogs: &[(String, Catalog)]) {
    println!(
        "family                 edit      n   from scratch: min    p50    p95     max   reusing: min    p50    p95     max  same optimum"
    );
    for (name, catalog) in catalogs {
        for edit in EDITS {
            let (mut scratch, mut reusing, mut same) = (Vec::new(), Vec::new(), 0);
            let all = pairs(catalog, edit);
            for (base, after) in &all {
                let started = Instant::now();
                let fresh = plan(catalog, after).expect("plans");
                scratch.push(started.elapsed().as_secs_f64() * 1e3);
                let mut replanner = primed(catalog, base);
                let started = Instant::now();
                let reused = replanner.plan(catalog, after).expect("plans");
                reusing.push(started.elapsed().as_secs_f64() * 1e3);
                let both_proven = fresh.optimal && reused.optimal;
                same += usize::from(!both_proven || (fresh.value - reused.value).abs() < 1e-6);
            }
            if all.is_empty() {
                continue;
            }
            println!(
                "{name:<22} {edit:<8} {:>3}              {}            {}  {same}/{}",
                all.len(),
                summary(&mut scratch),
                summary(&mut reusing),
                all.len()
            );
        }
    }
}

fn replan(c: &mut Criterion) {
    let catalogs: Vec<(String, Catalog)> = BENCH_FAMILIES
        .iter()
        .map(|&(credentials, depth, gap)| {
            (
                format!("{credentials}x{depth}-gap{gap}"),
                generate(&Spec::sized(credentials, depth, gap, 0)),
            )
        })
        .collect();
    print_table(&catalogs);
    let mut group = c.benchmark_group("replan");
    group
        .measurement_time(Duration::from_secs(5))
        .sample_size(10);
    for (name, catalog) in &catalogs {
        for edit in EDITS {
            let all = pairs(catalog, edit);
            if all.is_empty() {
                continue;
            }
            let mut next = 0;
            group.bench_function(format!("{name}/{edit}/reusing"), |b| {
                b.iter_batched(
                    || {
                        next = (next + 1) % all.len();
                        (primed(catalog, &all[next].0), &all[next].1)
                    },
                    |(mut replanner, after)| {
                        black_box(replanner.plan(catalog, after).expect("plans"))
                    },
                    BatchSize::PerIteration,
                )
            });
        }
    }
    group.finish();
}

criterion_group!(benches, replan);
criterion_main!(benches);
