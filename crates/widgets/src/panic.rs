//! A panic is logged to the console and shown to the reader with a reload button
//! (the overlay's markup is in `index.html` and the embed pages, so it works even if the app
//! is gone). Installed once per wasm module.

pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(install_hook);
}

fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(el) = doc.get_element_by_id("panic-overlay") {
                let _ = el.remove_attribute("hidden");
            }
        }
    }));
}
