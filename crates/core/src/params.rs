//! Parsing and clamping of hostile input (URL query parameters, text fields).
//!
//! Every parser returns a usable value plus, when it had to change or reject something,
//! a [`Notice`] that the widget shows to the reader. Nothing here panics.

use std::fmt;

pub mod list;

/// Something the parser changed about the reader's input, in words for the UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The parameter name as it appears in the URL (`n`, `ctx`, …).
    pub param: String,
    /// What the reader gave (truncated, never rendered as HTML).
    pub given: String,
    /// What we used instead.
    pub used: String,
    /// Why, as a short English reason; the UI translates the common ones by `kind`.
    pub kind: NoticeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Not a number / not one of the allowed words.
    Invalid,
    /// A number outside the allowed range, clamped to the nearest bound.
    Clamped,
    /// An unknown name (preset, model, widget) replaced by the default.
    Unknown,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self.kind {
            NoticeKind::Invalid => "is not valid",
            NoticeKind::Clamped => "is out of range",
            NoticeKind::Unknown => "is unknown",
        };
        write!(
            f,
            "{}={} {}; using {}",
            self.param, self.given, why, self.used
        )
    }
}

impl Notice {
    /// Chinese rendering of the same notice.
    pub fn to_zh(&self) -> String {
        let why = match self.kind {
            NoticeKind::Invalid => "无效",
            NoticeKind::Clamped => "超出范围",
            NoticeKind::Unknown => "未知",
        };
        format!(
            "{}={} {}，已改用 {}",
            self.param, self.given, why, self.used
        )
    }
}

/// Shortens untrusted text for display in a notice (at most 24 chars).
pub fn shorten(raw: &str) -> String {
    let mut s: String = raw.chars().take(24).collect();
    if raw.chars().count() > 24 {
        s.push('…');
    }
    s
}

/// Parses an integer parameter and clamps it to `[min, max]`.
///
/// Accepts plain integers and finite decimal/exponent forms (`1e3`, `512.0`), which are
/// rounded toward zero. `None` (missing) gives `default` silently.
pub fn parse_int(
    param: &str,
    raw: Option<&str>,
    min: i64,
    max: i64,
    default: i64,
) -> (i64, Option<Notice>) {
    let Some(raw) = raw else {
        return (default, None);
    };
    let trimmed = raw.trim();
    let parsed: Option<f64> = trimmed
        .parse::<i64>()
        .ok()
        .map(|v| v as f64)
        .or_else(|| trimmed.parse::<f64>().ok())
        .filter(|v| v.is_finite());
    match parsed {
        None => (
            default,
            Some(Notice {
                param: param.into(),
                given: shorten(raw),
                used: default.to_string(),
                kind: NoticeKind::Invalid,
            }),
        ),
        Some(v) => {
            let clamped = v.trunc().clamp(min as f64, max as f64) as i64;
            if (clamped as f64) != v.trunc() || v.fract() != 0.0 {
                let kind = if v.fract() != 0.0 && (min as f64..=max as f64).contains(&v) {
                    NoticeKind::Invalid
                } else {
                    NoticeKind::Clamped
                };
                (
                    clamped,
                    Some(Notice {
                        param: param.into(),
                        given: shorten(raw),
                        used: clamped.to_string(),
                        kind,
                    }),
                )
            } else {
                (clamped, None)
            }
        }
    }
}

/// Parses a finite float and clamps it to `[min, max]`.
pub fn parse_f64(
    param: &str,
    raw: Option<&str>,
    min: f64,
    max: f64,
    default: f64,
) -> (f64, Option<Notice>) {
    let Some(raw) = raw else {
        return (default, None);
    };
    match raw.trim().parse::<f64>().ok().filter(|v| v.is_finite()) {
        None => (
            default,
            Some(Notice {
                param: param.into(),
                given: shorten(raw),
                used: default.to_string(),
                kind: NoticeKind::Invalid,
            }),
        ),
        Some(v) if v < min || v > max => {
            let c = v.clamp(min, max);
            (
                c,
                Some(Notice {
                    param: param.into(),
                    given: shorten(raw),
                    used: c.to_string(),
                    kind: NoticeKind::Clamped,
                }),
            )
        }
        Some(v) => (v, None),
    }
}

