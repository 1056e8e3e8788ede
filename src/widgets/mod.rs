//! Loading widget modules. Each widget is its own wasm module (`widgets/<name>.js`, built from
//! `crates/widgets/examples/`), imported only when a page shows it, so widgets never grow the
//! site's first load.

use crate::route::href;
use crate::ui::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::widgets::WIDGETS;
use explorables_widgets::dom::{base_path, window};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub mod early;

/// Whether `name` is a widget (each one in [`WIDGETS`] is built as its own module; a test in
/// `prerender` checks that each has its module's entry point).
fn is_widget(name: &str) -> bool {
    explorables_core::widgets::find(name).is_some()
}

fn get(obj: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(obj, &JsValue::from_str(key))
}

async fn promise(v: JsValue) -> Result<JsValue, JsValue> {
    JsFuture::from(v.dyn_into::<js_sys::Promise>()?).await
}

/// Imports `widgets/<name>.js`, initialises its wasm (once) and mounts it into `el`.
/// Returns the module's widget handle (call `unmount` on it to remove the widget).
pub async fn load_and_mount(
    el: web_sys::HtmlElement,
    name: &str,
    params: &str,
    lang: Lang,
    mode: &str,
) -> Result<JsValue, JsValue> {
    let url = format!("{}widgets/{name}.js", base_path());
    let import: js_sys::Function = get(&window(), "__llmxImport")?.dyn_into()?;
    let module = promise(import.call1(&JsValue::NULL, &JsValue::from_str(&url))?).await?;
    let init: js_sys::Function = get(&module, "default")?.dyn_into()?;
    promise(init.call0(&JsValue::NULL)?).await?;
    let mount: js_sys::Function = get(&module, "mount")?.dyn_into()?;
    el.set_inner_html("");
    let args = js_sys::Array::of4(
        &el,
        &JsValue::from_str(params),
        &JsValue::from_str(lang.code()),
        &JsValue::from_str(mode),
    );
    mount.apply(&JsValue::NULL, &args)
}

/// Unmounts a handle returned by [`load_and_mount`].
pub fn unmount(handle: &JsValue) {
    if let Ok(f) = get(handle, "unmount").and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = f.call0(handle);
    }
}

/// Mounts widget `name` into `el`, showing progress and failures in the element itself.
pub fn mount_into(
    el: web_sys::HtmlElement,
    name: String,
    params: String,
    lang: Lang,
    mode: &'static str,
    on_mounted: impl FnOnce(JsValue) + 'static,
) {
    if !is_widget(&name) {
        el.set_text_content(Some(&unknown_text(&name, lang)));
        let _ = el.class_list().add_1("widget-missing");
        return;
    }
    if let Some(handle) = early::adopt(&name, mode, &el) {
        on_mounted(handle);
        return;
    }
    // A slot that shows its build-time fallback keeps it until the live widget replaces it.
    if el.child_element_count() == 0 {
        el.set_text_content(Some(lang.pick("正在加载组件…", "Loading the widget…")));
    }
    leptos::task::spawn_local(async move {
        match load_and_mount(el.clone(), &name, &params, lang, mode).await {
            Ok(handle) => on_mounted(handle),
            Err(e) => {
                let why = e
                    .as_string()
                    .or_else(|| get(&e, "message").ok().and_then(|m| m.as_string()))
                    .unwrap_or_default();
                el.set_text_content(Some(&format!(
                    "{}{why}",
                    lang.pick("组件加载失败：", "The widget failed to load: ")
                )));
            }
        }
    });
}

fn unknown_text(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("没有名为“{name}”的组件。"),
        Lang::En => format!("There is no widget called “{name}”."),
    }
}

/// A widget on its own (lab and embed pages): remounted when the language changes, keeping
/// the state the widget wrote into the address bar.
#[component]
pub fn WidgetHost(name: String, lang: Signal<Lang>, mode: &'static str) -> impl IntoView {
    if !is_widget(&name) {
        return view! { <UnknownWidget name lang /> }.into_any();
    }
    let host = NodeRef::<leptos::html::Div>::new();
    let handle = StoredValue::new_local(None::<JsValue>);
    let name_attr = name.clone();
    Effect::new(move |_| {
        let l = lang.get();
        let Some(el) = host.get() else { return };
        if let Some(h) = handle.get_value() {
            unmount(&h);
        }
        let params = crate::route::current_params();
        mount_into(el.into(), name.clone(), params, l, mode, move |h| {
            handle.set_value(Some(h))
        });
    });
    on_cleanup(move || {
        if let Some(h) = handle.try_get_value().flatten() {
            unmount(&h);
        }
    });
    // Pre-rendered: the widget's default numbers, computed at build time (read without wasm,
    // and room kept for the live widget, which replaces them).
    #[cfg(feature = "ssr")]
    let preview =
        explorables_content::markdown::fallback_html(&name_attr, &[], lang.get_untracked());
    #[cfg(not(feature = "ssr"))]
    let preview = String::new();
    view! { <div class="widget-host" data-widget=name_attr node_ref=host inner_html=preview></div> }
        .into_any()
}

/// Shown for a name that is not (yet) a widget: says so and lists the available ones.
#[component]
pub fn UnknownWidget(name: String, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <section class="widget unknown-widget" data-testid="unknown-widget">
            <p class="notice">{move || unknown_text(&name, lang.get())}</p>
            <p>{tr(lang, "可用的组件：", "Available widgets:")}</p>
            <ul>
                {WIDGETS.iter().map(|w| view! {
                    <li><a href=move || href(&format!("lab/{}", w.name), lang.get())>{move || lang.get().pick(w.zh, w.en)}</a>" "<code>{w.name}</code></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use explorables_core::widgets::WIDGETS;

    /// Every widget of the registry is built as a module: it has its entry point and its
    /// example target (`scripts/build-widgets.sh` builds every example).
    #[test]
    fn every_widget_has_its_module() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/widgets");
        let cargo = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
        for w in WIDGETS {
            let file = format!("examples/{}.rs", w.name.replace('-', "_"));
            assert!(root.join(&file).is_file(), "{}: no {file}", w.name);
            assert!(
                cargo.contains(&format!("name = \"{}\"\npath = \"{file}\"", w.name)),
                "{}: no [[example]] for {file} in crates/widgets/Cargo.toml",
                w.name
            );
        }
    }
}
