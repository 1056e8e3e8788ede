//! The live widgets and the UI pieces they share (frame, share menu, canvas helpers).
//!
//! Each widget is compiled into its own small wasm module (an example target of this crate,
//! see `examples/`), so a page downloads only the widgets it shows. A module exports
//! `mount(element, params, lang, mode)`; the site shell, a lab page or a static embed page
//! calls it (see [`host`]).

pub mod attention_mask;
pub mod canvas;
pub mod catalogue;
pub mod dom;
pub mod embed_height;
pub mod fmt;
pub mod frame;
pub mod grpo;
pub mod host;
pub mod i18n;
pub mod kl_estimators;
pub mod kv_cache;
pub mod moe;
pub mod norm_placement;
pub mod panic;
pub mod plot;
pub mod positional_encoding;
pub mod sampling;
pub mod study;
pub mod test_time_scaling;
pub mod theme;
pub mod url_state;

use explorables_core::lang::Lang;
use leptos::prelude::*;

/// What every widget gets from its host.
#[derive(Clone, Copy)]
pub struct WidgetEnv {
    pub lang: Signal<Lang>,
    pub theme: Signal<theme::Theme>,
}
