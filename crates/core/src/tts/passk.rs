//! pass@k from `n` samples of which `c` are correct (Chen et al. 2021, "Evaluating Large
//! Language Models Trained on Code", arXiv:2107.03374, §2.1).
//!
//! * unbiased pass@k = 1 − C(n−c, k) / C(n, k): the chance that a random k-subset of the n
//!   samples contains a correct one;
//! * naive pass@k = 1 − (1 − c/n)^k: plugs the estimate ĉ/n into the i.i.d. formula, which is
//!   biased low for k > 1 (Jensen);
//! * pass^k = C(c, k) / C(n, k): all k of a random k-subset are correct (the "every time"
//!   reliability metric).
//!
//! Binomials are never formed: every ratio is a product of factors in [0, 1], so n up to
//! [`super::MAX_N`] (and far beyond) neither overflows nor loses precision.

/// Unbiased pass@k, Chen et al.'s stable form 1 − Π_{i=n−c+1}^{n} (1 − k/i).
///
/// Inputs are clamped (`c ≤ n`, `1 ≤ k ≤ n`); `n = 0` gives 0.
pub fn pass_at_k(n: u32, c: u32, k: u32) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let c = c.min(n);
    let k = k.clamp(1, n);
    if n - c < k {
        return 1.0;
    }
    let kf = k as f64;
    let miss: f64 = (n - c + 1..=n).map(|i| 1.0 - kf / i as f64).product();
    1.0 - miss
}

/// Naive pass@k = 1 − (1 − c/n)^k (same clamping as [`pass_at_k`]).
pub fn pass_at_k_naive(n: u32, c: u32, k: u32) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let c = c.min(n);
    let k = k.clamp(1, n);
    1.0 - (1.0 - c as f64 / n as f64).powi(k as i32)
}

/// pass^k = C(c, k) / C(n, k) = Π_{j=0}^{k−1} (c − j)/(n − j); 0 when k > c.
pub fn pass_hat_k(n: u32, c: u32, k: u32) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let c = c.min(n);
    let k = k.clamp(1, n);
    if k > c {
        return 0.0;
    }
    (0..k).map(|j| (c - j) as f64 / (n - j) as f64).product()
}

/// The three curves over k = 1..=n, in O(n) with running products:
/// C(n−c,k)/C(n,k) = C(n−c,k−1)/C(n,k−1) · (n−c−k+1)/(n−k+1), likewise for C(c,k)/C(n,k).
#[derive(Clone, Debug, PartialEq)]
pub struct PassCurves {
    /// Unbiased pass@k, index k−1.
    pub unbiased: Vec<f64>,
    pub naive: Vec<f64>,
    pub hat: Vec<f64>,
}

pub fn pass_curves(n: u32, c: u32) -> PassCurves {
    let c = c.min(n);
    let (nf, cf) = (n as f64, c as f64);
    let mut miss = 1.0; // C(n−c, k) / C(n, k)
    let mut all = 1.0; // C(c, k) / C(n, k)
    let mut out = PassCurves {
        unbiased: Vec::with_capacity(n as usize),
        naive: Vec::with_capacity(n as usize),
        hat: Vec::with_capacity(n as usize),
    };
    for k in 1..=n {
        let kf = k as f64;
        miss *= ((nf - cf - kf + 1.0) / (nf - kf + 1.0)).max(0.0);
        all *= ((cf - kf + 1.0) / (nf - kf + 1.0)).max(0.0);
        out.unbiased.push(1.0 - miss);
        out.naive.push(1.0 - (1.0 - cf / nf).powi(k as i32));
        out.hat.push(all);
    }
    out
}
