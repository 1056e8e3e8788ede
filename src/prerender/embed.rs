//! The embed kit's build-time files: `embed.js` (the loader in `scripts/embed.js` with the
//! widget names filled in) and a static oEmbed JSON per widget and language.

use explorables_core::embed::{oembed_json, oembed_path};
use explorables_core::json::string;
use explorables_core::lang::Lang;
use explorables_core::widgets::{WidgetInfo, WIDGETS};

const LOADER: &str = include_str!("../../scripts/embed.js");
const SLOT: &str = "/*WIDGETS*/ {} /*END*/";

fn widgets() -> impl Iterator<Item = &'static WidgetInfo> {
    WIDGETS.iter()
}

/// `embed.js`: the loader with `{"name": ["zh title", "en title"], …}` in its slot.
pub fn embed_js() -> Result<String, String> {
    if !LOADER.contains(SLOT) {
        return Err(format!("scripts/embed.js has no {SLOT}"));
    }
    let names: Vec<String> = widgets()
        .map(|w| format!("{}:[{},{}]", string(w.name), string(w.zh), string(w.en)))
        .collect();
    Ok(LOADER.replacen(SLOT, &format!("{{{}}}", names.join(",")), 1))
}

/// Every widget's oEmbed JSON in both languages: (path below the base, JSON).
pub fn oembed_files(site: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for w in widgets() {
        for lang in [Lang::Zh, Lang::En] {
            let title = lang.pick(w.zh, w.en);
            out.push((
                oembed_path(w.name, lang),
                oembed_json(site, w.name, title, lang),
            ));
        }
    }
    out
}

/// The oEmbed discovery link of a lab page's widget (`route` = `lab/<widget>`), if any.
pub fn discovery_link(route: &str, lang: Lang, site: &str) -> Option<String> {
    let name = route.strip_prefix("lab/")?;
    let w = widgets().find(|w| w.name == name)?;
    Some(explorables_core::embed::oembed_link(
        site,
        w.name,
        lang.pick(w.zh, w.en),
        lang,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loader_gets_every_widget_name() {
        let js = embed_js().unwrap();
        assert!(!js.contains("/*WIDGETS*/"));
        for w in widgets() {
            assert!(
                js.contains(&format!("\"{}\":[\"{}\",\"{}\"]", w.name, w.zh, w.en)),
                "{}",
                w.name
            );
        }
        assert_eq!(widgets().count(), WIDGETS.len());
    }

    #[test]
    fn oembed_file_per_widget_and_language() {
        let files = oembed_files("https://x.example/");
        assert_eq!(files.len(), 2 * WIDGETS.len());
        assert!(files.iter().any(|(p, j)| p == "oembed/kv-cache.en.json"
            && j.contains("https://x.example/embed/kv-cache?lang=en")));
        assert!(discovery_link("lab/moe", Lang::Zh, "https://x.example/")
            .unwrap()
            .contains("href=\"https://x.example/oembed/moe.json\""));
        assert_eq!(discovery_link("lab", Lang::Zh, "https://x.example/"), None);
        assert_eq!(
            discovery_link("q/moe", Lang::Zh, "https://x.example/"),
            None
        );
    }
}
