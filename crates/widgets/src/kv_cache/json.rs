//! A tiny JSON writer for the Export panel (the wasm carries no serde_json). Integers stay
//! exact; floats are written only when finite (`null` otherwise).

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// An exact unsigned integer (byte counts above 2^53 stay exact in the text).
    Int(u64),
    /// A float; written as `null` unless finite.
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(&'static str, Json)>),
}

impl From<u64> for Json {
    fn from(v: u64) -> Json {
        Json::Int(v)
    }
}

impl From<u32> for Json {
    fn from(v: u32) -> Json {
        Json::Int(v as u64)
    }
}

impl From<bool> for Json {
    fn from(v: bool) -> Json {
        Json::Bool(v)
    }
}

impl From<f64> for Json {
    fn from(v: f64) -> Json {
        Json::Num(v)
    }
}

impl From<&str> for Json {
    fn from(v: &str) -> Json {
        Json::Str(v.to_string())
    }
}

impl From<String> for Json {
    fn from(v: String) -> Json {
        Json::Str(v)
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(v: Option<T>) -> Json {
        v.map_or(Json::Null, Into::into)
    }
}

/// A JSON string literal for `s`, quotes included.
pub fn escape(s: &str) -> String {
    explorables_core::json::string(s)
}

impl Json {
    /// Pretty-printed with two-space indents.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        let pad = |out: &mut String, d: usize| out.extend(std::iter::repeat_n("  ", d));
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(v) => out.push_str(&v.to_string()),
            Json::Num(v) if v.is_finite() => out.push_str(&format!("{v}")),
            Json::Num(_) => out.push_str("null"),
            Json::Str(s) => out.push_str(&escape(s)),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    pad(out, depth + 1);
                    item.write(out, depth + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                pad(out, depth);
                out.push(']');
            }
            Json::Obj(fields) => {
                out.push_str("{\n");
                for (i, (k, v)) in fields.iter().enumerate() {
                    pad(out, depth + 1);
                    out.push_str(&escape(k));
                    out.push_str(": ");
                    v.write(out, depth + 1);
                    out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
                }
                pad(out, depth);
                out.push('}');
            }
        }
    }
}

/// An object from its fields.
pub fn obj(fields: Vec<(&'static str, Json)>) -> Json {
    Json::Obj(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(escape("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
        assert_eq!(escape("中文 × ok"), "\"中文 × ok\"");
    }

    #[test]
    fn values_print_as_valid_json() {
        let j = obj(vec![
            ("a", Json::Int(u64::MAX)),
            ("b", Json::Num(f64::NAN)),
            ("c", Json::Num(0.5)),
            ("d", Json::Arr(vec![])),
            ("e", Json::Arr(vec![Json::Null, true.into()])),
            ("f", Option::<u32>::None.into()),
            ("g", obj(vec![])),
        ]);
        assert_eq!(
            j.to_pretty(),
            "{\n  \"a\": 18446744073709551615,\n  \"b\": null,\n  \"c\": 0.5,\n  \"d\": [],\n  \"e\": [\n    null,\n    true\n  ],\n  \"f\": null,\n  \"g\": {}\n}"
        );
        assert_eq!(Json::Num(1e21).to_pretty(), "1000000000000000000000");
    }
}
