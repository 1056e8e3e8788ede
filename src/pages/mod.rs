//! One module per page type.

pub mod embed;
pub mod embed_guide;
pub mod glossary;
pub mod home;
pub mod lab;
pub mod not_found;
pub mod question;
pub mod search;
pub mod section;
pub mod study;
