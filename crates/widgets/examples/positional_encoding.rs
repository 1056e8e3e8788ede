//! The Positional encoding explorer as its own wasm module.

use explorables_widgets::positional_encoding::PositionalEncodingLab;
use leptos::prelude::*;

explorables_widgets::export_widget!(|initial, env, on_params| {
    view! { <PositionalEncodingLab initial env on_params /> }.into_any()
});
