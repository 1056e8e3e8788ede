//! Majority vote (self-consistency, Wang et al. 2022, arXiv:2203.11171) against best-of-N.
//!
//! **Distribution mode.** Each of k i.i.d. samples is answer `j` with probability `p[j]`;
//! answer 0 is the correct one. [`maj_at_k_curve`] gives the exact probability that the
//! majority is correct, a tie for the top count being broken uniformly at random (so a
//! t-way tie that includes the correct answer counts 1/t).
//!
//! The algorithm conditions on the count `m ≥ 1` of the correct answer. The other answers
//! must each get at most `m`; a DP over them, answer by answer, tracks how many samples they
//! used (`s`) and how many of them reached exactly `m` (`t`, the ties), summing
//! Π p_j^{c_j} / c_j!. Then
//!
//! maj@k = Σ_m k! · p_0^m / m! · Σ_t DP_m[k − m][t] / (t + 1).
//!
//! One DP per `m` serves every k at once, so the whole curve up to k = 64 with 16 answers
//! costs a few million multiply-adds. Factorials stay below 64! ≈ 1.3·10^89, far inside f64.
//!
//! **Sample mode.** An explicit list of answers with verifier scores; [`pick`] says which
//! answer majority vote, best-of-N (highest single score) and weighted best-of-N (highest
//! sum of scores per answer, i.e. verifier-weighted voting) choose.

/// Exact maj@k for k = 1..=`kmax` (index k−1). `probs[0]` is the correct answer; entries
/// should be a distribution (see [`super::params`]); an empty `probs` gives zeros.
pub fn maj_at_k_curve(probs: &[f64], kmax: u32) -> Vec<f64> {
    let kmax = kmax as usize;
    let mut out = vec![0.0; kmax];
    if probs.is_empty() || kmax == 0 {
        return out;
    }
    let mut fact = vec![1.0f64; kmax + 1];
    for i in 1..=kmax {
        fact[i] = fact[i - 1] * i as f64;
    }
    // pw[j][c] = p_j^c / c!
    let pw: Vec<Vec<f64>> = probs
        .iter()
        .map(|&p| (0..=kmax).map(|c| p.powi(c as i32) / fact[c]).collect())
        .collect();
    let (correct, others) = (&pw[0], &pw[1..]);
    for (m, &p0_term) in correct.iter().enumerate().skip(1) {
        let rest = kmax - m;
        let max_ties = others.len().min(rest / m);
        let width = max_ties + 1;
        // dp[s * width + t]
        let mut dp = vec![0.0f64; (rest + 1) * width];
        dp[0] = 1.0;
        for q in others {
            let mut next = vec![0.0f64; dp.len()];
            for s in 0..=rest {
                for t in 0..width {
                    let w = dp[s * width + t];
                    if w == 0.0 {
                        continue;
                    }
                    for c in 0..=m.min(rest - s) {
                        let tt = t + usize::from(c == m);
                        if tt < width {
                            next[(s + c) * width + tt] += w * q[c];
                        }
                    }
                }
            }
            dp = next;
        }
        for r in 0..=rest {
            let ways: f64 = (0..width).map(|t| dp[r * width + t] / (t + 1) as f64).sum();
            let k = m + r;
            out[k - 1] += fact[k] * p0_term * ways;
        }
    }
    out
}

/// Exact maj@k for one `k` (0 for k = 0).
pub fn maj_at_k(probs: &[f64], k: u32) -> f64 {
    maj_at_k_curve(probs, k).last().copied().unwrap_or(0.0)
}

/// Best-of-N with a perfect verifier: some sample is correct, 1 − (1 − p_0)^k.
pub fn oracle_at_k(p_correct: f64, k: u32) -> f64 {
    1.0 - (1.0 - p_correct).powi(k as i32)
}

/// One sampled answer and its verifier (reward-model) score.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    pub answer: String,
    pub score: f64,
}

/// Per-answer totals, in order of first appearance.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    pub answer: String,
    pub count: u32,
    pub score_sum: f64,
    pub best_score: f64,
    /// Index of the answer's first sample.
    pub first: usize,
}

/// What each selection rule picks; the three answer fields index [`Picks::tallies`].
///
/// Tie rules (deterministic): majority — most samples, then earliest first appearance;
/// best-of-N — highest single score, then earliest sample; weighted — highest score sum
/// (summed in sample order), then earliest first appearance.
#[derive(Clone, Debug, PartialEq)]
pub struct Picks {
    pub tallies: Vec<Tally>,
    pub majority: usize,
    pub best_of_n: usize,
    pub weighted: usize,
    /// The sample best-of-N takes.
    pub best_sample: usize,
}

impl Picks {
    pub fn majority_answer(&self) -> &str {
        &self.tallies[self.majority].answer
    }
    pub fn best_of_n_answer(&self) -> &str {
        &self.tallies[self.best_of_n].answer
    }
    pub fn weighted_answer(&self) -> &str {
        &self.tallies[self.weighted].answer
    }
}

/// Applies the three rules; `None` for no samples.
pub fn pick(samples: &[Sample]) -> Option<Picks> {
    let mut tallies: Vec<Tally> = Vec::new();
    let mut best_sample = 0;
    for (i, s) in samples.iter().enumerate() {
        if s.score > samples[best_sample].score {
            best_sample = i;
        }
        match tallies.iter_mut().find(|t| t.answer == s.answer) {
            Some(t) => {
                t.count += 1;
                t.score_sum += s.score;
                t.best_score = t.best_score.max(s.score);
            }
            None => tallies.push(Tally {
                answer: s.answer.clone(),
                count: 1,
                score_sum: s.score,
                best_score: s.score,
                first: i,
            }),
        }
    }
    if tallies.is_empty() {
        return None;
    }
    // Tallies are in first-appearance order, so keeping the first strict maximum is the
    // "earliest first appearance" tie rule.
    let argmax = |key: &dyn Fn(&Tally) -> f64| {
        let mut best = 0;
        for (i, t) in tallies.iter().enumerate() {
            if key(t) > key(&tallies[best]) {
                best = i;
            }
        }
        best
    };
    let majority = argmax(&|t| t.count as f64);
    let weighted = argmax(&|t| t.score_sum);
    let best_of_n = tallies
        .iter()
        .position(|t| t.answer == samples[best_sample].answer)
        .unwrap_or(0);
    Some(Picks {
        tallies,
        majority,
        best_of_n,
        weighted,
        best_sample,
    })
}
