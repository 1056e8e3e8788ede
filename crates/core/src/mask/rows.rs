//! Visible keys of one query row as a few sorted, disjoint half-open intervals.
//!
//! Every preset's row is at most a couple of intervals, so counting, pooling and tiling
//! cost O(rows × intervals) instead of O(N²).

use std::ops::Deref;

/// Half-open key interval `start..end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// Number of keys in the span.
    pub fn len(self) -> u32 {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    pub fn contains(self, k: u32) -> bool {
        self.start <= k && k < self.end
    }

    /// Number of keys shared with `a..b`.
    pub fn overlap(self, a: u32, b: u32) -> u32 {
        self.end.min(b).saturating_sub(self.start.max(a))
    }
}

/// Capacity of a [`Row`]. Presets need at most 2 (a composed OR); the rest is headroom.
pub const ROW_CAPACITY: usize = 6;

/// The visible keys of one query: sorted, disjoint, non-adjacent spans (no allocation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    spans: [Span; ROW_CAPACITY],
    len: u8,
}

impl Default for Row {
    fn default() -> Self {
        Row::empty()
    }
}

impl Deref for Row {
    type Target = [Span];
    fn deref(&self) -> &[Span] {
        &self.spans[..self.len as usize]
    }
}

impl Row {
    /// No visible key.
    pub fn empty() -> Row {
        Row {
            spans: [Span::default(); ROW_CAPACITY],
            len: 0,
        }
    }

    /// The single span `start..end` (empty when `start >= end`).
    pub fn one(start: u32, end: u32) -> Row {
        let mut r = Row::empty();
        r.push(Span::new(start, end));
        r
    }

    /// Appends a span whose start is not before the last span's start, merging overlaps.
    /// If the row is full (never for the built-in presets) the last span is widened, so
    /// the row stays sorted and disjoint.
    pub(crate) fn push(&mut self, s: Span) {
        if s.is_empty() {
            return;
        }
        let n = self.len as usize;
        if n > 0 && (s.start <= self.spans[n - 1].end || n == ROW_CAPACITY) {
            let last = &mut self.spans[n - 1];
            last.end = last.end.max(s.end);
        } else {
            self.spans[n] = s;
            self.len += 1;
        }
    }

    /// The spans as a slice.
    pub fn spans(&self) -> &[Span] {
        self
    }

    /// Number of visible keys.
    pub fn count(&self) -> u64 {
        self.iter().map(|s| s.len() as u64).sum()
    }

    /// Visible keys inside `a..b`.
    pub fn count_in(&self, a: u32, b: u32) -> u64 {
        self.iter().map(|s| s.overlap(a, b) as u64).sum()
    }

    pub fn contains(&self, k: u32) -> bool {
        self.iter().any(|s| s.contains(k))
    }

    /// Keeps only keys below `end`.
    pub fn clip(&self, end: u32) -> Row {
        let mut r = Row::empty();
        for s in self.iter() {
            r.push(Span::new(s.start.min(end), s.end.min(end)));
        }
        r
    }

    /// Moves every span right by `by` keys.
    pub fn shift(&self, by: u32) -> Row {
        let mut r = Row::empty();
        for s in self.iter() {
            r.push(Span::new(
                s.start.saturating_add(by),
                s.end.saturating_add(by),
            ));
        }
        r
    }

    /// Keys visible in either row.
    pub fn union(&self, other: &Row) -> Row {
        let (a, b) = (self.spans(), other.spans());
        let (mut i, mut j) = (0, 0);
        let mut r = Row::empty();
        while i < a.len() || j < b.len() {
            let take_a = j >= b.len() || (i < a.len() && a[i].start <= b[j].start);
            if take_a {
                r.push(a[i]);
                i += 1;
            } else {
                r.push(b[j]);
                j += 1;
            }
        }
        r
    }

    /// Keys visible in both rows.
    pub fn intersect(&self, other: &Row) -> Row {
        let (a, b) = (self.spans(), other.spans());
        let (mut i, mut j) = (0, 0);
        let mut r = Row::empty();
        while i < a.len() && j < b.len() {
            r.push(Span::new(
                a[i].start.max(b[j].start),
                a[i].end.min(b[j].end),
            ));
            if a[i].end < b[j].end {
                i += 1;
            } else {
                j += 1;
            }
        }
        r
    }
}
