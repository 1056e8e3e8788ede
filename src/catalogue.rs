//! The question catalogue, compiled in at build time (see `build.rs`).

use explorables_core::lang::Lang;

/// A chapter (level 2) or section (level 3–4) of the catalogue.
#[derive(Debug)]
pub struct SectionEntry {
    pub slug: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub level: u8,
    pub parent: Option<usize>,
    pub first_question: usize,
    pub questions: usize,
}

/// One catalogue item with its page at `/q/<slug>`.
#[derive(Debug)]
pub struct QuestionEntry {
    pub slug: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub section: usize,
    pub answered_zh: bool,
    pub answered_en: bool,
    /// The live widgets its answer places (URL names).
    pub widgets: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/catalogue_index.rs"));

impl SectionEntry {
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }

    /// Indices of this section's questions.
    pub fn question_range(&self) -> std::ops::Range<usize> {
        self.first_question..self.first_question + self.questions
    }
}

impl QuestionEntry {
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }

    pub fn answered(&self, lang: Lang) -> bool {
        match lang {
            Lang::Zh => self.answered_zh,
            Lang::En => self.answered_en,
        }
    }
}

pub fn title(lang: Lang) -> &'static str {
    lang.pick(TITLE.0, TITLE.1)
}

pub fn section_index(slug: &str) -> Option<usize> {
    SECTIONS.iter().position(|s| s.slug == slug)
}

pub fn question_index(slug: &str) -> Option<usize> {
    QUESTIONS.iter().position(|q| q.slug == slug)
}

/// Direct sub-sections of section `s` (or the chapters, for `None`).
pub fn children(s: Option<usize>) -> impl Iterator<Item = usize> {
    SECTIONS
        .iter()
        .enumerate()
        .filter(move |(_, e)| e.parent == s)
        .map(|(i, _)| i)
}

/// The chain of sections from the chapter down to `s`.
pub fn ancestry(s: usize) -> Vec<usize> {
    let mut chain = vec![s];
    let mut cur = s;
    while let Some(p) = SECTIONS[cur].parent {
        chain.push(p);
        cur = p;
    }
    chain.reverse();
    chain
}

/// Number of answered questions in a language, for the home page.
pub fn answered_count(lang: Lang) -> usize {
    QUESTIONS.iter().filter(|q| q.answered(lang)).count()
}

/// One glossary concept (`data/glossary.toml`) and the questions whose answers explain it.
#[derive(Debug)]
pub struct GlossaryEntry {
    pub zh: &'static [&'static str],
    pub en: &'static [&'static str],
    pub abbr: &'static [&'static str],
    /// Catalogue indices, best first.
    pub links: &'static [usize],
}

impl GlossaryEntry {
    /// Every name lowercased (ASCII), as the build matched them (order does not matter).
    pub fn forms(&self) -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for f in self.zh.iter().chain(self.en).chain(self.abbr) {
            let f = f.to_ascii_lowercase();
            if !v.contains(&f) {
                v.push(f);
            }
        }
        v
    }
}

/// The glossary's names per concept (concept `i` is entry `i`), for search.
pub fn concept_forms() -> &'static [Vec<String>] {
    static FORMS: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| GLOSSARY.iter().map(GlossaryEntry::forms).collect())
}
