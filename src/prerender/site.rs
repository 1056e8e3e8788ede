//! Writing the pre-rendered pages into Trunk's output: each page is Trunk's own `index.html`
//! (its hashed stylesheet and wasm links) with the page's head tags and rendered body.

use super::{head, render_body, Page};
use explorables_core::lang::Lang;
use std::path::Path;

/// Trunk's `index.html`, split where the page's parts go.
pub struct Template {
    before_title: String,
    between: String,
    after_body_open: String,
}

impl Template {
    /// Splits the built `index.html` at `<title>…</title>` and `<body>`; drops its own
    /// description (every page writes its own).
    pub fn parse(index_html: &str) -> Result<Template, String> {
        let html: String = index_html
            .lines()
            .filter(|l| !l.trim_start().starts_with("<meta name=\"description\""))
            .collect::<Vec<_>>()
            .join("\n");
        let t0 = html.find("<title>").ok_or("index.html has no <title>")?;
        let t1 = html[t0..]
            .find("</title>")
            .ok_or("index.html: unclosed <title>")?
            + t0
            + 8;
        let b = html[t1..]
            .find("<body>")
            .ok_or("index.html has no <body>")?
            + t1
            + 6;
        Ok(Template {
            before_title: html[..t0].to_string(),
            between: html[t1..b].to_string(),
            after_body_open: html[b..].to_string(),
        })
    }

    /// The complete file of `page`; `site` is the absolute URL of the site's base.
    pub fn fill(&self, page: &Page, site: &str) -> String {
        let lang_attr = page.lang.pick("zh-CN", "en");
        let before = self.before_title.replacen(
            "<html lang=\"zh-CN\">",
            &format!("<html lang=\"{lang_attr}\">"),
            1,
        );
        format!(
            "{before}{}{}\n<div id=\"app\">{}</div>{}",
            head::tags(page, site),
            self.between,
            render_body(page),
            self.after_body_open
        )
    }
}

/// Writes `page` to `<out>/<path>/index.html` (the not-found page to `<out>/404.html`).
pub fn write_page(out: &Path, template: &Template, page: &Page, site: &str) -> Result<(), String> {
    let file = if page.kind == super::Kind::NotFound {
        out.join("404.html")
    } else {
        out.join(page.path()).join("index.html")
    };
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&file, template.fill(page, site)).map_err(|e| format!("{}: {e}", file.display()))
}

/// `sitemap.xml`: every page in both languages, each with its alternates.
pub fn sitemap_xml(pages: &[Page], site: &str) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for p in pages.iter().filter(|p| p.kind != super::Kind::NotFound) {
        x.push_str(&format!(
            "<url><loc>{}</loc>",
            head::esc(&format!("{site}{}", p.path()))
        ));
        for (hreflang, lang) in [("zh-CN", Lang::Zh), ("en", Lang::En)] {
            x.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>",
                head::esc(&format!("{site}{}", p.alternate(lang)))
            ));
        }
        x.push_str("</url>\n");
    }
    x.push_str("</urlset>\n");
    x
}

/// `robots.txt`: everything may be crawled; the sitemap's address.
pub fn robots_txt(site: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {site}sitemap.xml\n")
}
