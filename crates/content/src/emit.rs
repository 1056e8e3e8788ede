//! What the build produces from the catalogue and the answers:
//! - per question and language, the rendered answer as an HTML fragment, fetched lazily by the
//!   app (so answers never grow the first-load wasm);
//! - the Rust source of the catalogue index compiled into the app (titles, slugs, tree).

use crate::catalogue::Catalogue;
use crate::glossary::{concept_forms, Term};
use crate::markdown::{check_structure, expand_model_values, render, widgets_in};
use explorables_core::lang::Lang;
use explorables_core::search::document_tokens;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

pub const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

/// The Markdown source of every answer, read from `content/<lang>/<slug>.md`.
#[derive(Default)]
pub struct Answers {
    /// (lang, slug) → Markdown.
    pub sources: BTreeMap<(&'static str, String), String>,
}

impl Answers {
    /// Reads all answers under `content_dir`; a file whose slug is not in the catalogue is an error.
    pub fn load(content_dir: &Path, cat: &Catalogue) -> Result<Answers, String> {
        let mut answers = Answers::default();
        for lang in LANGS {
            let dir = content_dir.join(lang.code());
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().and_then(|e| e.to_str()) != Some("md") {
                    continue;
                }
                let slug = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default()
                    .to_string();
                if cat.question(&slug).is_none() {
                    return Err(format!(
                        "{}: no catalogue question has slug {slug:?}",
                        path.display()
                    ));
                }
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                answers.sources.insert((lang.code(), slug), text);
            }
        }
        Ok(answers)
    }

    pub fn get(&self, lang: Lang, slug: &str) -> Option<&str> {
        self.sources
            .get(&(lang.code(), slug.to_string()))
            .map(String::as_str)
    }
}

/// Renders every answer; collects all errors instead of stopping at the first.
pub fn render_all(
    answers: &Answers,
) -> Result<BTreeMap<(&'static str, String), String>, Vec<String>> {
    let mut html = BTreeMap::new();
    let mut errors = Vec::new();
    for ((lang, slug), md) in &answers.sources {
        let l = Lang::from_code(lang).unwrap_or_default();
        let checked = check_structure(md, l).and_then(|_| render(md, l));
        match checked {
            Ok(h) => {
                html.insert((*lang, slug.clone()), h);
            }
            Err(e) => errors.push(format!("content/{lang}/{slug}.md: {e}")),
        }
    }
    if errors.is_empty() {
        Ok(html)
    } else {
        Err(errors)
    }
}

