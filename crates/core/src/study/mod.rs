//! Study mode: spaced review of the questions (FSRS-5), the reader's progress as versioned
//! serde data, a tolerant parser for typed answers, and cards whose answers the widgets'
//! own functions compute.

pub mod answer;
pub mod cards;
pub mod fsrs;
pub mod progress;
