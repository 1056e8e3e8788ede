//! Answers are rendered at build time into `content/<lang>/<slug>.html` (one small file per
//! question and language) and fetched when a page needs one, so they never grow the wasm.

use crate::dom::{base_path, window};
use explorables_core::lang::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why an answer could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    Network(String),
    Missing,
}

/// The rendered HTML of one answer (build-time output from our own content files).
pub async fn answer_html(lang: Lang, slug: &str) -> Result<String, LoadError> {
    fetch_text(&format!("content/{}/{}.html", lang.code(), slug)).await
}

/// A file of one language's search index: `meta` or a shard number (see
/// `explorables_core::search::index`).
pub async fn search_file(lang: Lang, name: &str) -> Result<String, LoadError> {
    fetch_text(&format!("content/search/{}/{name}.txt", lang.code())).await
}

/// The plain text of an answer, for search snippets.
pub async fn answer_text(lang: Lang, slug: &str) -> Result<String, LoadError> {
    fetch_text(&format!("content/{}/{}.txt", lang.code(), slug)).await
}

/// A text file of the site, by its path below the base.
async fn fetch_text(path: &str) -> Result<String, LoadError> {
    let url = format!("{}{path}", base_path());
    let net = |e: wasm_bindgen::JsValue| {
        LoadError::Network(e.as_string().unwrap_or_else(|| "fetch failed".into()))
    };
    let resp: web_sys::Response = JsFuture::from(window().fetch_with_str(&url))
        .await
        .map_err(net)?
        .dyn_into()
        .map_err(net)?;
    if resp.status() == 404 {
        return Err(LoadError::Missing);
    }
    if !resp.ok() {
        return Err(LoadError::Network(format!("HTTP {}", resp.status())));
    }
    let text = JsFuture::from(resp.text().map_err(net)?)
        .await
        .map_err(net)?;
    Ok(text.as_string().unwrap_or_default())
}
