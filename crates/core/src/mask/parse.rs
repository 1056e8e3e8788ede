//! Reading the mask widget's URL parameters: hostile input in, usable values and notices out.

use super::params::{
    glm_prompt, normalize_docs, MaskParams, DOCS_MAX, LAYER_MAX, N_DEFAULT, N_MAX, N_MIN,
    TOKENS_MAX_CHARS, VIRTUAL_DEFAULT,
};
use super::preset::{Base, Op, Preset};
use crate::params::{get, parse_choice, parse_int, shorten, Notice, NoticeKind};

impl MaskParams {
    /// Reads decoded query pairs. Never panics; every change is reported as a [`Notice`].
    pub fn from_query(pairs: &[(String, String)]) -> (MaskParams, Vec<Notice>) {
        let mut notes = Vec::new();
        let mut note = |n: Option<Notice>| notes.extend(n);
        let d = MaskParams::default();

        let preset = choice(
            pairs,
            "preset",
            &Preset::ALL,
            d.preset,
            Preset::slug,
            &mut note,
        );
        let (n, nt) = parse_int(
            "n",
            get(pairs, "n"),
            N_MIN as i64,
            N_MAX as i64,
            N_DEFAULT as i64,
        );
        note(nt);
        let n = n as u32;
        let base_slugs = [Base::Causal, Base::ChatGlm6b];
        let base = choice(pairs, "base", &base_slugs, d.base, |b| b.slug(), &mut note);

        // ChatGLM layouts need [gMASK], <sop> and at least one generated token.
        let max_prefix = if glm_prompt(preset, base) { n - 3 } else { n };
        let min_prefix = if glm_prompt(preset, base) { 1 } else { 0 };
        let prefix = opt_int(pairs, "prefix", min_prefix, max_prefix, &mut note);
        let window = opt_int(pairs, "window", 1, n, &mut note);
        let (v, nt) = parse_int(
            "virtual",
            get(pairs, "virtual"),
            1,
            n as i64,
            VIRTUAL_DEFAULT as i64,
        );
        note(nt);
        let chunk = opt_int(pairs, "chunk", 1, n, &mut note);
        let (layer, nt) = parse_int("layer", get(pairs, "layer"), 0, LAYER_MAX as i64, 0);
        note(nt);
        let docs = parse_docs(get(pairs, "docs"), n, &mut note);
        let tokens = parse_tokens(get(pairs, "tokens"), &mut note);

        let compare = match get(pairs, "compare").map(str::trim) {
            None => None,
            Some(s) if s.is_empty() || s.eq_ignore_ascii_case("none") => None,
            Some(s) => match Preset::from_slug(s) {
                Some(p) => Some(p),
                None => {
                    note(Some(unknown("compare", s, "none")));
                    None
                }
            },
        };
        let a = choice(
            pairs,
            "a",
            &Preset::COMPOSABLE,
            d.a,
            Preset::slug,
            &mut note,
        );
        let b = choice(
            pairs,
            "b",
            &Preset::COMPOSABLE,
            d.b,
            Preset::slug,
            &mut note,
        );
        let op = choice(pairs, "op", &[Op::And, Op::Or], d.op, Op::slug, &mut note);

        let p = MaskParams {
            preset,
            n,
            prefix,
            window,
            virtual_tokens: v as u32,
            chunk,
            layer: layer as u32,
            docs,
            tokens,
            compare,
            a,
            b,
            op,
            base,
        };
        (p, notes)
    }
}

fn clamped(param: &str, given: &str, used: String) -> Notice {
    Notice {
        param: param.into(),
        given: shorten(given),
        used,
        kind: NoticeKind::Clamped,
    }
}

fn unknown(param: &str, given: &str, used: &str) -> Notice {
    Notice {
        param: param.into(),
        given: shorten(given),
        used: used.into(),
        kind: NoticeKind::Unknown,
    }
}

/// One of `allowed` by slug, else `default` with a notice.
fn choice<T: Copy>(
    pairs: &[(String, String)],
    param: &str,
    allowed: &[T],
    default: T,
    slug: impl Fn(T) -> &'static str,
    note: &mut impl FnMut(Option<Notice>),
) -> T {
    let slugs: Vec<&'static str> = allowed.iter().map(|&t| slug(t)).collect();
    let (s, nt) = parse_choice(param, get(pairs, param), &slugs, slug(default));
    note(nt);
    allowed
        .iter()
        .copied()
        .find(|&t| slug(t) == s)
        .unwrap_or(default)
}

/// An optional integer in `min..=max`; missing or invalid means `None` (the preset default).
fn opt_int(
    pairs: &[(String, String)],
    param: &str,
    min: u32,
    max: u32,
    note: &mut impl FnMut(Option<Notice>),
) -> Option<u32> {
    let raw = get(pairs, param)?;
    let (v, nt) = parse_int(param, Some(raw), min as i64, max as i64, -1);
    if v < 0 {
        note(nt.map(|mut n| {
            n.used = "default".into();
            n
        }));
        None
    } else {
        note(nt);
        Some(v as u32)
    }
}

/// `docs=3,2,4`: positive lengths, normalized to sum n.
fn parse_docs(
    raw: Option<&str>,
    n: u32,
    note: &mut impl FnMut(Option<Notice>),
) -> Option<Vec<u32>> {
    let raw = raw?;
    if raw.trim().is_empty() {
        return None;
    }
    let mut list = Vec::new();
    for part in raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let Ok(v) = part.parse::<u64>() else {
            note(Some(Notice {
                param: "docs".into(),
                given: shorten(raw),
                used: "default".into(),
                kind: NoticeKind::Invalid,
            }));
            return None;
        };
        list.push(v.min(u32::MAX as u64) as u32);
        if list.len() > 4 * DOCS_MAX {
            break;
        }
    }
    let docs = normalize_docs(&list, n);
    if docs != list {
        let used: Vec<String> = docs.iter().map(u32::to_string).collect();
        note(Some(clamped("docs", raw, used.join(","))));
    }
    Some(docs)
}

/// Free text; blank means none, longer than [`TOKENS_MAX_CHARS`] is cut.
fn parse_tokens(raw: Option<&str>, note: &mut impl FnMut(Option<Notice>)) -> Option<String> {
    let raw = raw?;
    if raw.trim().is_empty() {
        return None;
    }
    if raw.chars().count() > TOKENS_MAX_CHARS {
        let cut: String = raw.chars().take(TOKENS_MAX_CHARS).collect();
        note(Some(clamped(
            "tokens",
            raw,
            format!("first {TOKENS_MAX_CHARS} characters"),
        )));
        if cut.trim().is_empty() {
            return None;
        }
        return Some(cut);
    }
    Some(raw.to_string())
}
