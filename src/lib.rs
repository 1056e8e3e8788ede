//! LLM Interview Explorables — the web app (Leptos, client-side rendered).
//!
//! `main.rs` only calls [`start`]. Pages live in [`pages`], widgets in [`widgets`] (one folder
//! each), shared UI in [`ui`]. Model math is in the `explorables-core` crate.

pub mod app;
pub mod catalogue;
pub mod content;
pub mod pages;
pub mod route;
pub mod ui;
pub mod widgets;

/// Browser helpers shared with the widget modules.
pub use explorables_widgets::dom;

/// Installs the panic overlay and mounts the app on `<body>`.
pub fn start() {
    explorables_widgets::panic::install();
    leptos::mount::mount_to_body(app::App);
}
