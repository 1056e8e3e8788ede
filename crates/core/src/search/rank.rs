//! Query → plan → ranked questions.
//!
//! A query splits into groups (an ASCII word, or a run of Han characters), and glossary
//! concepts named in it are attached to the groups they span (`旋转位置编码` → the RoPE
//! concept, which matches answers that only write "RoPE"). Every question is scored; none is
//! dropped for missing one group:
//!
//! `score = (4·title + 2·whole) / groups + bm25 / best_bm25`
//!
//! where `title` counts groups found in the question's titles, `whole` the groups whose every
//! term (or an attached concept) is in the answer — the "phrase" — and `bm25` is the usual
//! Okapi weight of the terms (a group's Han pairs averaged, so long runs do not dominate).
//! Ties go to catalogue order, so ranking is deterministic.

use super::index::Store;
use super::tokens::{
    concept_token, edit_distance, find_form, han_query_tokens, normalize_word, runs,
};

/// Queries are cut to this many characters.
pub const MAX_QUERY: usize = 200;

/// Common English words that carry little meaning alone.
const STOP: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "by", "do", "does", "for", "from", "how", "in", "is",
    "it", "of", "on", "or", "the", "to", "vs", "what", "when", "why", "with",
];

/// One group of the query.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// As typed (ASCII lowercased).
    pub text: String,
    pub han: bool,
    /// Index terms: Han pairs (or the single character), or the normalised word.
    pub tokens: Vec<String>,
    /// Spelling corrections of an ASCII word that is in no answer.
    pub alts: Vec<String>,
    /// Glossary concepts named over this group.
    pub concepts: Vec<usize>,
    pub stop: bool,
}

/// What a query asks for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub groups: Vec<Group>,
}

