//! The test-time scaling explorer as its own wasm module.

use explorables_widgets::test_time_scaling::TestTimeScalingLab;
use leptos::prelude::*;

explorables_widgets::export_widget!(|initial, env, on_params| {
    view! { <TestTimeScalingLab initial env on_params /> }.into_any()
});
