//! Reactive UI text in the reader's language.

use explorables_core::lang::Lang;
use leptos::prelude::*;

/// A text that follows the language signal.
///
/// Every call site shares this one closure type, so the view machinery is compiled once for
/// all of them instead of once per `move || lang.get().pick(…)` closure — it keeps the wasm small.
pub fn tr(
    lang: Signal<Lang>,
    zh: &'static str,
    en: &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || lang.get().pick(zh, en)
}
