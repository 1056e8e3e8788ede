//! The question catalogue (`explorables_widgets::catalogue`, compiled in at build time) and
//! what the site asks of it.

use explorables_core::lang::Lang;
pub use explorables_widgets::catalogue::*;

pub fn title(lang: Lang) -> &'static str {
    lang.pick(TITLE.0, TITLE.1)
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

/// The glossary's names per concept (concept `i` is entry `i`), for search.
pub fn concept_forms() -> &'static [Vec<String>] {
    static FORMS: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| GLOSSARY.iter().map(GlossaryEntry::forms).collect())
}
