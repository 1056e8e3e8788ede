//! A panic is logged to the console and shown to the reader with a reload button
//! (the overlay's markup is in `index.html`, so it works even if the app is gone).

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(el) = doc.get_element_by_id("panic-overlay") {
                let _ = el.remove_attribute("hidden");
            }
        }
    }));
}
