//! The friendly not-found page.

use crate::dom::document;
use crate::route::href;
use crate::ui::i18n::tr;
use explorables_core::lang::Lang;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage(path: String, lang: Signal<Lang>) -> impl IntoView {
    Effect::new(move |_| document().set_title(lang.get().pick("找不到页面", "Page not found")));
    view! {
        <article class="not-found" data-testid="not-found">
            <h1>{tr(lang, "找不到这个页面", "This page does not exist")}</h1>
            <p>{tr(lang, "链接可能拼错了，或者题目已改名：", "The link may be mistyped, or the question was renamed: ")}<code>{path.clone()}</code></p>
            <p><a class="button" href=move || href("", lang.get())>{tr(lang, "回到首页", "Back to the home page")}</a></p>
        </article>
    }
}
