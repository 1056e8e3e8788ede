//! Mounting a widget module into a host element, and what a module exports.
//!
//! Modes: `inline` (inside an answer: state stays local, shared through the Share menu),
//! `page` (a lab page: state written to the address bar), `embed` (an iframe: state in the
//! address bar and the content height posted to the parent page).

use crate::dom::window;
use crate::{embed_height, theme, WidgetEnv};
use explorables_core::lang::Lang;
use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::{JsCast, JsValue};

/// Where a widget is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Inline,
    Page,
    Embed,
}

impl Mode {
    pub fn from_code(s: &str) -> Mode {
        match s {
            "page" => Mode::Page,
            "embed" => Mode::Embed,
            _ => Mode::Inline,
        }
    }
}

/// Builds a widget's view from its initial URL parameters.
pub type Factory = fn(String, WidgetEnv, Option<Callback<String>>) -> AnyView;

/// The event a page listens for to learn that a widget rewrote the address bar.
pub const PARAMS_EVENT: &str = "llm-explorables:params";

thread_local! {
    /// The newest (path, state) waiting to be written to the address bar, if a write is scheduled.
    static PENDING_URL: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

/// How long the address bar may lag behind the widget. `history.replaceState` costs several
/// milliseconds per call in Chromium, too much to pay on every slider step while dragging.
const URL_SYNC_DELAY_MS: i32 = 120;

/// Writes the widget state into the address bar soon, coalescing rapid changes into one write.
pub fn sync_url(params: &str) {
    let path = window().location().pathname().unwrap_or_default();
    let pending = (path, params.to_string());
    let scheduled = PENDING_URL.with(|p| p.borrow_mut().replace(pending).is_some());
    if scheduled {
        return;
    }
    let flush = wasm_bindgen::closure::Closure::once_into_js(flush_url);
    let ok = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            flush.unchecked_ref(),
            URL_SYNC_DELAY_MS,
        )
        .is_ok();
    if !ok {
        flush_url();
    }
}

/// Writes the pending state, unless the page has moved on to another path meanwhile.
fn flush_url() {
    if let Some((path, q)) = PENDING_URL.with(|p| p.borrow_mut().take()) {
        if window().location().pathname().ok().as_deref() == Some(path.as_str()) {
            write_url(&q);
        }
    }
}

/// Writes the widget state into the address bar (keeping `lang`), without a history entry.
fn write_url(params: &str) {
    let loc = window().location();
    let search = loc.search().unwrap_or_default();
    let lang_en = explorables_core::params::parse_query(&search)
        .iter()
        .any(|(k, v)| k == "lang" && v == "en");
    let mut q = Vec::new();
    if lang_en {
        q.push("lang=en");
    }
    if !params.is_empty() {
        q.push(params);
    }
    let q = q.join("&");
    let path = loc.pathname().unwrap_or_default();
    let url = if q.is_empty() {
        path
    } else {
        format!("{path}?{q}")
    };
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
    if let Ok(ev) = web_sys::Event::new(PARAMS_EVENT) {
        let _ = window().dispatch_event(&ev);
    }
}

/// A mounted widget; dropping it unmounts the view.
pub struct MountedWidget {
    _handle: UnmountHandle<AnyViewState>,
}

/// Mounts `factory`'s widget into `el`.
pub fn mount(
    el: web_sys::HtmlElement,
    params: String,
    lang: &str,
    mode: &str,
    factory: Factory,
) -> MountedWidget {
    crate::panic::install();
    let lang = Lang::from_code(lang).unwrap_or_default();
    let mode = Mode::from_code(mode);
    if mode == Mode::Embed {
        embed_height::start();
    }
    let handle = mount_to(el, move || {
        let env = WidgetEnv {
            lang: Signal::stored(lang),
            theme: theme::observe(),
        };
        let on_params = (mode != Mode::Inline).then(|| Callback::new(|q: String| sync_url(&q)));
        factory(params, env, on_params)
    });
    MountedWidget { _handle: handle }
}

/// Defines a widget module's exports: `mount(element, params, lang, mode) -> Widget` and
/// `Widget.unmount()`. Used once in each `examples/<widget>.rs`.
#[macro_export]
macro_rules! export_widget {
    ($factory:expr) => {
        /// A mounted widget; call `unmount()` to remove it.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub struct Widget {
            inner: Option<$crate::host::MountedWidget>,
        }

        #[wasm_bindgen::prelude::wasm_bindgen]
        impl Widget {
            pub fn unmount(&mut self) {
                self.inner.take();
            }
        }

        /// Mounts the widget into `el` with URL parameters `params` (`k=v&…`), language
        /// `zh`/`en` and mode `inline`/`page`/`embed`.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn mount(
            el: web_sys::HtmlElement,
            params: String,
            lang: String,
            mode: String,
        ) -> Widget {
            Widget {
                inner: Some($crate::host::mount(el, params, &lang, &mode, $factory)),
            }
        }
    };
}
