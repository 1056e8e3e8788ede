//! The Export panel's JSON: a value tree in the panel's field order, written by serde_json
//! (measured: +1.9 KB gzip on the KV module against the hand-written writer it replaced).
//! Integers stay exact; floats are written only when finite (`null` otherwise).

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

impl Json {
    /// Pretty-printed with two-space indents.
    pub fn to_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// An object from its fields.
pub fn obj(fields: Vec<(&'static str, Json)>) -> Json {
    Json::Obj(fields)
}

impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Int(v) => s.serialize_u64(*v),
            Json::Num(v) if v.is_finite() => s.serialize_f64(*v),
            Json::Num(_) => s.serialize_unit(),
            Json::Str(v) => s.serialize_str(v),
            Json::Arr(items) => {
                let mut q = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    q.serialize_element(i)?;
                }
                q.end()
            }
            Json::Obj(fields) => {
                let mut m = s.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        let s = |v: &str| Json::from(v).to_pretty();
        assert_eq!(s("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
        assert_eq!(s("中文 × ok"), "\"中文 × ok\"");
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
        assert_eq!(Json::Num(1e21).to_pretty().parse::<f64>(), Ok(1e21));
    }
}
