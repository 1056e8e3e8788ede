//! `/embed/<widget>?<params>`: one widget, no site chrome, for iframes. Posts its height to
//! the parent page and keeps its state in its own URL.

use crate::route::{href_with, use_router};
use crate::ui::embed_height;
use crate::widgets::{view_widget, WidgetEnv};
use explorables_core::lang::Lang;
use leptos::prelude::*;

#[component]
pub fn EmbedPage(widget: String, lang: Signal<Lang>, env: WidgetEnv) -> impl IntoView {
    let router = use_router();
    let initial = router.loc.get_untracked().params_query();
    if let Some(body) = crate::dom::document().body() {
        let _ = body.class_list().add_1("embed");
    }
    embed_height::start();
    let on_params = Callback::new(move |q: String| router.replace_params(&q));
    let name = widget.clone();
    view! {
        <main class="embed-main">
            {view_widget(&widget, initial, env, Some(on_params))}
            <p class="embed-credit">
                <a target="_blank" rel="noopener" href=move || href_with(&format!("lab/{name}"), lang.get(), &router.loc.get().params_query())>
                    {move || lang.get().pick("在「大模型面试 · 可交互讲解」中打开 ↗", "Open in LLM Interview Explorables ↗")}
                </a>
            </p>
        </main>
    }
}
