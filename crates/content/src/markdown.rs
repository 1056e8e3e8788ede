//! One answer: Markdown → HTML, at build time.
//!
//! - `$…$` / `$$…$$` become MathML (pulldown-latex); a LaTeX error fails the build.
//! - Fenced code is highlighted ([`crate::highlight`]).
//! - A fence whose info string is `widget NAME k=v k=v` becomes an empty
//!   `<div class="widget-slot" data-widget="NAME" data-params="k=v&k=v">` that the app mounts
//!   the live widget into.
//! - `{{model:ID:FIELD}}` is replaced by the value from the model presets, so answers quote the
//!   same numbers as the widgets.

use crate::highlight::{escape_html, highlight};
use crate::math::mathml;
use explorables_core::lang::Lang;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

/// What went wrong in one answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderError(pub String);

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The `##` headings every answer has, in order.
pub fn required_sections(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Zh => ["简答", "详解", "追问与陷阱", "参考来源"],
        Lang::En => [
            "Short answer",
            "How it works",
            "Follow-ups and traps",
            "Sources",
        ],
    }
}

/// Checks that the answer has the four required `##` sections in order, each non-empty.
pub fn check_structure(md: &str, lang: Lang) -> Result<(), RenderError> {
    let heads: Vec<(usize, &str)> = md
        .lines()
        .enumerate()
        .filter_map(|(i, l)| l.strip_prefix("## ").map(|h| (i, h.trim())))
        .collect();
    let names: Vec<&str> = heads.iter().map(|(_, h)| *h).collect();
    let want = required_sections(lang);
    if names != want {
        return Err(RenderError(format!(
            "sections are {names:?}, expected {want:?}"
        )));
    }
    let lines: Vec<&str> = md.lines().collect();
    for (k, (start, name)) in heads.iter().enumerate() {
        let end = heads.get(k + 1).map_or(lines.len(), |(e, _)| *e);
        if lines[start + 1..end].iter().all(|l| l.trim().is_empty()) {
            return Err(RenderError(format!("section {name:?} is empty")));
        }
    }
    Ok(())
}

