//! Named pairs of logits `(θ, ref)` that show the estimators' typical regimes.

/// One named pair.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KlPreset {
    pub key: &'static str,
    pub theta: &'static [f64],
    pub reference: &'static [f64],
    pub zh: &'static str,
    pub en: &'static str,
}

/// The key of a state that matches no preset.
pub const CUSTOM: &str = "custom";

pub const PRESETS: &[KlPreset] = &[
    KlPreset {
        key: "default",
        theta: &[0.0, 1.0, 2.0],
        reference: &[1.0, 1.0, 0.0],
        zh: "三个动作，策略偏离参考",
        en: "Three actions, the policy has drifted from the reference",
    },
    KlPreset {
        key: "close",
        theta: &[0.0, 0.2, 0.4, 0.6],
        reference: &[0.0, 0.25, 0.35, 0.6],
        zh: "几乎相同：k3 的方差远小于 k1",
        en: "Nearly equal: k3's variance is far below k1's",
    },
    KlPreset {
        key: "far",
        theta: &[4.0, 0.0, 0.0, 0.0],
        reference: &[0.0, 0.0, 0.0, 4.0],
        zh: "相距很远：k2 偏差大，k3 偶尔出现巨大值",
        en: "Far apart: k2 is badly biased, k3 has rare huge values",
    },
    KlPreset {
        key: "peaked",
        theta: &[6.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        reference: &[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        zh: "策略塌缩到一个动作，参考是均匀分布",
        en: "The policy has collapsed onto one action; the reference is uniform",
    },
];

pub fn find_preset(key: &str) -> Option<&'static KlPreset> {
    PRESETS
        .iter()
        .find(|p| p.key.eq_ignore_ascii_case(key.trim()))
}
