//! Small browser helpers (window, document, base path, clipboard, CSS variables).

use wasm_bindgen::JsCast;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// The path the site is served under, with leading and trailing `/` (`/` or `/some/path/`).
///
/// Trunk writes `--public-url` into `<base href>`; static embed pages carry the same base.
#[cfg(target_arch = "wasm32")]
pub fn base_path() -> String {
    thread_local! {
        static BASE: String = {
            let uri = document().base_uri().ok().flatten().unwrap_or_default();
            let path = web_sys::Url::new(&uri).map(|u| u.pathname()).unwrap_or_else(|_| "/".into());
            let mut p = if path.ends_with('/') { path } else {
                // A base without a trailing slash points at a file: keep its folder.
                path.rsplit_once('/').map(|(dir, _)| format!("{dir}/")).unwrap_or_else(|| "/".into())
            };
            if !p.starts_with('/') { p.insert(0, '/'); }
            p
        };
    }
    BASE.with(Clone::clone)
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static NATIVE_BASE: std::cell::RefCell<String> = std::cell::RefCell::new("/".into());
}

/// Outside the browser (build-time rendering): the base set with [`set_base_path`].
#[cfg(not(target_arch = "wasm32"))]
pub fn base_path() -> String {
    NATIVE_BASE.with(|b| b.borrow().clone())
}

/// Sets the base path that native rendering writes into links (`/` or `/some/path/`).
#[cfg(not(target_arch = "wasm32"))]
pub fn set_base_path(path: &str) {
    let mut p = path.to_string();
    if !p.starts_with('/') {
        p.insert(0, '/');
    }
    if !p.ends_with('/') {
        p.push('/');
    }
    NATIVE_BASE.with(|b| *b.borrow_mut() = p);
}

/// The site's origin + base, for links that leave the page (share links, iframe snippets).
pub fn absolute_base() -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}", base_path())
}

/// Reads a CSS custom property from `<html>` (theme colours for canvases).
pub fn css_var(name: &str) -> String {
    let el = document().document_element();
    el.and_then(|el| window().get_computed_style(&el).ok().flatten())
        .and_then(|st| st.get_property_value(name).ok())
        .map(|v| v.trim().to_string())
        .unwrap_or_default()
}

/// Parses `#rrggbb` into RGB (anything else → `fallback`).
pub fn parse_hex_color(s: &str, fallback: [u8; 3]) -> [u8; 3] {
    let h = s.trim().trim_start_matches('#');
    if h.len() != 6 || !h.is_ascii() {
        return fallback;
    }
    let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    match (p(0), p(2), p(4)) {
        (Some(r), Some(g), Some(b)) => [r, g, b],
        _ => fallback,
    }
}

/// Copies text to the clipboard (best effort; the text is also visible to select by hand).
pub fn copy_text(text: &str) {
    let _ = window().navigator().clipboard().write_text(text);
}

pub fn device_pixel_ratio() -> f64 {
    let r = window().device_pixel_ratio();
    if r.is_finite() && r > 0.0 {
        r.min(4.0)
    } else {
        1.0
    }
}

pub fn html_element(el: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    el.clone().dyn_into::<web_sys::HtmlElement>().ok()
}

/// The CSS width of an element, as a memo re-measured only when the element appears or the
/// window resizes (reading `clientWidth` forces a layout, so never on every state change).
/// `measure` returns the element's `clientWidth` once it exists; the result is clamped to
/// `min..=max`, and is `fallback` before the element is laid out.
pub fn measured_width(
    measure: impl Fn() -> Option<i32> + Send + Sync + 'static,
    fallback: f64,
    min: f64,
    max: f64,
) -> leptos::prelude::Memo<f64> {
    use leptos::prelude::*;
    let tick = RwSignal::new(0u32);
    // Removed from the window when the widget goes (the stored value is dropped with its owner).
    let on_resize = gloo_events::EventListener::new(&window(), "resize", move |_| {
        let _ = tick.try_update(|t| *t = t.wrapping_add(1));
    });
    StoredValue::new_local(on_resize);
    Memo::new(move |_| {
        tick.track();
        measure()
            .map(f64::from)
            .filter(|w| *w > 0.0)
            .unwrap_or(fallback)
            .clamp(min, max)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours() {
        assert_eq!(parse_hex_color("#2563eb", [0; 3]), [0x25, 0x63, 0xeb]);
        assert_eq!(parse_hex_color(" #FFFFFF ", [0; 3]), [255, 255, 255]);
        assert_eq!(parse_hex_color("rgb(1,2,3)", [9; 3]), [9; 3]);
        assert_eq!(parse_hex_color("#zzzzzz", [9; 3]), [9; 3]);
        assert_eq!(parse_hex_color("#ééé", [9; 3]), [9; 3]);
    }
}
