//! The largest catalogs skillpath is meant for: 100,000 generated credentials written as TOML,
//! loaded (parse, validate, index) and planned for a few roles. A table first: file size, load
//! time, peak heap, and per role the solve time and whether the optimum was proven in the
//! default 2 s limit; then criterion's figures for the load and one plan.

#[path = "common/counting_alloc.rs"]
mod counting_alloc;

use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use counting_alloc::{LIVE, PEAK};
use criterion::{Criterion, criterion_group, criterion_main};
use skillpath::catalog::Catalog;
use skillpath::catalog::load::load_path;
use skillpath::catalog::synthetic::{Spec, generate};
use skillpath::catalog::synthetic_toml::to_toml;
use skillpath::plan::{Person, PlanRequest, plan};

const CREDENTIALS: usize = 100_000;
const ROLES_PLANNED: usize = 5;

fn load(path: &Path) -> Catalog {
    load_path(path)
        .catalog
        .expect("a generated catalog has no errors")
}

fn print_table(path: &Path) -> Catalog {
    let size = std::fs::metadata(path).expect("written").len() as f64;
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let started = Instant::now();
    let catalog = load(path);
    let load_s = started.elapsed().as_secs_f64();
    let peak = (PEAK.load(Ordering::Relaxed) - before) as f64;
    println!(
        "{CREDENTIALS} credentials: file {:.1} MB, load {load_s:.2} s, peak heap {:.0} MB ({:.1}x the file)",
        size / 1e6,
        peak / 1e6,
        peak / size
    );
    for role in 0..ROLES_PLANNED.min(catalog.roles.len()) {
        let started = Instant::now();
        let result = plan(&catalog, &PlanRequest::new(role, Person::default())).expect("plans");
        println!(
            "  role {role}: {:.0} ms, {} steps, {} h, {}",
            started.elapsed().as_secs_f64() * 1e3,
            result.steps.len(),
            result.value,
            if result.optimal {
                "proven optimal".to_string()
            } else {
                format!("bound {:.0}", result.lower_bound)
            }
        );
    }
    catalog
}

fn limits(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("generated-100k.toml");
    let text = to_toml(&generate(&Spec::sized(CREDENTIALS, 4, 20, 0)));
    std::fs::write(&path, text).expect("the temporary folder is writable");
    let catalog = print_table(&path);

    let mut group = c.benchmark_group("limits");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("load-100k", |b| b.iter(|| black_box(load(&path))));
    let request = PlanRequest::new(0, Person::default());
    group.bench_function("plan-100k-role-0", |b| {
        b.iter(|| black_box(plan(&catalog, &request).expect("plans")))
    });
    group.finish();
}

criterion_group!(benches, limits);
criterion_main!(benches);
