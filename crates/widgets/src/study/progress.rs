//! The home page's per-chapter progress: how many of each chapter's questions the reader has
//! rated, one entry per chapter with at least one, linked to the chapter on the page. The site
//! mounts it only for a reader with stored progress, into `.study-host[data-study=progress]`
//! above the table of contents; it also shows the notice about unreadable stored data.

use super::catalogue::{chapter_questions, chapters, QUESTIONS, SECTIONS};
use super::page::StudyNotice;
use super::Study;
use explorables_core::lang::Lang;
use leptos::prelude::*;

/// Rated questions per chapter, for the chapters with at least one.
fn counts(study: Study) -> Vec<(usize, usize, usize)> {
    study.progress.with(|p| {
        chapters()
            .map(|c| {
                let qs = chapter_questions(c);
                let done = qs
                    .iter()
                    .filter(|&&i| p.cards.contains_key(QUESTIONS[i].slug))
                    .count();
                (c, done, qs.len())
            })
            .filter(|&(_, done, _)| done > 0)
            .collect()
    })
}

#[component]
pub fn ChapterProgress(lang: Lang) -> impl IntoView {
    let study = Study::global();
    let rows = move || {
        counts(study)
            .into_iter()
            .map(|(c, done, total)| {
                let s = &SECTIONS[c];
                view! {
                    <li class="chapter-progress" data-key="chapter-progress" data-chapter=s.slug
                        data-value=done.to_string()>
                        <a href=format!("#ch-{}", s.slug)>{s.title(lang)}</a>
                        <progress max=total value=done aria-hidden="true"></progress>
                        <span>{format!("{done} / {total}")}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <StudyNotice lang />
        <section class="home-progress" aria-label=lang.pick("学习进度", "Study progress")>
            <ul class="chapter-progress-row">{rows}</ul>
        </section>
    }
}
