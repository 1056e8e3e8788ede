//! The app shell: router, theme, language, and the page for the current route.

use crate::catalogue::{question_index, section_index};
use crate::dom::document;
use crate::pages::{
    embed::EmbedPage,
    embed_guide::EmbedGuidePage,
    glossary::GlossaryPage,
    home::HomePage,
    lab::{LabPage, LabsPage},
    not_found::NotFoundPage,
    question::QuestionPage,
    section::SectionPage,
};
use crate::route::{Route, Router};
use crate::ui::header::{SiteFooter, SiteHeader};
use crate::ui::i18n::tr;
use crate::ui::theme::ThemeState;
use explorables_core::lang::Lang;
use leptos::prelude::*;

/// A page's `<title>`: its own name (none for the home page) and the site's.
pub fn page_title(name: Option<&str>, lang: Lang) -> String {
    match name {
        None => lang
            .pick("大模型面试 · 可交互讲解", "LLM Interview Explorables")
            .to_string(),
        Some(n) => format!(
            "{n} · {}",
            lang.pick("大模型面试", "LLM Interview Explorables")
        ),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let router = Router::install();
    provide_context(router);
    let theme = ThemeState::install();
    provide_context(theme);
    view! { <Shell /> }
}

/// Everything on a page, for the router and theme in context. The build renders the same
/// component to HTML for every route (see `prerender`), so the app takes over a page that
/// already looks exactly like what it renders.
#[component]
pub fn Shell() -> impl IntoView {
    let router = expect_context::<Router>();
    // Memos: a change of widget parameters in the query re-renders no page.
    let lang: Signal<Lang> = Memo::new(move |_| router.loc.with(|l| l.lang())).into();
    let route = Memo::new(move |_| router.loc.with(|l| l.route()));
    Effect::new(move |_| {
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute(
                "lang",
                if lang.get() == Lang::Zh {
                    "zh-CN"
                } else {
                    "en"
                },
            );
        }
    });
    let page = move || match route.get() {
        Route::Home => {
            Effect::new(move |_| document().set_title(&page_title(None, lang.get())));
            view! { <HomePage lang /> }.into_any()
        }
        Route::Section(slug) => match section_index(&slug) {
            Some(s) => view! { <SectionPage section=s lang /> }.into_any(),
            None => view! { <NotFoundPage path=format!("s/{slug}") lang /> }.into_any(),
        },
        Route::Question(slug) => match question_index(&slug) {
            Some(q) => view! { <QuestionPage question=q lang /> }.into_any(),
            None => view! { <NotFoundPage path=format!("q/{slug}") lang /> }.into_any(),
        },
        Route::Labs => view! { <LabsPage lang /> }.into_any(),
        Route::Glossary => view! { <GlossaryPage lang /> }.into_any(),
        Route::Lab(w) => view! { <LabPage widget=w lang /> }.into_any(),
        Route::Study => view! { <crate::pages::study::StudyPage lang /> }.into_any(),
        Route::EmbedGuide => view! { <EmbedGuidePage lang /> }.into_any(),
        Route::NotFound(p) => view! { <NotFoundPage path=p lang /> }.into_any(),
        Route::Embed(_) => ().into_any(),
    };
    move || match route.get() {
        Route::Embed(w) => view! { <EmbedPage widget=w lang /> }.into_any(),
        _ => view! {
            <a class="skip-link" href="#main">{tr(lang, "跳到正文", "Skip to content")}</a>
            <SiteHeader lang />
            <main id="main" tabindex="-1">{page}</main>
            <SiteFooter lang />
        }
        .into_any(),
    }
}
