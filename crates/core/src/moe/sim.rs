//! A seeded simulation of one MoE layer's router over training steps. The token stream and
//! the router logits are described in [`super::stream`].
//!
//! **Step.** Route every token ([`super::router`]), apply capacity in arrival order, measure,
//! then update the balancing state (bias or offset) for the next step. Step `s` draws its
//! tokens from sub-stream `s` of the seed, so streams are reproducible and independent of the
//! balancing scheme.

use super::balance::{apply_capacity, aux_loss, aux_loss_and_grad, update_bias, AUX_LR};
use super::detail::{route_scored, TokenDetail};
use super::rng::SplitMix64;
use super::router::{select_into, weights_into, Scratch, Spec};
use super::step::StepResult;
use super::stream::{
    dot_table, exp_sign, logit, normals, rest_exp_into, scores_from_factors, CONTEXTS,
    CONTEXT_SCALE, DIM, MAX_OFFSET, SKEW_LOGITS, STREAM_CONTEXTS, STREAM_EXPERTS,
    STREAM_POPULARITY, STREAM_STEP0, STREAM_WORDS, WORDS,
};
use super::{load_cv, Balance, MoeConfig, Scoring};

/// The simulation state.
#[derive(Clone, Debug)]
pub struct Simulation {
    cfg: MoeConfig,
    spec: Spec,
    /// `word_dot[w * N + i] = word_w · e_i`.
    word_dot: Vec<f64>,
    /// `ctx_dot[c * N + i] = context_c · e_i`.
    ctx_dot: Vec<f64>,
    /// `exp(±word_dot)` and `exp(±ctx_dot)`: `−` for sigmoid scoring, `+` for softmax.
    word_exp: Vec<f64>,
    ctx_exp: Vec<f64>,
    /// `exp(±(skew_i + o_i))` for the current step.
    rest_exp: Vec<f64>,
    skew_bonus: Vec<f64>,
    bias: Vec<f64>,
    offset: Vec<f64>,
    prev_bias: Vec<f64>,
    prev_offset: Vec<f64>,
    /// (word, context) of each token of the latest step.
    token_ids: Vec<(u16, u16)>,
    /// Σ_t of the aux-loss probabilities P_ti of the latest step.
    p_sum: Vec<f64>,
    scores: Vec<f64>,
    result: StepResult,
    cv_history: Vec<f64>,
    choice: Vec<f64>,
    grad: Vec<f64>,
    pick: Vec<u16>,
    scratch: Scratch,
}

impl Simulation {
    /// A fresh simulation (the config is sanitised first; nothing here can panic).
    pub fn new(cfg: MoeConfig) -> Simulation {
        let mut cfg = cfg;
        let _ = cfg.sanitize();
        let spec = Spec::new(&cfg);
        let n = spec.n;
        let seed = cfg.seed;
        let experts = normals(
            &mut SplitMix64::stream(seed, STREAM_EXPERTS),
            n * DIM,
            1.0 / (DIM as f64).sqrt(),
        );
        let words = normals(
            &mut SplitMix64::stream(seed, STREAM_WORDS),
            WORDS.len() * DIM,
            1.0,
        );
        let contexts = normals(
            &mut SplitMix64::stream(seed, STREAM_CONTEXTS),
            CONTEXTS * DIM,
            CONTEXT_SCALE,
        );
        let word_dot = dot_table(&words, &experts, n);
        let ctx_dot = dot_table(&contexts, &experts, n);
        let sign = exp_sign(cfg.scoring);
        let mut order: Vec<usize> = (0..n).collect();
        SplitMix64::stream(seed, STREAM_POPULARITY).shuffle(&mut order);
        let mut skew_bonus = vec![0.0; n];
        for (rank, &e) in order.iter().enumerate() {
            skew_bonus[e] = cfg.skew * SKEW_LOGITS * (-(rank as f64) / spec.k as f64).exp();
        }
        let result = StepResult {
            k: spec.k,
            shared: cfg.shared,
            loads: vec![0; n],
            kept_loads: vec![0; n],
            capacity: cfg.capacity(),
            ..StepResult::default()
        };
        Simulation {
            spec,
            word_exp: word_dot.iter().map(|&v| (sign * v).exp()).collect(),
            ctx_exp: ctx_dot.iter().map(|&v| (sign * v).exp()).collect(),
            rest_exp: vec![0.0; n],
            word_dot,
            ctx_dot,
            skew_bonus,
            bias: vec![0.0; n],
            offset: vec![0.0; n],
            prev_bias: vec![0.0; n],
            prev_offset: vec![0.0; n],
            token_ids: Vec::new(),
            p_sum: vec![0.0; n],
            scores: Vec::new(),
            result,
            cv_history: Vec::new(),
            choice: vec![0.0; n],
            grad: vec![0.0; n],
            pick: Vec::with_capacity(spec.k),
            scratch: Scratch::default(),
            cfg,
        }
    }

    /// The (sanitised) configuration.
    pub fn config(&self) -> &MoeConfig {
        &self.cfg
    }

    /// The latest step's result (an empty step 0 before the first call to [`Self::step`]).
    pub fn result(&self) -> &StepResult {
        &self.result
    }

    /// Steps completed.
    pub fn steps_done(&self) -> u32 {
        self.result.step
    }

    /// CV of the router's loads, one entry per completed step.
    pub fn cv_history(&self) -> &[f64] {
        &self.cv_history
    }

    /// The current balancing bias `b_i` (used for choosing in the next step).
    pub fn bias(&self) -> &[f64] {
        &self.bias
    }

