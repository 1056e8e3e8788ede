//! Study mode as its own wasm module (`widgets/study.js`). Not a widget: the site mounts it in
//! mode `page` (`/study/`), `rate` (the bar under an answer) or `progress` (home); every mount
//! on a page shares this one instance's progress (see `explorables_widgets::study`).

use wasm_bindgen::prelude::wasm_bindgen;

/// A mounted study view; call `unmount()` to remove it.
#[wasm_bindgen]
pub struct Widget {
    inner: Option<explorables_widgets::study::Mounted>,
}

#[wasm_bindgen]
impl Widget {
    pub fn unmount(&mut self) {
        self.inner.take();
    }
}

/// Mounts study mode into `el`: `mode` is `page`, `rate` (params `slug=…[&rate=good]`) or
/// `progress`; `lang` is `zh`/`en`.
#[wasm_bindgen]
pub fn mount(el: web_sys::HtmlElement, params: String, lang: String, mode: String) -> Widget {
    Widget {
        inner: Some(explorables_widgets::study::mount(el, params, &lang, mode)),
    }
}
