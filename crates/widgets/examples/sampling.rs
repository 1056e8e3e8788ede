//! The sampling explorer as its own wasm module.

use explorables_widgets::sampling::SamplingLab;
use leptos::prelude::*;

explorables_widgets::export_widget!(|initial, env, on_params| {
    view! { <SamplingLab initial env on_params /> }.into_any()
});
