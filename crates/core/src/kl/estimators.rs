//! Schulman's k1, k2, k3 as functions of the log-ratio `ℓ = log r = log π_ref(a) − log π_θ(a)`,
//! and their exact moments under `π_θ`.

/// One of the three estimators of `KL(π_θ‖π_ref)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Estimator {
    K1,
    K2,
    K3,
}

impl Estimator {
    pub const ALL: [Estimator; 3] = [Estimator::K1, Estimator::K2, Estimator::K3];

    pub fn code(self) -> &'static str {
        match self {
            Estimator::K1 => "k1",
            Estimator::K2 => "k2",
            Estimator::K3 => "k3",
        }
    }

    /// The estimate at one action with log-ratio `lr`: `−ℓ`, `ℓ²/2`, `(e^ℓ − 1) − ℓ`.
    /// (`exp_m1` keeps k3 accurate when `r ≈ 1`, where `r − 1` and `log r` nearly cancel.)
    pub fn value(self, lr: f64) -> f64 {
        match self {
            Estimator::K1 => -lr,
            Estimator::K2 => 0.5 * lr * lr,
            Estimator::K3 => lr.exp_m1() - lr,
        }
    }

    /// `dk/dℓ`: `−1`, `ℓ`, `e^ℓ − 1`.
    pub fn derivative(self, lr: f64) -> f64 {
        match self {
            Estimator::K1 => -1.0,
            Estimator::K2 => lr,
            Estimator::K3 => lr.exp_m1(),
        }
    }
}

/// `[k1, k2, k3]` for one sampled action with probabilities `pi_theta` and `pi_ref` (both > 0).
pub fn sample_values(pi_theta: f64, pi_ref: f64) -> [f64; 3] {
    let lr = pi_ref.ln() - pi_theta.ln();
    Estimator::ALL.map(|e| e.value(lr))
}

/// Mean and standard deviation of a single-sample estimate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moments {
    pub mean: f64,
    pub std: f64,
}

/// Exact `E_{π}[f]` and `std_{π}[f]` for values `f(a)` (a sum over actions).
pub fn moments(pi: &[f64], values: &[f64]) -> Moments {
    let mean: f64 = pi.iter().zip(values).map(|(p, v)| p * v).sum();
    let var: f64 = pi
        .iter()
        .zip(values)
        .map(|(p, v)| p * (v - mean) * (v - mean))
        .sum();
    Moments {
        mean,
        std: var.max(0.0).sqrt(),
    }
}
