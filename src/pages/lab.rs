//! `/lab`: the list of widgets; `/lab/<widget>`: one widget on its own page, state in the URL.

use crate::dom::document;
use crate::route::{href, use_router};
use crate::widgets::{implemented, view_widget, WidgetEnv};
use explorables_core::lang::Lang;
use explorables_core::widgets::WIDGETS;
use leptos::prelude::*;

#[component]
pub fn LabsPage(lang: Signal<Lang>) -> impl IntoView {
    Effect::new(move |_| document().set_title(lang.get().pick("实验室 · 大模型面试", "Labs · LLM Interview Explorables")));
    view! {
        <article class="labs">
            <h1>{move || lang.get().pick("实验室", "Labs")}</h1>
            <p>{move || lang.get().pick("每个组件都可以单独打开、分享链接或嵌入到你的博客。", "Every widget can be opened on its own, shared as a link, or embedded in your blog.")}</p>
            <ul class="lab-list">
                {WIDGETS.iter().map(|w| {
                    let ready = implemented().contains(&w.name);
                    view! {
                        <li data-ready=ready.to_string()>
                            <a href=move || href(&format!("lab/{}", w.name), lang.get())>{move || lang.get().pick(w.zh, w.en)}</a>
                            {(!ready).then(|| view! { <span class="badge muted">{move || lang.get().pick("即将上线", "coming soon")}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </article>
    }
}

#[component]
pub fn LabPage(widget: String, lang: Signal<Lang>, env: WidgetEnv) -> impl IntoView {
    let router = use_router();
    let initial = router.loc.get_untracked().params_query();
    let title = explorables_core::widgets::find(&widget).map(|w| (w.zh, w.en));
    Effect::new(move |_| {
        let t = title.map(|(zh, en)| lang.get().pick(zh, en)).unwrap_or("?");
        document().set_title(&format!("{t} · {}", lang.get().pick("大模型面试", "LLM Interview Explorables")));
    });
    let on_params = Callback::new(move |q: String| router.replace_params(&q));
    view! {
        <article class="lab-page">
            <nav class="breadcrumb"><a href=move || href("lab", lang.get())>{move || lang.get().pick("← 实验室", "← Labs")}</a></nav>
            {view_widget(&widget, initial, env, Some(on_params))}
        </article>
    }
}