/// Replaces every `{{model:ID:FIELD}}` with the preset value.
pub fn expand_model_values(md: &str) -> Result<String, RenderError> {
    let mut out = String::with_capacity(md.len());
    let mut rest = md;
    while let Some(start) = rest.find("{{model:") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err(RenderError("unclosed {{model:…".into()));
        };
        let inner = &after[..end];
        let mut parts = inner.splitn(3, ':');
        let (_, id, field) = (parts.next(), parts.next(), parts.next());
        let (Some(id), Some(field)) = (id, field) else {
            return Err(RenderError(format!("malformed directive {{{{{inner}}}}}")));
        };
        let Some(value) = explorables_core::models::field(id, field) else {
            return Err(RenderError(format!(
                "no value for {{{{{inner}}}}} in data/models.toml"
            )));
        };
        out.push_str(&value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Every widget directive of an answer as (known widget name, its `k=v k=v` words), in
/// order. Uses the same Markdown parser as [`render`], so a directive shown inside another
/// code block is not counted; unknown names are left out (rendering rejects them).
pub fn widget_directives(md: &str) -> Vec<(&'static str, Vec<(String, String)>)> {
    let mut out = Vec::new();
    for event in Parser::new(md) {
        if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = event {
            let mut words = info.split_whitespace();
            if words.next() != Some("widget") {
                continue;
            }
            let Some(w) = words.next().and_then(explorables_core::widgets::find) else {
                continue;
            };
            let pairs = words
                .map(|kv| {
                    let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                    (k.to_string(), v.to_string())
                })
                .collect();
            out.push((w.name, pairs));
        }
    }
    out
}

/// The known widgets an answer places, in order of first appearance (each once).
pub fn widgets_in(md: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (name, _) in widget_directives(md) {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The build-time preview inside a widget slot or a lab page's widget host (see
/// `explorables_core::widgets::fallback`).
pub fn fallback_html(name: &str, pairs: &[(String, String)], lang: Lang) -> String {
    use explorables_core::widgets::{fallback::fallback, find};
    let Some(f) = fallback(name, pairs, lang) else {
        return String::new();
    };
    let title = find(name).map_or(name, |w| lang.pick(w.zh, w.en));
    let mut h = format!(
        "<div class=\"widget-fallback\"><p class=\"widget-fallback-title\"><strong>{}</strong> <span>{}</span></p>",
        escape_html(title),
        lang.pick("（静态预览：交互组件需要 JavaScript）", "(static preview: the live widget needs JavaScript)")
    );
    if !f.figures.is_empty() {
        h.push_str("<dl class=\"stats\">");
        for fig in &f.figures {
            h.push_str(&format!(
                "<div><dt>{}</dt><dd><output data-key=\"{}\" data-value=\"{}\">{}</output></dd></div>",
                escape_html(&fig.label),
                fig.key,
                escape_html(&fig.value),
                escape_html(&fig.shown)
            ));
        }
        h.push_str("</dl>");
    }
    if let Some(note) = &f.note {
        h.push_str(&format!(
            "<p class=\"widget-fallback-note\">{}</p>",
            escape_html(note)
        ));
    }
    if !f.matrix.is_empty() {
        h.push_str(&format!(
            "<pre class=\"widget-fallback-matrix\" aria-label=\"{}\">{}</pre>",
            lang.pick(
                "注意力掩码：每行一个 query，■ 表示可见",
                "Attention mask: one row per query, ■ = visible"
            ),
            escape_html(&f.matrix.join("\n"))
        ));
    }
    h.push_str("</div>");
    h
}

/// Parses `widget NAME k=v k=v` into the slot HTML, with its build-time preview inside.
fn widget_slot(info: &str, lang: Lang) -> Result<String, RenderError> {
    let mut words = info.split_whitespace().skip(1);
    let name = words
        .next()
        .ok_or_else(|| RenderError("widget directive without a name".into()))?;
    if explorables_core::widgets::find(name).is_none() {
        return Err(RenderError(format!("unknown widget {name:?}")));
    }
    let mut pairs = Vec::new();
    for w in words {
        let Some((k, v)) = w.split_once('=') else {
            return Err(RenderError(format!(
                "widget parameter {w:?} is not key=value"
            )));
        };
        pairs.push((k, v.to_string()));
    }
    let query = explorables_core::params::build_query(&pairs);
    let owned: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    Ok(format!(
        "<div class=\"widget-slot\" data-widget=\"{}\" data-params=\"{}\">{}</div>\n",
        escape_html(name),
        escape_html(&query),
        fallback_html(name, &owned, lang)
    ))
}

/// Renders one answer to HTML (`lang`: the language of the widget previews).
pub fn render(md: &str, lang: Lang) -> Result<String, RenderError> {
    let md = expand_model_values(md)?;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_MATH
        | Options::ENABLE_FOOTNOTES;
    let mut events: Vec<Event> = Vec::new();
    let mut code: Option<(String, String)> = None; // (info, text)
    for event in Parser::new_ext(&md, options) {
        match (&mut code, event) {
            (None, Event::Start(Tag::CodeBlock(kind))) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((info, String::new()));
            }
            (Some((_, text)), Event::Text(t)) => text.push_str(&t),
            (Some(_), Event::End(TagEnd::CodeBlock)) => {
                let (info, text) = code.take().unwrap_or_default();
                let code_lang = info.split_whitespace().next().unwrap_or("");
                let html = if code_lang == "widget" {
                    widget_slot(&info, lang)?
                } else {
                    format!(
                        "<pre class=\"code\" data-lang=\"{}\"><code>{}</code></pre>\n",
                        escape_html(code_lang),
                        highlight(&text, code_lang)
                    )
                };
                events.push(Event::Html(CowStr::from(html)));
            }
            (Some(_), _) => {}
            (None, Event::InlineMath(t)) => {
                events.push(Event::InlineHtml(mathml(&t, false)?.into()))
            }
            (None, Event::DisplayMath(t)) => events.push(Event::Html(mathml(&t, true)?.into())),
            (None, Event::Html(h)) | (None, Event::InlineHtml(h)) => {
                // Answers are ours, but raw HTML would bypass every check above: show it as text.
                events.push(Event::Text(h));
            }
            (None, e) => events.push(e),
        }
    }
    let mut html = String::with_capacity(md.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Ok(html)
}

/// The short answer (the first section) as plain text: what a page's description, link
/// previews and structured data quote.
pub fn short_answer_text(md: &str, lang: Lang) -> Result<String, RenderError> {
    let md = format!("\n{md}");
    let mut sections = md.split("\n## ").skip(1);
    let first = sections.next().unwrap_or_default();
    let body = first.split_once('\n').map_or("", |(_, b)| b);
    Ok(plain_text(&render(body, lang)?))
}

/// Text of an HTML fragment: tags dropped, the five entities decoded, white space folded.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('>') else { break };
        // Block ends read as a space, inline tags as nothing.
        let tag = &rest[i + 1..i + j];
        if tag.starts_with('/')
            && matches!(&tag[1..], "p" | "li" | "h2" | "h3" | "td" | "th" | "tr")
        {
            text.push(' ');
        }
        rest = &rest[i + j + 1..];
    }
    text.push_str(rest);
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters of `text`, cut at a sentence or word end with "…" if shortened.
pub fn clip_text(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let last_stop = |stops: &[char]| {
        cut.char_indices()
            .rev()
            .find(|(i, c)| stops.contains(c) && *i > cut.len() / 2)
            .map(|(i, c)| i + c.len_utf8())
    };
    let end = last_stop(&['。', '；', '！', '？', '.', ';'])
        .or_else(|| last_stop(&['，', ',', '、', ' ']))
        .unwrap_or(cut.len());
    format!(
        "{}…",
        cut[..end].trim_end_matches([',', '，', ' ', ';', '；'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widgets_in_lists_known_directives_once_in_order() {
        let md = "Try it:\n\n```widget moe preset=switch\n```\n\n```widget kv-cache model=x\n```\n\n\
                  ```widget moe\n```\n\n````text\n```widget attention-mask\n```\n````\n\n```widget nope\n```\n";
        assert_eq!(widgets_in(md), vec!["moe", "kv-cache"]);
        assert!(widgets_in("no widgets here").is_empty());
    }

    #[test]
    fn math_becomes_mathml() {
        let h = render(
            "Energy $E = mc^2$ and\n\n$$\\frac{QK^\\top}{\\sqrt{d}}$$\n",
            Lang::Zh,
        )
        .unwrap();
        assert!(h.contains("<math"), "{h}");
        assert!(h.contains("<mfrac>"), "{h}");
        assert!(h.contains("display=\"block\""), "{h}");
        assert!(!h.contains("$$"));
    }

    #[test]
    fn bad_latex_fails() {
        assert!(render("$\\notacommand{x}$", Lang::Zh).is_err());
    }

    #[test]
    fn code_is_highlighted_and_escaped() {
        let h = render("```python\nx = \"<b>\"  # c\n```\n", Lang::Zh).unwrap();
        assert!(h.contains("<pre class=\"code\" data-lang=\"python\">"));
        assert!(h.contains("hl-string"));
        assert!(h.contains("&lt;b&gt;"));
    }

    #[test]
    fn widget_directive_becomes_slot() {
        let h = render(
            "```widget attention-mask preset=chatglm-6b n=8\n```\n",
            Lang::Zh,
        )
        .unwrap();
        assert!(h.contains(
            "<div class=\"widget-slot\" data-widget=\"attention-mask\" data-params=\"preset=chatglm-6b&amp;n=8\"><div class=\"widget-fallback\">"
        ), "{h}");
        // The preview's numbers come from the core: ChatGLM-6B's 2D mask, computed.
        let m = explorables_core::mask::Mask::build(
            &explorables_core::mask::MaskParams::from_query(&[
                ("preset".into(), "chatglm-6b".into()),
                ("n".into(), "8".into()),
            ])
            .0,
        );
        assert!(
            h.contains(&format!(
                "data-key=\"visible-pairs\" data-value=\"{}\"",
                m.visible_pairs()
            )),
            "{h}"
        );
        assert!(h.contains("<pre class=\"widget-fallback-matrix\""), "{h}");
        assert!(render("```widget no-such-widget\n```\n", Lang::Zh).is_err());
        assert!(render("```widget kv-cache model\n```\n", Lang::Zh).is_err());
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let h = render("hi <script>alert(1)</script>\n", Lang::Zh).unwrap();
        assert!(!h.contains("<script>"), "{h}");
    }

    #[test]
    fn structure_check() {
        let ok = "## 简答\na\n## 详解\nb\n## 追问与陷阱\nc\n## 参考来源\n- d\n";
        assert!(check_structure(ok, Lang::Zh).is_ok());
        assert!(check_structure(ok, Lang::En).is_err());
        let empty = ok.replace("c\n", "\n");
        assert!(check_structure(&empty, Lang::Zh).is_err());
        let missing = ok.replace("## 参考来源\n- d\n", "");
        assert!(check_structure(&missing, Lang::Zh).is_err());
    }

    #[test]
    fn short_answer_is_the_first_section_as_text() {
        let md = "## 简答\n**GQA** 让 $G$ 个头共享 K/V &amp; <b>更省</b>。\n\n## 详解\nx\n";
        // Raw HTML in an answer is text, so it stays visible as text.
        assert_eq!(
            short_answer_text(md, Lang::Zh).unwrap(),
            "GQA 让 G 个头共享 K/V & <b>更省</b>。"
        );
        assert_eq!(clip_text("abc def ghi", 20), "abc def ghi");
        let long = "One sentence here. Another sentence that goes on and on.";
        let c = clip_text(long, 30);
        assert!(c.chars().count() <= 30, "{c}");
        assert_eq!(c, "One sentence here.…");
        let zh = "一二三四五六七八九十。一二三四五六七八九十一二三四五六七八九十";
        assert_eq!(clip_text(zh, 20), "一二三四五六七八九十。…");
    }

    #[test]
    fn model_directive_requires_known_values() {
        assert_eq!(
            expand_model_values("no directives").unwrap(),
            "no directives"
        );
        assert!(expand_model_values("{{model:nope/nope:layers}}").is_err());
        assert!(expand_model_values("{{model:broken").is_err());
    }
}
