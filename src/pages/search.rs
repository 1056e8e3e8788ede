//! The search box in the header of every page. Titles are searched at once (they are compiled
//! in); answers through the build-time index (`content/search/<lang>/`): the first query
//! fetches the metadata, then each query only the shards its terms hash to. The first results
//! show a snippet of the answer around the match (its plain text, `content/<lang>/<slug>.txt`),
//! highlighted with `<mark>` text nodes. `/` focuses the box, ↑/↓ move through the results,
//! Enter opens one (or, with none chosen, the home page with `?q=`, which keeps the query in
//! the URL).

use crate::catalogue::{concept_forms, QUESTIONS, SECTIONS};
use crate::content::{answer_text, search_file};
use crate::route::{href, href_with, Router};
use crate::ui::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::params::{build_query, get, parse_query};
use explorables_core::search::{plan, rank, snippet, Hit, Meta, Store};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;

/// Results listed at most; the status says how many matched.
const SHOWN: usize = 20;
/// Results that get a snippet (one small text file each).
const SNIPPETS: usize = 5;
/// How long typing must pause before the index files a query needs are fetched.
const LOAD_DELAY_MS: u64 = 180;

/// What this page has loaded, shared by every search box it shows (the header is rendered
/// again on each navigation; the loaded index stays).
#[derive(Default)]
struct Cache {
    /// Per language: the index, or why it is missing.
    stores: [Option<Result<Store, ()>>; 2],
    /// Files being fetched (`lang/name`), so none is fetched twice. (Plain vectors: a few
    /// entries, and the wasm stays smaller without BTree code.)
    pending: Vec<String>,
    /// (lang, slug, plain text of the answer; empty if it failed).
    texts: Vec<(usize, &'static str, String)>,
}

impl Cache {
    /// Marks `key` as being fetched; false if it already is.
    fn start(&mut self, key: &str) -> bool {
        if self.pending.iter().any(|k| k == key) {
            return false;
        }
        self.pending.push(key.to_string());
        true
    }

    fn finish(&mut self, key: &str) {
        self.pending.retain(|k| k != key);
    }

    fn text(&self, l: usize, slug: &str) -> Option<&String> {
        self.texts
            .iter()
            .find(|t| t.0 == l && t.1 == slug)
            .map(|t| &t.2)
    }
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

fn slot(l: Lang) -> usize {
    match l {
        Lang::Zh => 0,
        Lang::En => 1,
    }
}

/// The index to search: Chinese text is only in the Chinese answers, so a query with Chinese
/// characters searches those whatever the page language; otherwise the page language's.
fn index_lang(query: &str, page: Lang) -> Lang {
    if query.chars().any(explorables_core::search::tokens::is_han) {
        Lang::Zh
    } else {
        page
    }
}

fn titles() -> &'static [String] {
    static T: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        QUESTIONS
            .iter()
            .map(|q| format!("{}\n{}", q.zh, q.en))
            .collect()
    })
}

/// Starts fetching `name` of `lang`'s index unless it is loaded or on its way; `done` runs
/// with the text (or the error) and then `bump` is set so the results recompute.
type Done = Box<dyn FnOnce(&mut Cache, Result<String, ()>)>;

fn fetch_once(lang: Lang, name: String, bump: RwSignal<u32>, done: Done) {
    let key = format!("{}/{name}", lang.code());
    if !CACHE.with(|c| c.borrow_mut().start(&key)) {
        return;
    }
    spawn_local(async move {
        let r = search_file(lang, &name).await.map_err(|_| ());
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            c.finish(&key);
            done(&mut c, r);
        });
        bump.update(|v| *v += 1);
    });
}

/// Fetches what `query` still needs: the metadata, then the shards of its terms.
fn load_for(query: &str, lang: Lang, bump: RwSignal<u32>) {
    let i = slot(lang);
    let missing: Option<Vec<u32>> = CACHE.with(|c| match &c.borrow().stores[i] {
        None => None,
        Some(Err(())) => Some(Vec::new()),
        Some(Ok(store)) => Some(plan(query, concept_forms(), Some(store)).missing(store)),
    });
    match missing {
        None => fetch_once(
            lang,
            "meta".into(),
            bump,
            Box::new(move |c, r| {
                c.stores[i] = Some(
                    r.ok()
                        .and_then(|t| Meta::parse(&t, QUESTIONS.len()))
                        .map(Store::new)
                        .ok_or(()),
                );
            }),
        ),
        Some(shards) => {
            for k in shards {
                fetch_once(
                    lang,
                    k.to_string(),
                    bump,
                    Box::new(move |c, r| {
                        if let Some(Ok(store)) = &mut c.stores[i] {
                            if !r.is_ok_and(|t| store.add(k, &t)) {
                                store.add_empty(k);
                            }
                        }
                    }),
                );
            }
        }
    }
}

