//! Study mode (issue #15): Again/Hard/Good/Easy ratings scheduled by FSRS
//! (`explorables_core::study`), `/study/`, and the home page's per-chapter progress.
//!
//! Not a widget: it is built as its own wasm module (`examples/study.rs` →
//! `widgets/study.js`), which the site loads only for a reader who rates a question or already
//! has progress, and on `/study/`. One module instance serves every mount on a page, so the
//! rating bar, `/study/` and the home page share one [`Study`] (the progress in
//! `localStorage`). Modes: `page` (the body of `/study/`), `rate` (the bar under an answer;
//! params `slug=<slug>` and optionally `rate=again|hard|good|easy`, applied at once),
//! `progress` (the home page's chapters).

pub mod card_view;
pub mod cards;
pub mod catalogue;
pub mod page;
pub mod progress;
pub mod rate;
pub mod store;

use explorables_core::lang::Lang;
use explorables_core::study::fsrs::{Fsrs, Rating};
use explorables_core::study::progress::{DecodeError, Progress};
use leptos::prelude::*;

/// What the reader should be told about their stored data.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreNotice {
    /// The stored progress could not be read: it was set aside under the backup key.
    Corrupt(DecodeError),
    /// The browser does not let us store anything (private mode, blocked storage).
    Unavailable,
    /// Saving failed (storage full or blocked).
    SaveFailed,
    /// An imported file could not be used (nothing was changed).
    ImportFailed(DecodeError),
    /// An import replaced the progress with this many rated questions.
    Imported(usize),
    /// "Forget everything" was done.
    Forgotten,
}

/// The progress, shared by every mount of the module (see [`Study::global`]).
#[derive(Clone, Copy)]
pub struct Study {
    pub progress: RwSignal<Progress>,
    pub notice: RwSignal<Option<StoreNotice>>,
    /// Today as a local day number (days since 1970-01-01 in the reader's time zone).
    pub today: RwSignal<i64>,
    /// Whether changes are written to storage.
    persist: bool,
}

thread_local! {
    static GLOBAL: Study = Study::load();
}

impl Study {
    /// The stored progress; a corrupt or unknown value is kept under the backup key and the
    /// reader starts fresh, with a notice.
    fn load() -> Study {
        let (progress, notice, persist) = store::load();
        Study {
            progress: RwSignal::new(progress),
            notice: RwSignal::new(notice),
            today: RwSignal::new(store::today()),
            persist,
        }
    }

    /// The module's one progress, loaded on first use. Call it outside any mount's reactive
    /// owner first (see [`mount`]): its signals must outlive every mount.
    pub fn global() -> Study {
        GLOBAL.with(|s| *s)
    }

    fn save(self) {
        if !self.persist {
            return;
        }
        if !self.progress.with_untracked(store::save) {
            self.notice.set(Some(StoreNotice::SaveFailed));
        }
    }

    /// Records a rating of question `slug` today.
    pub fn rate(self, slug: &str, g: Rating) {
        let today = store::today();
        self.today.set(today);
        self.progress
            .update(|p| p.rate(&Fsrs::default(), slug, g, today));
        self.save();
    }

    /// Replaces the progress with an exported file's content, or says why not.
    pub fn import(self, text: &str) {
        match explorables_core::study::progress::decode(text) {
            Ok(p) => {
                let n = p.reviewed();
                self.progress.set(p);
                self.save();
                self.notice.set(Some(StoreNotice::Imported(n)));
            }
            Err(e) => self.notice.set(Some(StoreNotice::ImportFailed(e))),
        }
    }

    /// Deletes the stored progress (the backup of unreadable data too).
    pub fn forget(self) {
        self.progress.set(Progress::default());
        if self.persist {
            store::forget();
        }
        self.notice.set(Some(StoreNotice::Forgotten));
    }
}

/// A mode's view.
fn view_for(mode: &str, params: &str, lang: Lang) -> AnyView {
    let pairs = explorables_core::params::parse_query(params);
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    match mode {
        "rate" => {
            let slug = get("slug").unwrap_or_default();
            match catalogue::question_index(&slug) {
                Some(i) => {
                    let slug = catalogue::QUESTIONS[i].slug;
                    if let Some(g) = get("rate").as_deref().and_then(Rating::from_code) {
                        Study::global().rate(slug, g);
                    }
                    view! { <rate::RateBar slug lang /> }.into_any()
                }
                None => view! { <p class="notice">{lang.pick("没有这道题：", "No such question: ")}{slug}</p> }
                    .into_any(),
            }
        }
        "progress" => view! { <progress::ChapterProgress lang /> }.into_any(),
        _ => view! { <page::StudyPage lang /> }.into_any(),
    }
}

/// A mounted study view; dropping it unmounts the view.
pub struct Mounted {
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

/// Mounts study mode's `mode` view into `el` (see the module docs).
pub fn mount(el: web_sys::HtmlElement, params: String, lang: &str, mode: String) -> Mounted {
    crate::panic::install();
    // Loaded here, outside the mount's owner, so it outlives this mount.
    let _ = Study::global();
    let lang = Lang::from_code(lang).unwrap_or_default();
    let handle = leptos::mount::mount_to(el, move || view_for(&mode, &params, lang));
    Mounted { _handle: handle }
}
