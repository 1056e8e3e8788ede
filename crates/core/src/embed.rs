//! The embed protocol between an embedded widget page (`/embed/<widget>`) and the page that
//! frames it, and the static oEmbed answer the build writes per widget. Pure: the widget
//! crate posts and reads these messages, the pre-render writes the oEmbed JSON.
//!
//! Messages the frame posts to its parent (to `"*"`: the frame cannot know who embeds it):
//! - `{type: "llm-explorables:height", height, href}`: the original format, which snippets
//!   pasted before the loader existed listen for;
//! - `{sentinel: "amp", type: "embed-size", height}`: the AMP-style resize request;
//! - `{message: "height", value, secret}` when the frame's address carries WordPress's
//!   `#?secret=…` (WordPress's `wp-embed` script sizes its oEmbed iframes with it).
//!
//! Messages the frame accepts, only from `window.parent`:
//! - `{type: "llm-explorables:measure"}`: post the height now (a host asks after its own
//!   resize, or when a frame comes into view: browsers pause layout observers in frames that
//!   are off screen);
//! - `{type: "llm-explorables:theme", theme: "light" | "dark"}`.

use crate::json::string;
use crate::lang::Lang;

pub const HEIGHT_TYPE: &str = "llm-explorables:height";
pub const AMP_SIZE_TYPE: &str = "embed-size";
pub const MEASURE_TYPE: &str = "llm-explorables:measure";
pub const THEME_TYPE: &str = "llm-explorables:theme";

/// What a message from the parent page asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParentMessage {
    Measure,
    /// `true` for dark.
    Theme {
        dark: bool,
    },
}

/// Reads a parent message from its `type` and `theme` fields (as strings, when they are);
/// anything else is ignored (`None`).
pub fn parse_parent_message(ty: Option<&str>, theme: Option<&str>) -> Option<ParentMessage> {
    match (ty?, theme) {
        (MEASURE_TYPE, _) => Some(ParentMessage::Measure),
        (THEME_TYPE, Some("dark")) => Some(ParentMessage::Theme { dark: true }),
        (THEME_TYPE, Some("light")) => Some(ParentMessage::Theme { dark: false }),
        _ => None,
    }
}

/// WordPress's `#?secret=…` in the frame's address (1–64 letters and digits), if present.
pub fn wp_secret(hash: &str) -> Option<&str> {
    let s = hash.strip_prefix('#')?.strip_prefix('?')?;
    let v = s.split('&').find_map(|kv| kv.strip_prefix("secret="))?;
    (!v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(v)
}

/// The site's name in `lang` (the oEmbed provider).
pub fn provider_name(lang: Lang) -> &'static str {
    lang.pick("大模型面试 · 可交互讲解", "LLM Interview Explorables")
}

/// The width and height an embedded widget asks for before it measures itself (its frame at
/// a 720 px column; the loader and the frame's height messages correct it at once).
pub const OEMBED_WIDTH: u32 = 720;
pub const OEMBED_HEIGHT: u32 = 900;

fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The embed route of `widget` in `lang`: `<site>embed/<widget>` (`?lang=en` for English).
/// `site` is the absolute URL of the site's base, ending in `/`.
pub fn embed_url(site: &str, widget: &str, lang: Lang) -> String {
    format!("{site}embed/{widget}{}", lang.pick("", "?lang=en"))
}

/// Where the build writes the oEmbed JSON of `widget` in `lang`, below the site's base.
pub fn oembed_path(widget: &str, lang: Lang) -> String {
    format!("oembed/{widget}{}.json", lang.pick("", ".en"))
}

/// The static oEmbed answer (version 1.0, type `rich`) for `widget`'s default state.
pub fn oembed_json(site: &str, widget: &str, title: &str, lang: Lang) -> String {
    let src = embed_url(site, widget, lang);
    let html = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"{OEMBED_WIDTH}\" height=\"{OEMBED_HEIGHT}\" style=\"width:100%;max-width:100%;border:0\" loading=\"lazy\" data-llm-explorables></iframe>",
        attr(&src),
        attr(title)
    );
    format!(
        "{{\"version\":\"1.0\",\"type\":\"rich\",\"title\":{},\"provider_name\":{},\"provider_url\":{},\"html\":{},\"width\":{OEMBED_WIDTH},\"height\":{OEMBED_HEIGHT},\"cache_age\":86400}}\n",
        string(title),
        string(provider_name(lang)),
        string(site),
        string(&html)
    )
}

/// The `<link>` that lets a consumer discover the oEmbed JSON of `widget` in `lang`.
pub fn oembed_link(site: &str, widget: &str, title: &str, lang: Lang) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
        attr(&format!("{site}{}", oembed_path(widget, lang))),
        attr(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_messages() {
        assert_eq!(
            parse_parent_message(Some(MEASURE_TYPE), None),
            Some(ParentMessage::Measure)
        );
        assert_eq!(
            parse_parent_message(Some(THEME_TYPE), Some("dark")),
            Some(ParentMessage::Theme { dark: true })
        );
        assert_eq!(
            parse_parent_message(Some(THEME_TYPE), Some("light")),
            Some(ParentMessage::Theme { dark: false })
        );
        for (t, th) in [
            (Some(THEME_TYPE), Some("Dark")),
            (Some(THEME_TYPE), Some("auto")),
            (Some(THEME_TYPE), None),
            (Some(HEIGHT_TYPE), Some("dark")),
            (Some("theme"), Some("dark")),
            (None, Some("dark")),
        ] {
            assert_eq!(parse_parent_message(t, th), None, "{t:?} {th:?}");
        }
    }

    #[test]
    fn wordpress_secret() {
        assert_eq!(wp_secret("#?secret=Ab3dE9xK1q"), Some("Ab3dE9xK1q"));
        assert_eq!(wp_secret("#?x=1&secret=abc"), Some("abc"));
        for h in [
            "",
            "#",
            "#?",
            "#secret=abc",
            "#?secret=",
            "#?secret=a\"b",
            "#?secret=<x>",
        ] {
            assert_eq!(wp_secret(h), None, "{h}");
        }
        assert_eq!(wp_secret(&format!("#?secret={}", "a".repeat(65))), None);
    }

    #[test]
    fn oembed_answer() {
        let site = "https://x.example/sub/";
        let j = oembed_json(site, "kv-cache", "KV \"cache\" lab", Lang::En);
        assert!(j.starts_with("{\"version\":\"1.0\",\"type\":\"rich\""));
        assert!(j.contains("\"title\":\"KV \\\"cache\\\" lab\""));
        assert!(j.contains("src=\\\"https://x.example/sub/embed/kv-cache?lang=en\\\""));
        assert!(j.contains("title=\\\"KV &quot;cache&quot; lab\\\""));
        assert!(j.contains("\"provider_url\":\"https://x.example/sub/\""));
        assert!(j.contains("\"width\":720,\"height\":900"));
        assert_eq!(
            embed_url(site, "moe", Lang::Zh),
            "https://x.example/sub/embed/moe"
        );
        assert_eq!(oembed_path("moe", Lang::Zh), "oembed/moe.json");
        assert_eq!(oembed_path("moe", Lang::En), "oembed/moe.en.json");
        let l = oembed_link(site, "moe", "MoE <lab>", Lang::En);
        assert_eq!(
            l,
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://x.example/sub/oembed/moe.en.json\" title=\"MoE &lt;lab&gt;\">"
        );
    }
}
