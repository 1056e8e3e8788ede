//! Study mode's hosts in the site. Study mode's UI is its own wasm module (`widgets/study.js`,
//! built from `crates/widgets/src/study/`), so the site renders only static HTML for it and
//! loads the module when it is needed:
//! - under every answer a static rating bar; a click on a rating loads the module and mounts
//!   it in `rate` mode with that rating applied;
//! - for a reader who already has progress (`localStorage` holds [`KEY`]) the question page
//!   mounts `rate` mode and the home page `progress` mode once the page is up;
//! - `/study/` always mounts `page` mode over its pre-rendered explanation.
//!
//! A new reader who never rates downloads nothing more. The hosts are not widgets
//! (`.study-host[data-study]`, not `.widget-host[data-widget]`): the widgets-first loader and
//! `widgets::implemented` never see them. The host gets `data-ready` once the module is mounted.

use crate::widgets::{load_and_mount, unmount};
use explorables_core::lang::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The `localStorage` key study mode keeps the progress under (`explorables_widgets::study::store`).
pub const KEY: &str = "llmx-study";

/// Whether this browser has study progress (a cheap check: the module is not loaded for it).
pub fn has_progress() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        matches!(
            crate::dom::window()
                .local_storage()
                .ok()
                .flatten()
                .map(|s| s.get_item(KEY)),
            Some(Ok(Some(_)))
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Loads the study module into `el` in `mode`, unless `el` left the page meanwhile.
fn start(
    el: web_sys::HtmlElement,
    mode: &'static str,
    params: String,
    lang: Lang,
    handle: StoredValue<Option<JsValue>, LocalStorage>,
) {
    // `/study/`'s module mounted before the app started (`__llmxWidgetsFirst`): take it over.
    if let Some(h) = crate::widgets::early::adopt("study", mode, &el) {
        let _ = el.set_attribute("data-ready", "");
        handle.set_value(Some(h));
        return;
    }
    leptos::task::spawn_local(async move {
        match load_and_mount(el.clone(), "study", &params, lang, mode).await {
            Ok(h) if el.is_connected() => {
                let _ = el.set_attribute("data-ready", "");
                if let Some(old) = handle.try_get_value().flatten() {
                    unmount(&old);
                }
                handle.try_set_value(Some(h));
            }
            Ok(h) => unmount(&h),
            Err(e) => el.set_text_content(Some(&format!(
                "{}{}",
                lang.pick("学习模式加载失败：", "Study mode failed to load: "),
                e.as_string().unwrap_or_default()
            ))),
        }
    });
}

/// A place for study mode: `fallback(lang)` is shown until the module is mounted (and is what
/// the pre-rendered page shows). `eager`: mount once the page is up; otherwise on a click on a
/// `[data-rate]` button inside. Mounted again when the language changes.
#[component]
pub fn StudyHost(
    mode: &'static str,
    params: String,
    lang: Signal<Lang>,
    eager: bool,
    fallback: fn(Lang) -> AnyView,
) -> impl IntoView {
    let host = NodeRef::<leptos::html::Div>::new();
    let handle = StoredValue::new_local(None::<JsValue>);
    // What to add to `params` when mounting (`rate=good` once), or `None`: not wanted yet.
    let wanted = RwSignal::new(eager.then(String::new));
    // One rating from the static bar (a click before the module is up, eager or not); the
    // module's own buttons (`data-rate` too) handle theirs.
    let taken = StoredValue::new(false);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        if taken.get_value() || handle.with_value(Option::is_some) {
            return;
        }
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-rate]").ok().flatten());
        if let Some(code) = button.and_then(|b| b.get_attribute("data-rate")) {
            if let Some(status) = host
                .get_untracked()
                .and_then(|h| h.query_selector(".rate-status").ok().flatten())
            {
                status.set_text_content(Some(lang.get_untracked().pick("正在加载…", "Loading…")));
            }
            taken.set_value(true);
            wanted.set(Some(format!("&rate={code}")));
        }
    };
    Effect::new(move |first: Option<()>| {
        let l = lang.get();
        let Some(extra) = wanted.get() else { return };
        let Some(el) = host.get() else { return };
        // The rating is applied once: a later mount (another language) shows the bar only.
        wanted.update_untracked(|w| *w = Some(String::new()));
        let p = format!("{params}{extra}");
        let el: web_sys::HtmlElement = el.into();
        if first.is_none() && eager && mode != "page" {
            // After the page (and its widget) is up.
            set_timeout(
                move || start(el, mode, p, l, handle),
                std::time::Duration::from_millis(0),
            );
        } else {
            start(el, mode, p, l, handle);
        }
    });
    on_cleanup(move || {
        if let Some(h) = handle.try_get_value().flatten() {
            unmount(&h);
        }
    });
    move || {
        let l = lang.get();
        view! { <div class="study-host" data-study=mode node_ref=host on:click=on_click>{fallback(l)}</div> }
    }
}

fn rate_label(code: &str, lang: Lang) -> &'static str {
    match code {
        "again" => lang.pick("没想起来", "Again"),
        "hard" => lang.pick("很吃力", "Hard"),
        "good" => lang.pick("想起来了", "Good"),
        _ => lang.pick("很轻松", "Easy"),
    }
}

/// The rating bar as the site renders it (before the module shows intervals and the next review).
fn static_rate_bar(l: Lang) -> AnyView {
    view! {
        <section class="rate-bar" aria-labelledby="rate-title">
            <h2 id="rate-title">{l.pick("自评", "Rate yourself")}</h2>
            <p class="rate-hint">{l.pick(
                "先合上答案想一想，再看答案，然后诚实地给自己打分：间隔重复（FSRS）会在你快忘的时候再考你。进度只存在本浏览器里。",
                "Think of your answer before reading it, then rate yourself honestly: spaced repetition (FSRS) asks again just before you would forget. Progress stays in this browser.")}</p>
            <div class="rate-buttons" role="group" aria-label=l.pick("自评", "Rate yourself")>
                {["again", "hard", "good", "easy"].map(|g| view! {
                    <button type="button" class=format!("rate rate-{g}") data-rate=g>
                        <span>{rate_label(g, l)}</span>
                        // The interval line the module fills in (kept: no shift on takeover).
                        <small>"\u{a0}"</small>
                    </button>
                })}
            </div>
            <p class="rate-status" data-testid="rate-status"></p>
        </section>
    }
    .into_any()
}

/// The rating bar under an answer.
#[component]
pub fn RateHost(slug: &'static str, lang: Signal<Lang>) -> impl IntoView {
    view! { <StudyHost mode="rate" params=format!("slug={slug}") lang eager=has_progress() fallback=static_rate_bar /> }
}

/// The home page's per-chapter progress: only for a reader who has some.
#[component]
pub fn HomeProgress(lang: Signal<Lang>) -> impl IntoView {
    has_progress().then(|| {
        view! { <StudyHost mode="progress" params=String::new() lang eager=true fallback=|_| ().into_any() /> }
    })
}
