//! Pure helpers of the MoE lab: URL parsing, the numeric knobs, the canvas layout of the
//! expert grid and the timing of the animation. No browser calls, so all of it is unit-tested.

use explorables_core::moe::{MoeConfig, MoeParams};
use explorables_core::params::{parse_query, Notice};

/// Parses the widget's URL parameters; notices say what was changed.
pub fn from_query(query: &str) -> (MoeParams, Vec<Notice>) {
    MoeParams::from_query(&parse_query(query))
}

/// One numeric knob: URL key, labels, input range and step.
pub struct Knob {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

const fn knob(key: &'static str, zh: &'static str, en: &'static str, max: f64, step: f64) -> Knob {
    Knob {
        key,
        zh,
        en,
        min: 0.0,
        max,
        step,
    }
}

/// Every numeric knob, in display order.
pub const KNOBS: &[Knob] = &[
    knob("experts", "路由专家 N", "Routed experts N", 384.0, 1.0),
    knob("k", "每 token 专家 k", "Experts per token k", 16.0, 1.0),
    knob("shared", "共享专家 S", "Shared experts S", 2.0, 1.0),
    knob("groups", "专家分组", "Expert groups", 384.0, 1.0),
    knob("topk_groups", "保留组数", "Groups kept", 384.0, 1.0),
    knob(
        "capacity",
        "容量因子（0 = 不限）",
        "Capacity factor (0 = none)",
        16.0,
        0.05,
    ),
    knob("gamma", "偏置步长 γ", "Bias speed γ", 1.0, 0.001),
    knob("alpha", "辅助损失 α", "Aux-loss α", 1.0, 0.001),
    knob("tokens", "每步 token 数", "Tokens per step", 256.0, 1.0),
    knob("skew", "偏斜", "Skew", 1.0, 0.05),
    knob("seed", "随机种子", "Seed", 9_007_199_254_740_991.0, 1.0),
];

/// The current value of knob `key` (0 for an unknown key).
pub fn knob_value(c: &MoeConfig, key: &str) -> f64 {
    match key {
        "experts" => c.experts as f64,
        "k" => c.k as f64,
        "shared" => c.shared as f64,
        "groups" => c.groups as f64,
        "topk_groups" => c.topk_groups as f64,
        "capacity" => c.capacity_factor,
        "gamma" => c.gamma,
        "alpha" => c.alpha,
        "tokens" => c.tokens as f64,
        "skew" => c.skew,
        "seed" => c.seed as f64,
        _ => 0.0,
    }
}

/// Sets knob `key` to `v` (non-finite input is ignored; the caller sanitises afterwards).
/// Returns whether anything was set.
pub fn set_knob(c: &mut MoeConfig, key: &str, v: f64) -> bool {
    if !v.is_finite() {
        return false;
    }
    let u = v.round().clamp(0.0, u32::MAX as f64) as u32;
    match key {
        "experts" => c.experts = u,
        "k" => c.k = u,
        "shared" => c.shared = u,
        "groups" => c.groups = u,
        "topk_groups" => c.topk_groups = u,
        "capacity" => c.capacity_factor = v,
        "gamma" => c.gamma = v,
        "alpha" => c.alpha = v,
        "tokens" => c.tokens = u,
        "skew" => c.skew = v,
        "seed" => c.seed = v.round().max(0.0) as u64,
        _ => return false,
    }
    true
}

/// Height of the router row at the top of the canvas (CSS px).
pub const ROUTER_H: f64 = 30.0;
/// Gap between the router row and the expert grid.
pub const GAP: f64 = 46.0;

/// Where things are on the routing canvas (CSS px).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    /// Number of experts (grid cells).
    pub experts: u32,
    pub width: f64,
    pub height: f64,
    pub cols: u32,
    pub rows: u32,
    pub cell: f64,
    pub x0: f64,
    pub grid_y: f64,
}

impl Layout {
    /// A grid of `experts` cells on a canvas `width` wide: cells at least 14 px, at most 56 px.
    pub fn new(experts: u32, width: f64) -> Layout {
        let n = experts.max(1);
        let width = if width.is_finite() {
            width.clamp(200.0, 1200.0)
        } else {
            600.0
        };
        let max_cols = ((width / 14.0).floor() as u32).max(1);
        let cols = ((n as f64 * 2.5).sqrt().ceil() as u32)
            .clamp(1, max_cols)
            .min(n);
        let rows = n.div_ceil(cols);
        let cell = (width / cols as f64).min(56.0);
        let x0 = (width - cell * cols as f64) / 2.0;
        let grid_y = ROUTER_H + GAP;
        Layout {
            experts,
            width,
            height: grid_y + rows as f64 * cell + 6.0,
            cols,
            rows,
            cell,
            x0,
            grid_y,
        }
    }

    /// Top-left corner of expert `i`'s cell.
    pub fn cell_xy(&self, i: usize) -> (f64, f64) {
        let cols = self.cols.max(1) as usize;
        (
            self.x0 + (i % cols) as f64 * self.cell,
            self.grid_y + (i / cols) as f64 * self.cell,
        )
    }

