//! Compiles the catalogue index (titles, slugs, tree, which answers exist) into the app.
//! The answers themselves are rendered by `build-content` (a Trunk hook) into JSON bundles that
//! the app fetches per section, so they never grow the wasm.

use explorables_content::{catalogue::Catalogue, content_dir, emit};

fn main() {
    let dir = content_dir();
    println!("cargo:rerun-if-changed={}", dir.display());
    let cat = Catalogue::load().unwrap_or_else(|e| panic!("content catalogue: {e}"));
    let answers =
        emit::Answers::load(&dir, &cat).unwrap_or_else(|e| panic!("content answers: {e}"));
    println!(
        "cargo:rerun-if-changed={}",
        explorables_content::glossary::path().display()
    );
    let glossary =
        explorables_content::glossary::load().unwrap_or_else(|e| panic!("content glossary: {e}"));
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogue_index.rs");
    std::fs::write(out, emit::index_rust(&cat, &answers, &glossary)).unwrap();
}
