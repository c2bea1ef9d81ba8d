#!/bin/sh
# Runs both fuzz targets, seeded from the bad-input corpus and the bundled catalog.
# Usage: fuzz/run.sh [SECONDS_PER_TARGET]   (default 60; needs `cargo install cargo-fuzz`
# and a nightly toolchain). Crashes are saved in fuzz/artifacts/<target>/.
set -eu
cd "$(dirname "$0")"
seconds="${1:-60}"
for target in catalog profile; do
    mkdir -p "corpus/$target"
done
# Seeds: every TOML input of the corpus and the bundled catalog (copied, so libFuzzer can add
# its own finds to corpus/<target>/ without touching the sources).
find ../tests/corpus ../catalog ../tests/fixtures -name '*.toml' -type f | while read -r file; do
    name="seed-$(echo "$file" | tr '/.' '__')"
    case "$file" in
        */profile.toml | */fixtures/profiles/* | */home/profiles/*) cp "$file" "corpus/profile/$name" ;;
        *) cp "$file" "corpus/catalog/$name" ;;
    esac
done
# `-s none`: the code under test is safe Rust, where a sanitizer finds little that a panic
# does not, and without one the targets run about five times faster.
for target in catalog profile; do
    nice -n 10 cargo +nightly fuzz run -O -s none "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10
done
