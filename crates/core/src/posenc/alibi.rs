//! ALiBi (Press et al., arXiv 2108.12409): head `h` adds `−m_h·(i−j)` to the score of query
//! `i` and key `j ≤ i`. No position is added to the embeddings.

/// Slopes of a power-of-two head count `n`: `2^(−8/n)`, `2^(−16/n)`, …, `2^(−8)`.
fn power_of_two_slopes(n: u32) -> Vec<f64> {
    (1..=n)
        .map(|h| 2f64.powf(-8.0 * h as f64 / n as f64))
        .collect()
}

/// The slopes of the reference implementation (`get_slopes` in the paper's repository,
/// also used by BLOOM and Baichuan2-13B): for a power of two `n` the geometric sequence
/// above; otherwise the slopes of the closest smaller power of two `p`, followed by every
/// other slope of `2p` (the 1st, 3rd, …) until there are `n`. `n = 0` gives no slopes.
pub fn slopes(n: u32) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    if n.is_power_of_two() {
        return power_of_two_slopes(n);
    }
    let p = 1u32 << (31 - n.leading_zeros());
    let mut out = power_of_two_slopes(p);
    out.extend(slopes(2 * p).into_iter().step_by(2).take((n - p) as usize));
    out
}

/// The bias a head with slope `m` adds for a key `distance` tokens back.
pub fn bias(m: f64, distance: f64) -> f64 {
    -m * distance
}

/// Head counts of models that use ALiBi, from their config.json.
pub const HEAD_PRESETS: &[(u32, &str, &str)] = &[
    (
        8,
        "ALiBi paper example (8 heads)",
        "https://arxiv.org/abs/2108.12409",
    ),
    (
        40,
        "Baichuan2-13B (num_attention_heads 40)",
        "https://huggingface.co/baichuan-inc/Baichuan2-13B-Base/blob/main/config.json",
    ),
    (
        112,
        "BLOOM 176B (n_head 112)",
        "https://huggingface.co/bigscience/bloom/blob/main/config.json",
    ),
];
