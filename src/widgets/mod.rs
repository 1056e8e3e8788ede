//! The live widgets, one folder each. [`view_widget`] is the one place that maps a widget's
//! URL name to its component, for answer pages, lab pages and embeds alike.

use crate::route::href;
use crate::ui::theme::Theme;
use explorables_core::lang::Lang;
use explorables_core::widgets::WIDGETS;
use leptos::prelude::*;

/// What every widget gets from its host page.
#[derive(Clone, Copy)]
pub struct WidgetEnv {
    pub lang: Signal<Lang>,
    pub theme: Signal<Theme>,
}

/// The widgets that exist in this build (the rest of [`WIDGETS`] are announced as coming).
pub fn implemented() -> &'static [&'static str] {
    &[]
}

/// Renders widget `name` with its initial URL parameters. `on_params` receives the state as
/// URL parameters whenever it changes (lab and embed pages write it to the address bar).
pub fn view_widget(name: &str, params: String, env: WidgetEnv, on_params: Option<Callback<String>>) -> AnyView {
    let _ = (&params, on_params);
    match name {
        _ => view! { <UnknownWidget name=name.to_string() lang=env.lang /> }.into_any(),
    }
}

/// Shown for a name that is not (yet) a widget: says so and lists the available ones.
#[component]
pub fn UnknownWidget(name: String, lang: Signal<Lang>) -> impl IntoView {
    let planned = explorables_core::widgets::find(&name).is_some();
    view! {
        <section class="widget unknown-widget" data-testid="unknown-widget">
            <p class="notice">
                {move || match (lang.get(), planned) {
                    (Lang::Zh, true) => format!("组件“{name}”还在开发中，暂时无法显示。"),
                    (Lang::En, true) => format!("The widget “{name}” is still being built and cannot be shown yet."),
                    (Lang::Zh, false) => format!("没有名为“{name}”的组件。"),
                    (Lang::En, false) => format!("There is no widget called “{name}”."),
                }}
            </p>
            <p>{move || lang.get().pick("可用的组件：", "Available widgets:")}</p>
            <ul>
                {WIDGETS.iter().filter(|w| implemented().contains(&w.name)).map(|w| view! {
                    <li><a href=move || href(&format!("lab/{}", w.name), lang.get())>{move || lang.get().pick(w.zh, w.en)}</a>" "<code>{w.name}</code></li>
                }).collect_view()}
            </ul>
            <Show when=move || implemented().is_empty()>
                <p>{move || lang.get().pick("（还没有可用的组件。）", "(None are available yet.)")}</p>
            </Show>
        </section>
    }
}
