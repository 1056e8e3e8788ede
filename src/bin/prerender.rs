//! Trunk post-build hook: writes a pre-rendered HTML file for every route into the staging
//! folder (or the folder given as the first argument), plus `404.html`, `sitemap.xml` and
//! `robots.txt`. `LLMX_SITE_URL` is the origin the site is deployed at (for canonical links
//! and the sitemap); the base path comes from Trunk's `--public-url`.

use explorables_content::{catalogue::Catalogue, content_dir, emit, markdown};
use explorables_core::lang::Lang;
use llm_explorables::prerender::{self, AnswerTexts, Template};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

fn run() -> Result<usize, String> {
    let out: PathBuf = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .ok_or("usage: prerender <out_dir>   (or set TRUNK_STAGING_DIR)")?
        .into();
    let base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    llm_explorables::dom::set_base_path(&base);
    let origin =
        std::env::var("LLMX_SITE_URL").unwrap_or_else(|_| "https://llm-explorables.example".into());
    let site = format!(
        "{}{}",
        origin.trim_end_matches('/'),
        llm_explorables::dom::base_path()
    );

    llm_explorables::pages::embed_guide::set_site_url(&site);
    let cat = Catalogue::load().map_err(|e| e.to_string())?;
    let answers = emit::Answers::load(&content_dir(), &cat)?;
    let rendered = emit::render_all(&answers).map_err(|e| e.join("\n"))?;
    let lang_of = |code: &str| Lang::from_code(code).unwrap_or_default();
    let html: BTreeMap<(Lang, String), String> = rendered
        .into_iter()
        .map(|((l, slug), h)| ((lang_of(l), slug), h))
        .collect();
    let mut short = BTreeMap::new();
    for ((l, slug), md) in &answers.sources {
        let text =
            markdown::short_answer_text(md, lang_of(l)).map_err(|e| format!("{l}/{slug}: {e}"))?;
        short.insert((lang_of(l), slug.clone()), text);
    }
    let texts = AnswerTexts { html, short };

    let index = std::fs::read_to_string(out.join("index.html"))
        .map_err(|e| format!("{}: {e}", out.join("index.html").display()))?;
    let index = prerender::inline_stylesheets(&index, |file| {
        std::fs::read_to_string(out.join(file)).map_err(|e| format!("{file}: {e}"))
    })?;
    let template = Template::parse(&index)?;
    let pages = prerender::pages(&texts);
    for page in pages.iter().chain([&prerender::not_found()]) {
        prerender::write_page(&out, &template, page, &site)?;
    }
    std::fs::write(
        out.join("sitemap.xml"),
        prerender::sitemap_xml(&pages, &site),
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(out.join("robots.txt"), prerender::robots_txt(&site))
        .map_err(|e| e.to_string())?;
    // The embed kit: the loader and the static oEmbed answers.
    std::fs::write(out.join("embed.js"), prerender::embed_js()?).map_err(|e| e.to_string())?;
    for (path, json) in prerender::oembed_files(&site) {
        let file = out.join(path);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&file, json).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(pages.len())
}

fn main() -> ExitCode {
    match run() {
        Ok(n) => {
            println!("prerender: wrote {n} pages, 404.html, sitemap.xml, robots.txt, embed.js and oembed/");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
