//! Answers are fetched per section and language (`content/<lang>/<section>.json`, written at
//! build time) and cached, so navigating inside a section costs no further request.

use crate::dom::{base_path, window};
use explorables_core::lang::Lang;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static BUNDLES: RefCell<HashMap<String, js_sys::Object>> = RefCell::new(HashMap::new());
}

/// Why an answer could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    Network(String),
    Missing,
}

async fn fetch_bundle(url: &str) -> Result<js_sys::Object, LoadError> {
    let resp = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|e| LoadError::Network(format!("{e:?}")))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| LoadError::Network("bad response".into()))?;
    if !resp.ok() {
        return Err(LoadError::Network(format!("HTTP {}", resp.status())));
    }
    let text = JsFuture::from(resp.text().map_err(|e| LoadError::Network(format!("{e:?}")))?)
        .await
        .map_err(|e| LoadError::Network(format!("{e:?}")))?;
    let parsed = js_sys::JSON::parse(&text.as_string().unwrap_or_default())
        .map_err(|_| LoadError::Network("invalid JSON bundle".into()))?;
    parsed.dyn_into::<js_sys::Object>().map_err(|_| LoadError::Network("invalid bundle".into()))
}

/// The rendered HTML of one answer (build-time output, trusted).
pub async fn answer_html(lang: Lang, section: &str, slug: &str) -> Result<String, LoadError> {
    let url = format!("{}content/{}/{}.json", base_path(), lang.code(), section);
    let cached = BUNDLES.with(|b| b.borrow().get(&url).cloned());
    let bundle = match cached {
        Some(b) => b,
        None => {
            let b = fetch_bundle(&url).await?;
            BUNDLES.with(|c| c.borrow_mut().insert(url.clone(), b.clone()));
            b
        }
    };
    js_sys::Reflect::get(&bundle, &JsValue::from_str(slug))
        .ok()
        .and_then(|v| v.as_string())
        .ok_or(LoadError::Missing)
}
