//! The answer a page was pre-rendered with. At build time `prerender` sets it before rendering
//! the question page; in the browser `start` finds it in the page, so the app shows the same
//! HTML at once instead of fetching it again (no flash, no layout shift).

use explorables_core::lang::Lang;
use std::cell::RefCell;

thread_local! {
    static ANSWER: RefCell<Option<(String, Lang, String)>> = const { RefCell::new(None) };
}

/// Sets the pre-rendered answer of question `slug` in `lang`.
pub fn set_answer(slug: &str, lang: Lang, html: String) {
    ANSWER.with(|a| *a.borrow_mut() = Some((slug.to_string(), lang, html)));
}

/// The pre-rendered answer of `slug`, with its language. In the browser it is handed out once
/// (a later visit to the page fetches the answer as usual).
pub fn answer(slug: &str) -> Option<(Lang, String)> {
    ANSWER.with(|a| {
        let mut a = a.borrow_mut();
        let hit = matches!(a.as_ref(), Some((s, _, _)) if s == slug);
        if !hit {
            return None;
        }
        let (_, lang, html) = if cfg!(target_arch = "wasm32") {
            a.take()?
        } else {
            a.clone()?
        };
        Some((lang, html))
    })
}
