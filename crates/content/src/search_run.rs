//! A query run the way the app runs it, over files read by a callback: the metadata, then
//! the shards the plan is missing (again, until nothing is: a corrected word may need more),
//! then the plain text of the first results for their snippets. Used by the quality test and
//! by `search-cost` (the size report: what a first query downloads).

use crate::catalogue::Catalogue;
use crate::glossary::{concept_forms, Term};
use explorables_core::lang::Lang;
use explorables_core::search::{plan, rank, Meta, Store};

/// Results that get a snippet in the app (`src/pages/search.rs`, `SNIPPETS`).
pub const SNIPPETS: usize = 5;

/// What the app needs to run queries: titles and glossary, as compiled into it.
pub struct Searcher {
    pub slugs: Vec<String>,
    pub titles: Vec<String>,
    pub concepts: Vec<Vec<String>>,
}

/// The outcome of one query.
pub struct Run {
    /// Ranked slugs.
    pub slugs: Vec<String>,
    /// Every file fetched, in order (paths below the site root).
    pub files: Vec<String>,
}

impl Searcher {
    pub fn new(cat: &Catalogue, glossary: &[Term]) -> Searcher {
        Searcher {
            slugs: cat.questions.iter().map(|q| q.slug.clone()).collect(),
            titles: cat
                .questions
                .iter()
                .map(|q| format!("{}\n{}", q.zh, q.en))
                .collect(),
            concepts: concept_forms(glossary),
        }
    }

    /// Runs `query` on `lang`'s index; `read(path)` returns a file of the site. `answered`
    /// says whether a slug has an answer in `lang` (only those have a text for snippets).
    pub fn run(
        &self,
        query: &str,
        lang: Lang,
        read: impl Fn(&str) -> Option<String>,
        answered: impl Fn(&str) -> bool,
    ) -> Result<Run, String> {
        let dir = format!("content/search/{}", lang.code());
        let mut files = vec![format!("{dir}/meta.txt")];
        let meta = read(&files[0])
            .and_then(|t| Meta::parse(&t, self.titles.len()))
            .ok_or_else(|| format!("{dir}/meta.txt: missing or stale"))?;
        let mut store = Store::new(meta);
        loop {
            let p = plan(query, &self.concepts, Some(&store));
            let missing = p.missing(&store);
            if missing.is_empty() {
                let hits = rank(&p, &self.titles, &self.concepts, Some(&store));
                let slugs: Vec<String> = hits
                    .iter()
                    .map(|h| self.slugs[h.question].clone())
                    .collect();
                for s in slugs.iter().take(SNIPPETS).filter(|s| answered(s)) {
                    files.push(format!("content/{}/{s}.txt", lang.code()));
                }
                return Ok(Run { slugs, files });
            }
            for k in missing {
                let path = format!("{dir}/{k}.txt");
                let text = read(&path).ok_or_else(|| format!("{path}: missing"))?;
                if !store.add(k, &text) {
                    return Err(format!("{path}: not shard {k} of this index"));
                }
                files.push(path);
            }
        }
    }
}
