//! `/study/`: today's due questions, new questions by chapter, the streak, the computed cards,
//! and the reader's data (export, import, forget everything). Pre-rendered as a shell with
//! zeros; the live app fills in the progress stored in this browser.

use super::card_view::CardView;
use super::catalogue::{chapter_questions, chapters, href, QUESTIONS, SECTIONS};
use super::store::{export_text, BACKUP_KEY};
use super::{StoreNotice, Study};
use explorables_core::lang::Lang;
use leptos::prelude::*;

/// New questions listed per chapter at most.
const NEW_PER_CHAPTER: usize = 3;

fn notice_text(n: &StoreNotice, lang: Lang) -> String {
    match (n, lang) {
        (StoreNotice::Corrupt(e), Lang::Zh) => format!(
            "本浏览器里保存的学习进度无法读取（{}），已从头开始。原数据保留在 localStorage 的 “{BACKUP_KEY}” 里。",
            e.to_zh()
        ),
        (StoreNotice::Corrupt(e), Lang::En) => format!(
            "The study progress stored in this browser could not be read ({e}); starting fresh. The old data is kept in localStorage under “{BACKUP_KEY}”."
        ),
        (StoreNotice::Unavailable, l) => l
            .pick(
                "这个浏览器不允许本站存储数据（隐私模式或已被阻止）：自评不会被保存。",
                "This browser does not let the site store data (private mode or blocked): ratings will not be saved.",
            )
            .into(),
        (StoreNotice::SaveFailed, l) => l
            .pick(
                "保存进度失败（存储已满或被阻止）。",
                "Saving the progress failed (storage full or blocked).",
            )
            .into(),
        (StoreNotice::ImportFailed(e), Lang::Zh) => {
            format!("导入失败：{}。现有进度没有改变。", e.to_zh())
        }
        (StoreNotice::ImportFailed(e), Lang::En) => {
            format!("Import failed: {e}. Your progress is unchanged.")
        }
        (StoreNotice::Imported(k), Lang::Zh) => format!("已导入：{k} 道题的进度。"),
        (StoreNotice::Imported(k), Lang::En) => format!("Imported the progress of {k} questions."),
        (StoreNotice::Forgotten, l) => l
            .pick("已清除本浏览器里的全部学习进度。", "Everything this browser stored about your study is forgotten.")
            .into(),
    }
}

/// The notice about stored data (also shown on the home page).
/// The page's title, as the pre-rendered page shows it too.
pub fn title(l: Lang) -> &'static str {
    l.pick("学习", "Study")
}

/// The page's opening paragraph, as the pre-rendered page shows it too.
pub fn lead(l: Lang) -> &'static str {
    l.pick(
        "间隔重复：在每道题的页面底部给自己打分（没想起来 / 很吃力 / 想起来了 / 很轻松），FSRS 算法安排下次复习。进度只保存在这个浏览器里，可以导出到别的设备。",
        "Spaced repetition: rate yourself at the bottom of any question (Again / Hard / Good / Easy) and the FSRS algorithm schedules the next review. Progress stays in this browser; export it to move it to another device.",
    )
}

/// The labels of the counters (`data-key` reviewed, due, streak).
pub fn stat_label(key: &str, l: Lang) -> &'static str {
    match key {
        "reviewed" => l.pick("已自评的题", "questions rated"),
        "due" => l.pick("今天要复习", "due today"),
        _ => l.pick("连续学习天数", "day streak"),
    }
}

#[component]
pub fn StudyNotice(lang: Lang) -> impl IntoView {
    let study = Study::global();
    move || {
        study.notice.get().map(|n| {
            let kind = match n {
                StoreNotice::Corrupt(_) => "corrupt",
                StoreNotice::Unavailable => "unavailable",
                StoreNotice::SaveFailed => "save-failed",
                StoreNotice::ImportFailed(_) => "import-failed",
                StoreNotice::Imported(_) => "imported",
                StoreNotice::Forgotten => "forgotten",
            };
            view! {
                <div class="notice study-notice" role="status" data-testid="study-notice" data-kind=kind>
                    <span>{notice_text(&n, lang)}</span>
                    <button type="button" class="link-button" on:click=move |_| study.notice.set(None)>
                        {lang.pick("知道了", "Dismiss")}
                    </button>
                </div>
            }
        })
    }
}

