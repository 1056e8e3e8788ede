//! The result of one simulation step.

/// What one step did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepResult {
    /// Steps completed, this one included (0 before the first step).
    pub step: u32,
    /// Routed experts per token (row width of `experts`, `weights`, `kept`).
    pub k: usize,
    /// Shared experts per token (always active, weight 1; not in `experts`).
    pub shared: u32,
    /// Token labels, in arrival order.
    pub labels: Vec<&'static str>,
    /// tokens × k: each token's routed experts, best choice score first.
    pub experts: Vec<u16>,
    /// tokens × k: their gate weights (before any capacity drop).
    pub weights: Vec<f64>,
    /// tokens × k: false where the expert was full and the assignment was dropped.
    pub kept: Vec<bool>,
    /// Per expert: tokens the router sent to it (its demand).
    pub loads: Vec<u32>,
    /// Per expert: tokens it actually processed (≤ capacity).
    pub kept_loads: Vec<u32>,
    /// Per-expert capacity this step (`None`: no limit).
    pub capacity: Option<u32>,
    /// CV of `loads` (population std / mean).
    pub cv: f64,
    /// CV of `kept_loads`.
    pub cv_kept: f64,
    /// Dropped (token, expert) assignments.
    pub dropped: u32,
    /// Tokens that lost all their routed experts (they still get the shared ones).
    pub dropped_tokens: u32,
    /// `α · N · Σ f_i P_i` of this step (computed whatever the scheme, as a diagnostic).
    pub aux_loss: f64,
    pub max_load: u32,
    pub min_load: u32,
}

/// One token of a step, with kept and dropped experts separated.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenRoute {
    pub label: &'static str,
    pub experts: Vec<u16>,
    pub weights: Vec<f64>,
    /// Experts that were full; the token's weight for them is lost (the kept weights are not
    /// renormalised).
    pub dropped: Vec<u16>,
    pub dropped_weights: Vec<f64>,
}

impl StepResult {
    pub fn tokens(&self) -> usize {
        self.labels.len()
    }

    fn row<'a, T>(&self, v: &'a [T], t: usize) -> &'a [T] {
        v.get(t * self.k..(t + 1) * self.k).unwrap_or(&[])
    }

    /// Token `t`'s routed experts (kept and dropped), best first.
    pub fn experts_of(&self, t: usize) -> &[u16] {
        self.row(&self.experts, t)
    }

    pub fn weights_of(&self, t: usize) -> &[f64] {
        self.row(&self.weights, t)
    }

    pub fn kept_of(&self, t: usize) -> &[bool] {
        self.row(&self.kept, t)
    }

    /// Token `t` with kept and dropped experts separated (`None` past the end).
    pub fn route(&self, t: usize) -> Option<TokenRoute> {
        let label = *self.labels.get(t)?;
        let mut r = TokenRoute {
            label,
            experts: Vec::new(),
            weights: Vec::new(),
            dropped: Vec::new(),
            dropped_weights: Vec::new(),
        };
        let rows = self.experts_of(t).iter().zip(self.weights_of(t));
        for ((&e, &w), &kept) in rows.zip(self.kept_of(t)) {
            if kept {
                r.experts.push(e);
                r.weights.push(w);
            } else {
                r.dropped.push(e);
                r.dropped_weights.push(w);
            }
        }
        Some(r)
    }
}
