//! The search glossary, `data/glossary.toml`: concepts with their Chinese and English names
//! and abbreviations. Search expands a query through it (every name of a concept is one
//! index term), and the glossary page links each entry to the answers that explain it.

use crate::catalogue::Catalogue;
use crate::emit::Answers;
use explorables_core::lang::Lang;
use explorables_core::search::concept_counts;

/// One concept.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub zh: Vec<String>,
    pub en: Vec<String>,
    pub abbr: Vec<String>,
}

impl Term {
    /// Every name, lowercased (ASCII), as search matches them.
    pub fn forms(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .zh
            .iter()
            .chain(&self.en)
            .chain(&self.abbr)
            .map(|f| f.to_ascii_lowercase())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

pub fn path() -> std::path::PathBuf {
    crate::repo_root().join("data/glossary.toml")
}

/// Parses the glossary; every entry needs a Chinese and an English name.
pub fn parse(text: &str) -> Result<Vec<Term>, String> {
    let table: toml::Table = text.parse().map_err(|e| format!("glossary.toml: {e}"))?;
    let list = table
        .get("term")
        .and_then(|t| t.as_array())
        .ok_or("glossary.toml: no [[term]] entries")?;
    let strings = |t: &toml::Value, key: &str| -> Result<Vec<String>, String> {
        t.get(key)
            .and_then(|v| v.as_array())
            .ok_or_else(|| format!("glossary.toml: an entry has no `{key}` list"))?
            .iter()
            .map(|s| {
                s.as_str()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty() && !s.contains(['\n', '\t', '|']))
                    .ok_or_else(|| format!("glossary.toml: `{key}` has a bad name"))
            })
            .collect()
    };
    let mut out = Vec::new();
    for t in list {
        let term = Term {
            zh: strings(t, "zh")?,
            en: strings(t, "en")?,
            abbr: strings(t, "abbr")?,
        };
        if term.zh.is_empty() || term.en.is_empty() {
            return Err(format!("glossary.toml: {term:?} needs a zh and an en name"));
        }
        out.push(term);
    }
    Ok(out)
}

pub fn load() -> Result<Vec<Term>, String> {
    let text = std::fs::read_to_string(path()).map_err(|e| format!("glossary.toml: {e}"))?;
    parse(&text)
}

/// Lowercased forms per concept, in glossary order (concept `i` is term `i`).
pub fn concept_forms(terms: &[Term]) -> Vec<Vec<String>> {
    terms.iter().map(Term::forms).collect()
}

/// Most answers linked from one glossary entry.
pub const LINKS: usize = 6;

/// The questions (catalogue indices) whose answers explain each concept, best first: a title
/// naming it first, then how often the answer names it (in either language); at most [`LINKS`].
pub fn links(terms: &[Term], cat: &Catalogue, answers: &Answers) -> Vec<Vec<usize>> {
    let forms = concept_forms(terms);
    let mut score: Vec<Vec<(usize, usize)>> = vec![Vec::new(); terms.len()];
    for (qi, q) in cat.questions.iter().enumerate() {
        let title = format!("{}\n{}", q.zh, q.en);
        let in_title: Vec<usize> = concept_counts(&title, &forms).iter().map(|c| c.0).collect();
        let mut counts = vec![0usize; terms.len()];
        for lang in [Lang::Zh, Lang::En] {
            if let Some(md) = answers.get(lang, &q.slug) {
                for (id, n) in concept_counts(md, &forms) {
                    counts[id] += n;
                }
            }
        }
        for (id, &n) in counts.iter().enumerate() {
            if n > 0 {
                let bonus = if in_title.contains(&id) { 1000 } else { 0 };
                score[id].push((n + bonus, qi));
            }
        }
    }
    score
        .into_iter()
        .map(|mut v| {
            v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            v.into_iter().take(LINKS).map(|x| x.1).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_checks_entries() {
        let ok =
            parse("[[term]]\nzh=[\"混合专家\"]\nen=[\"mixture of experts\"]\nabbr=[\"MoE\"]\n")
                .unwrap();
        assert_eq!(ok[0].forms(), ["mixture of experts", "moe", "混合专家"]);
        assert!(parse("[[term]]\nzh=[]\nen=[\"x\"]\nabbr=[]\n").is_err());
        assert!(
            parse("[[term]]\nzh=[\"x\"]\nen=[\"y\"]\n").is_err(),
            "abbr list required"
        );
        assert!(parse("nonsense").is_err());
    }

    /// The glossary is checked against the answers' own usage: at least 80 entries; every
    /// entry is named in some Chinese answer and some English answer (under any of its
    /// names); every abbreviation is used by some answer; no name belongs to two entries.
    #[test]
    fn glossary_matches_the_answers() {
        let terms = load().unwrap();
        assert!(terms.len() >= 80, "{} entries", terms.len());
        let cat = Catalogue::load().unwrap();
        let answers = Answers::load(&crate::content_dir(), &cat).unwrap();
        let all = |lang: Lang| -> String {
            answers
                .sources
                .iter()
                .filter(|((l, _), _)| *l == lang.code())
                .map(|(_, md)| md.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let (zh, en) = (all(Lang::Zh), all(Lang::En));
        let mut seen = std::collections::BTreeSet::new();
        let mut problems = Vec::new();
        for t in &terms {
            let forms = vec![t.forms()];
            if concept_counts(&zh, &forms).is_empty() {
                problems.push(format!("{:?}: in no Chinese answer", t.zh));
            }
            if concept_counts(&en, &forms).is_empty() {
                problems.push(format!("{:?}: in no English answer", t.en));
            }
            for a in &t.abbr {
                if concept_counts(&format!("{zh}\n{en}"), &[vec![a.to_ascii_lowercase()]])
                    .is_empty()
                {
                    problems.push(format!("abbreviation {a}: in no answer"));
                }
            }
            for f in t.forms() {
                if !seen.insert(f.clone()) {
                    problems.push(format!("{f}: in two entries"));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
        let links = links(&terms, &cat, &answers);
        assert!(links.iter().all(|l| !l.is_empty()));
    }
}
