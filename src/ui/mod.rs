//! Shared UI pieces: the widget frame, share menu, language switch, theme, panic overlay.

pub mod embed_height;
pub mod frame;
pub mod header;
pub mod panic;
pub mod theme;
