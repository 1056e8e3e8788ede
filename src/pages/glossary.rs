//! The glossary (`/glossary/`, `/en/glossary/`): every entry of `data/glossary.toml` with its
//! Chinese and English names and abbreviations, linked to the answers that explain it. Search
//! uses the same entries to expand a query.

use crate::catalogue::{GLOSSARY, QUESTIONS};
use crate::dom::document;
use crate::route::{href, href_with};
use crate::ui::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::params::build_query;
use leptos::prelude::*;

#[component]
pub fn GlossaryPage(lang: Signal<Lang>) -> impl IntoView {
    Effect::new(move |_| {
        document().set_title(&crate::app::page_title(
            Some(lang.get().pick("术语表", "Glossary")),
            lang.get(),
        ))
    });
    view! {
        <article class="glossary">
            <h1>{tr(lang, "术语表", "Glossary")}</h1>
            <p>{tr(lang,
                "每个术语的中文名、英文名和缩写。搜索时它们互为同义词：搜“旋转位置编码”也会找到只写了 RoPE 的解答。",
                "Each term's Chinese and English names and abbreviations. Search treats them as synonyms: “rotary position embedding” also finds answers that only write RoPE.")}</p>
            <dl class="glossary-list" data-testid="glossary">
                {GLOSSARY.iter().enumerate().map(|(i, e)| {
                    let name = move || match lang.get() {
                        Lang::Zh => e.zh[0],
                        Lang::En => e.en[0],
                    };
                    let other = move || match lang.get() {
                        Lang::Zh => e.en.join(" · "),
                        Lang::En => e.zh.join(" · "),
                    };
                    let search = move || href_with("", lang.get(), &build_query(&[("q", e.abbr.first().copied().unwrap_or(e.en[0]).to_string())]));
                    let slugs = e.links.iter().map(|&q| QUESTIONS[q].slug).collect::<Vec<_>>().join(" ");
                    view! {
                        <div class="glossary-entry" id=format!("term-{i}") data-key=format!("term-{i}")
                            data-value=slugs>
                            <dt>
                                <span class="glossary-name">{name}</span>
                                {(!e.abbr.is_empty()).then(|| view! { <span class="glossary-abbr">{e.abbr.join(" · ")}</span> })}
                                <span class="muted glossary-other">{other}</span>
                            </dt>
                            <dd>
                                <ul class="glossary-links">
                                    {e.links.iter().map(|&q| {
                                        let q = &QUESTIONS[q];
                                        view! { <li><a href=move || href(&format!("q/{}", q.slug), lang.get())>{move || q.title(lang.get())}</a></li> }
                                    }).collect_view()}
                                    <li><a class="muted" href=search>{tr(lang, "搜索全部 →", "search all →")}</a></li>
                                </ul>
                            </dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
        </article>
    }
}
