//! Full-text search over the answers. The build turns every answer into tokens and writes an
//! inverted index (one small text file per language, fetched only when a reader searches);
//! the app tokenises the query the same way and ranks the questions.
//!
//! Tokens: runs of ASCII letters and digits, lowercased, at least two characters (`gqa`,
//! `rope`, `70b`); and Han characters, each alone and each adjacent pair (`注`, `注意`), since
//! Chinese has no spaces. A query's Han runs use pairs only (a single character stays single),
//! so `注意力机制` must appear as written, not merely its characters anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// First line of an index file; the number after it is the question count it was built for.
pub const HEADER: &str = "llmx-search 1";

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Splits `text` into ASCII-word runs and Han runs (everything else separates them).
fn runs(text: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut cur: Option<(bool, String)> = None;
    for c in text.chars() {
        let kind = if c.is_ascii_alphanumeric() {
            Some(false)
        } else if is_han(c) {
            Some(true)
        } else {
            None
        };
        match (kind, cur.as_mut()) {
            (Some(k), Some((ck, s))) if *ck == k => s.push(c.to_ascii_lowercase()),
            (Some(k), _) => {
                out.extend(cur.take());
                cur = Some((k, c.to_ascii_lowercase().to_string()));
            }
            (None, _) => out.extend(cur.take()),
        }
    }
    out.extend(cur);
    out
}

fn han_tokens(run: &str, singles: bool, out: &mut Vec<String>) {
    let chars: Vec<char> = run.chars().collect();
    if singles || chars.len() == 1 {
        out.extend(chars.iter().map(|c| c.to_string()));
    }
    out.extend(chars.windows(2).map(|w| w.iter().collect()));
}

/// The tokens of a document (Han characters and pairs, ASCII words), with repeats.
pub fn document_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (han, run) in runs(text) {
        if han {
            han_tokens(&run, true, &mut out);
        } else if run.len() >= 2 {
            out.push(run);
        }
    }
    out
}

/// The distinct tokens a query must match, in order of first appearance.
pub fn query_tokens(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (han, run) in runs(query) {
        if han {
            han_tokens(&run, false, &mut out);
        } else if run.len() >= 2 {
            out.push(run);
        }
    }
    let mut distinct: Vec<String> = Vec::with_capacity(out.len());
    for t in out {
        if !distinct.contains(&t) {
            distinct.push(t);
        }
    }
    distinct
}

/// Writes the index of `docs` (document `i` is question `i` of the catalogue), keeping the
/// tokens for which `keep(token, document_count)` holds: the header line with the count, then
/// `token\tgaps` lines sorted by token, where `gaps` are the differences between successive
/// document numbers minus one, in base 36 (`0,0,3` = documents 0, 1, 5).
pub fn build_index(docs: &[String], keep: impl Fn(&str, usize) -> bool) -> String {
    let mut postings: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        for t in document_tokens(d) {
            postings.entry(t).or_default().insert(i);
        }
    }
    let mut s = format!("{HEADER} {}\n", docs.len());
    for (t, ids) in postings {
        if !keep(&t, ids.len()) {
            continue;
        }
        let mut prev = None;
        let gaps: Vec<String> = ids
            .iter()
            .map(|&i| {
                let gap = prev.map_or(i, |p| i - p - 1);
                prev = Some(i);
                base36(gap)
            })
            .collect();
        let _ = writeln!(s, "{t}\t{}", gaps.join(","));
    }
    s
}

/// Keeps every ASCII word, and the Han pairs found in at least `min_docs` documents (a Chinese
/// pair index of every rare pair would be several times the size of all the rest).
pub fn keep_words_and_common_pairs(min_docs: usize) -> impl Fn(&str, usize) -> bool {
    move |t, docs| t.is_ascii() || (t.chars().count() == 2 && docs >= min_docs)
}

fn base36(mut n: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A parsed index: sorted tokens with the questions that contain them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    docs: usize,
    terms: Vec<(String, Vec<u16>)>,
}

impl Index {
    /// Parses an index file; `None` if it is not one, or was built for another catalogue
    /// (`docs` questions), so a stale file is never used to point at the wrong questions.
    pub fn parse(text: &str, docs: usize) -> Option<Index> {
        let mut lines = text.lines();
        let n: usize = lines.next()?.strip_prefix(HEADER)?.trim().parse().ok()?;
        if n != docs || docs > u16::MAX as usize {
            return None;
        }
        let mut terms = Vec::new();
        for line in lines {
            let (t, ids) = line.split_once('\t')?;
            let mut next = 0usize;
            let mut list = Vec::new();
            for gap in ids.split(',') {
                let id = next.checked_add(usize::from_str_radix(gap, 36).ok()?)?;
                if id >= docs {
                    return None;
                }
                list.push(id as u16);
                next = id + 1;
            }
            terms.push((t.to_string(), list));
        }
        if terms.windows(2).any(|w| w[0].0 >= w[1].0) {
            return None;
        }
        Some(Index { docs, terms })
    }

    /// The questions containing `token` (sorted).
    pub fn postings(&self, token: &str) -> &[u16] {
        match self.terms.binary_search_by(|(t, _)| t.as_str().cmp(token)) {
            Ok(i) => &self.terms[i].1,
            Err(_) => &[],
        }
    }

    pub fn docs(&self) -> usize {
        self.docs
    }
}

/// One result: a question index and how it matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub question: usize,
    /// Query tokens found in the question's titles.
    pub in_title: usize,
}

