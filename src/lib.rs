//! skillpath: plan the shortest stack of micro-credentials that closes a skill gap.
//!
//! `catalog` loads and validates catalogs, `plan` computes gaps and provably optimal
//! pathways; the binary's CLI and TUI only present what these return.

pub mod catalog;
pub mod cli;
pub mod import;
mod parallel;
pub mod plan;
pub mod profile;
pub mod report;
pub mod tui;
