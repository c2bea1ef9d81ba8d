//! Loading generated catalogs from TOML on disk (parse, validate, index) against just reading
//! the file's bytes, at 500 to 20,000 credentials. A table of the time ratio and of peak heap
//! during the load per byte of file is printed first; the targets are <= 5x and < 10x.

use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use counting_alloc::{LIVE, PEAK};
use criterion::{Criterion, criterion_group, criterion_main};
use skillpath::catalog::load::load_path;
use skillpath::catalog::synthetic::{Spec, generate};
use skillpath::catalog::synthetic_toml::to_toml;
use toml::de::DeTable;

#[path = "common/counting_alloc.rs"]
mod counting_alloc;

const SIZES: [usize; 4] = [500, 2_000, 5_000, 20_000];

/// A generated catalog at `credentials` written to a file in `dir`.
fn catalog_file(dir: &Path, credentials: usize) -> std::path::PathBuf {
    let path = dir.join(format!("generated-{credentials}.toml"));
    let text = to_toml(&generate(&Spec::sized(credentials, 4, 20, 0)));
    std::fs::write(&path, text).expect("the temporary folder is writable");
    path
}

fn load(path: &Path) -> skillpath::catalog::Catalog {
    let loaded = load_path(path);
    loaded.catalog.expect("a generated catalog has no errors")
}

fn median_ms(mut run: impl FnMut(), repeats: usize) -> f64 {
    let mut times: Vec<f64> = (0..repeats)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Peak heap above what was live before, while loading `path`, per byte of the file.
fn peak_per_byte(path: &Path) -> f64 {
    let size = std::fs::metadata(path).expect("written").len() as f64;
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let catalog = load(path);
    let peak = PEAK.load(Ordering::Relaxed) - before;
    drop(catalog);
    peak as f64 / size
}

fn print_table(dir: &Path) {
    // "toml ms" is the TOML parse alone (the parser the loader uses): the floor under "load".
    println!(
        "credentials   file MB   read ms   toml ms   load ms   load/read   peak heap / file size"
    );
    for credentials in SIZES {
        let path = catalog_file(dir, credentials);
        let repeats = if credentials >= 20_000 { 5 } else { 11 };
        let read = median_ms(|| drop(black_box(std::fs::read(&path))), repeats);
        let text = std::fs::read_to_string(&path).expect("written");
        let parsed = median_ms(|| drop(black_box(DeTable::parse(&text))), repeats);
        let loaded = median_ms(|| drop(black_box(load(&path))), repeats);
        let size = std::fs::metadata(&path).expect("written").len() as f64 / 1e6;
        println!(
            "{credentials:>11}   {size:>7.2}   {read:>7.3}   {parsed:>7.1}   {loaded:>7.1}   {:>8.1}x   {:>8.1}x",
            loaded / read,
            peak_per_byte(&path)
        );
    }
}

fn loading(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    print_table(dir.path());
    let mut group = c.benchmark_group("load");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for credentials in SIZES {
        let path = catalog_file(dir.path(), credentials);
        group.bench_function(format!("read-{credentials}"), |b| {
            b.iter(|| black_box(std::fs::read(&path)))
        });
        group.bench_function(format!("load-{credentials}"), |b| {
            b.iter(|| black_box(load(&path)))
        });
    }
    group.finish();
}

criterion_group!(benches, loading);
criterion_main!(benches);
