//! Site header (title, navigation, language switch, theme toggle) and footer.

use crate::catalogue;
use crate::pages::search::SearchBox;
use crate::route::{href, href_with, use_router};
use crate::ui::i18n::tr;
use crate::ui::theme::ThemeToggle;
use explorables_core::lang::Lang;
use leptos::prelude::*;

/// Always-visible language switch: same page, other language, other params kept.
#[component]
pub fn LangSwitch(lang: Signal<Lang>) -> impl IntoView {
    let router = use_router();
    let target = move || {
        let loc = router.loc.get();
        let other = if lang.get() == Lang::Zh {
            Lang::En
        } else {
            Lang::Zh
        };
        href_with(loc.page_path(), other, &loc.params_query())
    };
    view! {
        <a class="lang-switch" href=target data-testid="lang-switch"
            hreflang=move || if lang.get() == Lang::Zh { "en" } else { "zh" }
            lang=move || if lang.get() == Lang::Zh { "en" } else { "zh" }>
            {move || if lang.get() == Lang::Zh { "English" } else { "中文" }}
        </a>
    }
}

#[component]
pub fn SiteHeader(lang: Signal<Lang>) -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="brand" href=move || href("", lang.get())>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                {tr(lang, "大模型面试 · 可交互讲解", "LLM Interview Explorables")}
            </a>
            <SearchBox lang />
            <nav class="site-nav" aria-label=tr(lang, "主导航", "Main")>
                <a href=move || href("", lang.get())>{tr(lang, "题目", "Questions")}</a>
                <a href=move || href("lab", lang.get())>{tr(lang, "实验室", "Labs")}</a>
                <a href=move || href("glossary", lang.get())>{tr(lang, "术语表", "Glossary")}</a>
                <a href=move || href("study", lang.get())>{tr(lang, "学习", "Study")}</a>
                <LangSwitch lang />
                <ThemeToggle lang />
            </nav>
        </header>
    }
}

#[component]
pub fn SiteFooter(lang: Signal<Lang>) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                {move || match lang.get() {
                    Lang::Zh => format!("{} · {} 道题，已解答 {} 道。所有组件均在浏览器中用 Rust 计算，状态保存在链接里。",
                        catalogue::title(Lang::Zh), catalogue::QUESTIONS.len(), catalogue::answered_count(Lang::Zh)),
                    Lang::En => format!("{} · {} questions, {} answered. Every widget computes in Rust in your browser and keeps its state in the link.",
                        catalogue::title(Lang::En), catalogue::QUESTIONS.len(), catalogue::answered_count(Lang::En)),
                }}
            </p>
        </footer>
    }
}
