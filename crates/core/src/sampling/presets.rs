//! Three made-up next-token distributions (illustrations, not any model's real output).

/// A named starting distribution, or the reader's own logits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Preset {
    /// One obvious continuation.
    #[default]
    Peaked,
    /// Many near-equal continuations.
    Flat,
    /// One likely continuation and a long tail of unlikely ones.
    LongTail,
    /// Logits from the URL.
    Custom,
}

/// A preset's prompt, tokens and logits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PresetData {
    pub prompt: &'static str,
    pub labels: &'static [&'static str],
    pub logits: &'static [f64],
}

const PEAKED: PresetData = PresetData {
    prompt: "The capital of France is",
    labels: &[
        " Paris", " a", " the", " located", " Lyon", " not", " home", " one",
    ],
    logits: &[8.0, 4.5, 4.0, 3.2, 2.0, 1.5, 1.0, 0.5],
};

const FLAT: PresetData = PresetData {
    prompt: "My favourite colour is",
    labels: &[
        " blue", " green", " red", " purple", " black", " yellow", " orange", " pink",
    ],
    logits: &[2.2, 2.1, 2.0, 1.8, 1.7, 1.6, 1.4, 1.3],
};

const LONG_TAIL: PresetData = PresetData {
    prompt: "Once upon a",
    labels: &[
        " time",
        " midnight",
        " day",
        " hill",
        " dream",
        " star",
        " summer",
        " winter",
        " river",
        " morning",
        " night",
        " mountain",
        " Tuesday",
        " cloud",
        " shore",
        " road",
        " kingdom",
        " forest",
        " train",
        " rooftop",
    ],
    logits: &[
        6.0, 3.2, 3.0, 2.8, 2.7, 2.6, 2.5, 2.4, 2.3, 2.2, 2.1, 2.0, 1.9, 1.8, 1.7, 1.6, 1.5, 1.4,
        1.3, 1.2,
    ],
};

impl Preset {
    pub const NAMED: [Preset; 3] = [Preset::Peaked, Preset::Flat, Preset::LongTail];
    pub const CODES: [&'static str; 4] = ["peaked", "flat", "long-tail", "custom"];

    pub fn code(self) -> &'static str {
        match self {
            Preset::Peaked => "peaked",
            Preset::Flat => "flat",
            Preset::LongTail => "long-tail",
            Preset::Custom => "custom",
        }
    }

    pub fn from_code(code: &str) -> Option<Preset> {
        [
            Preset::Peaked,
            Preset::Flat,
            Preset::LongTail,
            Preset::Custom,
        ]
        .into_iter()
        .find(|p| p.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The preset's data (`None` for `Custom`).
    pub fn data(self) -> Option<PresetData> {
        match self {
            Preset::Peaked => Some(PEAKED),
            Preset::Flat => Some(FLAT),
            Preset::LongTail => Some(LONG_TAIL),
            Preset::Custom => None,
        }
    }

    /// The preset's data, `Peaked`'s for `Custom`.
    pub fn data_or_peaked(self) -> PresetData {
        self.data().unwrap_or(PEAKED)
    }
}
