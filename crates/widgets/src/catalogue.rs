//! The question catalogue, compiled in at build time (`build.rs`): chapters, sections and
//! questions with their titles, which answers exist, and the glossary. Shared by the site (which
//! re-exports it as `crate::catalogue`) and study mode's module; a widget module that does not
//! read it carries none of it.

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

pub fn section_index(slug: &str) -> Option<usize> {
    SECTIONS.iter().position(|s| s.slug == slug)
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
}
