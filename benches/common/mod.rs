//! What the benchmarks share. Each bench is its own crate and includes this file.

/// The value below which a share `p` (0 to 1) of the sorted samples fall.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}
