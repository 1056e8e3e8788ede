//! Compiles the question catalogue (titles, slugs, chapters, which answers exist, the glossary)
//! into `src/catalogue.rs`, which the site and study mode's module read. The answers themselves
//! are rendered by `build-content` (a Trunk hook) and fetched per page, so they never grow a wasm.

use explorables_content::{catalogue::Catalogue, content_dir, emit};

fn main() {
    let dir = content_dir();
    println!("cargo:rerun-if-changed={}", dir.display());
    println!(
        "cargo:rerun-if-changed={}",
        explorables_content::glossary::path().display()
    );
    let cat = Catalogue::load().unwrap_or_else(|e| panic!("content catalogue: {e}"));
    let answers =
        emit::Answers::load(&dir, &cat).unwrap_or_else(|e| panic!("content answers: {e}"));
    let glossary =
        explorables_content::glossary::load().unwrap_or_else(|e| panic!("content glossary: {e}"));
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogue_index.rs");
    std::fs::write(out, emit::index_rust(&cat, &answers, &glossary)).unwrap();
}
