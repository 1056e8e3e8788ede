//! The computed cards. Their answers are computed at build time: `build-content` writes
//! `content/study-cards.json` (from `explorables_core::study::cards`), which `/study/` fetches,
//! so the study module carries neither the model data nor the math behind them.

use explorables_core::study::cards::Card;

/// Fetches and reads `content/study-cards.json`.
pub async fn fetch() -> Result<Vec<Card>, String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen_futures::JsFuture;
        let why = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
        let url = format!("{}content/study-cards.json", crate::dom::base_path());
        let resp: web_sys::Response = JsFuture::from(crate::dom::window().fetch_with_str(&url))
            .await
            .map_err(why)?
            .dyn_into()
            .map_err(why)?;
        if !resp.ok() {
            return Err(format!("content/study-cards.json: HTTP {}", resp.status()));
        }
        let text = JsFuture::from(resp.text().map_err(why)?)
            .await
            .map_err(why)?
            .as_string()
            .unwrap_or_default();
        serde_json::from_str(&text).map_err(|e| e.to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Ok(explorables_core::study::cards::cards())
    }
}
