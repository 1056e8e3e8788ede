//! A chapter or section page: its sub-sections and questions.

use crate::catalogue::{ancestry, children, SECTIONS};
use crate::pages::home::{QuestionList, SectionTree};
use crate::route::href;
use crate::ui::i18n::tr;
use explorables_core::lang::Lang;
use leptos::prelude::*;

#[component]
pub fn Breadcrumb(sections: Vec<usize>, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <nav class="breadcrumb" aria-label=tr(lang, "位置", "Breadcrumb")>
            <a href=move || href("", lang.get())>{tr(lang, "首页", "Home")}</a>
            {sections.into_iter().map(|i| {
                let s = &SECTIONS[i];
                view! { <span aria-hidden="true">" › "</span><a href=move || href(&format!("s/{}", s.slug), lang.get())>{move || s.title(lang.get())}</a> }
            }).collect_view()}
        </nav>
    }
}

#[component]
pub fn SectionPage(section: usize, lang: Signal<Lang>) -> impl IntoView {
    let s = &SECTIONS[section];
    let mut chain = ancestry(section);
    chain.pop();
    let subs: Vec<usize> = children(Some(section)).collect();
    Effect::new(move |_| {
        crate::dom::document().set_title(&crate::app::page_title(
            Some(s.title(lang.get())),
            lang.get(),
        ))
    });
    view! {
        <article class="section-page">
            <Breadcrumb sections=chain lang />
            <h1>{move || s.title(lang.get())}</h1>
            <p class="other-lang">{move || lang.get().pick(s.en, s.zh)}</p>
            <Show when=move || { s.questions > 0 }>
                <QuestionList section lang />
            </Show>
            {subs.into_iter().map(|c| view! { <SectionTree section=c lang /> }).collect_view()}
        </article>
    }
}
