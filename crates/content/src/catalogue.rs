//! The question catalogue: chapters → sections → questions, each with a stable slug.
//!
//! `seed.txt` is the catalogue as given (Markdown-ish headings `##`/`###`/`####` and `- ` items).
//! `titles.tsv` has one row per seed line, in order: `kind \t slug \t zh \t en`. Parsing
//! checks the two agree row by row, so a seed item can be neither missing nor duplicated.

use std::collections::HashSet;
use std::fmt;

/// A heading of the catalogue: a chapter (`##`) or a section (`###`/`####`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub slug: String,
    pub zh: String,
    pub en: String,
    /// 2 for chapters, 3 or 4 for sections.
    pub level: u8,
    /// Index of the enclosing section in [`Catalogue::sections`].
    pub parent: Option<usize>,
    /// Indices into [`Catalogue::questions`] of the items directly under this heading.
    pub questions: Vec<usize>,
}

/// One `- ` item of the catalogue: a question (or a section line, which also gets a page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub slug: String,
    pub zh: String,
    pub en: String,
    /// Index of the section that holds it (its "article").
    pub section: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    /// The `#` title of the whole catalogue.
    pub title_zh: String,
    pub title_en: String,
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueError(pub String);

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CatalogueError {}

/// One meaningful line of `seed.txt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeedLine {
    Heading { level: u8, text: String },
    Item { text: String },
}

/// Splits the seed into headings and items (blank lines skipped, text trimmed).
pub fn parse_seed(seed: &str) -> Vec<SeedLine> {
    seed.lines()
        .filter_map(|line| {
            let t = line.trim();
            if t.is_empty() {
                return None;
            }
            if let Some(rest) = t.strip_prefix('#') {
                let level = 1 + rest.chars().take_while(|&c| c == '#').count() as u8;
                let text = rest.trim_start_matches('#').trim().to_string();
                Some(SeedLine::Heading { level, text })
            } else if let Some(rest) = t.strip_prefix('-') {
                Some(SeedLine::Item {
                    text: rest.trim().to_string(),
                })
            } else {
                Some(SeedLine::Item {
                    text: t.to_string(),
                })
            }
        })
        .collect()
}

fn kind_of(line: &SeedLine) -> &'static str {
    match line {
        SeedLine::Heading { level: 1, .. } => "title",
        SeedLine::Heading { level: 2, .. } => "chapter",
        SeedLine::Heading { .. } => "section",
        SeedLine::Item { .. } => "q",
    }
}