    /// The current auxiliary-loss logit offsets `o_i`.
    pub fn offsets(&self) -> &[f64] {
        &self.offset
    }

    /// The per-expert skew term of the synthetic router.
    pub fn skew_bonus(&self) -> &[f64] {
        &self.skew_bonus
    }

    /// Runs one step and returns its result.
    pub fn step(&mut self) -> &StepResult {
        let n = self.spec.n;
        let k = self.spec.k;
        let tokens = self.cfg.tokens.max(1) as usize;
        let mut rng = SplitMix64::stream(self.cfg.seed, STREAM_STEP0 + self.result.step as u64);
        self.prev_bias.copy_from_slice(&self.bias);
        self.prev_offset.copy_from_slice(&self.offset);

        let mut r = std::mem::take(&mut self.result);
        r.step += 1;
        r.labels.clear();
        r.experts.clear();
        r.weights.clear();
        r.loads.iter_mut().for_each(|l| *l = 0);
        self.token_ids.clear();
        self.scores.resize(tokens * n, 0.0);
        self.p_sum.iter_mut().for_each(|p| *p = 0.0);
        rest_exp_into(
            self.spec.scoring,
            &self.skew_bonus,
            &self.offset,
            &mut self.rest_exp,
        );
        let sigmoid = self.spec.scoring == Scoring::Sigmoid;

        for t in 0..tokens {
            let w = rng.below(WORDS.len() as u64) as usize;
            let c = rng.below(CONTEXTS as u64) as usize;
            r.labels.push(WORDS[w]);
            self.token_ids.push((w as u16, c as u16));
            let row = &mut self.scores[t * n..(t + 1) * n];
            scores_from_factors(
                self.spec.scoring,
                &self.word_exp[w * n..(w + 1) * n],
                &self.ctx_exp[c * n..(c + 1) * n],
                &self.rest_exp,
                row,
            );
            let mut inv = 1.0;
            if sigmoid {
                let total: f64 = row.iter().sum();
                inv = if total > 0.0 { 1.0 / total } else { 0.0 };
            }
            let (choice, p_sum, bias) =
                (&mut self.choice[..n], &mut self.p_sum[..n], &self.bias[..n]);
            let row = &row[..n];
            for i in 0..n {
                choice[i] = row[i] + bias[i];
                p_sum[i] += row[i] * inv;
            }
            select_into(&self.spec, &self.choice, &mut self.scratch, &mut self.pick);
            let start = r.weights.len();
            r.weights.resize(start + k, 0.0);
            weights_into(&self.spec, row, &self.pick, &mut r.weights[start..]);
            for &e in &self.pick {
                r.experts.push(e);
                r.loads[e as usize] += 1;
            }
        }

        r.capacity = self.cfg.capacity();
        r.dropped = apply_capacity(&r.experts, r.capacity, &mut r.kept, &mut r.kept_loads);
        r.dropped_tokens = r
            .kept
            .chunks(k)
            .filter(|row| row.iter().all(|&x| !x))
            .count() as u32;
        r.cv = load_cv(&r.loads);
        r.cv_kept = load_cv(&r.kept_loads);
        r.max_load = r.loads.iter().copied().max().unwrap_or(0);
        r.min_load = r.loads.iter().copied().min().unwrap_or(0);
        r.aux_loss = aux_loss(&self.p_sum, tokens, &r.loads, self.cfg.alpha);
        match self.cfg.balance {
            Balance::Bias => update_bias(&mut self.bias, &r.loads, self.cfg.gamma),
            Balance::Aux => {
                aux_loss_and_grad(
                    self.spec.scoring,
                    &self.scores,
                    n,
                    &r.loads,
                    self.cfg.alpha,
                    &mut self.grad,
                );
                for (o, g) in self.offset.iter_mut().zip(&self.grad) {
                    *o = (*o - AUX_LR * g).clamp(-MAX_OFFSET, MAX_OFFSET);
                }
            }
            Balance::None => {}
        }
        self.cv_history.push(r.cv);
        self.result = r;
        &self.result
    }

    /// Runs `steps` steps and returns the last result.
    pub fn run(&mut self, steps: u32) -> &StepResult {
        for _ in 0..steps {
            self.step();
        }
        &self.result
    }

    /// Re-routes token `t` of the latest step with the state that step used, explaining every
    /// intermediate value (`None` before the first step or past the last token).
    pub fn route_one(&self, t: usize) -> Option<TokenDetail> {
        let label = *self.result.labels.get(t)?;
        let (w, c) = *self.token_ids.get(t)?;
        let n = self.spec.n;
        let word = &self.word_dot[w as usize * n..(w as usize + 1) * n];
        let ctx = &self.ctx_dot[c as usize * n..(c as usize + 1) * n];
        let logits: Vec<f64> = (0..n)
            .map(|i| logit(word, ctx, &self.skew_bonus, &self.prev_offset, i))
            .collect();
        let mut rest = vec![0.0; n];
        rest_exp_into(
            self.spec.scoring,
            &self.skew_bonus,
            &self.prev_offset,
            &mut rest,
        );
        let mut scores = vec![0.0; n];
        scores_from_factors(
            self.spec.scoring,
            &self.word_exp[w as usize * n..(w as usize + 1) * n],
            &self.ctx_exp[c as usize * n..(c as usize + 1) * n],
            &rest,
            &mut scores,
        );
        let mut d = route_scored(&self.cfg, logits, scores, &self.prev_bias);
        d.label = label.to_string();
        d.kept = self.result.kept_of(t).to_vec();
        Some(d)
    }
}
