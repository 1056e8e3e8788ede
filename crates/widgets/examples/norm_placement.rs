//! The Norm placement explorer as its own wasm module.

use explorables_widgets::norm_placement::NormPlacementLab;
use leptos::prelude::*;

explorables_widgets::export_widget!(|initial, env, on_params| {
    view! { <NormPlacementLab initial env on_params /> }.into_any()
});
