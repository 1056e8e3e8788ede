//! Tokenising: the same rules for documents and queries.

/// Han (CJK ideograph) characters.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// A run of one script: ASCII letters/digits (lowercased) or Han characters, with its byte
/// range in the lowercased text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub han: bool,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into ASCII-word runs and Han runs (everything else separates them). Byte
/// offsets are into `text` itself (ASCII lowercasing keeps lengths).
pub fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut cur: Option<Run> = None;
    for (i, c) in text.char_indices() {
        let kind = if c.is_ascii_alphanumeric() {
            Some(false)
        } else if is_han(c) {
            Some(true)
        } else {
            None
        };
        match (kind, cur.as_mut()) {
            (Some(k), Some(r)) if r.han == k => {
                r.text.push(c.to_ascii_lowercase());
                r.end = i + c.len_utf8();
            }
            (Some(k), _) => {
                out.extend(cur.take());
                cur = Some(Run {
                    han: k,
                    text: c.to_ascii_lowercase().to_string(),
                    start: i,
                    end: i + c.len_utf8(),
                });
            }
            (None, _) => out.extend(cur.take()),
        }
    }
    out.extend(cur);
    out
}

/// An ASCII word as indexed: a trailing plural `s` dropped from words of five letters or
/// more (`heads` → `head`, `caches` → `cache`; `class`, `loss` kept), so singular and plural
/// find each other.
pub fn normalize_word(w: &str) -> String {
    if w.len() >= 5 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// The Han pairs of a run, or the single character of a one-character run.
pub fn han_query_tokens(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    if chars.len() == 1 {
        return vec![chars[0].to_string()];
    }
    chars.windows(2).map(|w| w.iter().collect()).collect()
}

/// The tokens of a document (Han characters and pairs, ASCII words of two or more
/// characters), with repeats.
pub fn document_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for r in runs(text) {
        if r.han {
            let chars: Vec<char> = r.text.chars().collect();
            out.extend(chars.iter().map(|c| c.to_string()));
            out.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
        } else if r.text.len() >= 2 {
            out.push(normalize_word(&r.text));
        }
    }
    out
}

/// The token of glossary concept `id`.
pub fn concept_token(id: usize) -> String {
    format!("={id}")
}

/// Whether `form` (lowercased) occurs in `hay` (lowercased) at `at` as a whole word: an
/// ASCII form must not touch ASCII letters or digits on either side; a Han form may.
fn whole_at(hay: &str, at: usize, form: &str) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let first = form.chars().next();
    let last = form.chars().next_back();
    let before = hay[..at].chars().next_back();
    let after = hay[at + form.len()..].chars().next();
    let glued_before = alnum(first) && alnum(before);
    let glued_after = alnum(last) && alnum(after);
    !(glued_before || glued_after)
}

/// Byte offsets where `form` occurs in `hay` as a whole word (both lowercased).
pub fn find_form(hay: &str, form: &str) -> Vec<usize> {
    if form.is_empty() {
        return Vec::new();
    }
    hay.match_indices(form)
        .map(|(i, _)| i)
        .filter(|&i| whole_at(hay, i, form))
        .collect()
}

/// How often each concept (`concepts[id]`: its lowercased surface forms, any language) is
/// named in `text`: `(id, count)` for the concepts that occur.
pub fn concept_counts(text: &str, concepts: &[Vec<String>]) -> Vec<(usize, usize)> {
    let hay = text.to_ascii_lowercase();
    concepts
        .iter()
        .enumerate()
        .filter_map(|(id, forms)| {
            let n: usize = forms.iter().map(|f| find_form(&hay, f).len()).sum();
            (n > 0).then_some((id, n))
        })
        .collect()
}

/// The shard (of `shards`) that holds `token`: FNV-1a over its UTF-8 bytes.
pub fn shard_of(token: &str, shards: u32) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in token.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % shards.max(1)
}

/// Damerau–Levenshtein distance (adjacent transpositions count one), for short words.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, v) in d[0].iter_mut().enumerate() {
        *v = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tokens_split_words_and_han() {
        assert_eq!(
            document_tokens("GQA 与 MLA：注意力 heads"),
            ["gqa", "与", "mla", "注", "意", "力", "注意", "意力", "head"]
        );
        assert_eq!(han_query_tokens("注意力"), ["注意", "意力"]);
        assert_eq!(han_query_tokens("与"), ["与"]);
        assert!(document_tokens(" ，。!? ").is_empty());
        assert_eq!(normalize_word("loss"), "loss");
        assert_eq!(normalize_word("caches"), "cache");
        assert_eq!(normalize_word("gqa"), "gqa");
    }

    #[test]
    fn runs_keep_byte_ranges() {
        let r = runs("KV缓存 x");
        assert_eq!(r.len(), 3);
        assert_eq!((r[0].text.as_str(), r[0].start, r[0].end), ("kv", 0, 2));
        assert_eq!((r[1].text.as_str(), r[1].start, r[1].end), ("缓存", 2, 8));
    }

    #[test]
    fn concepts_match_whole_words_only() {
        let c = vec![
            vec!["moe".to_string(), "混合专家".to_string()],
            vec!["rope".to_string()],
        ];
        assert_eq!(concept_counts("MoE 与混合专家; moebius", &c), [(0, 2)]);
        assert_eq!(concept_counts("RoPE-style, (rope)", &c), [(1, 2)]);
        assert!(concept_counts("europe", &c).is_empty());
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("atention", "attention"), 1);
        assert_eq!(edit_distance("transfromer", "transformer"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "ab"), 2);
    }

    proptest! {
        #[test]
        fn shard_is_in_range_and_stable(s in ".{0,40}", n in 1u32..1000) {
            let k = shard_of(&s, n);
            prop_assert!(k < n);
            prop_assert_eq!(k, shard_of(&s, n));
        }

        #[test]
        fn hostile_text_never_panics(s in ".{0,200}", f in ".{0,8}") {
            let _ = document_tokens(&s);
            let _ = runs(&s);
            let _ = concept_counts(&s, &[vec![f.to_lowercase()]]);
            let _ = edit_distance(&s, &f);
        }
    }
}