    pub fn cell_center(&self, i: usize) -> (f64, f64) {
        let (x, y) = self.cell_xy(i);
        (x + self.cell / 2.0, y + self.cell / 2.0)
    }

    /// Where token `t` of `tokens` waits in the router row.
    pub fn token_xy(&self, t: usize, tokens: usize) -> (f64, f64) {
        let tokens = tokens.max(1) as f64;
        ((t as f64 + 0.5) * self.width / tokens, ROUTER_H / 2.0)
    }
}

/// Smooth start and stop for `p` in [0, 1].
pub fn ease(p: f64) -> f64 {
    let p = if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        1.0
    };
    p * p * (3.0 - 2.0 * p)
}

pub fn lerp(a: (f64, f64), b: (f64, f64), p: f64) -> (f64, f64) {
    (a.0 + (b.0 - a.0) * p, a.1 + (b.1 - a.1) * p)
}

/// Flight time of the dots at speed 1 (ms); a step lasts `STEP_MS / speed`.
pub const FLIGHT_MS: f64 = 600.0;
pub const STEP_MS: f64 = 1000.0;

/// One animation frame: time `phase` (ms since the current step began) advanced by `dt`.
/// Returns the new phase, whether to run the next step now, and whether frames are still
/// needed (a paused widget stops once its dots have landed).
pub fn advance(phase: f64, dt: f64, speed: f64, playing: bool) -> (f64, bool, bool) {
    let speed = if speed.is_finite() && speed > 0.0 {
        speed
    } else {
        1.0
    };
    let dt = if dt.is_finite() {
        dt.clamp(0.0, 250.0)
    } else {
        0.0
    };
    let phase = phase + dt;
    if playing {
        if phase >= STEP_MS / speed {
            (0.0, true, true)
        } else {
            (phase, false, true)
        }
    } else {
        let landed = phase >= FLIGHT_MS / speed;
        (phase, false, !landed)
    }
}

/// Progress of the flight in [0, 1] at `phase`.
pub fn flight_progress(phase: f64, speed: f64) -> f64 {
    let speed = if speed.is_finite() && speed > 0.0 {
        speed
    } else {
        1.0
    };
    (phase / (FLIGHT_MS / speed)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knobs_round_trip_and_ignore_garbage() {
        let mut c = MoeConfig::default();
        for k in KNOBS {
            let v = knob_value(&c, k.key);
            assert!(set_knob(&mut c, k.key, v), "{}", k.key);
            assert_eq!(knob_value(&c, k.key), v);
        }
        assert!(!set_knob(&mut c, "experts", f64::NAN));
        assert!(!set_knob(&mut c, "bogus", 1.0));
        assert!(set_knob(&mut c, "k", -3.0));
        assert_eq!(c.k, 0);
        assert!(!c.sanitize().is_empty());
        assert_eq!(c.k, 1);
    }

    #[test]
    fn hostile_queries_become_notices() {
        for q in ["k=99&experts=8", "experts=0", "seed=abc", "capacity=-1"] {
            let (p, n) = from_query(q);
            assert!(!n.is_empty(), "{q}");
            assert!(p.config.k <= p.config.experts);
        }
        let (p, n) = from_query("preset=deepseek-v3");
        assert!(n.is_empty());
        assert_eq!(p.preset, "deepseek-v3");
    }

    #[test]
    fn layout_fits_every_grid() {
        for n in [1u32, 8, 16, 64, 128, 256, 384] {
            for w in [200.0, 360.0, 600.0, 1200.0, f64::NAN] {
                let l = Layout::new(n, w);
                assert!(l.cols * l.rows >= n);
                assert!(l.cell >= 8.0 && l.cell <= 56.0, "{n} {w} {l:?}");
                let (x, y) = l.cell_xy(n as usize - 1);
                assert!(x >= 0.0 && x + l.cell <= l.width + 1e-9);
                assert!(y + l.cell <= l.height);
            }
        }
        let l = Layout::new(384, 360.0);
        assert!(l.cell >= 14.0);
        let (x, _) = l.token_xy(0, 4);
        assert_eq!(x, l.width / 8.0);
    }

    #[test]
    fn animation_timing() {
        assert_eq!(ease(0.0), 0.0);
        assert_eq!(ease(1.0), 1.0);
        assert_eq!(ease(f64::NAN), 1.0);
        assert_eq!(lerp((0.0, 0.0), (10.0, 20.0), 0.5), (5.0, 10.0));
        // Playing at speed 1: a step every second.
        assert_eq!(advance(900.0, 100.0, 1.0, true), (0.0, true, true));
        assert_eq!(advance(100.0, 100.0, 1.0, true), (200.0, false, true));
        // Paused: frames until the dots land, then stop.
        assert!(advance(100.0, 100.0, 1.0, false).2);
        assert!(!advance(590.0, 100.0, 1.0, false).2);
        // A long gap (tab switch) does not skip steps.
        assert_eq!(advance(0.0, 1e9, 1.0, true).0, 250.0);
        assert_eq!(flight_progress(300.0, 1.0), 0.5);
        assert_eq!(flight_progress(300.0, 2.0), 1.0);
        assert_eq!(flight_progress(300.0, 0.0), 0.5);
    }
}
