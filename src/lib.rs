//! LLM Interview Explorables — the web app (Leptos, client-side rendered).
//!
//! `main.rs` only calls [`start`]. Pages live in [`pages`], widgets in [`widgets`] (one folder
//! each), shared UI in [`ui`]. Model math is in the `explorables-core` crate.

pub mod app;
pub mod catalogue;
pub mod content;
pub mod dom;
pub mod pages;
pub mod route;
pub mod ui;
pub mod widgets;

/// Installs the panic overlay and mounts the app on `<body>`.
pub fn start() {
    ui::panic::install();
    leptos::mount::mount_to_body(app::App);
}
