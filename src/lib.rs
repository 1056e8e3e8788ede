//! LLM Interview Explorables — the web app (Leptos, client-side rendered).
//!
//! `main.rs` only calls [`start`]. Pages live in [`pages`], widgets in [`widgets`] (one folder
//! each), shared UI in [`ui`]. Model math is in the `explorables-core` crate.

pub mod app;
pub mod catalogue;
pub mod content;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod prerendered;
pub mod route;
pub mod study;
pub mod ui;
pub mod widgets;

/// Browser helpers shared with the widget modules.
pub use explorables_widgets::dom;

/// Installs the panic overlay and starts the app. On a pre-rendered page (`<div id="app">`
/// written by the build) the app renders into a new `#app` and the old one is removed in the
/// same task, before the browser paints: the reader sees no flash and no duplicate.
pub fn start() {
    use wasm_bindgen::JsCast;
    explorables_widgets::panic::install();
    let doc = dom::document();
    // `<html data-live>`: the app is running (tests and scripts wait for it).
    let live = || {
        if let Some(html) = dom::document().document_element() {
            let _ = html.set_attribute("data-live", "");
        }
    };
    let Some(old) = doc.get_element_by_id("app") else {
        leptos::mount::mount_to_body(app::App);
        live();
        return;
    };
    widgets::early::detach_all();
    if let Ok(Some(answer)) = old.query_selector("[data-testid=answer][data-slug][data-lang]") {
        let slug = answer.get_attribute("data-slug").unwrap_or_default();
        let lang = answer.get_attribute("data-lang").unwrap_or_default();
        if let Some(lang) = explorables_core::lang::Lang::from_code(&lang) {
            prerendered::set_answer(&slug, lang, answer.inner_html());
        }
    }
    let Some(root) = doc
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    root.set_id("app");
    let _ = old
        .parent_node()
        .map(|p| p.insert_before(&root, Some(&old)));
    leptos::mount::mount_to(root, app::App).forget();
    old.remove();
    live();
}
