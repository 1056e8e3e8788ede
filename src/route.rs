//! A tiny client-side router: the location as a signal, links intercepted, history kept.
//!
//! Paths are relative to the site's base path so the same build works at `/` and under a
//! sub-path. Routes: `/`, `/s/<section>/`, `/q/<question>/`, `/lab/`, `/lab/<widget>/`, `/glossary/`,
//! `/embed/<widget>`, the English pages under `/en/…`; anything else is not found. Every page
//! route is also a real file written at build time (see `prerender`); the links end in `/`,
//! as a static host serves them. Old `?lang=en` links are moved to the `/en/…` form.

use crate::dom::{base_path, document, window};
use explorables_core::lang::Lang;
use explorables_core::params::{get, parse_query};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the reader is: path below the base (no leading `/`) and the raw query (no `?`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Loc {
    pub path: String,
    pub query: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Section(String),
    Question(String),
    Labs,
    Lab(String),
    Study,
    Glossary,
    Embed(String),
    EmbedGuide,
    NotFound(String),
}

impl Loc {
    /// The path without the language prefix.
    pub fn page_path(&self) -> &str {
        let p = self.path.as_str();
        if p == "en" {
            ""
        } else {
            p.strip_prefix("en/").unwrap_or(p)
        }
    }

    pub fn route(&self) -> Route {
        let path = self.page_path().trim_end_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] | ["index.html"] | ["404.html"] => Route::Home,
            ["s", slug] => Route::Section(slug.to_string()),
            ["q", slug] => Route::Question(slug.to_string()),
            ["lab"] => Route::Labs,
            ["glossary"] => Route::Glossary,
            ["lab", w] => Route::Lab(w.to_string()),
            ["study"] => Route::Study,
            ["embed", w] => Route::Embed(w.to_string()),
            ["embed-guide"] => Route::EmbedGuide,
            _ => Route::NotFound(path.to_string()),
        }
    }

    pub fn lang(&self) -> Lang {
        if self.path == "en" || self.path.starts_with("en/") {
            return Lang::En;
        }
        // Links from before the `/en/` paths.
        get(&parse_query(&self.query), "lang")
            .and_then(Lang::from_code)
            .unwrap_or_default()
    }

    /// The same place in the path form: `?lang=en` moved into `en/`, `lang` dropped.
    pub fn canonical(&self) -> Loc {
        let lang = self.lang();
        let page = self.page_path().trim_start_matches('/');
        Loc {
            path: match lang {
                Lang::En => format!("en/{page}"),
                Lang::Zh => page.to_string(),
            },
            query: self.params_query(),
        }
    }

    /// The query without `lang` (the widget parameters), re-encoded.
    pub fn params_query(&self) -> String {
        use explorables_core::params::percent_encode;
        parse_query(&self.query)
            .iter()
            .filter(|(k, _)| k != "lang")
            .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

fn current_loc() -> Loc {
    let location = window().location();
    let pathname = location.pathname().unwrap_or_default();
    let base = base_path();
    let path = pathname
        .strip_prefix(&base)
        .or_else(|| pathname.strip_prefix(base.trim_end_matches('/')))
        .unwrap_or(&pathname)
        .trim_start_matches('/')
        .to_string();
    let query = location
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_string();
    Loc { path, query }
}

/// The widget parameters in the address bar right now (a widget may have rewritten them).
pub fn current_params() -> String {
    current_loc().params_query()
}

/// The router's shared state, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Router {
    pub loc: RwSignal<Loc>,
}

impl Router {
    /// A router that stays at `loc` (build-time rendering: no history, no listeners).
    pub fn fixed(loc: Loc) -> Router {
        Router {
            loc: RwSignal::new(loc),
        }
    }

