//! Reverse mode: what fits in a GPU's memory once the weights are loaded.

use super::{kv_bytes, Dtype, KvRequest};
use crate::models::{param_counts, LayerKind, ModelPreset};

/// Bytes of all weights (`total parameters × bits / 8`, rounded up; MoE: every expert, since
/// all of them must be resident).
pub fn weight_bytes(m: &ModelPreset, weights: Dtype) -> u64 {
    let bits = param_counts(m).total as u128 * weights.bits() as u128;
    u64::try_from(bits.div_ceil(8)).unwrap_or(u64::MAX)
}

/// The answer of a reverse-mode question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fit {
    /// The largest count (tokens or sequences) whose cache fits next to the weights; 0 when not
    /// even one fits.
    pub value: u64,
    /// Bytes left for the KV cache after the weights (0 when the weights alone do not fit).
    pub free_bytes: u64,
    /// The weights alone fit in the GPU.
    pub weights_fit: bool,
    /// `value` is the search limit: more may fit (see `unbounded`).
    pub at_limit: bool,
    /// The cache stops growing before the limit (every layer is sliding-window or chunked and
    /// the context is past the largest window), so any count fits once the plateau fits.
    pub unbounded: bool,
}

fn free_bytes(m: &ModelPreset, gpu_bytes: u64, weights: Dtype) -> Option<u64> {
    gpu_bytes.checked_sub(weight_bytes(m, weights))
}

/// The context length after which the cache of `m` no longer grows (every layer local), if any.
fn plateau(m: &ModelPreset) -> Option<u64> {
    let mut widest = 0u64;
    for k in m.layer_pattern {
        match *k {
            LayerKind::Global => return None,
            LayerKind::Sliding { window } => widest = widest.max(window as u64),
            LayerKind::Chunked { chunk } => widest = widest.max(chunk as u64),
        }
    }
    Some(widest)
}

/// Largest context `T ≤ limit` such that the weights plus the cache of `req.batch` sequences of
/// `T` tokens fit in `gpu_bytes` (`req.tokens` is ignored).
///
/// The cache grows monotonically with `T` (sliding and chunked layers stop growing at their
/// window), so a binary search finds the exact largest `T`.
pub fn max_tokens(req: &KvRequest, gpu_bytes: u64, weights: Dtype, limit: u64) -> Fit {
    let m = req.model;
    let Some(free) = free_bytes(m, gpu_bytes, weights) else {
        return Fit {
            value: 0,
            free_bytes: 0,
            weights_fit: false,
            at_limit: false,
            unbounded: false,
        };
    };
    let fits = |t: u64| kv_bytes(&req.tokens(t)) <= free;
    let (mut lo, mut hi) = (0u64, limit);
    if fits(hi) {
        lo = hi;
    } else {
        // Invariant: fits(lo) (0 tokens always fit), !fits(hi).
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if fits(mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }
    let at_limit = lo == limit;
    // At the limit with a cache that no longer grows (or no cache at all: batch 0), any
    // larger context fits too.
    let unbounded = at_limit && (req.batch == 0 || plateau(m).is_some_and(|p| p <= limit));
    Fit {
        value: lo,
        free_bytes: free,
        weights_fit: true,
        at_limit,
        unbounded,
    }
}

/// Largest batch `B ≤ limit` such that the weights plus `B` sequences of `req.tokens` tokens
/// fit in `gpu_bytes` (`req.batch` is ignored). The cache is linear in `B`, so this is
/// `free / per_sequence`, capped at `limit`.
pub fn max_batch(req: &KvRequest, gpu_bytes: u64, weights: Dtype, limit: u64) -> Fit {
    let m = req.model;
    let Some(free) = free_bytes(m, gpu_bytes, weights) else {
        return Fit {
            value: 0,
            free_bytes: 0,
            weights_fit: false,
            at_limit: false,
            unbounded: false,
        };
    };
    let per_sequence = kv_bytes(&req.batch(1));
    let (value, unbounded) = match free.checked_div(per_sequence) {
        None => (limit, true),
        Some(estimate) => {
            // Per-kind byte counts are rounded up separately, so settle the division exactly.
            let fits = |b: u64| kv_bytes(&req.batch(b)) <= free;
            let mut b = estimate.min(limit);
            while b > 0 && !fits(b) {
                b -= 1;
            }
            while b < limit && fits(b + 1) {
                b += 1;
            }
            (b, false)
        }
    };
    Fit {
        value,
        free_bytes: free,
        weights_fit: true,
        at_limit: value == limit,
        unbounded,
    }
}
