//! `/study/`: the site renders (and pre-renders) the explanation, zeroed counters and the
//! computed cards' questions; study mode's module (`page` mode) replaces it with the reader's
//! due queue, new questions by chapter, streak, checkable cards and their data.

use crate::dom::document;
use crate::study::StudyHost;
use explorables_core::lang::Lang;
use explorables_widgets::study::page::title;
use leptos::prelude::*;

/// The computed cards' questions, listed at build time (the live page shows the module's cards).
#[cfg(feature = "ssr")]
fn card_questions(l: Lang) -> impl IntoView {
    let cards = explorables_core::study::cards::cards();
    let n = cards.len();
    view! {
        <p>{match l {
            Lang::Zh => format!("{n} 道面试官爱问的数字题，答案由本站组件所用的同一套 Rust 代码算出。"),
            Lang::En => format!("{n} questions interviewers ask for a number, answered by the same Rust the widgets run."),
        }}</p>
        <ol class="card-list">
            {cards.into_iter().map(|c| view! { <li class="study-card" data-card=c.id.clone()><p class="card-q">{c.question(l).to_string()}</p></li> }).collect_view()}
        </ol>
    }
}

/// What the browser shows until the module is up (after a move inside the app; a loaded
/// `/study/` has the module mounted before the app starts, see `index.html`): a title only,
/// to keep the site's wasm small.
#[cfg(not(feature = "ssr"))]
fn static_page(l: Lang) -> AnyView {
    view! {
        <article class="study-page">
            <h1>{title(l)}</h1>
            <p class="loading">{l.pick("正在加载学习模式…", "Loading study mode…")}</p>
        </article>
    }
    .into_any()
}

/// What the pre-rendered page says before (and without) the module.
#[cfg(feature = "ssr")]
fn static_page(l: Lang) -> AnyView {
    use explorables_widgets::study::page::{lead, stat_label};
    let stat = |key: &'static str, label: &'static str| {
        view! {
            <div class="stat">
                <span class="stat-value" data-key=key data-value="0">"0"</span>
                <span class="stat-label">{label}</span>
            </div>
        }
    };
    view! {
        <article class="study-page">
            <h1>{title(l)}</h1>
            <p class="lead">{lead(l)}</p>
            <div class="study-stats">
                {["reviewed", "due", "streak"].map(|k| stat(k, stat_label(k, l)))}
            </div>
            <noscript><p>{l.pick("复习队列、计分和导入导出需要 JavaScript。", "The review queue, checking answers and import/export need JavaScript.")}</p></noscript>
            <section class="study-cards">
                <h2>{l.pick("计算题", "Computed cards")}</h2>
                {card_questions(l)}
            </section>
        </article>
    }
    .into_any()
}

#[component]
pub fn StudyPage(lang: Signal<Lang>) -> impl IntoView {
    Effect::new(move |_| {
        document().set_title(&crate::app::page_title(Some(title(lang.get())), lang.get()))
    });
    view! { <StudyHost mode="page" params=String::new() lang eager=true fallback=static_page /> }
}
