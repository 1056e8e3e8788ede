//! The theme as widgets see it: read from `<html data-theme>` and followed with a
//! MutationObserver, so a widget module redraws when the host page toggles the theme.

use crate::dom::{document, window};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn attr(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The theme the page shows now.
pub fn current() -> Theme {
    let dark = document()
        .document_element()
        .and_then(|el| el.get_attribute("data-theme"))
        .is_some_and(|t| t == "dark");
    if dark {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// The system preference (`prefers-color-scheme`).
pub fn system() -> Theme {
    let dark = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if dark {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// A signal of `<html data-theme>`, updated whenever the attribute changes.
pub fn observe() -> Signal<Theme> {
    let theme = RwSignal::new(current());
    let cb = Closure::<dyn Fn()>::new(move || theme.set(current()));
    if let (Ok(obs), Some(root)) = (
        web_sys::MutationObserver::new(cb.as_ref().unchecked_ref()),
        document().document_element(),
    ) {
        let init = web_sys::MutationObserverInit::new();
        init.set_attributes(true);
        init.set_attribute_filter(&js_sys::Array::of1(&"data-theme".into()));
        let _ = obs.observe_with_options(&root, &init);
    }
    cb.forget();
    theme.into()
}
