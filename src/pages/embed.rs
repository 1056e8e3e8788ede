//! `/embed/<widget>?<params>` served through the app shell (the static `embed/<widget>/`
//! pages are the light path; this route covers hosts that send every path to `404.html`, and
//! names that are not widgets). No site chrome.

use crate::route::href_with;
use crate::ui::i18n::tr;
use crate::widgets::WidgetHost;
use explorables_core::lang::Lang;
use leptos::prelude::*;

#[component]
pub fn EmbedPage(widget: String, lang: Signal<Lang>) -> impl IntoView {
    if let Some(body) = crate::dom::document().body() {
        let _ = body.class_list().add_1("embed");
    }
    explorables_widgets::embed_height::start();
    let name = widget.clone();
    view! {
        <main class="embed-main">
            <WidgetHost name=widget lang mode="embed" />
            <p class="embed-credit">
                <a target="_blank" rel="noopener" href=move || href_with(&format!("lab/{name}"), lang.get(), &crate::route::current_params())>
                    {tr(lang, "在「大模型面试 · 可交互讲解」中打开 ↗", "Open in LLM Interview Explorables ↗")}
                </a>
            </p>
        </main>
    }
}
