//! "Sample 1000 times": a seeded empirical histogram of a distribution, reusing the crate's
//! SplitMix64 ([`crate::moe::rng`]) so a seed gives the same bars on every machine.

use crate::moe::rng::SplitMix64;

/// Draws `draws` tokens from `probs` by inverse CDF and counts them (input order).
///
/// Tokens with probability 0 are never drawn; if rounding leaves the uniform draw past the
/// last cumulative sum, the last token with positive probability is taken. All-zero `probs`
/// give all-zero counts.
pub fn histogram(probs: &[f64], draws: u32, seed: u64) -> Vec<u32> {
    let mut counts = vec![0u32; probs.len()];
    let Some(last) = probs.iter().rposition(|&p| p > 0.0) else {
        return counts;
    };
    let total: f64 = probs.iter().filter(|p| **p > 0.0).sum();
    let mut rng = SplitMix64::new(seed);
    for _ in 0..draws {
        let u = rng.next_f64() * total;
        let mut acc = 0.0;
        let mut pick = last;
        for (i, &p) in probs.iter().enumerate() {
            if p <= 0.0 {
                continue;
            }
            acc += p;
            if u < acc {
                pick = i;
                break;
            }
        }
        counts[pick] += 1;
    }
    counts
}
