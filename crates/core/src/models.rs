//! Model presets: real architectures with their sources (data being filled in).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttentionKind {
    Mha,
    Gqa,
    Mqa,
    Mla,
}

/// All presets (being filled in from `data/models.toml`).
pub fn all() -> &'static [&'static str] {
    &[]
}

/// A model field as display text for the content directive `{{model:ID:FIELD}}` (being written).
pub fn field(_id: &str, _field: &str) -> Option<String> {
    None
}
