//! In an iframe, tell the parent page our content height whenever it changes, so the
//! embedding page can size the iframe (see the snippet in the share menu).

use crate::dom::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The message type the embed snippet listens for.
pub const MESSAGE_TYPE: &str = "llm-explorables:height";

fn post_height() {
    let Some(body) = document().body() else {
        return;
    };
    let h = body.scroll_height().max(body.offset_height());
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &MESSAGE_TYPE.into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(h));
    let href = window().location().href().unwrap_or_default();
    let _ = js_sys::Reflect::set(&msg, &"href".into(), &href.into());
    let _ = parent.post_message(&msg, "*");
}

/// Starts observing `<body>`; the observer lives as long as the page.
pub fn start() {
    let Some(body) = document().body() else {
        return;
    };
    let cb = Closure::<dyn Fn()>::new(post_height);
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        obs.observe(&body);
    }
    cb.forget();
    post_height();
}
