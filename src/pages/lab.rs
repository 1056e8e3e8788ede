//! `/lab`: the list of widgets; `/lab/<widget>`: one widget on its own page, state in the URL.

use crate::catalogue::{QuestionEntry, QUESTIONS};
use crate::dom::document;
use crate::route::href;
use crate::ui::i18n::tr;
use crate::widgets::WidgetHost;
use explorables_core::lang::Lang;
use explorables_core::widgets::WIDGETS;
use leptos::prelude::*;

#[component]
pub fn LabsPage(lang: Signal<Lang>) -> impl IntoView {
    Effect::new(move |_| {
        document().set_title(&crate::app::page_title(
            Some(lang.get().pick("实验室", "Labs")),
            lang.get(),
        ))
    });
    view! {
        <article class="labs">
            <h1>{tr(lang, "实验室", "Labs")}</h1>
            <p>
                {tr(lang, "每个组件都可以单独打开、分享链接或嵌入到你的博客。", "Every widget can be opened on its own, shared as a link, or embedded in your blog.")}
                " "<a href=move || href("embed-guide", lang.get())>{tr(lang, "嵌入指南", "Embed guide")}</a>
            </p>
            <ul class="lab-list">
                {WIDGETS.iter().map(|w| view! {
                    <li data-widget=w.name>
                        <h2><a href=move || href(&format!("lab/{}", w.name), lang.get())>{move || lang.get().pick(w.zh, w.en)}</a></h2>
                        <p>{move || lang.get().pick(w.about_zh, w.about_en)}</p>
                        <UsedIn widget=w.name lang />
                    </li>
                }).collect_view()}
            </ul>
        </article>
    }
}

/// The answered questions whose answers place `widget`, as links.
#[component]
fn UsedIn(widget: &'static str, lang: Signal<Lang>) -> impl IntoView {
    let questions: Vec<&'static QuestionEntry> = QUESTIONS
        .iter()
        .filter(|q| q.widgets.contains(&widget))
        .collect();
    let count = questions.len();
    (count > 0).then(move || {
        view! {
            <details class="used-in">
                <summary>{move || match lang.get() {
                    Lang::Zh => format!("用到它的回答（{count}）"),
                    Lang::En => format!("Answers that use it ({count})"),
                }}</summary>
                <ul>
                    {questions.into_iter().map(|q| view! {
                        <li><a href=move || href(&format!("q/{}", q.slug), lang.get())>{move || q.title(lang.get())}</a></li>
                    }).collect_view()}
                </ul>
            </details>
        }
    })
}

#[component]
pub fn LabPage(widget: String, lang: Signal<Lang>) -> impl IntoView {
    let title = explorables_core::widgets::find(&widget).map(|w| (w.zh, w.en));
    Effect::new(move |_| {
        let t = title.map(|(zh, en)| lang.get().pick(zh, en)).unwrap_or("?");
        document().set_title(&crate::app::page_title(Some(t), lang.get()));
    });
    view! {
        <article class="lab-page">
            <nav class="breadcrumb"><a href=move || href("lab", lang.get())>{tr(lang, "← 实验室", "← Labs")}</a></nav>
            // The page's heading for screen readers and search engines; the widget shows its
            // title itself.
            <h1 class="visually-hidden">{move || title.map(|(zh, en)| lang.get().pick(zh, en)).unwrap_or("?")}</h1>
            <WidgetHost name=widget.clone() lang mode="page" />
            {explorables_core::widgets::find(&widget).map(|w| view! { <UsedIn widget=w.name lang /> })}
        </article>
    }
}