/// Questions matching every token of `query`, in its titles (`titles[i]`, both languages)
/// or its answer (`index`, if loaded); ranked by title matches, then catalogue order.
pub fn search(query: &str, titles: &[String], index: Option<&Index>) -> Vec<Hit> {
    let tokens = query_tokens(query);
    if tokens.is_empty() {
        return Vec::new();
    }
    // Sorted token lists (not sets: the app's wasm stays smaller without BTree code).
    let title_tokens: Vec<Vec<String>> = titles
        .iter()
        .map(|t| {
            let mut v = document_tokens(t);
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut hits: Vec<Hit> = (0..titles.len())
        .filter_map(|q| {
            let mut in_title = 0;
            for t in &tokens {
                if title_tokens[q].binary_search(t).is_ok() {
                    in_title += 1;
                } else if index.is_none_or(|ix| ix.postings(t).binary_search(&(q as u16)).is_err())
                {
                    return None;
                }
            }
            Some(Hit {
                question: q,
                in_title,
            })
        })
        .collect();
    hits.sort_unstable_by_key(|h| (std::cmp::Reverse(h.in_title), h.question));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tokens_split_words_and_han() {
        assert_eq!(
            document_tokens("GQA 与 MLA：注意力"),
            ["gqa", "与", "mla", "注", "意", "力", "注意", "意力"]
        );
        assert_eq!(query_tokens("注意力 RoPE rope"), ["注意", "意力", "rope"]);
        assert_eq!(query_tokens("与 a"), ["与"]);
        assert!(query_tokens(" ，。!? ").is_empty());
    }

    fn docs() -> Vec<String> {
        vec![
            "KV cache with GQA heads".into(),
            "MLA caches a latent; 旋转位置编码".into(),
            "RoPE 位置编码 and ALiBi".into(),
        ]
    }

    #[test]
    fn index_round_trips_and_finds_postings() {
        let ix = Index::parse(&build_index(&docs(), |_, _| true), 3).unwrap();
        assert_eq!(ix.postings("gqa"), [0]);
        assert_eq!(ix.postings("位置"), [1, 2]);
        assert!(ix.postings("nothing").is_empty());
        assert!(
            Index::parse(&build_index(&docs(), |_, _| true), 4).is_none(),
            "stale index rejected"
        );
        assert!(Index::parse("garbage", 3).is_none());
        assert!(
            Index::parse(&format!("{HEADER} 3\nb\t1\na\t2\n"), 3).is_none(),
            "unsorted"
        );
        assert!(
            Index::parse(&format!("{HEADER} 3\na\t7\n"), 3).is_none(),
            "id out of range"
        );
        assert!(
            Index::parse(&format!("{HEADER} 3\na\t0,1,x\n"), 3).is_none(),
            "gap out of range"
        );
        let text = build_index(&docs(), |_, _| true);
        assert!(text.contains("\n位置\t1,0\n"), "gaps: documents 1 and 2");
    }

    #[test]
    fn pruning_keeps_words_and_common_pairs() {
        let keep = keep_words_and_common_pairs(2);
        let ix = Index::parse(&build_index(&docs(), keep), 3).unwrap();
        assert_eq!(ix.postings("gqa"), [0], "ASCII words always kept");
        assert_eq!(ix.postings("位置"), [1, 2], "pair in two documents kept");
        assert!(
            ix.postings("旋转").is_empty(),
            "pair in one document dropped"
        );
        assert!(ix.postings("位").is_empty(), "single characters dropped");
        let big: Vec<String> = (0..200).map(|i| format!("doc {i} 位置")).collect();
        let ix = Index::parse(&build_index(&big, |_, _| true), 200).unwrap();
        assert_eq!(ix.postings("位置").len(), 200);
        assert_eq!(ix.postings("199"), [199]);
    }

    #[test]
    fn search_requires_every_token_and_ranks_titles_first() {
        let ix = Index::parse(&build_index(&docs(), |_, _| true), 3).unwrap();
        let titles: Vec<String> = vec!["What is GQA?".into(), "MLA".into(), "位置编码".into()];
        let q = |s: &str| -> Vec<usize> {
            search(s, &titles, Some(&ix))
                .iter()
                .map(|h| h.question)
                .collect()
        };
        assert_eq!(q("位置编码"), [2, 1], "title match first");
        assert_eq!(q("位置 alibi"), [2]);
        assert_eq!(q("gqa"), [0]);
        assert!(q("gqa alibi").is_empty());
        assert!(q("").is_empty());
        // Without the index only titles can match.
        assert_eq!(search("位置编码", &titles, None).len(), 1);
    }

    proptest! {
        #[test]
        fn every_token_of_a_document_finds_it(texts in proptest::collection::vec("[a-zA-Z0-9 注意力位置编码，。]{0,40}", 1..6)) {
            let ix = Index::parse(&build_index(&texts, |_, _| true), texts.len()).unwrap();
            for (i, t) in texts.iter().enumerate() {
                for tok in document_tokens(t) {
                    prop_assert!(ix.postings(&tok).contains(&(i as u16)));
                }
            }
            // A document's own text, as a query, always finds it.
            let titles = vec![String::new(); texts.len()];
            for (i, t) in texts.iter().enumerate() {
                if !query_tokens(t).is_empty() {
                    prop_assert!(search(t, &titles, Some(&ix)).iter().any(|h| h.question == i));
                }
            }
        }

        #[test]
        fn hostile_text_never_panics(s in ".{0,200}") {
            let _ = query_tokens(&s);
            let _ = Index::parse(&s, 5);
            let _ = search(&s, std::slice::from_ref(&s), None);
        }
    }
}