/// Downloads the progress as a JSON file.
fn export(study: Study) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let text = study.progress.with_untracked(export_text);
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&text));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("application/json");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        let day = super::store::day_text(super::store::today());
        if let Some(a) = crate::dom::document()
            .create_element("a")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            a.set_href(&url);
            a.set_download(&format!("llm-explorables-study-{day}.json"));
            let _ = a.set_attribute("data-external", "");
            a.click();
        }
        // Revoked a little later: some browsers read the blob after `click` returns.
        set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(5),
        );
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (study, export_text);
}

/// Reads the chosen file and imports it.
fn import(study: Study, ev: leptos::ev::Event) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            match text.ok().and_then(|t| t.as_string()) {
                Some(t) => study.import(&t),
                None => study.import(""),
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (study, ev);
}

#[component]
pub fn StudyPage(lang: Lang) -> impl IntoView {
    let study = Study::global();
    let reviewed = Memo::new(move |_| study.progress.with(|p| p.reviewed()));
    let due: Memo<Vec<String>> = Memo::new(move |_| {
        let today = study.today.get();
        study
            .progress
            .with(|p| p.due(today).into_iter().map(str::to_string).collect())
    });
    let streak = Memo::new(move |_| study.progress.with(|p| p.streak(study.today.get())));
    let confirm = RwSignal::new(false);
    let chapters: Vec<usize> = chapters().collect();
    let cards = RwSignal::new(None::<Result<Vec<_>, String>>);
    leptos::task::spawn_local(async move {
        let r = super::cards::fetch().await;
        cards.set(Some(r));
    });
    let n_cards =
        move || cards.with(|c| c.as_ref().and_then(|r| r.as_ref().ok()).map_or(0, Vec::len));
    let stat = move |key: &'static str, label: &'static str, v: Signal<String>| {
        view! {
            <div class="stat">
                <span class="stat-value" data-key=key data-value=v>{v}</span>
                <span class="stat-label">{label}</span>
            </div>
        }
    };
    // The site mounts the page again when the language changes: the text is plain strings.
    {
        let l = lang;
        view! {
            <article class="study-page">
                <h1>{title(l)}</h1>
                <p class="lead">{lead(l)}</p>
                <StudyNotice lang=l />
                <div class="study-stats">
                    {stat("reviewed", stat_label("reviewed", l), Signal::derive(move || reviewed.get().to_string()))}
                    {stat("due", stat_label("due", l), Signal::derive(move || due.with(Vec::len).to_string()))}
                    {stat("streak", stat_label("streak", l), Signal::derive(move || streak.get().to_string()))}
                </div>

                <section class="study-due">
                    <h2>{l.pick("今天要复习", "Due today")}</h2>
                    <Show when=move || due.with(|d| !d.is_empty())
                        fallback=move || view! { <p class="muted" data-testid="due-empty">{l.pick("今天没有要复习的题。", "Nothing is due today.")}</p> }>
                        <ol class="due-list" data-testid="due-list">
                            {move || due.get().into_iter().filter_map(|slug| {
                                let q = super::catalogue::question_index(&slug).map(|i| &QUESTIONS[i])?;
                                Some(view! {
                                    <li data-slug=q.slug><a href=href(&format!("q/{}", q.slug), l, "")>{q.title(l)}</a></li>
                                })
                            }).collect_view()}
                        </ol>
                    </Show>
                </section>

                <section class="study-new">
                    <h2>{l.pick("按章节的新题", "New questions by chapter")}</h2>
                    <ul class="chapter-progress-list">
                        {chapters.into_iter().map(|c| {
                            let s = &SECTIONS[c];
                            let qs = chapter_questions(c);
                            let total = qs.len();
                            let qs = StoredValue::new(qs);
                            let done = Memo::new(move |_| study.progress.with(|p| qs.with_value(|qs| qs.iter().filter(|&&i| p.cards.contains_key(QUESTIONS[i].slug)).count())));
                            let fresh = move || {
                                study.progress.with(|p| qs.with_value(|qs| qs.iter()
                                    .map(|&i| &QUESTIONS[i])
                                    .filter(|q| q.answered(l) && !p.cards.contains_key(q.slug))
                                    .take(NEW_PER_CHAPTER)
                                    .map(|q| view! { <li><a href=href(&format!("q/{}", q.slug), l, "")>{q.title(l)}</a></li> })
                                    .collect_view()))
                            };
                            view! {
                                <li class="chapter-row" data-chapter=s.slug>
                                    <div class="chapter-head">
                                        <a href=href(&format!("s/{}", s.slug), l, "")>{s.title(l)}</a>
                                        <span class="chapter-count" data-key="chapter-reviewed" data-value=move || done.get().to_string()>
                                            {move || format!("{} / {total}", done.get())}
                                        </span>
                                    </div>
                                    <progress max=total value=move || done.get() aria-label=s.title(l)></progress>
                                    <ul class="new-list">{fresh}</ul>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>

                <section class="study-cards">
                    <h2>{l.pick("计算题", "Computed cards")}</h2>
                    <p>{move || match l {
                        Lang::Zh => format!("{} 道面试官爱问的数字题，答案由本站组件所用的同一套 Rust 代码算出。可以带单位作答（4 GiB、4096 MiB、3.3B、91.7%），每题都链接到能看到原因的组件状态。", n_cards()),
                        Lang::En => format!("{} questions interviewers ask for a number, answered by the same Rust the widgets run. Type units if you like (4 GiB, 4096 MiB, 3.3B, 91.7%); each card links to the widget state that shows why.", n_cards()),
                    }}</p>
                    {move || match cards.get() {
                        None => view! { <p class="loading" data-testid="cards-loading">{l.pick("正在加载计算题…", "Loading the cards…")}</p> }.into_any(),
                        Some(Err(e)) => view! { <p class="error">{l.pick("计算题加载失败：", "Could not load the cards: ")}{e}</p> }.into_any(),
                        Some(Ok(list)) => view! {
                            <ol class="card-list" data-testid="card-list">
                                {list.into_iter().map(|card| view! { <CardView card lang=l /> }).collect_view()}
                            </ol>
                        }.into_any(),
                    }}
                </section>

                <section class="study-data">
                    <h2>{l.pick("你的数据", "Your data")}</h2>
                    <p class="muted">{l.pick("进度只存在这个浏览器的 localStorage 里，不会上传。导出的 JSON 文件可以在另一台设备上导入。", "Your progress lives only in this browser's localStorage and is never uploaded. Import the exported JSON file on another device.")}</p>
                    <div class="data-buttons">
                        <button type="button" data-testid="export" on:click=move |_| export(study)>{l.pick("导出 JSON", "Export JSON")}</button>
                        <label class="button-like">
                            <span>{l.pick("导入 JSON…", "Import JSON…")}</span>
                            <input type="file" accept="application/json,.json" data-testid="import" class="visually-hidden"
                                on:change=move |ev| import(study, ev) />
                        </label>
                        <Show when=move || !confirm.get()
                            fallback=move || view! {
                                <span class="confirm">
                                    {l.pick("确定清除全部进度？", "Really forget everything?")}
                                    <button type="button" class="danger" data-testid="forget-confirm"
                                        on:click=move |_| { study.forget(); confirm.set(false); }>{l.pick("清除", "Forget")}</button>
                                    <button type="button" on:click=move |_| confirm.set(false)>{l.pick("取消", "Cancel")}</button>
                                </span>
                            }>
                            <button type="button" class="danger" data-testid="forget" on:click=move |_| confirm.set(true)>
                                {l.pick("清除全部进度", "Forget everything")}
                            </button>
                        </Show>
                    </div>
                </section>
            </article>
        }
    }
}
