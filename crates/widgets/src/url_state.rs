//! The URL state every lab keeps: its parameters as a signal, the notices of the last parse,
//! the query it writes back to its host, and a setter that re-parses an edited query, so a
//! typed value goes through exactly the checks a URL does.

use explorables_core::params::Notice;
use leptos::prelude::*;

/// Sets one URL parameter (`None` removes it); the state is re-parsed, and the notices say what
/// was changed.
pub type SetParam = Callback<(&'static str, Option<String>)>;

/// A lab's state and its setter.
pub struct UrlState<P: Send + Sync + 'static> {
    pub params: RwSignal<P>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The state as URL parameters (also sent to `on_params` whenever it changes).
    pub query: Memo<String>,
    pub set: SetParam,
}

/// Wires a lab's URL state: `parse` reads a query into a state and notices, `to_query` writes
/// it back, and `edit` gives the query after an edit of one key (a lab may adjust the keys
/// that depend on it).
pub fn url_state<P>(
    initial: &str,
    on_params: Option<Callback<String>>,
    parse: fn(&str) -> (P, Vec<Notice>),
    to_query: fn(&P) -> String,
    edit: fn(&P, &str, Option<&str>) -> String,
) -> UrlState<P>
where
    P: Clone + PartialEq + Send + Sync + 'static,
{
    let (p0, n0) = parse(initial);
    let params = RwSignal::new(p0);
    let notices = RwSignal::new(n0);
    let query = Memo::new(move |_| params.with(to_query));
    Effect::new(move |_| {
        let q = query.get();
        if let Some(cb) = on_params {
            cb.run(q);
        }
    });
    let set: SetParam = Callback::new(move |(key, value): (&'static str, Option<String>)| {
        let q = params.with_untracked(|p| edit(p, key, value.as_deref()));
        let (p, n) = parse(&q);
        notices.set(n);
        if p != params.get_untracked() {
            params.set(p);
        }
    });
    UrlState {
        params,
        notices,
        query,
        set,
    }
}

/// A text or number input bound to one URL parameter, committed on `change` (Enter or blur).
/// `range` = `(min, max, step)` makes it a number input (empty strings leave a bound out);
/// text inputs (lists) take a whole row on narrow screens.
#[component]
pub fn ParamField(
    lang: Signal<explorables_core::lang::Lang>,
    zh: &'static str,
    en: &'static str,
    key: &'static str,
    #[prop(optional)] range: Option<(&'static str, &'static str, &'static str)>,
    #[prop(optional)] wide: bool,
    value: Signal<String>,
    set: SetParam,
) -> impl IntoView {
    let (kind, min, max, step) = match range {
        Some((a, b, s)) => ("number", a, b, s),
        None => ("text", "", "", ""),
    };
    view! {
        <label class="field" class:wide=wide class:field-list=range.is_none()>
            <span>{crate::i18n::tr(lang, zh, en)}</span>
            <input type=kind class:num=range.is_some() data-control=key min=min max=max step=step
                inputmode=if range.is_some() { "decimal" } else { "text" }
                spellcheck="false" autocomplete="off"
                prop:value=value
                on:change=move |ev| set.run((key, Some(event_target_value(&ev).trim().to_string()))) />
        </label>
    }
}
