//! Writes the answer bundles into a folder (Trunk's staging dir in a build):
//! `build-content <out_dir>` → `<out_dir>/content/<lang>/<section>.json`.

use explorables_content::{catalogue::Catalogue, content_dir, emit};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()) else {
        eprintln!("usage: build-content <out_dir>   (or set TRUNK_STAGING_DIR)");
        return ExitCode::FAILURE;
    };
    let result = (|| -> Result<usize, String> {
        let cat = Catalogue::load().map_err(|e| e.to_string())?;
        let answers = emit::Answers::load(&content_dir(), &cat)?;
        let html = emit::render_all(&answers).map_err(|errs| errs.join("\n"))?;
        let bundles = emit::bundles(&cat, &html);
        for (rel, json) in &bundles {
            let path = std::path::Path::new(&out).join(rel);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(bundles.len())
    })();
    match result {
        Ok(n) => {
            println!("build-content: wrote {n} answer bundles to {out}/content");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("build-content: {e}");
            ExitCode::FAILURE
        }
    }
}
