//! Positional encodings: RoPE, NoPE, iRoPE, ALiBi and GLM's 2D positions.
//!
//! Pure math behind the positional-encoding explorer: RoPE frequencies, angles and the
//! relative-score curve ([`rope`]), ALiBi slopes ([`alibi`]), GLM / ChatGLM-6B 2D position
//! ids ([`glm`]), which layers use RoPE in SmolLM3 and Llama 4 ([`layers`]), URL parameters
//! ([`params`]) and the Export JSON ([`export`]).

pub mod alibi;
pub mod export;
pub mod glm;
pub mod layers;
pub mod params;
pub mod rope;

pub use params::{PosencParams, Scheme};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_props;