    /// Creates the router and wires `popstate` and link clicks.
    pub fn install() -> Router {
        // An old `?lang=en` link becomes its `/en/…` address.
        let here = current_loc();
        let canonical = here.canonical();
        if canonical != here {
            let url = canonical.url();
            if let Ok(h) = window().history() {
                let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        }
        let loc = RwSignal::new(current_loc());
        let on_pop = Closure::<dyn Fn()>::new(move || loc.set(current_loc()));
        let _ =
            window().add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        // A widget on a lab page rewrote the query (see `explorables_widgets::host::sync_url`).
        let _ = window().add_event_listener_with_callback(
            explorables_widgets::host::PARAMS_EVENT,
            on_pop.as_ref().unchecked_ref(),
        );
        on_pop.forget();

        let router = Router { loc };
        let on_click =
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
                router.intercept(ev);
            });
        let _ =
            document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
        router
    }

    fn intercept(self, ev: web_sys::MouseEvent) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.ctrl_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Ok(Some(anchor)) = target.closest("a[href]") else {
            return;
        };
        let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() else {
            return;
        };
        if !anchor.target().is_empty()
            || anchor.has_attribute("download")
            || anchor.has_attribute("data-external")
        {
            return;
        }
        let origin = window().location().origin().unwrap_or_default();
        if anchor.origin() != origin || !anchor.pathname().starts_with(&base_path()) {
            return;
        }
        // Same-page anchors (#…) keep the browser's behaviour.
        let here = window().location();
        if anchor.pathname() == here.pathname().unwrap_or_default()
            && anchor.search() == here.search().unwrap_or_default()
            && !anchor.hash().is_empty()
        {
            return;
        }
        ev.prevent_default();
        self.push(&format!(
            "{}{}{}",
            anchor.pathname(),
            anchor.search(),
            anchor.hash()
        ));
    }

    /// Navigates to an absolute path (with query) and scrolls to the top.
    pub fn push(self, url: &str) {
        if let Ok(h) = window().history() {
            let _ = h.push_state_with_url(&JsValue::NULL, "", Some(url));
        }
        self.loc.set(current_loc());
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// Replaces the query of the current entry (widget state); the language is in the path.
    pub fn replace_params(self, params_query: &str) {
        let loc = self.loc.get_untracked();
        let q = params_query.to_string();
        if q == loc.query {
            return;
        }
        let url = Loc {
            path: loc.path.clone(),
            query: q.clone(),
        }
        .url();
        if let Ok(h) = window().history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
        self.loc.set(Loc {
            path: loc.path,
            query: q,
        });
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

impl Loc {
    /// The absolute URL of this place (base path, path, query).
    pub fn url(&self) -> String {
        format!(
            "{}{}{}{}",
            base_path(),
            self.path,
            if self.query.is_empty() { "" } else { "?" },
            self.query
        )
    }
}

/// The path of a page below the base in a language: `q/x` → `q/x/` or `en/q/x/`.
pub fn page_path(path: &str, lang: Lang) -> String {
    let path = path.trim_matches('/');
    let prefix = if lang == Lang::En { "en/" } else { "" };
    if path.is_empty() {
        prefix.to_string()
    } else {
        format!("{prefix}{path}/")
    }
}

/// A link to a page below the base, in a language.
pub fn href(path: &str, lang: Lang) -> String {
    href_with(path, lang, "")
}

/// Like [`href`] with query parameters (`k=v&…`).
pub fn href_with(path: &str, lang: Lang, params: &str) -> String {
    Loc {
        path: page_path(path, lang),
        query: params.to_string(),
    }
    .url()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(path: &str, query: &str) -> Loc {
        Loc {
            path: path.into(),
            query: query.into(),
        }
    }

    #[test]
    fn routes() {
        assert_eq!(loc("", "").route(), Route::Home);
        assert_eq!(
            loc("q/bert-vs-gpt", "").route(),
            Route::Question("bert-vs-gpt".into())
        );
        assert_eq!(loc("s/llama/", "").route(), Route::Section("llama".into()));
        assert_eq!(
            loc("embed/kv-cache", "").route(),
            Route::Embed("kv-cache".into())
        );
        assert_eq!(loc("lab", "").route(), Route::Labs);
        assert_eq!(loc("en/study/", "").route(), Route::Study);
        assert_eq!(loc("en/embed-guide/", "").route(), Route::EmbedGuide);
        assert_eq!(loc("q/a/b", "").route(), Route::NotFound("q/a/b".into()));
    }

    #[test]
    fn english_pages_live_under_en() {
        assert_eq!(
            loc("en/q/bert-vs-gpt/", "").route(),
            Route::Question("bert-vs-gpt".into())
        );
        assert_eq!(loc("en/q/bert-vs-gpt/", "").lang(), Lang::En);
        assert_eq!(loc("en", "").route(), Route::Home);
        assert_eq!(loc("en/", "").lang(), Lang::En);
        assert_eq!(loc("q/x/", "").lang(), Lang::Zh);
        // "en" as a question slug is not a language.
        assert_eq!(loc("q/en/", "").lang(), Lang::Zh);
        assert_eq!(page_path("q/x", Lang::En), "en/q/x/");
        assert_eq!(page_path("", Lang::Zh), "");
        assert_eq!(page_path("lab", Lang::Zh), "lab/");
        assert_eq!(href_with("lab/moe", Lang::En, "n=1"), "/en/lab/moe/?n=1");
    }

    #[test]
    fn old_lang_links_move_to_the_path_form() {
        assert_eq!(loc("q/x", "lang=en&n=6").canonical(), loc("en/q/x", "n=6"));
        assert_eq!(loc("", "lang=en").canonical(), loc("en/", ""));
        assert_eq!(
            loc("lab/moe/", "lang=zh&a=1").canonical(),
            loc("lab/moe/", "a=1")
        );
        let c = loc("en/q/x/", "a=1");
        assert_eq!(c.canonical(), c);
    }

    #[test]
    fn language_and_params() {
        let l = loc("embed/x", "lang=en&n=6&preset=causal");
        assert_eq!(l.lang(), Lang::En);
        assert_eq!(l.params_query(), "n=6&preset=causal");
        assert_eq!(loc("", "lang=fr").lang(), Lang::Zh);
    }
}
