//! DAPO's overlong reward shaping, and how often a group carries no signal at all.

/// DAPO's soft overlong punishment (arXiv:2503.14476 §3.4), added to the task reward:
///
/// ```text
/// R_len(y) = 0                                  if |y| ≤ L_max − L_cache
///          = ((L_max − L_cache) − |y|) / L_cache if L_max − L_cache < |y| ≤ L_max
///          = −1                                 if |y| > L_max
/// ```
/// `cache` is clamped to `[0, max_len]`; with `cache = 0` the ramp vanishes (a hard −1 past
/// `max_len`).
pub fn overlong_reward(len: u32, max_len: u32, cache: u32) -> f64 {
    let cache = cache.min(max_len);
    let free = max_len - cache;
    if len <= free {
        0.0
    } else if len <= max_len {
        (free as f64 - len as f64) / cache as f64
    } else {
        -1.0
    }
}

/// The chance that all `g` responses get the same binary reward when each succeeds
/// independently with probability `p`: `p^G + (1 − p)^G`. Such a group has zero advantage
/// everywhere (GRPO, Dr. GRPO, RLOO) and DAPO's dynamic sampling discards it.
pub fn zero_signal_prob(p: f64, g: usize) -> f64 {
    let g = g.min(i32::MAX as usize) as i32;
    p.powi(g) + (1.0 - p).powi(g)
}

/// `(G, zero_signal_prob(p, G))` for `G = g_min..=g_max`.
pub fn zero_signal_curve(p: f64, g_min: usize, g_max: usize) -> Vec<(usize, f64)> {
    (g_min..=g_max)
        .map(|g| (g, zero_signal_prob(p, g)))
        .collect()
}
