//! One computed card: the question, an input that takes a number with units, the check
//! (within the card's tolerance) and a link to the widget state that shows why.

use super::catalogue::href;
use explorables_core::lang::Lang;
use explorables_core::study::cards::{Card, Verdict};
use leptos::prelude::*;

#[component]
pub fn CardView(card: Card, lang: Lang) -> impl IntoView {
    let card = StoredValue::new(card);
    let text = RwSignal::new(String::new());
    let verdict = RwSignal::new(None::<Verdict>);
    let check = move || verdict.set(Some(card.with_value(|c| c.check(&text.get_untracked()))));
    let result = move || {
        let l = lang;
        verdict.get().map(|v| {
            let (code, msg) = match &v {
                Verdict::Right => (
                    "right",
                    format!("{} {}", l.pick("✓ 对了：", "✓ Right:"), card.with_value(|c| c.shown.clone())),
                ),
                Verdict::Wrong => (
                    "wrong",
                    format!("{} {}", l.pick("✗ 不对，答案是", "✗ Not quite: the answer is"), card.with_value(|c| c.shown.clone())),
                ),
                Verdict::Unreadable(e) => (
                    "unreadable",
                    if l == Lang::Zh { e.zh() } else { e.en() },
                ),
            };
            view! { <p class="card-result" data-testid="card-result" data-verdict=code role="status">{msg}</p> }
        })
    };
    let (id, widget, query) =
        card.with_value(|c| (c.id.clone(), c.widget.clone(), c.query.clone()));
    view! {
        <li class="study-card" data-card=id>
            <p class="card-q">{card.with_value(|c| c.question(lang).to_string())}</p>
            <form class="card-form" on:submit=move |ev| { ev.prevent_default(); check(); }>
                <input type="text" inputmode="text" autocomplete="off" spellcheck="false"
                    aria-label=lang.pick("你的答案", "Your answer")
                    placeholder=format!("{} {}", lang.pick("例如", "e.g."), card.with_value(Card::example))
                    prop:value=text on:input=move |ev| {
                        // A new answer: the last verdict no longer applies.
                        text.set(event_target_value(&ev));
                        verdict.set(None);
                    } />
                <button type="submit" data-testid="card-check">{lang.pick("检查", "Check")}</button>
                <small class="muted">{format!("{} {}", lang.pick("容差", "tolerance"), card.with_value(|c| c.tolerance_text.clone()))}</small>
            </form>
            {result}
            <a class="card-link" href=href(&format!("lab/{widget}"), lang, &query)>
                {lang.pick("在实验室里看为什么 →", "See why in the lab →")}
            </a>
        </li>
    }
}
