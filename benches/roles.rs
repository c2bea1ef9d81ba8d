//! `rank_roles` (what `skillpath roles` runs) on a generated catalog of 1,000 roles and 20,000
//! credentials, for a person with nothing and for one with a few skills. Target: under 1 s.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use skillpath::catalog::Catalog;
use skillpath::catalog::synthetic::{Spec, generate};
use skillpath::plan::{Constraints, Objective, Person, rank_roles};

fn catalog() -> Catalog {
    let spec = Spec {
        roles: 1_000,
        ..Spec::sized(20_000, 4, 10, 0)
    };
    generate(&spec)
}

/// Someone partway along: level 2 in the first requirements of a handful of roles.
fn experienced(catalog: &Catalog) -> Person {
    let mut skills: Vec<(usize, u8)> = catalog
        .roles
        .iter()
        .step_by(200)
        .flat_map(|role| role.requires.iter().take(2))
        .map(|q| (q.skill, 2))
        .collect();
    skills.sort_unstable();
    skills.dedup_by_key(|(s, _)| *s);
    Person {
        skills,
        ..Person::default()
    }
}

fn rank(catalog: &Catalog, person: &Person) -> usize {
    let ranks = rank_roles(
        catalog,
        person,
        Objective::Hours,
        &Constraints::default(),
        Duration::from_secs(2),
    )
    .expect("ranks");
    ranks.iter().filter(|r| r.optimal).count()
}

fn roles(c: &mut Criterion) {
    let catalog = catalog();
    let people = [
        ("empty", Person::default()),
        ("few-skills", experienced(&catalog)),
    ];
    println!("person        roles   ms (min / median / max of 5)   proven optimal");
    for (name, person) in &people {
        let mut times = Vec::new();
        let mut proven = 0;
        for _ in 0..5 {
            let started = Instant::now();
            proven = rank(&catalog, person);
            times.push(started.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{name:<12} {:>6}   {:>8.1} / {:>8.1} / {:>8.1}        {proven}",
            catalog.roles.len(),
            times[0],
            times[2],
            times[4]
        );
    }
    let mut group = c.benchmark_group("roles");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (name, person) in &people {
        group.bench_function(format!("rank-1000-roles-20000-credentials-{name}"), |b| {
            b.iter(|| black_box(rank(&catalog, person)))
        });
    }
    group.finish();
}

criterion_group!(benches, roles);
criterion_main!(benches);
