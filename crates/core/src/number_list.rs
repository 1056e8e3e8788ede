//! Comma-separated number lists in URL parameters (`rewards=1,0,1,0`, `theta=0,1,2`).
//!
//! Same contract as [`crate::params`]: a usable value plus notices, never a panic. A list
//! with an entry that is not a finite number, or with too few entries, is rejected whole
//! (the caller falls back to its default); too many entries are cut; out-of-range entries
//! are clamped.

use crate::params::{shorten, Notice, NoticeKind};

/// Writes numbers as `a,b,c` with Rust's round-trippable `{}` formatting.
pub fn join(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Parses `raw` as at least `min_count` and at most `max_count` finite numbers, each clamped
/// to `[min, max]`. `None` means rejected: use the default, described by `default_text` in
/// the notice. Entries beyond `max_count` are never parsed, so a huge list costs nothing.
pub fn parse_f64_list(
    param: &str,
    raw: &str,
    (min, max): (f64, f64),
    (min_count, max_count): (usize, usize),
    default_text: &str,
) -> (Option<Vec<f64>>, Vec<Notice>) {
    let reject = |kind| {
        (
            None,
            vec![Notice {
                param: param.into(),
                given: shorten(raw),
                used: shorten(default_text),
                kind,
            }],
        )
    };
    let mut values = Vec::new();
    let mut cut = false;
    for (i, part) in raw.split(',').enumerate() {
        if i == max_count {
            cut = true;
            break;
        }
        match part.trim().parse::<f64>().ok().filter(|v| v.is_finite()) {
            Some(v) => values.push(v),
            None => return reject(NoticeKind::Invalid),
        }
    }
    if values.len() < min_count {
        return reject(NoticeKind::Invalid);
    }
    let clamped = values.iter().any(|v| *v < min || *v > max);
    let values: Vec<f64> = values.into_iter().map(|v| v.clamp(min, max)).collect();
    let mut notes = Vec::new();
    if cut || clamped {
        notes.push(Notice {
            param: param.into(),
            given: shorten(raw),
            used: shorten(&join(&values)),
            kind: NoticeKind::Clamped,
        });
    }
    (Some(values), notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lists_parse_clamp_cut_and_reject() {
        let r = (-10.0, 10.0);
        assert_eq!(
            parse_f64_list("x", " 1, 0.5 ,-2", r, (2, 4), "d"),
            (Some(vec![1.0, 0.5, -2.0]), vec![])
        );
        let (v, n) = parse_f64_list("x", "1,2,3,4,5,6", r, (2, 4), "d");
        assert_eq!(v, Some(vec![1.0, 2.0, 3.0, 4.0]));
        assert_eq!(n[0].kind, NoticeKind::Clamped);
        let (v, n) = parse_f64_list("x", "1,99", r, (2, 4), "d");
        assert_eq!((v, n[0].kind), (Some(vec![1.0, 10.0]), NoticeKind::Clamped));
        for bad in ["1", "", "1,,2", "1,NaN", "inf,1", "1,abc"] {
            let (v, n) = parse_f64_list("x", bad, r, (2, 4), "d");
            assert_eq!((v, n[0].kind), (None, NoticeKind::Invalid), "{bad}");
            assert_eq!(n[0].used, "d");
        }
    }

    proptest! {
        #[test]
        fn parsed_lists_respect_every_bound(raw in ".{0,60}", lo in -5.0f64..0.0, hi in 0.0f64..5.0) {
            let (v, _) = parse_f64_list("x", &raw, (lo, hi), (2, 5), "d");
            if let Some(v) = v {
                prop_assert!((2..=5).contains(&v.len()));
                prop_assert!(v.iter().all(|x| (lo..=hi).contains(x)));
            }
        }
    }
}