/// Where the answer index stands for a query.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Loading,
    Ready,
    Failed,
}

#[component]
pub fn SearchBox(lang: Signal<Lang>) -> impl IntoView {
    let router = expect_context::<Router>();
    let on_home = move || {
        router
            .loc
            .with(|l| l.page_path().trim_matches('/').is_empty())
    };
    let initial = router.loc.with_untracked(|l| {
        get(&parse_query(&l.query), "q")
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect::<String>()
    });
    let open = RwSignal::new(!initial.trim().is_empty());
    let query = RwSignal::new(initial);
    let active = RwSignal::new(None::<usize>);
    let bump = RwSignal::new(0u32);
    let wanted = Memo::new(move |_| query.with(|q| index_lang(q, lang.get())));

    // Fetch what the query needs once typing pauses (each prefix of a word typed letter by
    // letter would otherwise fetch its own shard).
    let typed = StoredValue::new(0u32);
    let last = StoredValue::new(None::<(String, Lang)>);
    Effect::new(move |_| {
        bump.track();
        let q = query.get();
        let l = wanted.get();
        if q.trim().is_empty() {
            return;
        }
        // A file arrived for the same query: fetch the next ones at once.
        if last.with_value(|v| v.as_ref() == Some(&(q.clone(), l))) {
            load_for(&q, l, bump);
            return;
        }
        last.set_value(Some((q.clone(), l)));
        typed.update_value(|g| *g += 1);
        let gen = typed.get_value();
        set_timeout(
            move || {
                if typed.try_get_value() == Some(gen) {
                    load_for(&q, l, bump);
                }
            },
            std::time::Duration::from_millis(LOAD_DELAY_MS),
        );
    });
    let results = Memo::new(move |_| {
        bump.track();
        let q = query.get();
        let l = wanted.get();
        CACHE.with(|c| {
            let c = c.borrow();
            let (store, state) = match &c.stores[slot(l)] {
                Some(Ok(s)) => {
                    let p = plan(&q, concept_forms(), Some(s));
                    let st = if p.missing(s).is_empty() {
                        State::Ready
                    } else {
                        State::Loading
                    };
                    (Some(s), st)
                }
                Some(Err(())) => (None, State::Failed),
                None => (None, State::Loading),
            };
            let p = plan(&q, concept_forms(), store);
            (rank(&p, titles(), concept_forms(), store), state)
        })
    });
    let hits = Memo::new(move |_| results.with(|r| r.0.clone()));
    // Snippet texts for the first results, once the ranking is final.
    Effect::new(move |_| {
        let (h, state) = results.with(|r| (r.0.clone(), r.1));
        if state != State::Ready {
            return;
        }
        let l = wanted.get();
        for hit in h.iter().take(SNIPPETS) {
            let q = &QUESTIONS[hit.question];
            if !q.answered(l) || CACHE.with(|c| c.borrow().text(slot(l), q.slug).is_some()) {
                continue;
            }
            let key = format!("text/{}/{}", l.code(), q.slug);
            if !CACHE.with(|c| c.borrow_mut().start(&key)) {
                continue;
            }
            let slug = q.slug;
            spawn_local(async move {
                let t = answer_text(l, slug).await.unwrap_or_default();
                CACHE.with(|c| {
                    let mut c = c.borrow_mut();
                    c.finish(&key);
                    c.texts.push((slot(l), slug, t));
                });
                bump.update(|v| *v += 1);
            });
        }
    });
    let snippet_of = move |hit: &Hit| -> Option<Vec<(String, bool)>> {
        let l = wanted.get_untracked();
        let q = &QUESTIONS[hit.question];
        let text = CACHE.with(|c| c.borrow().text(slot(l), q.slug).cloned())?;
        if text.is_empty() {
            return None;
        }
        let store_plan = CACHE.with(|c| match &c.borrow().stores[slot(l)] {
            Some(Ok(s)) => plan(&query.get_untracked(), concept_forms(), Some(s)),
            _ => plan(&query.get_untracked(), concept_forms(), None),
        });
        let (main, pairs) = store_plan.highlights(concept_forms());
        Some(snippet(&text, &main, &pairs))
    };

    let target = move |i: usize| -> Option<String> {
        hits.with(|h| {
            h.get(i)
                .map(|hit| href(&format!("q/{}", QUESTIONS[hit.question].slug), lang.get()))
        })
    };
    let on_input = move |ev| {
        let v: String = event_target_value(&ev).chars().take(200).collect();
        if on_home() {
            let params = if v.trim().is_empty() {
                String::new()
            } else {
                build_query(&[("q", v.clone())])
            };
            explorables_widgets::host::sync_url(&params);
        }
        active.set(None);
        open.set(true);
        query.set(v);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let n = hits.with(|h| h.len().min(SHOWN));
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Escape" => {
                open.set(false);
                active.set(None);
            }
            "Enter" => {
                ev.prevent_default();
                let q = query.get_untracked();
                let url = match active.get_untracked().and_then(target) {
                    Some(url) => url,
                    None if !q.trim().is_empty() => {
                        href_with("", lang.get_untracked(), &build_query(&[("q", q)]))
                    }
                    None => return,
                };
                open.set(false);
                router.push(&url);
            }
            _ => {}
        }
    };
    install_slash_key();
    let status = move || {
        let n = hits.with(Vec::len);
        let l = lang.get();
        let partial = results.with(|r| match r.1 {
            State::Ready => "",
            State::Failed => l.pick(
                "（正文索引加载失败，只搜了标题）",
                " (the answer index did not load: titles only)",
            ),
            State::Loading => l.pick("（正在加载正文索引……）", " (loading the answer index…)"),
        });
        match l {
            Lang::Zh => format!("{n} 个结果{partial}"),
            Lang::En => format!("{n} result{}{partial}", if n == 1 { "" } else { "s" }),
        }
    };
    let shown = move || open.get() && query.with(|q| !q.trim().is_empty());
    view! {
        <div class="site-search" role="search"
            on:focusout=move |ev: web_sys::FocusEvent| {
                use wasm_bindgen::JsCast;
                let inside = ev
                    .related_target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .zip(ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()))
                    .is_some_and(|(t, me)| me.contains(Some(&t)));
                if !inside {
                    open.set(false);
                }
            }>
            <label>
                <span class="visually-hidden">{tr(lang, "搜索题目和解答", "Search the questions and answers")}</span>
                <input type="search" id="site-search" data-testid="search" autocomplete="off" spellcheck="false"
                    role="combobox" aria-autocomplete="list" aria-controls="search-results"
                    aria-expanded=move || shown().to_string()
                    aria-activedescendant=move || active.get().map(|i| format!("search-result-{i}")).unwrap_or_default()
                    placeholder=tr(lang, "搜索（/）：RoPE、混合专家、KV 缓存…", "Search (/): RoPE, MoE, KV cache…")
                    prop:value=query on:input=on_input on:keydown=on_key
                    on:focus=move |_| open.set(true) />
            </label>
            <Show when=shown>
                <div class="search-panel" on:mousedown=|ev: web_sys::MouseEvent| ev.prevent_default()>
                    <p class="search-status" role="status" data-testid="search-status"
                        data-count=move || hits.with(Vec::len).to_string()>{status}</p>
                    <ol class="search-results" id="search-results" role="listbox" data-testid="search-results">
                        {move || { bump.track(); hits.with(|h| h.iter().take(SHOWN).enumerate().map(|(i, hit)| {
                            let q = &QUESTIONS[hit.question];
                            let section = &SECTIONS[q.section];
                            let pieces = if i < SNIPPETS { snippet_of(hit) } else { None };
                            view! {
                                <li role="none" class:active=move || active.get() == Some(i)>
                                    <a href=move || href(&format!("q/{}", q.slug), lang.get())
                                        role="option" id=format!("search-result-{i}")
                                        aria-selected=move || (active.get() == Some(i)).to_string()
                                        data-search-result="" data-slug=q.slug tabindex="-1"
                                        on:click=move |_| open.set(false)>
                                        <span class="search-title">{move || q.title(lang.get())}</span>
                                        <span class="muted search-section">{move || section.title(lang.get())}</span>
                                        {pieces.map(|p| view! {
                                            <span class="search-snippet" data-testid="search-snippet">
                                                {p.into_iter().map(|(text, hi)| if hi {
                                                    view! { <mark>{text}</mark> }.into_any()
                                                } else {
                                                    text.into_any()
                                                }).collect_view()}
                                            </span>
                                        })}
                                    </a>
                                </li>
                            }
                        }).collect_view()) }}
                    </ol>
                </div>
            </Show>
        </div>
    }
}

/// `/` anywhere on the page (outside a text field) focuses the search box.
fn install_slash_key() {
    #[cfg(not(feature = "ssr"))]
    {
        use wasm_bindgen::JsCast;
        thread_local! {
            static SLASH_KEY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        }
        if SLASH_KEY.with(|s| s.replace(true)) {
            return;
        }
        let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(
            |ev: web_sys::KeyboardEvent| {
                if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                    return;
                }
                let typing = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                            || el.closest("[contenteditable]").ok().flatten().is_some()
                    });
                if typing {
                    return;
                }
                if let Some(input) = crate::dom::document()
                    .get_element_by_id("site-search")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    ev.prevent_default();
                    let _ = input.focus();
                }
            },
        );
        let _ = crate::dom::window()
            .add_event_listener_with_callback("keydown", handler.as_ref().unchecked_ref());
        handler.forget();
    }
}
