//! Site UI pieces: header and footer, language switch, theme toggle, panic overlay.
//! (The widget frame and share menu live in `explorables-widgets`.)

pub mod header;
pub mod theme;

pub use explorables_widgets::i18n;
