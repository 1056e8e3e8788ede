//! The attention-mask lab as its own wasm module.

use explorables_widgets::attention_mask::AttentionMaskLab;
use leptos::prelude::*;

explorables_widgets::export_widget!(|initial, env, on_params| {
    view! { <AttentionMaskLab initial env on_params /> }.into_any()
});
