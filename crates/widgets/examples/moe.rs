//! The MoE routing lab as its own wasm module.

use explorables_widgets::moe::MoeLab;
use leptos::prelude::*;

explorables_widgets::export_widget!(|initial, env, on_params| {
    view! { <MoeLab initial env on_params /> }.into_any()
});
