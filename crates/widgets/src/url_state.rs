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
