//! Writing the pre-rendered pages into Trunk's output: each page is Trunk's own `index.html`
//! (its hashed stylesheet and wasm links) with the page's head tags and rendered body.

use super::{head, render_body, Page};
use explorables_core::lang::Lang;
use std::path::Path;

/// Trunk's `index.html`, split where the page's parts go.
pub struct Template {
    before_title: String,
    between: String,
    /// `between` for a page that shows a widget: the widget's own module loads first.
    between_widgets_first: String,
    after_body_open: String,
}

/// The head of a page that shows a widget: the site's module waits for
/// `__llmxWidgetsFirst()` (`index.html`), and its wasm is not preloaded, so the widget's
/// module is all a reader downloads before the widget works; the app follows.
fn widgets_first(head: &str) -> Result<String, String> {
    let boot = "const wasm = await init(";
    if !head.contains(boot) {
        return Err("index.html: Trunk's boot script (`await init(`) not found".into());
    }
    let mut out = head.replacen(
        boot,
        &format!("await window.__llmxWidgetsFirst();\n{boot}"),
        1,
    );
    while let Some(start) = out.find("<link rel=\"preload\"") {
        let end = out[start..]
            .find('>')
            .ok_or("index.html: unclosed preload link")?
            + start
            + 1;
        if !out[start..end].contains("application/wasm") {
            return Err("index.html: a preload link that is not the wasm".into());
        }
        out.replace_range(start..end, "");
    }
    Ok(out)
}

/// Trunk's stylesheet links replaced by the stylesheets themselves: a pre-rendered page then
/// paints after one request instead of two (measured: first paint of a question page ~15–20 %
/// earlier on localhost, a whole round trip on a real network). `read` gets the file's path
/// relative to the site's base (`<base href>`). The embed pages keep linking the file.
pub fn inline_stylesheets(
    html: &str,
    read: impl Fn(&str) -> Result<String, String>,
) -> Result<String, String> {
    let base = html
        .split_once("<base href=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or("/", |(b, _)| b);
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link rel=\"stylesheet\"") {
        let end = rest[start..]
            .find('>')
            .ok_or("index.html: unclosed stylesheet link")?
            + start
            + 1;
        let link = &rest[start..end];
        let href = link
            .split_once("href=\"")
            .and_then(|(_, r)| r.split_once('"'))
            .map(|(h, _)| h)
            .ok_or("index.html: a stylesheet link without href")?;
        let file = href
            .strip_prefix(base)
            .ok_or_else(|| format!("index.html: stylesheet {href} is outside the base {base}"))?;
        let css = read(file)?;
        if css.contains("</style") {
            return Err(format!("{file}: contains `</style`"));
        }
        out.push_str(&rest[..start]);
        out.push_str("<style>");
        out.push_str(css.trim_end());
        out.push_str("</style>");
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
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
        let between = html[t1..b].to_string();
        Ok(Template {
            before_title: html[..t0].to_string(),
            between_widgets_first: widgets_first(&between)?,
            between,
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
        let body = render_body(page);
        // (`/study/` loads study mode's module first the same way.)
        let shows_widget = [
            "class=\"widget-slot\"",
            "class=\"widget-host\"",
            "data-study=\"page\"",
        ]
        .iter()
        .any(|c| body.contains(c));
        let head_rest = if shows_widget {
            &self.between_widgets_first
        } else {
            &self.between
        };
        format!(
            "{before}{}{}\n<div id=\"app\">{body}</div>{}",
            head::tags(page, site),
            head_rest,
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

#[cfg(test)]
mod tests {
    use super::{inline_stylesheets, widgets_first};

    #[test]
    fn stylesheets_are_inlined_from_their_file_under_the_base() {
        let html = r#"<base href="/sub/path/"><link rel="stylesheet" href="/sub/path/site-1.css" integrity="x"/><title>t</title>"#;
        let read = |f: &str| {
            assert_eq!(f, "site-1.css");
            Ok("body{color:red}\n".to_string())
        };
        assert_eq!(
            inline_stylesheets(html, read).unwrap(),
            r#"<base href="/sub/path/"><style>body{color:red}</style><title>t</title>"#
        );
        let missing = |f: &str| Err(format!("{f}: missing"));
        assert!(inline_stylesheets(html, missing).is_err());
        let evil = |_: &str| Ok("a{}</style><script>".to_string());
        assert!(inline_stylesheets(html, evil).is_err());
    }

    const HEAD: &str = r#"<script type="module">
import init, * as bindings from '/app-1.js';
const wasm = await init({ module_or_path: '/app-1_bg.wasm' });
</script>
<link rel="modulepreload" href="/app-1.js"><link rel="preload" href="/app-1_bg.wasm" as="fetch" type="application/wasm"></head>"#;

    #[test]
    fn a_widget_page_waits_for_its_widgets_and_does_not_preload_the_site_wasm() {
        let h = widgets_first(HEAD).unwrap();
        let wait = h.find("await window.__llmxWidgetsFirst();").unwrap();
        assert!(wait < h.find("const wasm = await init(").unwrap());
        assert!(!h.contains("app-1_bg.wasm\" as=\"fetch\""));
        assert!(h.contains("<link rel=\"modulepreload\" href=\"/app-1.js\">"));
        assert!(h.contains("module_or_path: '/app-1_bg.wasm'"));
    }

    #[test]
    fn an_unknown_boot_script_is_an_error_not_a_silent_change() {
        assert!(widgets_first("<script>start()</script>").is_err());
        let other = HEAD.replace("application/wasm", "text/css");
        assert!(widgets_first(&other).is_err());
    }
}
