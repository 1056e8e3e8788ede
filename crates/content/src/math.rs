//! LaTeX → MathML at build time (pulldown-latex), with two repairs of its output:
//!
//! - pulldown-latex escapes its own `&nbsp;` (from `\ `, `~`, `\nobreakspace`), so the page
//!   showed a literal "&nbsp;": the space becomes U+00A0 instead.
//! - Accents (`\hat`, `\bar`, `\tilde`, …) come out as an `<mover>` whose script is an `<mi>`,
//!   which MathML Core draws as a limit, far above the letter. They become
//!   `<mover accent="true">` with an `<mo stretchy="false">` script, as MathML Core expects.
//!
//! Display math is wrapped in a `<span class="math-display">` that scrolls when the equation is
//! wider than the page; the `<math>` element keeps its own `display: block math`.

use crate::markdown::RenderError;
use pulldown_latex::{
    config::{DisplayMode, RenderConfig},
    mathml::push_mathml,
    Parser as LatexParser, Storage,
};

/// One formula as MathML; `display` for `$$…$$`.
pub fn mathml(latex: &str, display: bool) -> Result<String, RenderError> {
    let storage = Storage::new();
    let events: Vec<_> = LatexParser::new(latex, &storage).collect();
    if let Some(Err(e)) = events.iter().find(|e| e.is_err()) {
        return Err(RenderError(format!("LaTeX error in {latex:?}: {e}")));
    }
    let config = RenderConfig {
        display_mode: if display {
            DisplayMode::Block
        } else {
            DisplayMode::Inline
        },
        ..Default::default()
    };
    let mut out = String::new();
    push_mathml(&mut out, events.into_iter(), config)
        .map_err(|e| RenderError(format!("MathML error in {latex:?}: {e}")))?;
    let out = mark_accents(&out.replace("&amp;nbsp;", "\u{a0}"));
    Ok(if display {
        format!("<span class=\"math-display\">{out}</span>")
    } else {
        out
    })
}

/// The accent characters pulldown-latex puts over a base, and the character MathML Core's
/// operator dictionary knows as that accent.
fn accent_char(c: &str) -> Option<&'static str> {
    Some(match c {
        "^" => "^",
        "~" => "~",
        "‾" => "‾", // \bar and \overline alike: stretched to the base's width below
        "´" => "´",
        "˘" => "˘",
        "ˇ" => "ˇ",
        "˙" => "˙",
        "¨" => "¨",
        "`" => "`",
        "→" => "→",
        "˚" => "˚",
        _ => return None,
    })
}

/// Rewrites every `<mover>…<mi>ACCENT</mi></mover>` (and the stretchy `<mo>` form of the wide
/// accents) into `<mover accent="true">…<mo …>ACCENT</mo></mover>`.
fn mark_accents(mathml: &str) -> String {
    let mut out = String::with_capacity(mathml.len() + 32);
    let mut open: Vec<usize> = Vec::new(); // where each unclosed `<mover` starts in `out`
    let mut rest = mathml;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with("<mover") && rest[6..].starts_with(['>', ' ']) {
            open.push(out.len());
        } else if let Some(after) = rest.strip_prefix("</mover>") {
            if let Some(start) = open.pop() {
                if let Some(script) = accent_script(&out) {
                    let (len, stretchy, ch) = script;
                    let stretchy = stretchy || ch == "‾";
                    out.truncate(out.len() - len);
                    out.push_str(&format!("<mo stretchy=\"{stretchy}\">{ch}</mo>"));
                    if !out[start..].starts_with("<mover accent") {
                        out.insert_str(start + "<mover".len(), " accent=\"true\"");
                    }
                }
            }
            out.push_str("</mover>");
            rest = after;
            continue;
        }
        out.push('<');
        rest = &rest[1..];
    }
    out.push_str(rest);
    out
}

/// If `out` ends with an accent script, its length, whether it stretches, and the accent.
fn accent_script(out: &str) -> Option<(usize, bool, &'static str)> {
    for (open, stretchy) in [("<mi>", false), ("<mo stretchy=\"true\">", true)] {
        let close = if stretchy { "</mo>" } else { "</mi>" };
        let Some(body) = out.strip_suffix(close) else {
            continue;
        };
        let Some(start) = body.rfind(open) else {
            continue;
        };
        if let Some(ch) = accent_char(&body[start + open.len()..]) {
            return Some((out.len() - start, stretchy, ch));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latex_space_is_a_real_space_not_an_escaped_entity() {
        let m = mathml(r"a\ b~c", false).unwrap();
        assert!(!m.contains("&amp;"), "{m}");
        assert_eq!(m.matches('\u{a0}').count(), 2, "{m}");
    }

    #[test]
    fn accents_are_marked_as_accents() {
        for (tex, ch) in [(r"\hat{A}_i", "^"), (r"\tilde{y}", "~"), (r"\vec v", "→")] {
            let m = mathml(tex, false).unwrap();
            assert!(m.contains("<mover accent=\"true\">"), "{tex}: {m}");
            assert!(
                m.contains(&format!("<mo stretchy=\"false\">{ch}</mo></mover>")),
                "{tex}: {m}"
            );
        }
        let bar = mathml(r"\bar x", false).unwrap();
        assert!(
            bar.contains("<mover accent=\"true\"><mi>x</mi><mo stretchy=\"true\">‾</mo>"),
            "{bar}"
        );
        let wide = mathml(r"\widehat{AB}", false).unwrap();
        assert!(wide.contains("<mover accent=\"true\">"), "{wide}");
        assert!(wide.contains("<mo stretchy=\"true\">^</mo>"), "{wide}");
    }

    #[test]
    fn nested_accents_and_limits_are_told_apart() {
        let m = mathml(r"\hat{\bar{x}} + \overset{a}{b}", false).unwrap();
        assert_eq!(m.matches("<mover accent=\"true\">").count(), 2, "{m}");
        // \overset's script is a letter, not an accent: it stays a limit.
        assert_eq!(m.matches("<mover>").count(), 1, "{m}");
        assert!(m.contains("<mrow><mi>a</mi></mrow></mover>"), "{m}");
    }

    #[test]
    fn display_math_scrolls_in_a_wrapper_and_keeps_math_layout() {
        let m = mathml(r"\frac{a}{b}", true).unwrap();
        assert!(m.starts_with("<span class=\"math-display\"><math display=\"block\">"));
        assert!(m.ends_with("</math></span>"));
        assert!(!mathml("x", false).unwrap().contains("math-display"));
    }
}
