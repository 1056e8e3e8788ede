//! Dense vs MoE: what an MoE model costs against a dense model with the same active
//! parameter count.
//!
//! Per token, a forward pass does about one multiply and one add per *active* weight, so
//! FLOPs/token ≈ 2 × active parameters (the usual estimate; attention over the context is
//! ignored). Memory must hold *all* weights: bytes = total parameters × bits / 8. The MoE
//! and its dense twin therefore cost the same compute per token while the MoE needs
//! `total / active` times the weight memory.

use super::presets::find_preset;
use crate::models::{param_counts, ParamCounts};

/// Weight storage type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dtype {
    F32,
    Bf16,
    Fp8,
    Int4,
}

impl Dtype {
    pub const ALL: [Dtype; 4] = [Dtype::F32, Dtype::Bf16, Dtype::Fp8, Dtype::Int4];

    pub fn bits(self) -> u64 {
        match self {
            Dtype::F32 => 32,
            Dtype::Bf16 => 16,
            Dtype::Fp8 => 8,
            Dtype::Int4 => 4,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Dtype::F32 => "fp32",
            Dtype::Bf16 => "bf16",
            Dtype::Fp8 => "fp8",
            Dtype::Int4 => "int4",
        }
    }

    /// Parses `fp32`/`f32`, `bf16`/`fp16`/`f16`, `fp8`, `int4`.
    pub fn from_code(code: &str) -> Option<Dtype> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fp32" | "f32" => Some(Dtype::F32),
            "bf16" | "fp16" | "f16" => Some(Dtype::Bf16),
            "fp8" | "f8" => Some(Dtype::Fp8),
            "int4" | "q4" => Some(Dtype::Int4),
            _ => None,
        }
    }
}

/// One model's size and per-token cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Footprint {
    pub total_params: u64,
    pub active_params: u64,
    /// ≈ 2 × active parameters.
    pub flops_per_token: u64,
    /// Total parameters × bits / 8, rounded up.
    pub weight_bytes: u64,
}

impl Footprint {
    fn new(total: u64, active: u64, dtype: Dtype) -> Footprint {
        let bytes = (total as u128 * dtype.bits() as u128).div_ceil(8);
        Footprint {
            total_params: total,
            active_params: active,
            flops_per_token: active.saturating_mul(2),
            weight_bytes: bytes.min(u64::MAX as u128) as u64,
        }
    }

    /// Weight memory in GiB (2^30 bytes).
    pub fn weight_gib(&self) -> f64 {
        self.weight_bytes as f64 / (1u64 << 30) as f64
    }

    /// Weight memory in GB (10^9 bytes).
    pub fn weight_gb(&self) -> f64 {
        self.weight_bytes as f64 / 1e9
    }
}

/// An MoE model next to a dense model with the same active parameter count.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DenseVsMoe {
    pub dtype: Dtype,
    pub moe: Footprint,
    pub dense: Footprint,
}

impl DenseVsMoe {
    /// How many times more weight memory the MoE needs (total / active).
    pub fn memory_ratio(&self) -> f64 {
        if self.dense.weight_bytes == 0 {
            return 0.0;
        }
        self.moe.weight_bytes as f64 / self.dense.weight_bytes as f64
    }

    /// Fraction of the MoE's parameters used per token (active / total).
    pub fn active_fraction(&self) -> f64 {
        if self.moe.total_params == 0 {
            return 0.0;
        }
        self.moe.active_params as f64 / self.moe.total_params as f64
    }
}

/// Compares an MoE with the given counts to a dense model of `counts.active` parameters.
/// (`active` larger than `total` is treated as `total`.)
pub fn compare_counts(counts: ParamCounts, dtype: Dtype) -> DenseVsMoe {
    let active = counts.active.min(counts.total);
    DenseVsMoe {
        dtype,
        moe: Footprint::new(counts.total, active, dtype),
        dense: Footprint::new(active, active, dtype),
    }
}

/// [`compare_counts`] for an MoE preset key (`deepseek-v3`, …) or a Hugging Face id, with
/// counts from [`crate::models::param_counts`]. `None` when the model is not in the data.
pub fn dense_vs_moe(preset_or_id: &str, dtype: Dtype) -> Option<DenseVsMoe> {
    let model = match find_preset(preset_or_id) {
        Some(p) => p.model()?,
        None => crate::models::find(preset_or_id)?,
    };
    Some(compare_counts(param_counts(model), dtype))
}
