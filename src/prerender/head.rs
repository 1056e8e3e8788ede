//! The `<head>` of a pre-rendered page: title, description, canonical and language
//! alternates, Open Graph / Twitter card tags, and schema.org `QAPage` data for questions.

use super::{Kind, Page};
use explorables_core::json;
use explorables_core::lang::Lang;

/// Escapes text for an HTML attribute or text node.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The tags that go into `<head>`; `site` is the absolute URL of the site's base (`https://…/`).
pub fn tags(page: &Page, site: &str) -> String {
    let url = |lang: Lang| format!("{site}{}", page.alternate(lang));
    let own = format!("{site}{}", page.path());
    let title = esc(&page.title());
    let description = esc(&page.description);
    let mut h = String::new();
    h.push_str(&format!("<title>{title}</title>\n"));
    if page.kind == Kind::NotFound {
        h.push_str("<meta name=\"robots\" content=\"noindex\">\n");
        return h;
    }
    h.push_str(&format!(
        "<meta name=\"description\" content=\"{description}\">\n"
    ));
    h.push_str(&format!(
        "<link rel=\"canonical\" href=\"{}\">\n",
        esc(&own)
    ));
    for (hreflang, lang) in [
        ("zh-CN", Lang::Zh),
        ("en", Lang::En),
        ("x-default", Lang::Zh),
    ] {
        h.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\">\n",
            esc(&url(lang))
        ));
    }
    if page.kind == Kind::Lab {
        if let Some(link) = super::embed::discovery_link(&page.route, page.lang, site) {
            h.push_str(&link);
            h.push('\n');
        }
    }
    let og_type = if matches!(page.kind, Kind::Question { .. }) {
        "article"
    } else {
        "website"
    };
    let locale = page.lang.pick("zh_CN", "en_US");
    let site_name = page
        .lang
        .pick("大模型面试 · 可交互讲解", "LLM Interview Explorables");
    for (p, v) in [
        ("og:type", og_type),
        ("og:title", &page.name),
        ("og:description", &page.description),
        ("og:url", &own),
        ("og:site_name", site_name),
        ("og:locale", locale),
    ] {
        h.push_str(&format!("<meta property=\"{p}\" content=\"{}\">\n", esc(v)));
    }
    for (n, v) in [
        ("twitter:card", "summary"),
        ("twitter:title", &page.name),
        ("twitter:description", &page.description),
    ] {
        h.push_str(&format!("<meta name=\"{n}\" content=\"{}\">\n", esc(v)));
    }
    if let Kind::Question { short_answer } = &page.kind {
        h.push_str(&format!(
            "<script type=\"application/ld+json\">{}</script>\n",
            qa_page(page, short_answer, &own)
        ));
    }
    h
}

/// schema.org `QAPage` with the question and its short answer as the accepted answer.
pub fn qa_page(page: &Page, short_answer: &str, url: &str) -> String {
    let s = json::string;
    let answer = if short_answer.is_empty() {
        &page.name
    } else {
        short_answer
    };
    let ld = format!(
        "{{\"@context\":\"https://schema.org\",\"@type\":\"QAPage\",\"inLanguage\":{},\"mainEntity\":{{\"@type\":\"Question\",\"name\":{},\"text\":{},\"answerCount\":1,\"acceptedAnswer\":{{\"@type\":\"Answer\",\"text\":{},\"url\":{}}}}}}}",
        s(page.lang.pick("zh-CN", "en")),
        s(&page.name),
        s(&page.name),
        s(answer),
        s(url)
    );
    // Inside <script>: no "</" may appear (JSON allows "\/").
    ld.replace("</", "<\\/")
}
