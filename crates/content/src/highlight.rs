//! A small build-time syntax highlighter: keywords, strings, comments and numbers wrapped in
//! `<span class="hl-…">`. Enough for the short snippets in answers; colours come from CSS.

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

struct Syntax {
    keywords: &'static [&'static str],
    line_comment: &'static [&'static str],
}

const PYTHON: Syntax = Syntax {
    keywords: &[
        "def", "return", "if", "elif", "else", "for", "while", "in", "not", "and", "or", "import",
        "from", "as", "class", "with", "None", "True", "False", "lambda", "yield", "is", "pass",
        "break", "continue", "self", "assert", "raise", "try", "except",
    ],
    line_comment: &["#"],
};
const RUST: Syntax = Syntax {
    keywords: &[
        "fn", "let", "mut", "pub", "struct", "enum", "impl", "for", "in", "if", "else", "match",
        "return", "use", "mod", "const", "static", "trait", "where", "self", "Self", "true",
        "false", "as", "loop", "while",
    ],
    line_comment: &["//"],
};
const SHELL: Syntax = Syntax {
    keywords: &[
        "if", "then", "fi", "for", "do", "done", "export", "cd", "echo",
    ],
    line_comment: &["#"],
};

fn syntax_for(lang: &str) -> Option<&'static Syntax> {
    match lang {
        "python" | "py" => Some(&PYTHON),
        "rust" | "rs" => Some(&RUST),
        "bash" | "sh" | "shell" => Some(&SHELL),
        _ => None,
    }
}

fn span(out: &mut String, class: &str, text: &str) {
    out.push_str("<span class=\"hl-");
    out.push_str(class);
    out.push_str("\">");
    out.push_str(&escape_html(text));
    out.push_str("</span>");
}

/// Highlights `code` written in `lang`; unknown languages are escaped only.
pub fn highlight(code: &str, lang: &str) -> String {
    let Some(syn) = syntax_for(lang) else {
        return escape_html(code);
    };
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let rest: String = chars[i..chars.len().min(i + 2)].iter().collect();
        if syn.line_comment.iter().any(|p| rest.starts_with(p)) {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |p| i + p);
            span(
                &mut out,
                "comment",
                &chars[i..end].iter().collect::<String>(),
            );
            i = end;
        } else if c == '"' || c == '\'' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != c && chars[j] != '\n' {
                if chars[j] == '\\' {
                    j += 1;
                }
                j += 1;
            }
            let end = (j + 1).min(chars.len());
            span(
                &mut out,
                "string",
                &chars[i..end].iter().collect::<String>(),
            );
            i = end;
        } else if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_alphanumeric() || chars[j] == '.' || chars[j] == '_')
            {
                j += 1;
            }
            span(&mut out, "number", &chars[i..j].iter().collect::<String>());
            i = j;
        } else if c.is_alphabetic() || c == '_' {
            let mut j = i;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            if syn.keywords.contains(&word.as_str()) {
                span(&mut out, "keyword", &word);
            } else if chars.get(j) == Some(&'(') {
                span(&mut out, "call", &word);
            } else {
                out.push_str(&escape_html(&word));
            }
            i = j;
        } else {
            out.push_str(&escape_html(&c.to_string()));
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_tokens() {
        let h = highlight("def f(x): # hi <b>\n    return \"a<b\" + 12", "python");
        assert!(h.contains("<span class=\"hl-keyword\">def</span>"));
        assert!(h.contains("<span class=\"hl-call\">f</span>"));
        assert!(h.contains("<span class=\"hl-comment\"># hi &lt;b&gt;</span>"));
        assert!(h.contains("<span class=\"hl-string\">&quot;a&lt;b&quot;</span>"));
        assert!(h.contains("<span class=\"hl-number\">12</span>"));
    }

    #[test]
    fn unknown_language_is_only_escaped() {
        assert_eq!(highlight("<x> & y", "text"), "&lt;x&gt; &amp; y");
    }

    #[test]
    fn highlighting_never_loses_text() {
        for src in [
            "x = 'unterminated",
            "// c\nlet a = \"\\\"\";",
            "a\u{4e2d}b # 注释",
        ] {
            for lang in ["python", "rust", "bash"] {
                let h = highlight(src, lang);
                let stripped = strip_tags(&h);
                assert_eq!(unescape(&stripped), src, "{lang}: {h}");
            }
        }
    }

    fn strip_tags(s: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in s.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    }

    fn unescape(s: &str) -> String {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }
}
