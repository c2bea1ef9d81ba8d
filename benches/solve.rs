//! Solve time on generated catalogs: 500 to 20,000 credentials, depth 2 to 6, gaps of 5 to 40
//! skills. Criterion measures each family (cycling through its roles); a table of per-instance
//! percentiles (min / p50 / p95 / max) is printed first, since a p95 is what a person feels.
//!
//! Each instance's time in the table is the median of [`RUNS`] solves. The machine is shared:
//! a single solve now and then loses a few milliseconds to a neighbour, and with 60 instances
//! a family's p95 is its fourth slowest, which one such solve could set.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::percentile;
use criterion::{Criterion, criterion_group, criterion_main};
use skillpath::catalog::Catalog;
use skillpath::catalog::synthetic::{BENCH_FAMILIES, Spec, generate};
use skillpath::plan::{Person, PlanRequest, plan};

/// Solves per instance in the table.
const RUNS: usize = 3;

fn requests(catalog: &Catalog) -> Vec<PlanRequest> {
    (0..catalog.roles.len())
        .map(|role| PlanRequest::new(role, Person::default()))
        .collect()
}

fn print_table() {
    println!(
        "family (credentials x depth, gap)   instances  min ms  p50 ms  p95 ms  max ms  proven"
    );
    for (credentials, depth, gap) in BENCH_FAMILIES {
        let mut times = Vec::new();
        let mut proven = 0;
        for seed in 0..3 {
            let catalog = generate(&Spec::sized(credentials, depth, gap, seed));
            for request in requests(&catalog) {
                let mut runs = Vec::with_capacity(RUNS);
                for _ in 0..RUNS {
                    let started = Instant::now();
                    let result = plan(&catalog, &request).expect("plans");
                    runs.push(started.elapsed().as_secs_f64() * 1e3);
                    proven += usize::from(result.optimal);
                }
                runs.sort_by(f64::total_cmp);
                times.push(percentile(&runs, 0.5));
            }
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{credentials:>6} x {depth}, gap {gap:>2}                 {:>5}  {:>6.2}  {:>6.2}  {:>6.2}  {:>6.2}  {proven}/{}",
            times.len(),
            times[0],
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1],
            times.len() * RUNS
        );
    }
}

fn solve(c: &mut Criterion) {
    print_table();
    let mut group = c.benchmark_group("solve");
    group
        .measurement_time(Duration::from_secs(5))
        .sample_size(20);
    for (credentials, depth, gap) in BENCH_FAMILIES {
        let catalog = generate(&Spec::sized(credentials, depth, gap, 0));
        let all = requests(&catalog);
        let mut next = 0;
        group.bench_function(format!("{credentials}x{depth}-gap{gap}"), |b| {
            b.iter(|| {
                next = (next + 1) % all.len();
                black_box(plan(&catalog, &all[next]).expect("plans"))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, solve);
criterion_main!(benches);
