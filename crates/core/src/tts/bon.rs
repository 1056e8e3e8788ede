//! How far best-of-N drifts from the base policy: KL(π_BoN ‖ π_base) = log N − (N − 1)/N
//! nats, the formula used by Stiennon et al. 2020 (arXiv:2009.01325, appendix) and Gao et
//! al. 2022 (arXiv:2210.10760). It is exact when the base policy's outputs are all distinct
//! (continuous rewards, no ties) and an upper bound otherwise (Beirami et al. 2024,
//! arXiv:2401.01879). It grows only like log N: 1000× more samples cost ≈ 7 nats.

/// KL of best-of-N from the base policy in nats (0 for N ≤ 1).
pub fn bon_kl(n: u32) -> f64 {
    if n <= 1 {
        return 0.0;
    }
    let nf = n as f64;
    nf.ln() - (nf - 1.0) / nf
}
