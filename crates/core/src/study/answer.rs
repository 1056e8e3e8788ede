//! Reading a typed answer: a number with or without a unit (`1 GiB`, `1024 MiB`,
//! `1073741824`, `16 GB`, `3.2e9`, `30.5B`, `41.7%`, `1,048,576`, `30亿`), or a list of
//! numbers (`1.5, -0.5, -0.5, -0.5`). What the unit means depends on what the card asks for:
//! `B` is a byte in a memory answer and a billion in a parameter count. Anything else is
//! rejected with a message that says why (in both languages). Nothing here panics.

/// What a card's answer is measured in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Unit {
    /// Bytes: `B`, `KB MB GB TB` (10³ steps), `KiB MiB GiB TiB` (2¹⁰ steps).
    Bytes,
    /// A count (parameters, pairs): `K M B T`, `thousand million billion trillion`, `万 亿`.
    Count,
    /// A probability or fraction: `0.417` or `41.7%`.
    Fraction,
    /// A plain number (nats, radians, tokens); `%` is still understood.
    Plain,
}

/// Why a typed answer could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    /// The text has no number where one was expected (shortened text).
    NotANumber(String),
    /// A unit we do not know (shortened).
    UnknownUnit(String),
    /// A unit that does not fit what is asked (`GiB` for a probability).
    WrongUnit(String),
    /// A bare `K`, `M`, `G`, `T` for bytes: decimal or binary?
    AmbiguousUnit(String),
    /// Too large to be a number.
    NotFinite,
    /// A list of the wrong length.
    Count {
        got: usize,
        want: usize,
    },
}

fn short(s: &str) -> String {
    let mut t: String = s.chars().take(24).collect();
    if s.chars().count() > 24 {
        t.push('…');
    }
    t
}

impl ParseError {
    pub fn en(&self) -> String {
        match self {
            ParseError::Empty => "Type a number first.".into(),
            ParseError::NotANumber(t) => format!("“{t}” is not a number."),
            ParseError::UnknownUnit(u) => format!("Unknown unit “{u}”."),
            ParseError::WrongUnit(u) => format!("“{u}” is not a unit for this answer."),
            ParseError::AmbiguousUnit(u) => {
                format!(
                    "“{u}” is ambiguous: write {u}B (powers of 1000) or {u}iB (powers of 1024)."
                )
            }
            ParseError::NotFinite => "That number is too large.".into(),
            ParseError::Count { got, want } => {
                format!("Expected {want} numbers separated by commas, got {got}.")
            }
        }
    }

    pub fn zh(&self) -> String {
        match self {
            ParseError::Empty => "请先输入一个数。".into(),
            ParseError::NotANumber(t) => format!("“{t}”不是数字。"),
            ParseError::UnknownUnit(u) => format!("不认识的单位“{u}”。"),
            ParseError::WrongUnit(u) => format!("“{u}”不是这道题答案的单位。"),
            ParseError::AmbiguousUnit(u) => {
                format!("“{u}”有歧义：请写 {u}B（按 1000 进位）或 {u}iB（按 1024 进位）。")
            }
            ParseError::NotFinite => "这个数太大了。".into(),
            ParseError::Count { got, want } => {
                format!("应输入 {want} 个用逗号分隔的数，实际是 {got} 个。")
            }
        }
    }
}

/// Splits `text` into the numeric part (digits, sign, decimal point, exponent, thousands
/// separators) and the rest.
fn split_number(text: &str) -> (&str, &str) {
    let b = text.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.' || b[i] == b',' || b[i] == b'_') {
        i += 1;
    }
    // An exponent only when digits follow (`3.2e9`, `1E-3`), so `1 EB`-like units stay units.
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    (&text[..i], &text[i..])
}

/// `1,234,567.5` → `1234567.5`; commas must group three digits.
fn plain_number(num: &str, whole: &str) -> Result<f64, ParseError> {
    let bad = || ParseError::NotANumber(short(whole));
    let mut s = num.replace('_', "");
    if s.contains(',') {
        let int_end = s.find(['.', 'e', 'E']).unwrap_or(s.len());
        let int = &s[..int_end];
        let groups: Vec<&str> = int.trim_start_matches(['+', '-']).split(',').collect();
        let ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups[1..].iter().all(|g| g.len() == 3);
        if !ok || s[int_end..].contains(',') {
            return Err(bad());
        }
        s = s.replace(',', "");
    }
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s.as_str()),
    };
    // Rewritten as a JSON number and read by serde_json's parser (the app carries it anyway;
    // no second float parser in the wasm): `.5` → `0.5`, `5.` → `5.0`, `007` → `7`.
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], &body[i..]),
        None => (body, ""),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int)
        || !frac.is_none_or(all_digits)
        || (int.is_empty() && frac.is_none_or(str::is_empty))
    {
        return Err(bad());
    }
    let int = int.trim_start_matches('0');
    let json = format!(
        "{}{}{}{}",
        if neg { "-" } else { "" },
        if int.is_empty() { "0" } else { int },
        match frac {
            Some(f) if !f.is_empty() => format!(".{f}"),
            _ => String::new(),
        },
        exp
    );
    match serde_json::from_str::<f64>(&json) {
        Ok(v) if v.is_finite() => Ok(v),
        // serde_json rejects numbers beyond f64's range.
        _ => Err(ParseError::NotFinite),
    }
}

