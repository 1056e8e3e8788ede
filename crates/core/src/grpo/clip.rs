//! PPO's clipped surrogate, as GRPO, DAPO (clip-higher) and GSPO (per sequence) use it.

/// The surrogate `min(ρ·A, clip(ρ, 1 − ε_low, 1 + ε_high)·A)` at one ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Surrogate {
    pub value: f64,
    /// The clipped term is the one taken and it is constant in ρ, so the gradient w.r.t. ρ
    /// is zero: `A > 0` and `ρ > 1 + ε_high`, or `A < 0` and `ρ < 1 − ε_low`. On the
    /// boundary itself it is not clipped. With `A = 0` the gradient is zero too, but nothing
    /// is clipped, so this is `false`; see [`Surrogate::zero_gradient`].
    pub clipped: bool,
    /// `∂value/∂ρ`: `A`, or 0 when clipped.
    pub gradient: f64,
}

impl Surrogate {
    /// The token (or sequence, for GSPO) teaches nothing at this ratio.
    pub fn zero_gradient(&self) -> bool {
        self.gradient == 0.0
    }
}

/// The clipped surrogate at ratio `rho` with advantage `a`.
pub fn surrogate(rho: f64, a: f64, eps_low: f64, eps_high: f64) -> Surrogate {
    let (lo, hi) = (1.0 - eps_low, 1.0 + eps_high);
    let clipped = (a > 0.0 && rho > hi) || (a < 0.0 && rho < lo);
    Surrogate {
        value: (rho * a).min(rho.clamp(lo, hi) * a),
        clipped,
        gradient: if clipped { 0.0 } else { a },
    }
}

/// GSPO's sequence ratio `s_i = exp(mean_t log(π_θ(o_{i,t}) / π_old(o_{i,t})))`
/// (arXiv:2507.18071): the geometric mean of the token ratios. 1 for an empty list.
pub fn sequence_ratio(log_ratios: &[f64]) -> f64 {
    if log_ratios.is_empty() {
        return 1.0;
    }
    (log_ratios.iter().sum::<f64>() / log_ratios.len() as f64).exp()
}

/// The ratios outside which the surrogate can be clipped: `(1 − ε_low, 1 + ε_high)`.
/// For `A > 0` the flat part is `ρ > 1 + ε_high`; for `A < 0` it is `ρ < 1 − ε_low`.
pub fn clip_region(eps_low: f64, eps_high: f64) -> (f64, f64) {
    (1.0 - eps_low, 1.0 + eps_high)
}

/// One curve of the surrogate against ρ for plotting.
#[derive(Clone, Debug, PartialEq)]
pub struct SurrogateCurve {
    pub advantage: f64,
    /// `(ρ, surrogate, clipped)` at evenly spaced ρ.
    pub points: Vec<(f64, f64, bool)>,
}

/// The surrogate against ρ over `[rho_min, rho_max]` at `n ≥ 2` points (fewer are raised to
/// 2), for `A = +|advantage|` and `A = −|advantage|`, in that order.
pub fn surrogate_curves(
    advantage: f64,
    eps_low: f64,
    eps_high: f64,
    (rho_min, rho_max): (f64, f64),
    n: usize,
) -> [SurrogateCurve; 2] {
    let n = n.max(2);
    let curve = |a: f64| SurrogateCurve {
        advantage: a,
        points: (0..n)
            .map(|k| {
                let rho = rho_min + (rho_max - rho_min) * k as f64 / (n - 1) as f64;
                let s = surrogate(rho, a, eps_low, eps_high);
                (rho, s.value, s.clipped)
            })
            .collect(),
    };
    [curve(advantage.abs()), curve(-advantage.abs())]
}
