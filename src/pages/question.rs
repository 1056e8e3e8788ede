//! A question page: title, the answer (fetched per section, rendered at build time), live
//! widgets mounted into the answer's widget slots, and previous/next links.

use crate::catalogue::{ancestry, QUESTIONS, SECTIONS};
use crate::content::{answer_html, LoadError};
use crate::dom::{document, html_element};
use crate::pages::section::Breadcrumb;
use crate::route::href;
use crate::widgets::{view_widget, WidgetEnv};
use explorables_core::lang::Lang;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;

type Mounted = Vec<leptos::mount::UnmountHandle<AnyViewState>>;

/// Mounts a live widget into every `.widget-slot` of the answer.
fn mount_slots(root: &web_sys::Element, env: WidgetEnv) -> Mounted {
    let mut mounted = Vec::new();
    let Ok(slots) = root.query_selector_all(".widget-slot") else { return mounted };
    for i in 0..slots.length() {
        let Some(el) = slots.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) else {
            continue;
        };
        let name = el.get_attribute("data-widget").unwrap_or_default();
        let params = el.get_attribute("data-params").unwrap_or_default();
        if let Some(host) = html_element(&el) {
            mounted.push(mount_to(host, move || view_widget(&name, params, env, None)));
        }
    }
    mounted
}

#[component]
pub fn QuestionPage(question: usize, lang: Signal<Lang>, env: WidgetEnv) -> impl IntoView {
    let q = &QUESTIONS[question];
    let section = &SECTIONS[q.section];
    let answer_ref = NodeRef::<leptos::html::Div>::new();
    let mounts = StoredValue::new_local(Mounted::new());
    let answer = LocalResource::new(move || {
        let l = lang.get();
        async move {
            if q.answered(l) {
                Some(answer_html(l, section.slug, q.slug).await)
            } else {
                None
            }
        }
    });
    Effect::new(move |_| {
        document().set_title(&format!("{} · {}", q.title(lang.get()), lang.get().pick("大模型面试", "LLM Interview Explorables")));
    });
    Effect::new(move |_| {
        let Some(el) = answer_ref.get() else { return };
        mounts.update_value(|m| m.clear());
        let html = match answer.get() {
            Some(Some(Ok(h))) => h,
            _ => String::new(),
        };
        // Build-time HTML from our own content files, never user text.
        el.set_inner_html(&html);
        let m = mount_slots(&el, env);
        mounts.set_value(m);
    });
    let status = move || match answer.get() {
        None => Some(view! { <p class="loading">{move || lang.get().pick("正在加载解答…", "Loading the answer…")}</p> }.into_any()),
        Some(None) => {
            let other = if lang.get() == Lang::Zh { Lang::En } else { Lang::Zh };
            Some(view! {
                <div class="no-answer" data-testid="no-answer">
                    <p>{move || lang.get().pick("这道题的解答还没写好。", "The answer to this question is not written yet.")}</p>
                    <Show when=move || q.answered(other)>
                        <p><a href=move || href(&format!("q/{}", q.slug), other)>
                            {move || lang.get().pick("已有英文解答 →", "There is a Chinese answer →")}
                        </a></p>
                    </Show>
                </div>
            }.into_any())
        }
        Some(Some(Err(LoadError::Missing))) => Some(view! { <p class="error">{move || lang.get().pick("解答文件中找不到这道题。", "This answer is missing from its bundle.")}</p> }.into_any()),
        Some(Some(Err(LoadError::Network(e)))) => Some(view! { <p class="error">{move || lang.get().pick("解答加载失败：", "Could not load the answer: ")}{e.clone()}</p> }.into_any()),
        Some(Some(Ok(_))) => None,
    };
    let prev = question.checked_sub(1);
    let next = (question + 1 < QUESTIONS.len()).then_some(question + 1);
    let nav_link = move |i: usize, cls: &'static str, arrow_zh: &'static str, arrow_en: &'static str| {
        let t = &QUESTIONS[i];
        view! {
            <a class=cls href=move || href(&format!("q/{}", t.slug), lang.get())>
                <small>{move || lang.get().pick(arrow_zh, arrow_en)}</small>
                <span>{move || t.title(lang.get())}</span>
            </a>
        }
    };
    view! {
        <article class="question-page">
            <Breadcrumb sections=ancestry(q.section) lang />
            <h1 data-testid="question-title">{move || q.title(lang.get())}</h1>
            <p class="other-lang" lang=move || if lang.get() == Lang::Zh { "en" } else { "zh" }>{move || lang.get().pick(q.en, q.zh)}</p>
            {status}
            <div class="answer" node_ref=answer_ref data-testid="answer"></div>
            <nav class="prev-next" aria-label=move || lang.get().pick("上一题 / 下一题", "Previous / next question")>
                {prev.map(|i| nav_link(i, "prev", "← 上一题", "← Previous"))}
                {next.map(|i| nav_link(i, "next", "下一题 →", "Next →"))}
            </nav>
        </article>
    }
}
