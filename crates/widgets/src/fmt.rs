//! Numbers for people (the exact values go into `data-value` attributes; see core's
//! `data_values()`), and editing one parameter of a URL query.

use explorables_core::params::{build_query, parse_query};

/// At most `digits` decimals, trailing zeros dropped, a real minus sign, `−0` shown as `0`.
pub fn num(v: f64, digits: usize) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let mut s = format!("{v:.digits$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".into();
    }
    s.replace('-', "−")
}

/// `num` of every entry, comma-separated.
pub fn list(v: &[f64], digits: usize) -> String {
    v.iter()
        .map(|x| num(*x, digits))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `query` with `key` set to `value` (or removed when `value` is `None`), other pairs kept.
pub fn set_param(query: &str, key: &str, value: Option<&str>) -> String {
    let mut pairs: Vec<(String, String)> = parse_query(query)
        .into_iter()
        .filter(|(k, _)| k != key)
        .collect();
    if let Some(v) = value {
        pairs.push((key.to_string(), v.to_string()));
    }
    let refs: Vec<(&str, String)> = pairs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    build_query(&refs)
}

/// The Export panel's JSON: the state's query and every `(data-key, data-value)` pair.
pub fn values_json(query: &str, values: &[(&'static str, String)]) -> String {
    use explorables_core::json::string;
    let mut out = format!("{{\n  \"query\": {}", string(query));
    for (k, v) in values {
        out.push_str(&format!(",\n  {}: {}", string(k), string(v)));
    }
    out.push_str("\n}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(num(0.8660254, 6), "0.866025");
        assert_eq!(num(-0.5, 6), "−0.5");
        assert_eq!(num(-0.0000001, 4), "0");
        assert_eq!(num(2.0, 3), "2");
        assert_eq!(list(&[1.0, -0.25], 3), "1, −0.25");
        assert_eq!(num(f64::NAN, 2), "—");
    }

    #[test]
    fn params() {
        assert_eq!(set_param("a=1&b=2", "a", Some("3")), "b=2&a=3");
        assert_eq!(set_param("a=1&b=2", "b", None), "a=1");
        assert_eq!(set_param("", "x", Some("1,2")), "x=1,2");
    }
}
