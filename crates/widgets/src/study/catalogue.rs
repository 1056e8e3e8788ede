//! The question catalogue, compiled into the study module at build time (`build.rs`, the same
//! generated table as the site's `src/catalogue.rs`): chapter titles and question titles for
//! `/study/` and the home page's per-chapter progress. Only the study module uses it.

// The generated table also holds the glossary, which study mode does not read.
#![allow(dead_code)]

use explorables_core::lang::Lang;

pub struct SectionEntry {
    pub slug: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub level: u8,
    pub parent: Option<usize>,
    pub first_question: usize,
    pub questions: usize,
}

pub struct QuestionEntry {
    pub slug: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub section: usize,
    pub answered_zh: bool,
    pub answered_en: bool,
    pub widgets: &'static [&'static str],
}

pub struct GlossaryEntry {
    pub zh: &'static [&'static str],
    pub en: &'static [&'static str],
    pub abbr: &'static [&'static str],
    pub links: &'static [usize],
}

include!(concat!(env!("OUT_DIR"), "/catalogue_index.rs"));

impl SectionEntry {
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
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

pub fn question_index(slug: &str) -> Option<usize> {
    QUESTIONS.iter().position(|q| q.slug == slug)
}

/// The chapters (top-level sections).
pub fn chapters() -> impl Iterator<Item = usize> {
    (0..SECTIONS.len()).filter(|&i| SECTIONS[i].parent.is_none())
}

/// Questions of chapter `c` and all its sub-sections (catalogue indices, in order).
pub fn chapter_questions(c: usize) -> Vec<usize> {
    let mut out: Vec<usize> = (0..SECTIONS[c].questions)
        .map(|k| SECTIONS[c].first_question + k)
        .collect();
    for s in (0..SECTIONS.len()).filter(|&s| SECTIONS[s].parent == Some(c)) {
        out.extend(chapter_questions(s));
    }
    out
}

/// A link to a page below the site's base, in a language (`q/<slug>` → `/en/q/<slug>/`).
pub fn href(path: &str, lang: Lang, query: &str) -> String {
    let mut s = crate::dom::base_path();
    if lang == Lang::En {
        s.push_str("en/");
    }
    if !path.is_empty() {
        s.push_str(path);
        s.push('/');
    }
    if !query.is_empty() {
        s.push('?');
        s.push_str(query);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_is_in_exactly_one_chapter() {
        let mut seen = vec![0; QUESTIONS.len()];
        for c in chapters() {
            for q in chapter_questions(c) {
                seen[q] += 1;
            }
        }
        assert!(seen.iter().all(|&n| n == 1));
        assert!(chapters().count() > 3);
    }

    #[test]
    fn links() {
        assert_eq!(href("q/a", Lang::En, ""), "/en/q/a/");
        assert_eq!(href("study", Lang::Zh, ""), "/study/");
        assert_eq!(
            href("lab/kv-cache", Lang::En, "ctx=1"),
            "/en/lab/kv-cache/?ctx=1"
        );
    }
}
