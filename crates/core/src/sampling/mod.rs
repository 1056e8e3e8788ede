//! Next-token sampling: one distribution pushed through temperature, top-k, top-p and min-p,
//! in the order a given inference engine applies them — the order changes the result.
//!
//! | engine     | order                              | source                                  |
//! |------------|------------------------------------|-----------------------------------------|
//! | `hf`       | temperature → top-k → top-p → min-p | transformers, `src/transformers/generation/utils.py`, `GenerationMixin._get_logits_processor` |
//! | `vllm`     | temperature → min-p → top-k → top-p | vLLM, `vllm/v1/sample/sampler.py`, `Sampler.sample` |
//! | `llamacpp` | top-k → top-p → min-p → temperature | llama.cpp, `common/common.h`, `common_params_sampling::samplers` |
//!
//! See [`Engine`] for the details (what each source says, how ties at the k-th logit are
//! treated). The consequence a reader can see: `hf` and `vllm` cut with top-p / min-p on the
//! temperature-scaled distribution, `llamacpp` on the raw one and only then reshapes the
//! survivors by temperature. With `logits=2,1,0.5,0&temperature=2&top_p=0.75`, `hf` keeps
//! three tokens (0.481, 0.292, 0.227) and `llamacpp` two (0.622, 0.378).
//!
//! Every filter looks at the tokens still in play, renormalised: the nucleus of top-p is the
//! smallest prefix of *all* remaining tokens (the whole vocabulary when top-p comes first)
//! sorted by probability whose mass reaches `top_p`, never a truncated display list.
//! `temperature = 0` (and anything below 1e-5, vLLM's `_SAMPLING_EPS`) is greedy: only the
//! arg-max survives, the lowest index among equal logits.

pub mod draw;
pub mod engine;
pub mod export;
pub mod filters;
pub mod params;
pub mod presets;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_props;

pub use engine::{run, Engine, SamplingRun, Step, StepKind};
pub use params::SamplingParams;
pub use presets::Preset;

/// Most tokens (logits) a distribution may have.
pub const MAX_TOKENS: usize = 64;
/// Logits are clamped to ±this.
pub const MAX_ABS_LOGIT: f64 = 1000.0;
/// Largest temperature.
pub const MAX_TEMPERATURE: f64 = 10.0;
/// Temperatures below this are greedy (vLLM's `_SAMPLING_EPS`); dividing by them could
/// overflow.
pub const GREEDY_BELOW: f64 = 1e-5;
/// Draws of the "sample 1000 times" button.
pub const DRAWS: u32 = 1000;
