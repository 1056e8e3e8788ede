//! A question page: title, the answer (fetched per section, rendered at build time), live
//! widgets mounted into the answer's widget slots, and previous/next links.

use crate::catalogue::{ancestry, QUESTIONS};
use crate::content::{answer_html, LoadError};
use crate::dom::{document, html_element};
use crate::pages::section::Breadcrumb;
use crate::route::href;
use crate::ui::i18n::tr;
use crate::widgets::{mount_into, unmount};
use explorables_core::lang::Lang;
use leptos::prelude::*;

type Mounted = Vec<wasm_bindgen::JsValue>;

/// Mounts a live widget module into every `.widget-slot` of the answer.
fn mount_slots(root: &web_sys::Element, lang: Lang, mounts: StoredValue<Mounted, LocalStorage>) {
    let Ok(slots) = root.query_selector_all(".widget-slot") else {
        return;
    };
    for i in 0..slots.length() {
        let Some(el) = slots
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        let name = el.get_attribute("data-widget").unwrap_or_default();
        let params = el.get_attribute("data-params").unwrap_or_default();
        if let Some(host) = html_element(&el) {
            mount_into(host, name, params, lang, "inline", move |h| {
                mounts.update_value(|m| m.push(h))
            });
        }
    }
}

fn unmount_all(mounts: StoredValue<Mounted, LocalStorage>) {
    mounts.update_value(|m| m.drain(..).for_each(|h| unmount(&h)));
}

#[component]
pub fn QuestionPage(question: usize, lang: Signal<Lang>) -> impl IntoView {
    let q = &QUESTIONS[question];
    let answer_ref = NodeRef::<leptos::html::Div>::new();
    let mounts = StoredValue::new_local(Mounted::new());
    // The answer the page was pre-rendered with: shown at once, never fetched again.
    let seeded = crate::prerendered::answer(q.slug);
    let first_html = seeded
        .as_ref()
        .filter(|(l, _)| *l == lang.get_untracked())
        .map(|(_, h)| h.clone())
        .unwrap_or_default();
    let seeded = StoredValue::new(seeded);
    let seeded_for = move |l: Lang| {
        seeded.with_value(|s| {
            s.as_ref()
                .filter(|(sl, _)| *sl == l)
                .map(|(_, h)| h.clone())
        })
    };
    let answer = LocalResource::new(move || {
        let l = lang.get();
        let seeded_here = seeded_for(l).is_some();
        async move {
            if seeded_here {
                None
            } else if q.answered(l) {
                Some(answer_html(l, q.slug).await)
            } else {
                None
            }
        }
    });
    on_cleanup(move || {
        if mounts.try_with_value(|_| ()).is_some() {
            unmount_all(mounts);
        }
    });
    Effect::new(move |_| {
        document().set_title(&crate::app::page_title(
            Some(q.title(lang.get())),
            lang.get(),
        ));
    });
    let current = move || match seeded_for(lang.get()) {
        Some(h) => Some(Some(Ok(h))),
        None => answer.get(),
    };
    Effect::new(move |_| {
        let Some(el) = answer_ref.get() else { return };
        unmount_all(mounts);
        let html = match current() {
            Some(Some(Ok(h))) => h,
            _ => String::new(),
        };
        // Build-time HTML from our own content files, never user text.
        el.set_inner_html(&html);
        mount_slots(&el, lang.get_untracked(), mounts);
    });
    let status = move || {
        match current() {
        None => Some(view! { <p class="loading">{tr(lang, "正在加载解答…", "Loading the answer…")}</p> }.into_any()),
        Some(None) => {
            let other = if lang.get() == Lang::Zh { Lang::En } else { Lang::Zh };
            Some(view! {
                <div class="no-answer" data-testid="no-answer">
                    <p>{tr(lang, "这道题的解答还没写好。", "The answer to this question is not written yet.")}</p>
                    <Show when=move || q.answered(other)>
                        <p><a href=move || href(&format!("q/{}", q.slug), other)>
                            {tr(lang, "已有英文解答 →", "There is a Chinese answer →")}
                        </a></p>
                    </Show>
                </div>
            }.into_any())
        }
        Some(Some(Err(LoadError::Missing))) => Some(view! { <p class="error">{tr(lang, "解答文件中找不到这道题。", "This answer file is missing.")}</p> }.into_any()),
        Some(Some(Err(LoadError::Network(e)))) => Some(view! { <p class="error">{tr(lang, "解答加载失败：", "Could not load the answer: ")}{e.clone()}</p> }.into_any()),
        Some(Some(Ok(_))) => None,
    }
    };
    let prev = question.checked_sub(1);
    let next = (question + 1 < QUESTIONS.len()).then_some(question + 1);
    let nav_link =
        move |i: usize, cls: &'static str, arrow_zh: &'static str, arrow_en: &'static str| {
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
            <p class="other-lang" hidden=q.zh == q.en lang=move || if lang.get() == Lang::Zh { "en" } else { "zh" }>{move || lang.get().pick(q.en, q.zh)}</p>
            {status}
            // Build-time HTML from our own content files, never user text.
            <div class="answer" node_ref=answer_ref data-testid="answer" data-slug=q.slug
                data-lang=move || lang.get().code() inner_html=first_html></div>
            <crate::study::RateHost slug=q.slug lang />
            <nav class="prev-next" aria-label=tr(lang, "上一题 / 下一题", "Previous / next question")>
                {prev.map(|i| nav_link(i, "prev", "← 上一题", "← Previous"))}
                {next.map(|i| nav_link(i, "next", "下一题 →", "Next →"))}
            </nav>
        </article>
    }
}
