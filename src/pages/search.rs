//! Search over every question: titles at once (they are compiled in), answers through the
//! build-time index `content/search-<lang>.txt`, fetched the first time a reader searches.
//! The query lives in the URL (`/?q=…`), so a search can be shared.

use crate::catalogue::{QUESTIONS, SECTIONS};
use crate::content::search_index;
use crate::route::{href, Router};
use crate::ui::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::params::{build_query, get, parse_query};
use explorables_core::search::{search, Index};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Results shown at most; the count says how many matched.
const SHOWN: usize = 60;

/// Where one language's answer index stands.
#[derive(Clone, Debug, PartialEq)]
enum Slot {
    Idle,
    Loading,
    Ready(Index),
    Failed,
}

/// The index to search: Chinese text is only in the Chinese answers, so a query with Chinese
/// characters searches those whatever the page language; otherwise the page language's.
fn index_lang(query: &str, page: Lang) -> Lang {
    if query
        .chars()
        .any(|c| ('\u{3400}'..='\u{9fff}').contains(&c))
    {
        Lang::Zh
    } else {
        page
    }
}

fn slot(l: Lang) -> usize {
    match l {
        Lang::Zh => 0,
        Lang::En => 1,
    }
}

#[component]
pub fn SearchBox(lang: Signal<Lang>) -> impl IntoView {
    let router = expect_context::<Router>();
    let initial = router.loc.with_untracked(|l| {
        get(&parse_query(&l.query), "q")
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect::<String>()
    });
    let query = RwSignal::new(initial);
    let slots = RwSignal::new([Slot::Idle, Slot::Idle]);
    let wanted = Memo::new(move |_| query.with(|q| index_lang(q, lang.get())));
    let titles = StoredValue::new(
        QUESTIONS
            .iter()
            .map(|q| format!("{}\n{}", q.zh, q.en))
            .collect::<Vec<String>>(),
    );

    // Fetch an answer index the first time a query needs it.
    Effect::new(move |_| {
        let l = wanted.get();
        if query.with(|q| q.trim().is_empty()) || slots.with_untracked(|s| s[slot(l)] != Slot::Idle)
        {
            return;
        }
        slots.update(|s| s[slot(l)] = Slot::Loading);
        spawn_local(async move {
            let next = match search_index(l).await {
                Ok(text) => Index::parse(&text, QUESTIONS.len()).map_or(Slot::Failed, Slot::Ready),
                Err(_) => Slot::Failed,
            };
            slots.update(|s| s[slot(l)] = next);
        });
    });

    let hits = Memo::new(move |_| {
        let q = query.get();
        let l = wanted.get();
        slots.with(|s| {
            let ix = match &s[slot(l)] {
                Slot::Ready(ix) => Some(ix),
                _ => None,
            };
            titles.with_value(|t| search(&q, t, ix))
        })
    });
    let on_input = move |ev| {
        let v: String = event_target_value(&ev).chars().take(200).collect();
        let params = if v.trim().is_empty() {
            String::new()
        } else {
            build_query(&[("q", v.clone())])
        };
        explorables_widgets::host::sync_url(&params);
        query.set(v);
    };
    let status = move || {
        let n = hits.with(Vec::len);
        let l = lang.get();
        let w = wanted.get();
        let partial = slots.with(|s| match &s[slot(w)] {
            Slot::Ready(_) => "",
            Slot::Failed => l.pick(
                "（正文索引加载失败，只搜了标题）",
                " (the answer index did not load: titles only)",
            ),
            _ => l.pick("（正在加载正文索引……）", " (loading the answer index…)"),
        });
        match l {
            Lang::Zh => format!("{n} 个结果{partial}"),
            Lang::En => format!("{n} result{}{partial}", if n == 1 { "" } else { "s" }),
        }
    };
    view! {
        <div class="site-search" role="search">
            <label>
                <span>{tr(lang, "搜索题目和解答", "Search the questions and answers")}</span>
                <input type="search" data-testid="search" autocomplete="off" spellcheck="false"
                    placeholder=tr(lang, "例如：GQA、RoPE、位置编码、GRPO", "e.g. GQA, RoPE, KV cache, GRPO")
                    prop:value=query on:input=on_input />
            </label>
            <Show when=move || query.with(|q| !q.trim().is_empty())>
                <p class="search-status" role="status" data-testid="search-status"
                    data-count=move || hits.with(Vec::len).to_string()>{status}</p>
                <ol class="search-results" data-testid="search-results">
                    {move || hits.with(|h| h.iter().take(SHOWN).map(|hit| {
                        let q = &QUESTIONS[hit.question];
                        let section = &SECTIONS[q.section];
                        view! {
                            <li>
                                <a href=move || href(&format!("q/{}", q.slug), lang.get())>{move || q.title(lang.get())}</a>
                                <span class="muted">{move || section.title(lang.get())}</span>
                            </li>
                        }
                    }).collect_view())}
                </ol>
            </Show>
        </div>
    }
}