fn valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 60
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Joins the seed with the titles table, checking every row.
pub fn build(seed: &str, titles_tsv: &str) -> Result<Catalogue, CatalogueError> {
    let lines = parse_seed(seed);
    let rows: Vec<Vec<&str>> = titles_tsv
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    if rows.len() != lines.len() {
        return Err(CatalogueError(format!(
            "titles.tsv has {} rows but seed.txt has {} headings and items",
            rows.len(),
            lines.len()
        )));
    }
    let mut seen = HashSet::new();
    let mut cat = Catalogue {
        title_zh: String::new(),
        title_en: String::new(),
        sections: Vec::new(),
        questions: Vec::new(),
    };
    // Stack of open headings: (level, section index).
    let mut open: Vec<(u8, usize)> = Vec::new();
    for (i, (line, row)) in lines.iter().zip(&rows).enumerate() {
        let at = || format!("titles.tsv data row {}", i + 1);
        let [kind, slug, zh, en] = row[..] else {
            return Err(CatalogueError(format!(
                "{}: expected 4 tab-separated fields",
                at()
            )));
        };
        let (kind, slug, zh, en) = (kind.trim(), slug.trim(), zh.trim(), en.trim());
        if kind != kind_of(line) {
            return Err(CatalogueError(format!(
                "{}: kind {kind:?}, seed says {:?}",
                at(),
                kind_of(line)
            )));
        }
        let seed_text = match line {
            SeedLine::Heading { text, .. } | SeedLine::Item { text } => text,
        };
        if zh != seed_text {
            return Err(CatalogueError(format!(
                "{}: zh {zh:?} differs from seed {seed_text:?}",
                at()
            )));
        }
        if en.is_empty() {
            return Err(CatalogueError(format!(
                "{}: missing English title for {zh:?}",
                at()
            )));
        }
        if !valid_slug(slug) {
            return Err(CatalogueError(format!("{}: invalid slug {slug:?}", at())));
        }
        if !seen.insert(slug.to_string()) {
            return Err(CatalogueError(format!("{}: duplicate slug {slug:?}", at())));
        }
        match line {
            SeedLine::Heading { level: 1, .. } => {
                cat.title_zh = zh.into();
                cat.title_en = en.into();
            }
            SeedLine::Heading { level, .. } => {
                while open.last().is_some_and(|&(l, _)| l >= *level) {
                    open.pop();
                }
                let idx = cat.sections.len();
                cat.sections.push(Section {
                    slug: slug.into(),
                    zh: zh.into(),
                    en: en.into(),
                    level: *level,
                    parent: open.last().map(|&(_, s)| s),
                    questions: Vec::new(),
                });
                open.push((*level, idx));
            }
            SeedLine::Item { .. } => {
                let Some(&(_, section)) = open.last() else {
                    return Err(CatalogueError(format!("{}: item before any heading", at())));
                };
                cat.sections[section].questions.push(cat.questions.len());
                cat.questions.push(Question {
                    slug: slug.into(),
                    zh: zh.into(),
                    en: en.into(),
                    section,
                });
            }
        }
    }
    Ok(cat)
}

impl Catalogue {
    /// Loads `content/seed.txt` and `content/titles.tsv` from the repository.
    pub fn load() -> Result<Catalogue, CatalogueError> {
        let dir = crate::content_dir();
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name))
                .map_err(|e| CatalogueError(format!("reading content/{name}: {e}")))
        };
        build(&read("seed.txt")?, &read("titles.tsv")?)
    }

    /// The chapter (level-2 heading) that encloses section `s`.
    pub fn chapter_of(&self, mut s: usize) -> usize {
        while let Some(p) = self.sections[s].parent {
            s = p;
        }
        s
    }

    pub fn question(&self, slug: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.slug == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "# T\n\n## C1\n\n### S1 \n\n- a\n- b\n\n## C2\n- c\n";
    const TSV: &str = "# header\ntitle\thome\tT\tTitle\nchapter\tch-1\tC1\tChapter 1\nsection\ts-1\tS1\tSection 1\nq\tq-a\ta\tA?\nq\tq-b\tb\tB?\nchapter\tch-2\tC2\tChapter 2\nq\tq-c\tc\tC?\n";

    #[test]
    fn builds_tree() {
        let c = build(SEED, TSV).unwrap();
        assert_eq!(c.title_en, "Title");
        assert_eq!(c.sections.len(), 3);
        assert_eq!(c.sections[1].parent, Some(0));
        assert_eq!(c.sections[1].questions, vec![0, 1]);
        assert_eq!(c.sections[2].questions, vec![2]);
        assert_eq!(c.chapter_of(1), 0);
        assert_eq!(c.question("q-c").unwrap().section, 2);
    }

    #[test]
    fn rejects_mismatch_duplicates_and_bad_slugs() {
        let missing_row = TSV.replace("q\tq-b\tb\tB?\n", "");
        assert!(build(SEED, &missing_row).is_err());
        let dup = TSV.replace("q-b", "q-a");
        assert!(build(SEED, &dup).unwrap_err().0.contains("duplicate"));
        let changed = TSV.replace("\tb\t", "\tbb\t");
        assert!(build(SEED, &changed).unwrap_err().0.contains("differs"));
        let bad = TSV.replace("q-c", "Q C");
        assert!(build(SEED, &bad).unwrap_err().0.contains("invalid slug"));
        let no_en = TSV.replace("C?", "");
        assert!(build(SEED, &no_en).unwrap_err().0.contains("English"));
    }
}
