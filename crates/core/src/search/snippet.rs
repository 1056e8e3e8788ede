//! The passage of an answer around the query's words, as plain and highlighted pieces.

use super::tokens::find_form;

/// About this many characters of text around the best match.
pub const WIDTH: usize = 90;

/// Cuts a passage of `text` (plain text of an answer) around the first place with the most
/// `terms` (lowercased, longest first), falling back to `fallback` terms (e.g. Han pairs), and
/// returns `(piece, highlighted)` in order. With no match, the opening of the text.
pub fn snippet(text: &str, terms: &[String], fallback: &[String]) -> Vec<(String, bool)> {
    let lower = text.to_ascii_lowercase();
    let mut spans = spans_of(&lower, terms);
    if spans.is_empty() {
        spans = spans_of(&lower, fallback);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let char_at = |byte: usize| chars.partition_point(|&(b, _)| b < byte);
    // The window (in characters) with the most spans, starting a little before one.
    let starts: Vec<usize> = spans.iter().map(|&(s, _)| char_at(s)).collect();
    let begin = starts
        .iter()
        .map(|&s| {
            let b = s.saturating_sub(WIDTH / 3);
            let count = starts.iter().filter(|&&x| x >= b && x < b + WIDTH).count();
            (count, std::cmp::Reverse(b))
        })
        .max()
        .map_or(0, |(_, std::cmp::Reverse(b))| b);
    let end = (begin + WIDTH).min(chars.len());
    let byte = |c: usize| chars.get(c).map_or(text.len(), |&(b, _)| b);
    let (b0, b1) = (byte(begin), byte(end));
    let mut out: Vec<(String, bool)> = Vec::new();
    let push = |out: &mut Vec<(String, bool)>, s: &str, hi: bool| {
        let s = s.replace(['\n', '\t'], " ");
        if !s.is_empty() {
            out.push((s, hi));
        }
    };
    if begin > 0 {
        push(&mut out, "…", false);
    }
    let mut at = b0;
    for &(s, e) in spans.iter().filter(|&&(s, e)| s >= b0 && e <= b1) {
        push(&mut out, &text[at..s], false);
        push(&mut out, &text[s..e], true);
        at = e;
    }
    push(&mut out, &text[at..b1], false);
    if end < chars.len() {
        push(&mut out, "…", false);
    }
    out
}

/// Non-overlapping byte spans of the terms in `lower`, longest terms claiming first; sorted.
fn spans_of(lower: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for t in terms.iter().filter(|t| !t.is_empty()) {
        for at in find_form(lower, t) {
            let e = at + t.len();
            if spans.iter().all(|&(s, x)| e <= s || at >= x) {
                spans.push((at, e));
            }
        }
    }
    spans.sort_unstable();
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn highlights_the_terms() {
        let got = snippet(
            "Grouped-query attention (GQA) shares KV heads.",
            &s(&["gqa", "kv"]),
            &[],
        );
        assert_eq!(
            got,
            [
                ("Grouped-query attention (".to_string(), false),
                ("GQA".to_string(), true),
                (") shares ".to_string(), false),
                ("KV".to_string(), true),
                (" heads.".to_string(), false)
            ]
        );
        let long = format!("{}旋转位置编码{}", "甲".repeat(200), "乙".repeat(200));
        let got = snippet(&long, &s(&["旋转位置编码"]), &[]);
        assert_eq!(got.first().unwrap().0, "…");
        assert!(got.iter().any(|p| p == &("旋转位置编码".to_string(), true)));
        let got = snippet(&long, &s(&["zzz"]), &s(&["位置"]));
        assert!(
            got.iter().any(|p| p == &("位置".to_string(), true)),
            "fallback pairs"
        );
        let plain = snippet("short text", &s(&["zzz"]), &[]);
        assert_eq!(plain, [("short text".to_string(), false)]);
    }

    proptest! {
        #[test]
        fn pieces_are_a_slice_of_the_text(text in ".{0,300}", t in ".{0,6}") {
            let pieces = snippet(&text, &[t.to_ascii_lowercase()], &[]);
            let joined: String = pieces.iter().map(|p| p.0.as_str()).collect::<String>();
            let flat = text.replace(['\n', '\t'], " ");
            prop_assert!(joined.trim_matches('…').is_empty() || flat.contains(joined.trim_start_matches('…').trim_end_matches('…')));
        }
    }
}