/// The factor of a known unit of `kind` (`None`: not one of its units).
fn lookup(u: &str, kind: Unit) -> Option<f64> {
    let lower = u.to_ascii_lowercase();
    let f = match (kind, lower.as_str()) {
        (Unit::Fraction | Unit::Plain, "%") => 0.01,
        (Unit::Bytes, "b" | "byte" | "bytes" | "字节") => 1.0,
        (Unit::Bytes, "kb") => 1e3,
        (Unit::Bytes, "mb") => 1e6,
        (Unit::Bytes, "gb") => 1e9,
        (Unit::Bytes, "tb") => 1e12,
        (Unit::Bytes, "kib") => 1024.0,
        (Unit::Bytes, "mib") => 1024f64.powi(2),
        (Unit::Bytes, "gib") => 1024f64.powi(3),
        (Unit::Bytes, "tib") => 1024f64.powi(4),
        (Unit::Count | Unit::Plain, "k" | "thousand" | "千") => 1e3,
        (Unit::Count | Unit::Plain, "万") => 1e4,
        (Unit::Count | Unit::Plain, "m" | "million" | "mn") => 1e6,
        (Unit::Count | Unit::Plain, "亿") => 1e8,
        (Unit::Count | Unit::Plain, "b" | "bn" | "billion") => 1e9,
        (Unit::Count | Unit::Plain, "t" | "trillion") => 1e12,
        _ => return None,
    };
    Some(f)
}

fn unit_factor(unit: &str, kind: Unit) -> Result<f64, ParseError> {
    let u = unit.trim();
    if u.is_empty() {
        return Ok(1.0);
    }
    if let Some(f) = lookup(u, kind) {
        return Ok(f);
    }
    if kind == Unit::Bytes && matches!(u, "k" | "K" | "m" | "M" | "g" | "G" | "t" | "T") {
        return Err(ParseError::AmbiguousUnit(u.to_uppercase()));
    }
    let elsewhere = [Unit::Bytes, Unit::Count, Unit::Fraction]
        .into_iter()
        .any(|k| lookup(u, k).is_some());
    if elsewhere {
        Err(ParseError::WrongUnit(short(u)))
    } else {
        Err(ParseError::UnknownUnit(short(u)))
    }
}

/// Reads one number in `kind`'s units.
pub fn parse_number(text: &str, kind: Unit) -> Result<f64, ParseError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ParseError::Empty);
    }
    let (num, unit) = split_number(t);
    if num.is_empty() || num == "+" || num == "-" {
        return Err(ParseError::NotANumber(short(t)));
    }
    let v = plain_number(num, t)?;
    let f = unit_factor(unit, kind)?;
    let out = v * f;
    if out.is_finite() {
        Ok(out)
    } else {
        Err(ParseError::NotFinite)
    }
}

/// Reads `want` plain numbers separated by commas (or spaces, semicolons, `、`), optionally
/// in brackets.
pub fn parse_list(text: &str, want: usize) -> Result<Vec<f64>, ParseError> {
    let t = text
        .trim()
        .trim_start_matches(['[', '(', '（'])
        .trim_end_matches([']', ')', '）']);
    if t.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let parts: Vec<&str> = t
        .split([',', ';', ' ', '、', '，', '；'])
        .filter(|p| !p.trim().is_empty())
        .collect();
    if parts.len() != want {
        return Err(ParseError::Count {
            got: parts.len(),
            want,
        });
    }
    parts.iter().map(|p| parse_number(p, Unit::Plain)).collect()
}

/// Writes `v` in a form [`parse_number`] reads back (the largest unit that keeps it ≥ 1).
pub fn format_number(v: f64, kind: Unit) -> String {
    let a = v.abs();
    match kind {
        Unit::Bytes => {
            for (f, u) in [
                (1u64 << 40, "TiB"),
                (1 << 30, "GiB"),
                (1 << 20, "MiB"),
                (1 << 10, "KiB"),
            ] {
                if a >= f as f64 {
                    return format!("{} {u}", v / f as f64);
                }
            }
            format!("{v} B")
        }
        Unit::Count => {
            for (f, u) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] {
                if a >= f {
                    return format!("{}{u}", v / f);
                }
            }
            format!("{v}")
        }
        Unit::Fraction | Unit::Plain => format!("{v}"),
    }
}

/// How close an answer must be.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Tolerance {
    /// Within this fraction of the right value (0.01 = 1%).
    Relative(f64),
    /// Within this distance of the right value.
    Absolute(f64),
}