/// Plans `query` against the glossary `concepts` (lowercased forms per concept); `store`
/// (when loaded) lets a word that no answer contains be corrected from the vocabulary.
pub fn plan(query: &str, concepts: &[Vec<String>], store: Option<&Store>) -> Plan {
    let q: String = query
        .chars()
        .take(MAX_QUERY)
        .collect::<String>()
        .to_ascii_lowercase();
    let rs = runs(&q);
    let mut groups: Vec<(Group, usize, usize)> = rs
        .into_iter()
        .filter(|r| r.han || r.text.len() >= 2)
        .map(|r| {
            let tokens = if r.han {
                han_query_tokens(&r.text)
            } else {
                vec![normalize_word(&r.text)]
            };
            let stop = !r.han && STOP.contains(&r.text.as_str());
            (
                Group {
                    text: r.text,
                    han: r.han,
                    tokens,
                    alts: Vec::new(),
                    concepts: Vec::new(),
                    stop,
                },
                r.start,
                r.end,
            )
        })
        .collect();
    // Concepts named in the query; a name inside a longer one (位置编码 in 旋转位置编码)
    // gives way to it.
    let mut named: Vec<(usize, usize, usize)> = Vec::new();
    for (id, forms) in concepts.iter().enumerate() {
        for f in forms {
            named.extend(
                find_form(&q, f)
                    .into_iter()
                    .map(|at| (at, at + f.len(), id)),
            );
        }
    }
    let inside = |a: &(usize, usize, usize)| {
        named
            .iter()
            .any(|b| b.0 <= a.0 && a.1 <= b.1 && b.1 - b.0 > a.1 - a.0)
    };
    for &(at, end, id) in named.iter().filter(|a| !inside(a)) {
        for (g, s, e) in groups.iter_mut() {
            if *s < end && at < *e && !g.concepts.contains(&id) {
                g.concepts.push(id);
            }
        }
    }
    if let Some(store) = store {
        for (g, _, _) in groups.iter_mut() {
            let w = &g.tokens[0];
            let unknown = store.postings(w).is_some_and(<[_]>::is_empty);
            if g.han || g.stop || w.len() < 4 || !unknown || w.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let limit = if w.len() >= 9 { 2 } else { 1 };
            // The nearest words (the vocabulary is sorted, so the first three of them).
            let near: Vec<(usize, &String)> = store
                .meta
                .vocab
                .iter()
                .filter(|v| v.len().abs_diff(w.len()) <= limit)
                .map(|v| (edit_distance(w, v), v))
                .filter(|&(d, _)| d <= limit)
                .collect();
            let d0 = near.iter().map(|b| b.0).min();
            g.alts = near
                .into_iter()
                .filter(|b| Some(b.0) == d0)
                .take(3)
                .map(|b| normalize_word(b.1))
                .collect();
        }
    }
    Plan {
        groups: groups.into_iter().map(|g| g.0).collect(),
    }
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every index term the plan looks up.
    pub fn terms(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for g in &self.groups {
            let all = g.tokens.iter().chain(&g.alts).cloned();
            for t in all.chain(g.concepts.iter().map(|&c| concept_token(c))) {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
        out
    }

    /// Shards the plan needs that `store` has not loaded, sorted.
    pub fn missing(&self, store: &Store) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .terms()
            .iter()
            .map(|t| store.shard_of(t))
            .filter(|&k| !store.has(k))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Words to highlight in a snippet, longest first: what was typed, corrections, and the
    /// glossary names of the concepts named; then the Han pairs as a fallback.
    pub fn highlights(&self, concepts: &[Vec<String>]) -> (Vec<String>, Vec<String>) {
        let mut main: Vec<String> = Vec::new();
        let mut pairs: Vec<String> = Vec::new();
        for g in self.groups.iter().filter(|g| !g.stop) {
            main.push(g.text.clone());
            main.extend(g.alts.iter().cloned());
            for &c in &g.concepts {
                main.extend(concepts.get(c).into_iter().flatten().cloned());
            }
            if g.han {
                pairs.extend(g.tokens.iter().cloned());
            }
        }
        for v in [&mut main, &mut pairs] {
            v.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            v.dedup();
        }
        (main, pairs)
    }
}

/// One ranked question.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub question: usize,
    pub score: f64,
    /// Groups found in the titles.
    pub in_title: usize,
}

fn in_text(hay: &str, g: &Group, concepts: &[Vec<String>]) -> bool {
    let typed = if g.han {
        hay.contains(&g.text)
    } else {
        !find_form(hay, &g.text).is_empty()
    };
    typed
        || g.alts.iter().any(|a| !find_form(hay, a).is_empty())
        || g.concepts.iter().any(|&c| {
            concepts
                .get(c)
                .is_some_and(|fs| fs.iter().any(|f| !find_form(hay, f).is_empty()))
        })
}

/// Ranks every question for `plan`. `titles[i]` is question `i`'s titles (both languages);
/// `store` is the answer index when loaded (titles alone otherwise).
pub fn rank(
    plan: &Plan,
    titles: &[String],
    concepts: &[Vec<String>],
    store: Option<&Store>,
) -> Vec<Hit> {
    let n = titles.len();
    if plan.is_empty() || n == 0 {
        return Vec::new();
    }
    let lower: Vec<String> = titles.iter().map(|t| t.to_ascii_lowercase()).collect();
    let weight = |g: &Group| if g.stop { 0.2 } else { 1.0 };
    let total_w: f64 = plan.groups.iter().map(weight).sum();
    let mut tier = vec![0.0f64; n];
    let mut bm = vec![0.0f64; n];
    let mut in_title = vec![0usize; n];
    let bm25 = |postings: &[(u16, u16)], store: &Store, out: &mut Vec<f64>| {
        out.iter_mut().for_each(|v| *v = 0.0);
        let docs = store.meta.docs as f64;
        let df = postings.len() as f64;
        let idf = (1.0 + (docs - df + 0.5) / (df + 0.5)).ln();
        for &(d, tf) in postings {
            let Some(slot) = out.get_mut(d as usize) else {
                continue;
            };
            let len = f64::from(store.meta.lens.get(d as usize).copied().unwrap_or(0));
            let tf = f64::from(tf);
            let (k1, b) = (1.2, 0.75);
            *slot = idf * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * len / store.meta.avg_len));
        }
    };
    let mut tmp = vec![0.0f64; n];
    for g in &plan.groups {
        let w = weight(g);
        let mut gsum = vec![0.0f64; n];
        let mut present = vec![0usize; n];
        let mut concept = vec![0.0f64; n];
        if let Some(store) = store {
            // The typed word and its corrections are alternatives: the best one counts.
            let alternatives = !g.han && !g.alts.is_empty();
            for t in g.tokens.iter().chain(&g.alts) {
                let p = store.postings(t).unwrap_or(&[]);
                bm25(p, store, &mut tmp);
                for d in 0..n {
                    if tmp[d] > 0.0 {
                        present[d] += 1;
                        if alternatives {
                            gsum[d] = gsum[d].max(tmp[d]);
                        } else {
                            gsum[d] += tmp[d] / g.tokens.len() as f64;
                        }
                    }
                }
            }
            for &c in &g.concepts {
                bm25(
                    store.postings(&concept_token(c)).unwrap_or(&[]),
                    store,
                    &mut tmp,
                );
                for d in 0..n {
                    concept[d] = concept[d].max(tmp[d]);
                }
            }
        }
        for d in 0..n {
            let whole = if g.han || g.alts.is_empty() {
                present[d] == g.tokens.len()
            } else {
                present[d] > 0
            } || concept[d] > 0.0;
            let title = in_text(&lower[d], g, concepts);
            in_title[d] += usize::from(title && !g.stop);
            tier[d] += w * (4.0 * f64::from(u8::from(title)) + 2.0 * f64::from(u8::from(whole)));
            bm[d] += w * gsum[d].max(concept[d]);
        }
    }
    let best = bm.iter().copied().fold(0.0f64, f64::max);
    let mut hits: Vec<Hit> = (0..n)
        .filter(|&d| bm[d] > 0.0 || in_title[d] > 0)
        .map(|d| Hit {
            question: d,
            score: tier[d] / total_w + if best > 0.0 { bm[d] / best } else { 0.0 },
            in_title: in_title[d],
        })
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.question.cmp(&b.question))
    });
    hits
}

