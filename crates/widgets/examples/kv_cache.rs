//! The KV-cache lab as its own wasm module.

use explorables_widgets::kv_cache::KvCacheLab;
use leptos::prelude::*;

explorables_widgets::export_widget!(|initial, env, on_params| {
    view! { <KvCacheLab initial env on_params /> }.into_any()
});
