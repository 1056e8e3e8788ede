//! Light/dark theme: follows `prefers-color-scheme` until the reader picks one (stored in
//! localStorage). `index.html` applies the stored choice before the wasm loads.

use crate::dom::{document, window};
use explorables_core::lang::Lang;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use explorables_widgets::theme::system as system_theme;
pub use explorables_widgets::theme::Theme;

fn stored_theme() -> Option<Theme> {
    let v = window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item("theme")
        .ok()
        .flatten()?;
    match v.as_str() {
        "dark" => Some(Theme::Dark),
        "light" => Some(Theme::Light),
        _ => None,
    }
}

fn apply(t: Theme) {
    if let Some(el) = document().document_element() {
        let _ = el.set_attribute("data-theme", t.attr());
    }
}

/// The current theme as a signal (canvases redraw when it changes).
#[derive(Clone, Copy)]
pub struct ThemeState(pub RwSignal<Theme>);

impl ThemeState {
    /// A theme that stays as given (build-time rendering: no storage, no media queries).
    pub fn fixed(t: Theme) -> ThemeState {
        ThemeState(RwSignal::new(t))
    }

    pub fn install() -> ThemeState {
        let t = RwSignal::new(stored_theme().unwrap_or_else(system_theme));
        apply(t.get_untracked());
        if let Ok(Some(mq)) = window().match_media("(prefers-color-scheme: dark)") {
            let cb = Closure::<dyn Fn()>::new(move || {
                if stored_theme().is_none() {
                    let s = system_theme();
                    apply(s);
                    t.set(s);
                }
            });
            let _ = mq.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
            cb.forget();
        }
        ThemeState(t)
    }

    pub fn toggle(self) {
        let next = if self.0.get_untracked() == Theme::Dark {
            Theme::Light
        } else {
            Theme::Dark
        };
        if let Ok(Some(s)) = window().local_storage() {
            let _ = s.set_item("theme", next.attr());
        }
        apply(next);
        self.0.set(next);
    }
}

#[component]
pub fn ThemeToggle(lang: Signal<Lang>) -> impl IntoView {
    let state = expect_context::<ThemeState>();
    let label = move || {
        let dark = state.0.get() == Theme::Dark;
        match (lang.get(), dark) {
            (Lang::Zh, true) => "切换到浅色主题",
            (Lang::Zh, false) => "切换到深色主题",
            (Lang::En, true) => "Switch to light theme",
            (Lang::En, false) => "Switch to dark theme",
        }
    };
    view! {
        <button class="icon-button" type="button" on:click=move |_| state.toggle()
            aria-label=label title=label>
            {move || if state.0.get() == Theme::Dark { "☀" } else { "☾" }}
        </button>
    }
}