#[cfg(test)]
mod tests {
    use super::super::index::build;
    use super::*;
    use proptest::prelude::*;

    fn concepts() -> Vec<Vec<String>> {
        vec![
            vec![
                "旋转位置编码".into(),
                "rope".into(),
                "rotary position embedding".into(),
            ],
            vec!["混合专家".into(), "moe".into()],
            vec!["位置编码".into()],
        ]
    }

    fn setup() -> (Vec<String>, Store) {
        let titles: Vec<String> = vec![
            "什么是 GQA？\nWhat is GQA?".into(),
            "MLA 为什么要解耦 RoPE\nWhy MLA decouples RoPE".into(),
            "位置编码\nPositional encoding".into(),
            "负载均衡\nLoad balancing in MoE".into(),
        ];
        let bodies = [
            "GQA shares KV heads. attention attention",
            "MLA caches a latent; RoPE is decoupled. attention",
            "RoPE 位置编码 and ALiBi; 旋转 编码",
            "MoE experts need load balancing; an auxiliary loss",
        ];
        let docs: Vec<String> = titles
            .iter()
            .zip(bodies)
            .map(|(t, b)| format!("{t}\n{b}"))
            .collect();
        let store = Store::from_built(
            &build(
                &docs,
                &concepts(),
                &["attention".into(), "balancing".into()],
                3,
            ),
            4,
        )
        .unwrap();
        (titles, store)
    }

    fn top(q: &str) -> Vec<usize> {
        let (titles, store) = setup();
        let c = concepts();
        let p = plan(q, &c, Some(&store));
        rank(&p, &titles, &c, Some(&store))
            .iter()
            .map(|h| h.question)
            .collect()
    }

    #[test]
    fn synonyms_and_titles() {
        // Only answers 1 and 2 name RoPE; answer 2's title has none of it, answer 1's has RoPE.
        assert_eq!(top("旋转位置编码"), [1, 2]);
        assert_eq!(top("混合专家")[0], 3);
        assert_eq!(top("GQA")[0], 0);
        let p = plan("旋转位置编码 位置编码", &concepts(), None);
        assert_eq!(p.groups[0].concepts, [0], "the longest name wins");
        assert_eq!(p.groups[1].concepts, [2]);
    }

    #[test]
    fn one_unknown_word_does_not_empty_the_result() {
        assert_eq!(top("load balancing zzzqqq")[0], 3);
        assert!(top("zzzqqq").is_empty());
        assert!(top("").is_empty());
    }

    #[test]
    fn typos_are_corrected_from_the_vocabulary() {
        let (_, store) = setup();
        let p = plan("atention", &concepts(), Some(&store));
        assert_eq!(p.groups[0].alts, ["attention"]);
        assert_eq!(top("atention")[0], 0, "most attention");
        // Without the shard loaded, nothing is corrected yet.
        assert!(plan("atention", &concepts(), None).groups[0]
            .alts
            .is_empty());
    }

    #[test]
    fn missing_lists_unloaded_shards() {
        let (_, full) = setup();
        let empty = Store::new(full.meta.clone());
        let p = plan("GQA 位置编码", &concepts(), None);
        let m = p.missing(&empty);
        assert!(!m.is_empty() && m.len() <= 3);
        assert!(p.missing(&full).is_empty());
        let (main, pairs) = p.highlights(&concepts());
        assert_eq!(main, ["位置编码", "gqa"]);
        assert_eq!(pairs, ["位置", "编码", "置编"]);
    }

    #[test]
    fn titles_alone_before_the_index_loads() {
        let (titles, _) = setup();
        let p = plan("gqa", &concepts(), None);
        let h = rank(&p, &titles, &concepts(), None);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].question, 0);
    }

    proptest! {
        #[test]
        fn arbitrary_queries_never_panic_and_rank_deterministically(q in ".{0,60}") {
            let (titles, store) = setup();
            let c = concepts();
            let p = plan(&q, &c, Some(&store));
            let a = rank(&p, &titles, &c, Some(&store));
            let b = rank(&plan(&q, &c, Some(&store)), &titles, &c, Some(&store));
            prop_assert_eq!(&a, &b);
            prop_assert!(a.windows(2).all(|w| w[0].score >= w[1].score));
            prop_assert!(a.iter().all(|h| h.question < titles.len() && h.score.is_finite()));
            let _ = p.highlights(&c);
        }

        #[test]
        fn a_title_word_finds_its_question(i in 0usize..4) {
            let (titles, store) = setup();
            let word = titles[i].split_whitespace().last().unwrap().trim_end_matches('?').to_string();
            let c = concepts();
            let h = rank(&plan(&word, &c, Some(&store)), &titles, &c, Some(&store));
            prop_assert!(h.iter().any(|h| h.question == i));
        }
    }
}