/// The answer files the app fetches: (relative path, HTML), one per answered question and
/// language, so a page downloads only its own answer.
pub fn answer_files(html: &BTreeMap<(&'static str, String), String>) -> Vec<(String, String)> {
    html.iter()
        .map(|((lang, slug), h)| (format!("content/{lang}/{slug}.html"), h.clone()))
        .collect()
}

/// Shards per language: a two-term query fetches a handful of ~1–3 KB (gzip) files.
pub const SHARDS: u32 = 128;

/// The plain text of an answer (no markup, code blocks or math delimiters), from which search
/// cuts its snippets.
pub fn plain_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let md = expand_model_values(md).unwrap_or_else(|_| md.to_string());
    let mut out = String::new();
    let mut in_code = false;
    for ev in Parser::new(&md) {
        match ev {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) | Event::Code(t) if !in_code => out.push_str(&t.replace('$', "")),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// The text search indexes for question `q`: its titles in both languages and its answer.
fn search_doc(q: &crate::catalogue::Question, answers: &Answers, lang: Lang) -> String {
    let body = answers.get(lang, &q.slug).unwrap_or_default();
    let body = expand_model_values(body).unwrap_or_else(|_| body.to_string());
    format!("{}\n{}\n{body}", q.zh, q.en)
}

/// The search files (format: `explorables_core::search::index`): per language,
/// `content/search/<lang>/meta.txt` and the shards `content/search/<lang>/<k>.txt` (document
/// `i` is question `i`'s titles in both languages plus its answer in `lang`); and each
/// answer's plain text, `content/<lang>/<slug>.txt`, for snippets.
pub fn search_files(
    cat: &Catalogue,
    answers: &Answers,
    glossary: &[Term],
) -> Vec<(String, String)> {
    let concepts = concept_forms(glossary);
    let mut files = Vec::new();
    for lang in LANGS {
        let docs: Vec<String> = cat
            .questions
            .iter()
            .map(|q| search_doc(q, answers, lang))
            .collect();
        let built = explorables_core::search::build(
            &docs,
            &concepts,
            &vocabulary(cat, &docs, glossary),
            SHARDS,
        );
        let dir = format!("content/search/{}", lang.code());
        files.push((format!("{dir}/meta.txt"), built.meta));
        for (k, shard) in built.shards.into_iter().enumerate() {
            files.push((format!("{dir}/{k}.txt"), shard));
        }
    }
    for ((lang, slug), md) in &answers.sources {
        files.push((format!("content/{lang}/{slug}.txt"), plain_text(md)));
    }
    files
}

/// The words a misspelt query word is corrected to: ASCII words of four or more letters
/// (no digits) from the titles and the glossary, and those found in at least three answers.
pub fn vocabulary(cat: &Catalogue, docs: &[String], glossary: &[Term]) -> Vec<String> {
    use std::collections::BTreeMap;
    let good = |w: &str| w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase());
    let mut out: Vec<String> = Vec::new();
    let named = cat.questions.iter().map(|q| q.en.clone()).chain(
        glossary
            .iter()
            .flat_map(|t| t.en.iter().chain(&t.abbr).cloned()),
    );
    for text in named {
        out.extend(document_tokens(&text).into_iter().filter(|w| good(w)));
    }
    let mut df: BTreeMap<String, usize> = BTreeMap::new();
    for d in docs {
        let mut ws: Vec<String> = document_tokens(d).into_iter().filter(|w| good(w)).collect();
        ws.sort();
        ws.dedup();
        for w in ws {
            *df.entry(w).or_default() += 1;
        }
    }
    out.extend(df.into_iter().filter(|(_, n)| *n >= 3).map(|(w, _)| w));
    out.sort();
    out.dedup();
    out
}

/// Rust source of the index compiled into the app (`include!`d from `OUT_DIR`).
pub fn index_rust(cat: &Catalogue, answers: &Answers, glossary: &[Term]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "// Generated by explorables-content from content/seed.txt and content/titles.tsv."
    );
    let _ = writeln!(
        s,
        "pub static TITLE: (&str, &str) = ({:?}, {:?});",
        cat.title_zh, cat.title_en
    );
    let _ = writeln!(s, "pub static SECTIONS: &[SectionEntry] = &[");
    for sec in &cat.sections {
        let first = sec.questions.first().copied().unwrap_or(0);
        let _ = writeln!(
            s,
            "    SectionEntry {{ slug: {:?}, zh: {:?}, en: {:?}, level: {}, parent: {}, first_question: {}, questions: {} }},",
            sec.slug,
            sec.zh,
            sec.en,
            sec.level,
            sec.parent.map_or("None".to_string(), |p| format!("Some({p})")),
            first,
            sec.questions.len()
        );
    }
    let _ = writeln!(s, "];");
    let _ = writeln!(s, "pub static QUESTIONS: &[QuestionEntry] = &[");
    for q in &cat.questions {
        let zh = answers.get(Lang::Zh, &q.slug);
        let en = answers.get(Lang::En, &q.slug);
        let widgets = zh.or(en).map(widgets_in).unwrap_or_default();
        let _ = writeln!(
            s,
            "    QuestionEntry {{ slug: {:?}, zh: {:?}, en: {:?}, section: {}, answered_zh: {}, answered_en: {}, widgets: &{:?} }},",
            q.slug, q.zh, q.en, q.section, zh.is_some(), en.is_some(), widgets
        );
    }
    let _ = writeln!(s, "];");
    let links = crate::glossary::links(glossary, cat, answers);
    let _ = writeln!(s, "pub static GLOSSARY: &[GlossaryEntry] = &[");
    for (t, l) in glossary.iter().zip(links) {
        let _ = writeln!(
            s,
            "    GlossaryEntry {{ zh: &{:?}, en: &{:?}, abbr: &{:?}, links: &{:?} }},",
            t.zh, t.en, t.abbr, l
        );
    }
    let _ = writeln!(s, "];");
    s
}
