//! Comma-separated lists in a URL (`logits=2,1,0.5`, `p=0.5,0.05`): bounded length, every
//! entry finite and clamped, one [`Notice`] per list that says what was used instead.

use super::{shorten, Notice, NoticeKind};

/// Joins numbers with commas in Rust's shortest round-trip form.
pub fn join_f64(v: &[f64]) -> String {
    v.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// One list notice: `given` is the raw text (shortened), `used` what was kept (shortened).
pub fn list_notice(param: &str, raw: &str, used: &str, kind: NoticeKind) -> Notice {
    Notice {
        param: param.into(),
        given: shorten(raw),
        used: shorten(used),
        kind,
    }
}

/// Parses `a,b,c` into at most `max_len` finite numbers, each clamped to `[min, max]`.
///
/// Entries that are not finite numbers (`NaN`, `inf`, text, empty) become `fill`, so the
/// positions of the others (labels, "the first is correct") do not shift; entries past
/// `max_len` are ignored without being read, so a huge list costs nothing. `None` means the
/// parameter is missing or has no valid entry at all: the caller keeps its default (and, for
/// the latter, the notice says so with `used` = `fallback`).
pub fn parse_f64_list(
    param: &str,
    raw: Option<&str>,
    max_len: usize,
    (min, max): (f64, f64),
    fill: f64,
    fallback: &str,
) -> (Option<Vec<f64>>, Option<Notice>) {
    let Some(raw) = raw else {
        return (None, None);
    };
    let mut out = Vec::new();
    let mut invalid = false;
    let mut clamped = false;
    let mut any_valid = false;
    for (i, part) in raw.split(',').enumerate() {
        if i == max_len {
            clamped = true;
            break;
        }
        match part.trim().parse::<f64>().ok().filter(|v| v.is_finite()) {
            Some(v) => {
                let c = v.clamp(min, max);
                clamped |= c != v;
                any_valid = true;
                out.push(c);
            }
            None => {
                invalid = true;
                out.push(fill);
            }
        }
    }
    if !any_valid {
        let n = list_notice(param, raw, fallback, NoticeKind::Invalid);
        return (None, Some(n));
    }
    let notice = match (invalid, clamped) {
        (false, false) => None,
        (true, _) => Some(list_notice(
            param,
            raw,
            &join_f64(&out),
            NoticeKind::Invalid,
        )),
        (false, true) => Some(list_notice(
            param,
            raw,
            &join_f64(&out),
            NoticeKind::Clamped,
        )),
    };
    (Some(out), notice)
}

// A stricter contract for lists whose entries only make sense together (rewards of a group,
// logits of a distribution): one bad entry rejects the whole list.

/// Parses `raw` as at least `min_count` and at most `max_count` finite numbers, each clamped
/// to `[min, max]`. `None` means rejected: use the default, described by `default_text` in
/// the notice. Entries beyond `max_count` are never parsed, so a huge list costs nothing.
pub fn parse_f64_list_whole(
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
            used: shorten(&join_f64(&values)),
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
    fn list_keeps_clean_input_silently() {
        let (v, n) = parse_f64_list("p", Some("0.5, 0.05,0.2"), 16, (0.0, 1.0), 0.0, "d");
        assert_eq!(v.unwrap(), vec![0.5, 0.05, 0.2]);
        assert!(n.is_none());
        assert_eq!(
            parse_f64_list("p", None, 16, (0.0, 1.0), 0.0, "d"),
            (None, None)
        );
    }

    #[test]
    fn list_fills_invalid_clamps_and_truncates() {
        let (v, n) = parse_f64_list("p", Some("NaN,2,x,-1"), 16, (0.0, 1.0), 0.5, "d");
        assert_eq!(v.unwrap(), vec![0.5, 1.0, 0.5, 0.0]);
        assert_eq!(n.unwrap().kind, NoticeKind::Invalid);
        let (v, n) = parse_f64_list("p", Some("1,2,3,4"), 2, (0.0, 9.0), 0.0, "d");
        assert_eq!(v.unwrap(), vec![1.0, 2.0]);
        let n = n.unwrap();
        assert_eq!((n.kind, n.used.as_str()), (NoticeKind::Clamped, "1,2"));
        let (v, n) = parse_f64_list("p", Some("inf,,"), 4, (0.0, 1.0), 0.0, "d");
        assert!(v.is_none());
        assert_eq!(n.unwrap().used, "d");
    }

    proptest! {
        #[test]
        fn list_is_bounded_and_finite(raw in ".{0,60}", len in 1usize..8) {
            let (v, _) = parse_f64_list("x", Some(&raw), len, (-3.0, 3.0), 0.0, "d");
            if let Some(v) = v {
                prop_assert!(!v.is_empty() && v.len() <= len);
                prop_assert!(v.iter().all(|x| (-3.0..=3.0).contains(x)));
            }
        }
    }
}

#[cfg(test)]
mod tests_whole {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lists_parse_clamp_cut_and_reject() {
        let r = (-10.0, 10.0);
        assert_eq!(
            parse_f64_list_whole("x", " 1, 0.5 ,-2", r, (2, 4), "d"),
            (Some(vec![1.0, 0.5, -2.0]), vec![])
        );
        let (v, n) = parse_f64_list_whole("x", "1,2,3,4,5,6", r, (2, 4), "d");
        assert_eq!(v, Some(vec![1.0, 2.0, 3.0, 4.0]));
        assert_eq!(n[0].kind, NoticeKind::Clamped);
        let (v, n) = parse_f64_list_whole("x", "1,99", r, (2, 4), "d");
        assert_eq!((v, n[0].kind), (Some(vec![1.0, 10.0]), NoticeKind::Clamped));
        for bad in ["1", "", "1,,2", "1,NaN", "inf,1", "1,abc"] {
            let (v, n) = parse_f64_list_whole("x", bad, r, (2, 4), "d");
            assert_eq!((v, n[0].kind), (None, NoticeKind::Invalid), "{bad}");
            assert_eq!(n[0].used, "d");
        }
    }

    proptest! {
        #[test]
        fn parsed_lists_respect_every_bound(raw in ".{0,60}", lo in -5.0f64..0.0, hi in 0.0f64..5.0) {
            let (v, _) = parse_f64_list_whole("x", &raw, (lo, hi), (2, 5), "d");
            if let Some(v) = v {
                prop_assert!((2..=5).contains(&v.len()));
                prop_assert!(v.iter().all(|x| (lo..=hi).contains(x)));
            }
        }
    }
}
