//! The one JSON string escaper used by every Export panel (no serde in the wasm).

/// Appends `s` as a JSON string literal: quotes, backslashes and control characters escaped,
/// and U+2028/U+2029 too, so the output is also safe inside JavaScript.
pub fn push_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `s` as a JSON string literal, quotes included.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_string(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            string("a\"b\\c\n\t\u{1}é\u{2028}"),
            "\"a\\\"b\\\\c\\n\\t\\u0001é\\u2028\""
        );
        assert_eq!(string(""), "\"\"");
    }
}
