//! Home: every chapter with its sections and questions.

use crate::catalogue::{self, children, QUESTIONS, SECTIONS};
use crate::route::href;
use crate::ui::i18n::tr;
use explorables_core::lang::Lang;
use leptos::prelude::*;

/// The questions of one section as a list of links (unanswered ones marked).
#[component]
pub fn QuestionList(section: usize, lang: Signal<Lang>) -> impl IntoView {
    let range = SECTIONS[section].question_range();
    view! {
        <ol class="question-list">
            {range.map(|qi| {
                let q = &QUESTIONS[qi];
                view! {
                    <li class:answered=move || q.answered(lang.get())>
                        <a href=move || href(&format!("q/{}", q.slug), lang.get())>{move || q.title(lang.get())}</a>
                        <Show when=move || !q.answered(lang.get())>
                            <span class="badge muted">{tr(lang, "待解答", "not yet answered")}</span>
                        </Show>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// A section with its questions and sub-sections, recursively.
#[component]
pub fn SectionTree(section: usize, lang: Signal<Lang>) -> impl IntoView {
    let s = &SECTIONS[section];
    let subs: Vec<usize> = children(Some(section)).collect();
    view! {
        <div class="section-tree" data-level=s.level>
            <h3><a href=move || href(&format!("s/{}", s.slug), lang.get())>{move || s.title(lang.get())}</a></h3>
            <Show when=move || { s.questions > 0 }>
                <QuestionList section lang />
            </Show>
            {subs.into_iter().map(|c| view! { <SectionTree section=c lang /> }.into_any()).collect_view()}
        </div>
    }
}

#[component]
pub fn HomePage(lang: Signal<Lang>) -> impl IntoView {
    let chapters: Vec<usize> = children(None).collect();
    view! {
        <div class="home">
            <section class="hero">
                <h1>{move || catalogue::title(lang.get())}</h1>
                <p class="lead">{tr(lang, "大模型工程师面试常考题，每道题一页：先给能说出口的简答，再讲原理、追问与来源；难点配有在浏览器里实时计算的交互组件，可分享、可嵌入。", "The questions LLM engineers get asked in interviews, one page each: a short answer you can say aloud, then the mechanism, follow-ups and sources. The hard ideas come with live widgets computed in your browser — shareable and embeddable.")}</p>
                <p><a class="button" href=move || href("lab", lang.get())>{tr(lang, "打开实验室 →", "Open the labs →")}</a></p>
            </section>
            <crate::study::HomeProgress lang />
            <nav class="toc" aria-label=tr(lang, "章节目录", "Chapters")>
                <ul class="chapter-index">
                    {chapters.iter().map(|&c| {
                        let s = &SECTIONS[c];
                        view! { <li><a href=format!("#ch-{}", s.slug)>{move || s.title(lang.get())}</a></li> }
                    }).collect_view()}
                </ul>
            </nav>
            {chapters.into_iter().map(|c| {
                let s = &SECTIONS[c];
                let subs: Vec<usize> = children(Some(c)).collect();
                view! {
                    <section class="chapter" id=format!("ch-{}", s.slug)>
                        <h2><a href=move || href(&format!("s/{}", s.slug), lang.get())>{move || s.title(lang.get())}</a></h2>
                        <Show when=move || { s.questions > 0 }>
                            <QuestionList section=c lang />
                        </Show>
                        {subs.into_iter().map(|x| view! { <SectionTree section=x lang /> }).collect_view()}
                    </section>
                }
            }).collect_view()}
        </div>
    }
}
