//! Compute-optimal test-time budget: `B` samples spread over problems whose single-sample
//! success rates are `p_j`; problem j is solved if any of its `n_j` samples is correct
//! (a perfect verifier), so the expected number solved is Σ_j 1 − (1 − p_j)^{n_j}.
//!
//! Each term is concave in `n_j`: the next sample's gain `p_j (1 − p_j)^{n_j}` never grows.
//! For a separable sum of concave terms under one budget, giving each sample to the largest
//! current marginal gain is optimal (exchange argument), so [`optimal_allocation`] is exact.
//! This is the idea behind Snell et al. 2024, "Scaling LLM Test-Time Compute Optimally can be
//! More Effective than Scaling Model Parameters" (arXiv:2408.03314): spend test-time compute
//! per prompt by its difficulty, where the marginal gain is largest — easy problems saturate
//! after a few samples, hopeless ones never pay back, the middle gets the most.

/// Expected problems solved with `alloc[j]` samples on problem j.
pub fn expected_solved(p: &[f64], alloc: &[u32]) -> f64 {
    p.iter()
        .zip(alloc)
        .map(|(&pj, &n)| 1.0 - (1.0 - pj).powi(n as i32))
        .sum()
}

/// Gain of the next sample on a problem with rate `p` that already has `n` samples.
pub fn marginal_gain(p: f64, n: u32) -> f64 {
    p * (1.0 - p).powi(n as i32)
}

/// Greedy by marginal gain (optimal, see the module docs). Ties go to the lowest index, so
/// the allocation is deterministic; other tied allocations have the same expected value.
pub fn optimal_allocation(p: &[f64], budget: u32) -> Vec<u32> {
    let mut alloc = vec![0u32; p.len()];
    if p.is_empty() {
        return alloc;
    }
    // The gain of the next sample per problem, updated by one multiplication.
    let mut next: Vec<f64> = p.to_vec();
    for _ in 0..budget {
        let mut best = 0;
        for j in 1..p.len() {
            if next[j] > next[best] {
                best = j;
            }
        }
        alloc[best] += 1;
        next[best] = marginal_gain(p[best], alloc[best]);
    }
    alloc
}

/// The uniform split: ⌊B/m⌋ each, and the remainder `B mod m` one extra sample each to the
/// first problems in input order.
pub fn uniform_allocation(problems: usize, budget: u32) -> Vec<u32> {
    if problems == 0 {
        return Vec::new();
    }
    let m = problems as u32;
    (0..m)
        .map(|j| budget / m + u32::from(j < budget % m))
        .collect()
}
