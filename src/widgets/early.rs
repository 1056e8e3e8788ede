//! Widgets that a pre-rendered page mounted before the app started (`__llmxWidgetsFirst` in
//! `index.html`). When the app takes over, [`detach_all`] lifts them out of the pre-rendered
//! page and [`adopt`] moves each into the app's own slot, so a live widget is neither mounted
//! twice nor reset.

use explorables_widgets::dom::window;
use wasm_bindgen::{JsCast, JsValue};

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn entries() -> Option<js_sys::Array> {
    get(&window(), "__llmxEarly").dyn_into().ok()
}

/// Stops the early loader from mounting anything more, and replaces every early widget's slot
/// in the pre-rendered page with an empty copy of it (so the answer HTML the app reuses holds no
/// live nodes).
pub fn detach_all() {
    let _ = js_sys::Reflect::set(
        &window(),
        &JsValue::from_str("__llmxAppStarted"),
        &JsValue::TRUE,
    );
    let Some(list) = entries() else { return };
    for entry in list.iter() {
        let Ok(el) = get(&entry, "el").dyn_into::<web_sys::Element>() else {
            continue;
        };
        if let Ok(copy) = el.clone_node_with_deep(false) {
            let _ = el.replace_with_with_node_1(&copy);
        }
    }
}

/// Takes the first early widget called `name` mounted in `mode` and moves its nodes into `el`;
/// returns its handle (with `unmount()`), or `None` if there is none.
pub fn adopt(name: &str, mode: &str, el: &web_sys::HtmlElement) -> Option<JsValue> {
    let list = entries()?;
    let i = list.iter().position(|e| {
        get(&e, "name").as_string().as_deref() == Some(name)
            && get(&e, "mode").as_string().as_deref() == Some(mode)
    })?;
    let entry = list.get(i as u32);
    // Taken: a second slot of the same widget gets the next one.
    let _ = js_sys::Reflect::set(&entry, &JsValue::from_str("name"), &JsValue::NULL);
    let old: web_sys::Element = get(&entry, "el").dyn_into().ok()?;
    el.set_inner_html("");
    while let Some(child) = old.first_child() {
        el.append_child(&child).ok()?;
    }
    Some(get(&entry, "handle"))
}
