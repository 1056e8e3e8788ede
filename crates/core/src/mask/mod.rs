//! Attention masks: presets, URL parameters, row intervals, pooling, tiles, explanations.
//!
//! A [`Mask`] is the n_queries × n_keys matrix of one preset (queries = rows, keys =
//! columns; 1 = the query may attend to the key). It is never materialised: every row is a
//! [`Row`] of at most a couple of sorted half-open [`Span`]s, and everything else (counts,
//! pooled heatmap pixels, FlexAttention-style tiles, JSON export) is computed from them.
//!
//! ```
//! use explorables_core::mask::{Mask, MaskParams, Preset};
//! let p = MaskParams { preset: Preset::ChatGlm6b, n: 6, prefix: Some(2), ..Default::default() };
//! let m = Mask::build(&p);
//! assert_eq!(m.query_labels(), ["x1", "x2", "[gMASK]", "<sop>", "y1", "y2"]);
//! assert!(m.visible(0, 2)); // the context (prompt + [gMASK]) is bidirectional
//! assert!(!m.visible(2, 3)); // …but cannot see <sop>
//! ```

mod about;
mod explain;
mod export;
mod kind;
mod layout;
mod params;
mod parse;
mod pool;
mod preset;
mod rows;
mod summary;
mod tiles;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_brute;
#[cfg(test)]
mod tests_output;
#[cfg(test)]
mod tests_prop;

pub use about::{
    GEMMA3_1B_WINDOW, GEMMA3_PATTERN, GEMMA3_WINDOW, LLAMA4_CHUNK, LLAMA4_NOPE_INTERVAL,
};
pub use export::{ExportTooLarge, EXPORT_MAX_N};
pub use layout::{split_tokens, LABEL_MAX_CHARS};
pub use params::{
    default_docs, default_window, normalize_docs, MaskParams, Resolved, DOCS_MAX, LAYER_MAX,
    N_DEFAULT, N_MAX, N_MIN, TOKENS_MAX_CHARS, VIRTUAL_DEFAULT,
};
pub use pool::POOL_SAMPLES;
pub use preset::{Base, Op, Preset};
pub use rows::{Row, Span, ROW_CAPACITY};
pub use tiles::{TileState, TileStats, TILE_DEFAULT};

use kind::Kind;

/// One preset's mask with its labels, built from [`MaskParams`].
#[derive(Clone, Debug, PartialEq)]
pub struct Mask {
    preset: Preset,
    kind: Kind,
    n: u32,
    n_keys: u32,
    queries: Vec<String>,
    keys: Vec<String>,
    positions: Option<Vec<[u32; 2]>>,
}

impl Mask {
    /// Builds `params.preset` (out-of-range numbers are clamped, never rejected).
    pub fn build(params: &MaskParams) -> Mask {
        let kind = Kind::build(params.preset, params, false);
        let n = params.resolve(params.preset).n;
        let (queries, keys) = layout::labels(&kind, n, params.tokens.as_deref());
        Mask {
            preset: params.preset,
            n,
            n_keys: n + kind.virtual_tokens(),
            positions: layout::position_ids(&kind, n),
            kind,
            queries,
            keys,
        }
    }

    /// Builds the `compare` preset with the same parameters, if one is set.
    pub fn build_compare(params: &MaskParams) -> Option<Mask> {
        params.compare_params().map(|p| Mask::build(&p))
    }

    pub fn preset(&self) -> Preset {
        self.preset
    }

    /// Number of query rows (the real tokens).
    pub fn n_queries(&self) -> u32 {
        self.n
    }

    /// Number of key columns (virtual prefix columns + real tokens).
    pub fn n_keys(&self) -> u32 {
        self.n_keys
    }

    pub fn query_labels(&self) -> &[String] {
        &self.queries
    }

    pub fn key_labels(&self) -> &[String] {
        &self.keys
    }

    /// Visible keys of query `q` (empty when `q` is out of range).
    pub fn row(&self, q: u32) -> Row {
        if q >= self.n {
            return Row::empty();
        }
        self.kind.row(q, self.n).clip(self.n_keys)
    }

    /// Whether query `q` may attend to key `k`.
    pub fn visible(&self, q: u32, k: u32) -> bool {
        self.row(q).contains(k)
    }

    /// Number of visible (query, key) pairs.
    pub fn visible_pairs(&self) -> u64 {
        (0..self.n).map(|q| self.row(q).count()).sum()
    }

    /// Visible pairs / all pairs.
    pub fn density(&self) -> f64 {
        self.visible_pairs() as f64 / (self.n as f64 * self.n_keys as f64)
    }

    /// How many of the existing keys a token appended at the end (index n) attends to, i.e.
    /// the K/V entries of this layer that must stay cached for it (its own entry comes on
    /// top). Causal: n; sliding window w: w − 1; chunked: its position inside the chunk;
    /// packed documents: the last document; prefix-tuning adds the P virtual entries.
    /// For a bidirectional encoder this is n, but an encoder cannot reuse a cache at all.
    pub fn kv_keep_for_next_token(&self) -> u64 {
        self.kind.row(self.n, self.n).clip(self.n_keys).count()
    }

    /// GLM 2D position ids `[position id, block position id]` per query token
    /// (chatglm-6b, glm-blank-infilling, and prefix-tuning on a chatglm-6b base).
    pub fn position_ids(&self) -> Option<&[[u32; 2]]> {
        self.positions.as_deref()
    }

    /// Number of tokens that can influence the last token after `layers` stacked layers of
    /// this mask (itself included). Sliding window w: min(layers·(w−1)+1, n), because each
    /// layer reaches w−1 tokens further back. Virtual prefix columns are not counted.
    pub fn receptive_field(&self, layers: u32) -> u64 {
        // Every row is one interval containing its own query, with both ends non-decreasing
        // in q (checked in the tests), so the reachable set from [a, b) is [lo(a), hi(b-1)).
        let real = self.kind.real();
        let (mut a, mut b) = (self.n - 1, self.n);
        for _ in 0..layers.min(self.n) {
            let lo = real.row(a, self.n).first().map_or(a, |s| s.start);
            let hi = real
                .row(b - 1, self.n)
                .last()
                .map_or(b, |s| s.end)
                .min(self.n);
            if (lo, hi) == (a, b) {
                break;
            }
            (a, b) = (lo.min(a), hi.max(b));
        }
        (b - a) as u64
    }

    /// Number of cells where this mask and `other` differ (None if the shapes differ).
    pub fn differing_pairs(&self, other: &Mask) -> Option<u64> {
        if (self.n, self.n_keys) != (other.n, other.n_keys) {
            return None;
        }
        Some(
            (0..self.n)
                .map(|q| {
                    let (a, b) = (self.row(q), other.row(q));
                    a.count() + b.count() - 2 * a.intersect(&b).count()
                })
                .sum(),
        )
    }
}
