//! The rating bar under an answer: "Again / Hard / Good / Easy", each with the interval FSRS
//! would give, and after a rating the day of the next review.

use super::catalogue::href;
use super::{store, Study};
use explorables_core::lang::Lang;
use explorables_core::study::fsrs::{Fsrs, Memory, Rating};
use leptos::prelude::*;

fn label(g: Rating, lang: Lang) -> &'static str {
    match g {
        Rating::Again => lang.pick("没想起来", "Again"),
        Rating::Hard => lang.pick("很吃力", "Hard"),
        Rating::Good => lang.pick("想起来了", "Good"),
        Rating::Easy => lang.pick("很轻松", "Easy"),
    }
}

fn days(n: i64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{n} 天"),
        Lang::En if n == 1 => "1 day".into(),
        Lang::En => format!("{n} days"),
    }
}

#[component]
pub fn RateBar(slug: &'static str, lang: Lang) -> impl IntoView {
    let study = Study::global();
    let state = Memo::new(move |_| study.progress.with(|p| p.cards.get(slug).cloned()));
    let intervals = move || {
        let today = study.today.get();
        let prev = state.get().map(|c| {
            (
                Memory {
                    stability: c.s,
                    difficulty: c.d,
                },
                (today - c.last).clamp(0, u32::MAX as i64) as u32,
            )
        });
        Fsrs::default().options(prev).map(|n| n.interval as i64)
    };
    // The site mounts the bar again when the language changes.
    {
        let l = lang;
        let status = move || {
            let today = study.today.get();
            state.get().map(|c| {
                let last = study
                    .progress
                    .with(|p| p.last_rating(slug))
                    .map_or("", |g| label(g, l));
                let when = days(c.due - today, l);
                let date = store::day_text(c.due);
                match l {
                    Lang::Zh => format!("上次自评：{last}。下次复习：{when}后（{date}）。"),
                    Lang::En => format!("Last rated: {last}. Next review in {when} ({date})."),
                }
            })
        };
        let title = l.pick("自评", "Rate yourself");
        view! {
            <section class="rate-bar" data-testid="rate-bar" aria-labelledby="rate-title">
                <h2 id="rate-title">{title}</h2>
                <p class="rate-hint">{l.pick(
                    "先合上答案想一想，再看答案，然后诚实地给自己打分：间隔重复（FSRS）会在你快忘的时候再考你。进度只存在本浏览器里。",
                    "Think of your answer before reading it, then rate yourself honestly: spaced repetition (FSRS) asks again just before you would forget. Progress stays in this browser.")}</p>
                <div class="rate-buttons" role="group" aria-label=title>
                    {Rating::ALL.into_iter().map(|g| view! {
                        <button type="button" class=format!("rate rate-{}", g.code()) data-rate=g.code()
                            on:click=move |_| study.rate(slug, g)>
                            <span>{label(g, l)}</span>
                            <small>{move || days(intervals()[g as usize - 1], l)}</small>
                        </button>
                    }).collect_view()}
                </div>
                <p class="rate-status" data-testid="rate-status" aria-live="polite"
                    data-key="next-due" data-value=move || state.get().map(|c| c.due.to_string()).unwrap_or_default()>
                    {status}
                    " "
                    <a href=href("study", l, "")>{l.pick("学习进度 →", "Study progress →")}</a>
                </p>
            </section>
        }
    }
}
