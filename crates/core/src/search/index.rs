//! The index files. `build` writes, per language, one metadata file and `shards` shard files;
//! the app fetches the metadata on the first query and then only the shards its terms hash
//! to (see [`shard_of`]).
//!
//! Metadata (`meta.txt`): `llmx-search 2 <docs> <shards>`, then the document lengths in
//! tokens (base 36, comma-separated), then the correction vocabulary (space-separated ASCII
//! words: a query word found in no answer is replaced by its nearest vocabulary word).
//!
//! Shard `k` (`<k>.txt`): `llmx-shard 2 <docs> <shards> <k>`, then one `term\tpostings` line per
//! term, sorted by term; postings are `gap` or `gap:tf` in base 36, where `gap` is the
//! difference to the previous document number minus one and `tf` (omitted when 1) is how often
//! the term occurs in the document.

use super::tokens::{concept_counts, concept_token, document_tokens, shard_of};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

const META: &str = "llmx-search 2";
const SHARD: &str = "llmx-shard 2";

/// One term's documents with counts, sorted by document.
pub type Postings = Vec<(u16, u16)>;

/// The files of one language's index: metadata and the shards, in shard order.
pub struct Built {
    pub meta: String,
    pub shards: Vec<String>,
}

/// Builds the index of `docs` (document `i` is question `i`), with the glossary `concepts`
/// (lowercased surface forms per concept) as extra terms, and `vocab` as correction vocabulary.
pub fn build(docs: &[String], concepts: &[Vec<String>], vocab: &[String], shards: u32) -> Built {
    let mut postings: BTreeMap<String, BTreeMap<usize, usize>> = BTreeMap::new();
    let mut lens = Vec::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        let toks = document_tokens(d);
        lens.push(toks.len());
        for t in toks {
            *postings.entry(t).or_default().entry(i).or_default() += 1;
        }
        for (id, n) in concept_counts(d, concepts) {
            postings.entry(concept_token(id)).or_default().insert(i, n);
        }
    }
    let mut files = vec![String::new(); shards as usize];
    for (k, f) in files.iter_mut().enumerate() {
        let _ = writeln!(f, "{SHARD} {} {shards} {k}", docs.len());
    }
    for (t, ids) in postings {
        let f = &mut files[shard_of(&t, shards) as usize];
        let mut prev: Option<usize> = None;
        let list: Vec<String> = ids
            .iter()
            .map(|(&i, &n)| {
                let gap = prev.map_or(i, |p| i - p - 1);
                prev = Some(i);
                let n = n.min(u16::MAX as usize);
                if n == 1 {
                    base36(gap)
                } else {
                    format!("{}:{}", base36(gap), base36(n))
                }
            })
            .collect();
        let _ = writeln!(f, "{t}\t{}", list.join(","));
    }
    let words: BTreeSet<&str> = vocab.iter().map(String::as_str).collect();
    let meta = format!(
        "{META} {} {shards}\n{}\n{}\n",
        docs.len(),
        lens.iter()
            .map(|&l| base36(l))
            .collect::<Vec<_>>()
            .join(","),
        words.into_iter().collect::<Vec<_>>().join(" ")
    );
    Built {
        meta,
        shards: files,
    }
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

fn num(s: &str) -> Option<usize> {
    usize::from_str_radix(s, 36).ok()
}

/// The parsed metadata of one language's index.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub docs: usize,
    pub shards: u32,
    pub lens: Vec<u32>,
    pub avg_len: f64,
    pub vocab: Vec<String>,
}

impl Meta {
    /// `None` unless it is a metadata file for exactly `docs` questions (a stale file never
    /// points at the wrong questions).
    pub fn parse(text: &str, docs: usize) -> Option<Meta> {
        let mut lines = text.lines();
        let head = lines.next()?.strip_prefix(META)?;
        let mut it = head.split_whitespace();
        let n: usize = it.next()?.parse().ok()?;
        let shards: u32 = it.next()?.parse().ok()?;
        if n != docs || docs > u16::MAX as usize || shards == 0 || shards > 65536 {
            return None;
        }
        let lens: Vec<u32> = lines
            .next()?
            .split(',')
            .filter(|s| !s.is_empty())
            .map(|s| num(s).and_then(|v| u32::try_from(v).ok()))
            .collect::<Option<_>>()?;
        if lens.len() != docs {
            return None;
        }
        let vocab = lines
            .next()
            .unwrap_or_default()
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let avg_len =
            (lens.iter().map(|&l| f64::from(l)).sum::<f64>() / docs.max(1) as f64).max(1.0);
        Some(Meta {
            docs,
            shards,
            lens,
            avg_len,
            vocab,
        })
    }
}

/// One parsed shard: sorted terms with their postings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shard {
    terms: Vec<(String, Postings)>,
}

impl Shard {
    /// `None` unless it is shard `k` of an index of `docs` documents in `shards` shards.
    pub fn parse(text: &str, docs: usize, shards: u32, k: u32) -> Option<Shard> {
        let mut lines = text.lines();
        let head = lines.next()?.strip_prefix(SHARD)?;
        let h: Vec<&str> = head.split_whitespace().collect();
        if h != [docs.to_string(), shards.to_string(), k.to_string()] {
            return None;
        }
        let mut terms = Vec::new();
        for line in lines {
            let (t, ids) = line.split_once('\t')?;
            let mut next = 0usize;
            let mut list = Vec::new();
            for p in ids.split(',') {
                let (gap, tf) = match p.split_once(':') {
                    Some((g, f)) => (num(g)?, num(f)?),
                    None => (num(p)?, 1),
                };
                let id = next.checked_add(gap)?;
                if id >= docs || tf == 0 || tf > u16::MAX as usize {
                    return None;
                }
                list.push((id as u16, tf as u16));
                next = id + 1;
            }
            terms.push((t.to_string(), list));
        }
        if terms.windows(2).any(|w| w[0].0 >= w[1].0) {
            return None;
        }
        Some(Shard { terms })
    }