/// Picks one of `allowed` (exact, case-insensitive match); otherwise `default` with a notice.
pub fn parse_choice<'a>(
    param: &str,
    raw: Option<&str>,
    allowed: &[&'a str],
    default: &'a str,
) -> (&'a str, Option<Notice>) {
    let Some(raw) = raw else {
        return (default, None);
    };
    let t = raw.trim();
    match allowed.iter().find(|a| a.eq_ignore_ascii_case(t)) {
        Some(a) => (a, None),
        None => (
            default,
            Some(Notice {
                param: param.into(),
                given: shorten(raw),
                used: default.into(),
                kind: NoticeKind::Unknown,
            }),
        ),
    }
}

/// Splits a URL query string (`a=1&b=x%20y`) into decoded pairs. Malformed escapes are kept
/// literally; `+` is a space.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// Looks up the last value of `key` in decoded pairs.
pub fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Percent-decodes a query component (`+` → space); invalid sequences are kept as-is.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' if i + 2 < bytes.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                    }
                    _ => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a query component (unreserved characters stay as they are).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' | b',' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Builds `k=v&k=v` from pairs, encoding values.
pub fn build_query(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", k, percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn int_parsing_clamps_and_reports() {
        assert_eq!(parse_int("n", Some("6"), 4, 8192, 8), (6, None));
        let (v, n) = parse_int("n", Some("-1"), 4, 8192, 8);
        assert_eq!(v, 4);
        assert_eq!(n.unwrap().kind, NoticeKind::Clamped);
        let (v, n) = parse_int("n", Some("1e12"), 4, 8192, 8);
        assert_eq!(v, 8192);
        assert_eq!(n.unwrap().used, "8192");
        let (v, n) = parse_int("window", Some("abc"), 1, 100, 3);
        assert_eq!((v, n.unwrap().kind), (3, NoticeKind::Invalid));
        let (v, n) = parse_int("n", Some("NaN"), 4, 10, 5);
        assert_eq!((v, n.is_some()), (5, true));
        assert_eq!(parse_int("n", None, 4, 10, 5), (5, None));
    }

    #[test]
    fn choice_rejects_markup() {
        let (v, n) = parse_choice(
            "preset",
            Some("<script>"),
            &["causal", "bidirectional"],
            "causal",
        );
        assert_eq!(v, "causal");
        assert_eq!(n.unwrap().kind, NoticeKind::Unknown);
    }

    #[test]
    fn query_round_trip() {
        let q = build_query(&[("tokens", "你好 世界&x=1".to_string()), ("n", "6".into())]);
        let pairs = parse_query(&q);
        assert_eq!(get(&pairs, "tokens"), Some("你好 世界&x=1"));
        assert_eq!(get(&pairs, "n"), Some("6"));
    }

    proptest! {
        #[test]
        fn parse_int_always_in_range(raw in ".{0,30}", min in -1000i64..1000, span in 0i64..100_000) {
            let max = min + span;
            let (v, _) = parse_int("x", Some(&raw), min, max, min);
            prop_assert!(v >= min && v <= max);
        }

        #[test]
        fn parse_f64_always_finite(raw in ".{0,30}") {
            let (v, _) = parse_f64("x", Some(&raw), -5.0, 5.0, 1.0);
            prop_assert!(v.is_finite() && (-5.0..=5.0).contains(&v));
        }

        #[test]
        fn percent_round_trip(s in ".{0,40}") {
            prop_assert_eq!(percent_decode(&percent_encode(&s)), s);
        }
    }
}
