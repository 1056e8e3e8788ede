//! In an iframe, keep the parent page told our content height, and take the theme from it
//! (the protocol is in `explorables_core::embed`).
//!
//! The height is posted whenever the content box changes size (a ResizeObserver on `<html>`
//! and `<body>`: a narrower frame, a late layout, a panel opening), on the frame's own
//! `resize`, after DOM changes that change it (a MutationObserver), and whenever the parent
//! asks with a `measure` message. The last two matter because browsers pause rendering, and
//! so ResizeObserver callbacks, in frames that are off screen: a frame that lays out its
//! widget far below the reader still reports, and a host that resized, or a frame that comes
//! into view, asks and gets the height at once.

use crate::dom::{document, window};
use explorables_core::embed::{self, ParentMessage};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The message type the embed snippet listens for.
pub const MESSAGE_TYPE: &str = embed::HEIGHT_TYPE;

/// The frame's parent window, or `None` at the top level.
fn parent() -> Option<web_sys::Window> {
    let parent = window().parent().ok().flatten()?;
    let own = window();
    (!js_sys::Object::is(parent.as_ref(), own.as_ref())).then_some(parent)
}

/// The content height in CSS pixels, rounded up: `<html>`'s box, or `<body>`'s overflow if larger.
fn content_height() -> i32 {
    let doc = document();
    let root = doc
        .document_element()
        .map(|el| el.get_bounding_client_rect().height().ceil() as i32)
        .unwrap_or(0);
    let body = doc.body().map(|b| b.scroll_height()).unwrap_or(0);
    root.max(body)
}

fn message(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let msg = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
    }
    msg
}

thread_local! {
    static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The height posted last.
    static LAST: std::cell::Cell<i32> = const { std::cell::Cell::new(-1) };
}

/// Posts the height if it changed since the last post. Runs on ResizeObserver callbacks, on
/// `resize` and after DOM changes: a frame that is off screen gets no ResizeObserver callbacks
/// in Chromium (its rendering is paused), but DOM changes are still observed, and reading the
/// layout works.
fn check_height() {
    if content_height() != LAST.with(|l| l.get()) {
        post_height();
    }
}

fn post_height() {
    let Some(parent) = parent() else {
        return;
    };
    let height = content_height();
    LAST.with(|l| l.set(height));
    let h = JsValue::from(height);
    let loc = window().location();
    let href = loc.href().unwrap_or_default();
    let _ = parent.post_message(
        &message(&[
            ("type", MESSAGE_TYPE.into()),
            ("height", h.clone()),
            ("href", href.into()),
        ]),
        "*",
    );
    let _ = parent.post_message(
        &message(&[
            ("sentinel", "amp".into()),
            ("type", embed::AMP_SIZE_TYPE.into()),
            ("height", h.clone()),
        ]),
        "*",
    );
    let hash = loc.hash().unwrap_or_default();
    if let Some(secret) = embed::wp_secret(&hash) {
        let _ = parent.post_message(
            &message(&[
                ("message", "height".into()),
                ("value", h),
                ("secret", secret.into()),
            ]),
            "*",
        );
    }
}

fn string_field(data: &JsValue, key: &str) -> Option<String> {
    if !data.is_object() {
        return None;
    }
    js_sys::Reflect::get(data, &key.into()).ok()?.as_string()
}

/// A message from the parent page: measure now, or switch the theme. Messages from anyone
/// else (another frame, a script of ours) and of any other shape are ignored.
fn on_message(ev: JsValue) {
    let Some(parent) = parent() else {
        return;
    };
    let source = js_sys::Reflect::get(&ev, &"source".into()).unwrap_or(JsValue::NULL);
    if !js_sys::Object::is(&source, parent.as_ref()) {
        return;
    }
    let data = js_sys::Reflect::get(&ev, &"data".into()).unwrap_or(JsValue::NULL);
    let ty = string_field(&data, "type");
    let theme = string_field(&data, "theme");
    match embed::parse_parent_message(ty.as_deref(), theme.as_deref()) {
        Some(ParentMessage::Measure) => post_height(),
        Some(ParentMessage::Theme { dark }) => {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
            }
            post_height();
        }
        None => {}
    }
}

/// Starts observing the content and listening to the parent (once per page, however many
/// callers); lives as long as the page.
pub fn start() {
    if parent().is_none() || STARTED.with(|s| s.replace(true)) {
        return;
    }
    let doc = document();
    let cb = Closure::<dyn Fn()>::new(check_height);
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        if let Some(root) = doc.document_element() {
            obs.observe(&root);
        }
        if let Some(body) = doc.body() {
            obs.observe(&body);
        }
    }
    let _ = window().add_event_listener_with_callback("resize", cb.as_ref().unchecked_ref());
    if let (Ok(obs), Some(root)) = (
        web_sys::MutationObserver::new(cb.as_ref().unchecked_ref()),
        doc.document_element(),
    ) {
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_attributes(true);
        init.set_character_data(true);
        let _ = obs.observe_with_options(&root, &init);
    }
    cb.forget();
    let on_msg = Closure::<dyn Fn(JsValue)>::new(on_message);
    let _ = window().add_event_listener_with_callback("message", on_msg.as_ref().unchecked_ref());
    on_msg.forget();
    post_height();
}
