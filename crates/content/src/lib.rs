//! The build-time content pipeline.
//!
//! - [`catalogue`]: the question catalogue (`content/seed.txt`) joined with slugs and English
//!   titles (`content/titles.tsv`), checked so that no seed item is missing or duplicated.
//! - [`markdown`]: an answer's Markdown → HTML, with LaTeX → MathML, highlighted code, widget
//!   slots and `{{model:ID:FIELD}}` values taken from the model presets.
//! - [`emit`]: the files the app loads (per-article answer bundles) and the Rust index that is
//!   compiled into the app.
//!
//! Nothing here runs in the browser.

pub mod catalogue;
pub mod emit;
pub mod glossary;
pub mod highlight;
pub mod markdown;
pub mod math;
pub mod search_run;

use std::path::{Path, PathBuf};

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root exists")
}

/// `content/` in the repository.
pub fn content_dir() -> PathBuf {
    repo_root().join("content")
}