    pub fn postings(&self, token: &str) -> &[(u16, u16)] {
        match self.terms.binary_search_by(|(t, _)| t.as_str().cmp(token)) {
            Ok(i) => &self.terms[i].1,
            Err(_) => &[],
        }
    }
}

/// What the app has loaded of one language's index: the metadata and some shards.
#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    pub meta: Meta,
    shards: Vec<Option<Shard>>,
}

impl Store {
    pub fn new(meta: Meta) -> Store {
        let n = meta.shards as usize;
        Store {
            meta,
            shards: vec![None; n],
        }
    }

    /// Adds shard `k` from its file text; false (and nothing stored) if it is not that shard.
    pub fn add(&mut self, k: u32, text: &str) -> bool {
        match Shard::parse(text, self.meta.docs, self.meta.shards, k) {
            Some(s) if (k as usize) < self.shards.len() => {
                self.shards[k as usize] = Some(s);
                true
            }
            _ => false,
        }
    }

    /// Stores an empty shard `k` (its file failed to load): its terms then match nothing.
    pub fn add_empty(&mut self, k: u32) {
        if let Some(s) = self.shards.get_mut(k as usize) {
            *s = Some(Shard::default());
        }
    }

    pub fn has(&self, k: u32) -> bool {
        self.shards.get(k as usize).is_some_and(Option::is_some)
    }

    pub fn shard_of(&self, token: &str) -> u32 {
        shard_of(token, self.meta.shards)
    }

    /// The postings of `token`, or `None` while its shard is not loaded.
    pub fn postings(&self, token: &str) -> Option<&[(u16, u16)]> {
        self.shards[self.shard_of(token) as usize]
            .as_ref()
            .map(|s| s.postings(token))
    }

    /// A store with every shard of `built` loaded (tests and the build's own checks).
    pub fn from_built(built: &Built, docs: usize) -> Option<Store> {
        let mut s = Store::new(Meta::parse(&built.meta, docs)?);
        for (k, text) in built.shards.iter().enumerate() {
            if !s.add(k as u32, text) {
                return None;
            }
        }
        Some(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn docs() -> Vec<String> {
        vec![
            "KV cache with GQA heads, GQA".into(),
            "MLA caches a latent; 旋转位置编码".into(),
            "RoPE 位置编码 and ALiBi".into(),
        ]
    }

    #[test]
    fn round_trip() {
        let c = vec![vec!["rope".to_string(), "旋转位置编码".to_string()]];
        let b = build(&docs(), &c, &["attention".into()], 4);
        assert_eq!(b.shards.len(), 4);
        let s = Store::from_built(&b, 3).unwrap();
        assert_eq!(s.postings("gqa").unwrap(), [(0, 2)]);
        assert_eq!(s.postings("位置").unwrap(), [(1, 1), (2, 1)]);
        assert_eq!(
            s.postings("=0").unwrap(),
            [(1, 1), (2, 1)],
            "concept under either name"
        );
        assert_eq!(
            s.postings("cache").unwrap(),
            [(0, 1), (1, 1)],
            "plural folded"
        );
        assert!(s.postings("nothing").unwrap().is_empty());
        assert_eq!(s.meta.vocab, ["attention"]);
        assert_eq!(s.meta.lens[0], 6);
        assert!(Store::from_built(&b, 4).is_none(), "stale index rejected");
        assert!(Meta::parse("garbage", 3).is_none());
        assert!(
            Shard::parse(&b.shards[1], 3, 4, 2).is_none(),
            "wrong shard number"
        );
    }

    #[test]
    fn bad_shards_are_rejected() {
        let h = format!("{SHARD} 3 1 0\n");
        assert!(
            Shard::parse(&format!("{h}b\t1\na\t2\n"), 3, 1, 0).is_none(),
            "unsorted"
        );
        assert!(
            Shard::parse(&format!("{h}a\t7\n"), 3, 1, 0).is_none(),
            "id out of range"
        );
        assert!(
            Shard::parse(&format!("{h}a\t0,1,x\n"), 3, 1, 0).is_none(),
            "gap out of range"
        );
        assert!(
            Shard::parse(&format!("{h}a\t0:0\n"), 3, 1, 0).is_none(),
            "zero count"
        );
        assert_eq!(
            Shard::parse(&format!("{h}a\t0:3,0\n"), 3, 1, 0)
                .unwrap()
                .postings("a"),
            [(0, 3), (1, 1)]
        );
    }

    proptest! {
        #[test]
        fn every_token_of_a_document_finds_it(texts in proptest::collection::vec("[a-zA-Z0-9 注意力位置编码，。]{0,40}", 1..6), n in 1u32..9) {
            let s = Store::from_built(&build(&texts, &[], &[], n), texts.len()).unwrap();
            for (i, t) in texts.iter().enumerate() {
                for tok in document_tokens(t) {
                    prop_assert!(s.postings(&tok).unwrap().iter().any(|p| p.0 as usize == i));
                }
            }
        }

        #[test]
        fn hostile_files_never_panic(s in ".{0,200}") {
            let _ = Meta::parse(&s, 5);
            let _ = Shard::parse(&s, 5, 3, 1);
            let m = Meta::parse(&format!("{META} 2 3\n1,2\nfoo\n"), 2).unwrap();
            let mut st = Store::new(m);
            let _ = st.add(7, &s);
            let _ = st.add(1, &s);
        }
    }
}
