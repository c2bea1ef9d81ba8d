//! Re-planning after a small edit, as the TUI does on every change: one skill level raised,
//! one credential of the plan marked as held, one credential of the plan excluded. Each edit
//! is planned from scratch today; the table (min / p50 / p95 / max per family and edit) is
//! the baseline that reuse of the last solve must beat.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::percentile;
use criterion::{Criterion, criterion_group, criterion_main};
use skillpath::catalog::Catalog;
use skillpath::catalog::synthetic::{BENCH_FAMILIES, Spec, generate};
use skillpath::plan::{Person, PlanRequest, plan};

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

fn requests(catalog: &Catalog, edit: &str) -> Vec<PlanRequest> {
    (0..catalog.roles.len())
        .filter_map(|role| {
            let mut base = PlanRequest::new(role, Person::default());
            base.time_limit = Duration::from_secs(2);
            edited(catalog, &base, edit)
        })
        .collect()
}

fn print_table(catalogs: &[(String, Catalog)]) {
    println!("family                 edit      instances  min ms  p50 ms  p95 ms  max ms  proven");
    for (name, catalog) in catalogs {
        for edit in EDITS {
            let mut times = Vec::new();
            let mut proven = 0;
            for request in requests(catalog, edit) {
                let started = Instant::now();
                let result = plan(catalog, &request).expect("plans");
                times.push(started.elapsed().as_secs_f64() * 1e3);
                proven += usize::from(result.optimal);
            }
            if times.is_empty() {
                continue;
            }
            times.sort_by(f64::total_cmp);
            println!(
                "{name:<22} {edit:<8} {:>10}  {:>6.2}  {:>6.2}  {:>6.2}  {:>6.2}  {proven}/{}",
                times.len(),
                times[0],
                percentile(&times, 0.5),
                percentile(&times, 0.95),
                times[times.len() - 1],
                times.len()
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
            let all = requests(catalog, edit);
            if all.is_empty() {
                continue;
            }
            let mut next = 0;
            group.bench_function(format!("{name}/{edit}"), |b| {
                b.iter(|| {
                    next = (next + 1) % all.len();
                    black_box(plan(catalog, &all[next]).expect("plans"))
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, replan);
criterion_main!(benches);
