//! The engines' step orders and one run through them.

use super::filters::{entropy, min_p, softmax_kept, temperature, top_k, top_p};
use super::params::SamplingParams;

/// An inference engine whose default order of the four steps we reproduce.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Engine {
    /// Hugging Face transformers `generate`. `GenerationMixin._get_logits_processor` in
    /// `src/transformers/generation/utils.py` appends, when sampling,
    /// `TemperatureLogitsWarper`, `TopKLogitsWarper`, `TopPLogitsWarper`, then
    /// `MinPLogitsWarper` ("applied after temperature scaling"), in that order. Top-k removes
    /// logits below the k-th largest (`scores < topk(...)[..., -1]`), so ties at the k-th
    /// value survive.
    #[default]
    Hf,
    /// vLLM V1. `Sampler.sample` in `vllm/v1/sample/sampler.py` applies temperature, then the
    /// argmax-invariant logits processors — by default min-p (`MinPLogitsProcessor` in
    /// `vllm/v1/sample/logits_processor/builtin.py`, on the softmax of the
    /// temperature-scaled logits) — then top-k and top-p together
    /// (`vllm/v1/sample/ops/topk_topp_sampler.py`: top-k masks logits below the k-th value,
    /// ties survive; top-p then runs on the top-k survivors).
    Vllm,
    /// llama.cpp's common sampler. The default `samplers` of `common_params_sampling` in
    /// `common/common.h` is penalties, DRY, top-n-σ, top-k, typical-p, top-p, min-p, XTC,
    /// temperature: temperature comes last. The samplers are in `src/llama-sampling.cpp`;
    /// top-k truncates the sorted candidates to exactly k, min-p compares logits with
    /// `max_logit + log(p)` on the untempered logits.
    Llamacpp,
}

/// One of the four steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepKind {
    Temperature,
    TopK,
    TopP,
    MinP,
}

impl StepKind {
    pub fn code(self) -> &'static str {
        match self {
            StepKind::Temperature => "temperature",
            StepKind::TopK => "top-k",
            StepKind::TopP => "top-p",
            StepKind::MinP => "min-p",
        }
    }
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Hf, Engine::Vllm, Engine::Llamacpp];
    pub const CODES: [&'static str; 3] = ["hf", "vllm", "llamacpp"];

    pub fn code(self) -> &'static str {
        match self {
            Engine::Hf => "hf",
            Engine::Vllm => "vllm",
            Engine::Llamacpp => "llamacpp",
        }
    }

    pub fn from_code(code: &str) -> Option<Engine> {
        Engine::ALL
            .into_iter()
            .find(|e| e.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The order in which this engine applies the four steps.
    pub fn order(self) -> [StepKind; 4] {
        use StepKind::*;
        match self {
            Engine::Hf => [Temperature, TopK, TopP, MinP],
            Engine::Vllm => [Temperature, MinP, TopK, TopP],
            Engine::Llamacpp => [TopK, TopP, MinP, Temperature],
        }
    }

    /// Whether top-k keeps every token tied with the k-th largest logit.
    pub fn top_k_keeps_ties(self) -> bool {
        self != Engine::Llamacpp
    }
}

/// The distribution after one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub kind: StepKind,
    /// `false` when the knob is at its "off" value (temperature 1, top-k 0, top-p 1,
    /// min-p 0); the step then changes nothing.
    pub active: bool,
    /// Distribution after this step, input order, 0 for removed tokens.
    pub probs: Vec<f64>,
    /// Tokens still in play after this step.
    pub kept: Vec<bool>,
    /// Tokens this step removed.
    pub removed: Vec<bool>,
}

/// The whole chain for one set of parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct SamplingRun {
    pub engine: Engine,
    /// Softmax of the raw logits (temperature 1, nothing removed).
    pub start: Vec<f64>,
    /// The four steps in the engine's order.
    pub steps: Vec<Step>,
    /// Final distribution, input order, 0 for removed tokens; sums to 1.
    pub probs: Vec<f64>,
    /// Tokens that survived every step (a survivor may still have probability 0 after
    /// underflow, e.g. a logit 2000 below the top).
    pub kept: Vec<bool>,
    /// Entropy of `probs` in nats.
    pub entropy: f64,
}

impl SamplingRun {
    /// Number of surviving tokens.
    pub fn kept_count(&self) -> usize {
        self.kept.iter().filter(|&&k| k).count()
    }
}

/// Runs the parameters' logits through their engine's chain.
pub fn run(p: &SamplingParams) -> SamplingRun {
    let mut logits = p.logits.clone();
    let mut kept = vec![true; logits.len()];
    let start = softmax_kept(&logits, &kept);
    let mut steps = Vec::with_capacity(4);
    for kind in p.engine.order() {
        let before = kept.clone();
        let active = match kind {
            StepKind::Temperature => {
                temperature(&mut logits, &mut kept, p.temperature);
                p.temperature != 1.0
            }
            StepKind::TopK => {
                top_k(
                    &logits,
                    &mut kept,
                    p.top_k as usize,
                    p.engine.top_k_keeps_ties(),
                );
                p.top_k != 0
            }
            StepKind::TopP => {
                top_p(&logits, &mut kept, p.top_p);
                p.top_p < 1.0
            }
            StepKind::MinP => {
                min_p(&logits, &mut kept, p.min_p);
                p.min_p > 0.0
            }
        };
        steps.push(Step {
            kind,
            active,
            probs: softmax_kept(&logits, &kept),
            removed: before.iter().zip(&kept).map(|(&b, &k)| b && !k).collect(),
            kept: kept.clone(),
        });
    }
    let probs = softmax_kept(&logits, &kept);
    SamplingRun {
        engine: p.engine,
        start,
        steps,
        entropy: entropy(&probs),
        probs,
        kept,
    }
}
