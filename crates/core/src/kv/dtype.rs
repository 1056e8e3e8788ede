//! Number formats for cached keys/values and for weights.

/// Storage format of one number. Sizes are kept in bits so 4-bit formats stay integral.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Dtype {
    Fp32,
    Fp16,
    #[default]
    Bf16,
    /// 8-bit float (E4M3/E5M2).
    Fp8,
    Int8,
    /// 4-bit integer (or FP4): half a byte per number.
    Int4,
}

impl Dtype {
    /// Every format, widest first.
    pub const ALL: [Dtype; 6] = [
        Dtype::Fp32,
        Dtype::Fp16,
        Dtype::Bf16,
        Dtype::Fp8,
        Dtype::Int8,
        Dtype::Int4,
    ];

    /// Bits per number.
    pub fn bits(self) -> u64 {
        match self {
            Dtype::Fp32 => 32,
            Dtype::Fp16 | Dtype::Bf16 => 16,
            Dtype::Fp8 | Dtype::Int8 => 8,
            Dtype::Int4 => 4,
        }
    }

    /// URL slug: `fp32`, `fp16`, `bf16`, `fp8`, `int8`, `int4`.
    pub fn slug(self) -> &'static str {
        match self {
            Dtype::Fp32 => "fp32",
            Dtype::Fp16 => "fp16",
            Dtype::Bf16 => "bf16",
            Dtype::Fp8 => "fp8",
            Dtype::Int8 => "int8",
            Dtype::Int4 => "int4",
        }
    }

    /// Parses a slug (case-insensitive).
    pub fn from_slug(s: &str) -> Option<Dtype> {
        let s = s.trim();
        Dtype::ALL
            .into_iter()
            .find(|d| d.slug().eq_ignore_ascii_case(s))
    }

    /// Bytes per number as written in a formula: `4`, `2`, `1`, `0.5`.
    pub fn bytes_text(self) -> &'static str {
        match self {
            Dtype::Fp32 => "4",
            Dtype::Fp16 | Dtype::Bf16 => "2",
            Dtype::Fp8 | Dtype::Int8 => "1",
            Dtype::Int4 => "0.5",
        }
    }
}
