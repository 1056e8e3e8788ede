//! Pure model math behind the widgets. No web dependencies: everything here is a plain
//! function of its inputs and is tested natively (`cargo test -p explorables-core`).

pub mod embed;
pub mod grpo;
pub mod json;
pub mod kl;
pub mod kv;
pub mod lang;
pub mod mask;
pub mod models;
pub mod moe;
pub mod norm;
pub mod params;
pub mod posenc;
pub mod sampling;
pub mod search;
pub mod study;
pub mod tts;
pub mod widgets;
