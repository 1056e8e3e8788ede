//! FlexAttention-style block sparsity: which tiles of the mask need computing.

use super::Mask;

/// FlexAttention's default block size.
pub const TILE_DEFAULT: u32 = 128;
/// Most tiles along one side; the tile size is raised to stay below it.
pub const TILE_GRID_MAX: u32 = 512;

/// State of one tile of the mask.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TileState {
    /// Every cell visible: computed without evaluating the mask.
    Full,
    /// Some cells visible: computed, with the mask applied.
    Partial,
    /// No cell visible: skipped entirely.
    Empty,
}

/// Tile grid of a mask (queries × keys, edge tiles clipped to the mask).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TileStats {
    /// Tile size actually used.
    pub tile: u32,
    /// Tile rows (query blocks) and columns (key blocks).
    pub rows: u32,
    pub cols: u32,
    pub full: u64,
    pub partial: u64,
    pub empty: u64,
    /// Row-major states, `rows × cols`.
    pub states: Vec<TileState>,
}

impl TileStats {
    pub fn total(&self) -> u64 {
        self.rows as u64 * self.cols as u64
    }

    /// State of tile (`r`, `c`), if inside the grid.
    pub fn state(&self, r: u32, c: u32) -> Option<TileState> {
        if r >= self.rows || c >= self.cols {
            return None;
        }
        self.states.get((r * self.cols + c) as usize).copied()
    }

    /// Fraction of tiles (and so of block compute) skipped because they are empty.
    pub fn skipped_fraction(&self) -> f64 {
        self.empty as f64 / self.total() as f64
    }

    /// Fraction of tiles that are full (no mask evaluation needed).
    pub fn full_fraction(&self) -> f64 {
        self.full as f64 / self.total() as f64
    }
}

impl Mask {
    /// Classifies `tile × tile` blocks as full / partial / empty from the row intervals,
    /// O(n × (intervals + tiles touched)). The tile size is clamped to 1..=max(n_queries,
    /// n_keys) and raised so the grid has at most [`TILE_GRID_MAX`] tiles per side.
    pub fn tiles(&self, tile: u32) -> TileStats {
        let longest = self.n.max(self.n_keys);
        let tile = tile.clamp(1, longest).max(longest.div_ceil(TILE_GRID_MAX));
        let rows = self.n.div_ceil(tile);
        let cols = self.n_keys.div_ceil(tile);
        let mut states = Vec::with_capacity(rows as usize * cols as usize);
        let mut counts = vec![0u64; cols as usize];
        let (mut full, mut partial, mut empty) = (0, 0, 0);
        for r in 0..rows {
            counts.iter_mut().for_each(|c| *c = 0);
            let (q0, q1) = (r * tile, ((r + 1) * tile).min(self.n));
            for q in q0..q1 {
                for s in self.row(q).iter() {
                    for c in s.start / tile..s.end.div_ceil(tile) {
                        counts[c as usize] += s.overlap(c * tile, (c + 1) * tile) as u64;
                    }
                }
            }
            for (c, &count) in counts.iter().enumerate() {
                let c = c as u32;
                let width = ((c + 1) * tile).min(self.n_keys) - c * tile;
                let area = (q1 - q0) as u64 * width as u64;
                let st = if count == 0 {
                    empty += 1;
                    TileState::Empty
                } else if count == area {
                    full += 1;
                    TileState::Full
                } else {
                    partial += 1;
                    TileState::Partial
                };
                states.push(st);
            }
        }
        TileStats {
            tile,
            rows,
            cols,
            full,
            partial,
            empty,
            states,
        }
    }
}
