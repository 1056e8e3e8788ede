//! The KL estimator explorer as its own wasm module.

use explorables_widgets::kl_estimators::KlEstimatorsLab;
use leptos::prelude::*;

explorables_widgets::export_widget!(|initial, env, on_params| {
    view! { <KlEstimatorsLab initial env on_params /> }.into_any()
});