impl Tolerance {
    pub fn accepts(self, got: f64, want: f64) -> bool {
        let d = (got - want).abs();
        match self {
            Tolerance::Relative(r) => d <= r * want.abs() || d == 0.0,
            Tolerance::Absolute(a) => d <= a,
        }
    }

    /// `±1%` / `±0.005`.
    pub fn text(self) -> String {
        match self {
            Tolerance::Relative(r) => format!("±{}%", r * 100.0),
            Tolerance::Absolute(a) => format!("±{a}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const GIB: f64 = 1073741824.0;

    #[test]
    fn reads_the_forms_readers_type() {
        let b = |t: &str| parse_number(t, Unit::Bytes);
        assert_eq!(b("1 GiB"), Ok(GIB));
        assert_eq!(b("1024 MiB"), Ok(GIB));
        assert_eq!(b("1073741824"), Ok(GIB));
        assert_eq!(b("1,073,741,824"), Ok(GIB));
        assert_eq!(b("1gib"), Ok(GIB));
        assert_eq!(b("16 GB"), Ok(16e9));
        assert_eq!(b("3.2e9"), Ok(3.2e9));
        assert_eq!(b("0.5 TiB"), Ok(512.0 * GIB));
        let c = |t: &str| parse_number(t, Unit::Count);
        assert_eq!(c("30.5B"), Ok(30.5e9));
        assert_eq!(c("3.3 billion"), Ok(3.3e9));
        assert_eq!(c("671b"), Ok(671e9));
        assert_eq!(c("305亿"), Ok(305e8));
        assert_eq!(c("37M"), Ok(37e6));
        let f = |t: &str| parse_number(t, Unit::Fraction);
        assert!((f("41.7%").unwrap() - 0.417).abs() < 1e-15);
        assert_eq!(f(" 0.917 "), Ok(0.917));
        assert_eq!(f(".5"), Ok(0.5));
        assert_eq!(f("-1.5"), Ok(-1.5));
        assert_eq!(
            parse_list("[1.5, -0.5, -0.5, -0.5]", 4),
            Ok(vec![1.5, -0.5, -0.5, -0.5])
        );
        assert_eq!(parse_list("0 1 2", 3), Ok(vec![0.0, 1.0, 2.0]));
    }

    #[test]
    fn rejects_garbage_with_a_message() {
        for (t, kind) in [
            ("", Unit::Bytes),
            ("abc", Unit::Bytes),
            ("GiB", Unit::Bytes),
            ("1.2.3", Unit::Plain),
            ("1,23", Unit::Count),
            ("12 parsecs", Unit::Bytes),
            ("NaN", Unit::Plain),
            ("inf", Unit::Plain),
            ("1e999", Unit::Plain),
            ("5 GiB", Unit::Fraction),
            ("5%", Unit::Bytes),
            ("16 G", Unit::Bytes),
            ("--1", Unit::Plain),
            ("1e", Unit::Plain),
        ] {
            let e = parse_number(t, kind).expect_err(t);
            assert!(!e.en().is_empty() && !e.zh().is_empty(), "{t}");
        }
        assert_eq!(parse_number("", Unit::Plain), Err(ParseError::Empty));
        assert_eq!(
            parse_number("5 GiB", Unit::Fraction),
            Err(ParseError::WrongUnit("GiB".into()))
        );
        assert_eq!(
            parse_number("16 G", Unit::Bytes),
            Err(ParseError::AmbiguousUnit("G".into()))
        );
        assert_eq!(
            parse_list("1, 2", 4),
            Err(ParseError::Count { got: 2, want: 4 })
        );
        assert!(parse_list("1, x, 2, 3", 4).is_err());
    }

    #[test]
    fn tolerance() {
        assert!(Tolerance::Relative(0.01).accepts(4.03e9, 4e9));
        assert!(!Tolerance::Relative(0.01).accepts(4.3e9, 4e9));
        assert!(Tolerance::Absolute(0.005).accepts(0.9166, 0.9167));
        assert!(!Tolerance::Absolute(0.005).accepts(0.93, 0.9167));
        assert!(Tolerance::Relative(0.01).accepts(0.0, 0.0));
        assert_eq!(Tolerance::Relative(0.01).text(), "±1%");
    }

    proptest! {
        #[test]
        fn never_panics(t in ".{0,40}") {
            for k in [Unit::Bytes, Unit::Count, Unit::Fraction, Unit::Plain] {
                if let Ok(v) = parse_number(&t, k) {
                    prop_assert!(v.is_finite());
                }
            }
            let _ = parse_list(&t, 4);
        }

        #[test]
        fn format_then_parse_round_trips(v in -1e15f64..1e15, k in 0usize..4) {
            let kind = [Unit::Bytes, Unit::Count, Unit::Fraction, Unit::Plain][k];
            let text = format_number(v, kind);
            let back = parse_number(&text, kind).map_err(|e| TestCaseError::fail(format!("{text}: {e:?}")))?;
            prop_assert!((back - v).abs() <= 1e-12 * v.abs(), "{} → {} → {}", v, text, back);
        }
    }
}
