//! The GRPO group explorer as its own wasm module.

use explorables_widgets::grpo::GrpoLab;
use leptos::prelude::*;

explorables_widgets::export_widget!(|initial, env, on_params| {
    view! { <GrpoLab initial env on_params /> }.into_any()
});
