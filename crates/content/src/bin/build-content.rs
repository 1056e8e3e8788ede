//! Writes the rendered answers into a folder (Trunk's staging dir in a build):
//! `build-content <out_dir>` → `<out_dir>/content/<lang>/<slug>.html` and the search indexes
//! `<out_dir>/content/search-<lang>.txt` (the pages themselves, and `404.html`, are written by
//! the app's `prerender`).

use explorables_content::{catalogue::Catalogue, content_dir, emit};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
    else {
        eprintln!("usage: build-content <out_dir>   (or set TRUNK_STAGING_DIR)");
        return ExitCode::FAILURE;
    };
    let result = (|| -> Result<usize, String> {
        let cat = Catalogue::load().map_err(|e| e.to_string())?;
        let answers = emit::Answers::load(&content_dir(), &cat)?;
        let html = emit::render_all(&answers).map_err(|errs| errs.join("\n"))?;
        let mut files = emit::answer_files(&html);
        let glossary = explorables_content::glossary::load()?;
        files.extend(emit::search_files(&cat, &answers, &glossary));
        // Study mode's computed cards, their answers computed here by explorables-core.
        files.push((
            "content/study-cards.json".into(),
            explorables_core::study::cards::cards_json(),
        ));
        for (rel, body) in &files {
            let path = std::path::Path::new(&out).join(rel);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::write(&path, body).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(files.len())
    })();
    match result {
        Ok(n) => {
            println!("build-content: wrote {n} answers to {out}/content");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("build-content: {e}");
            ExitCode::FAILURE
        }
    }
}
