//! JSON export of small masks (hand-written, no serde).

use super::Mask;
use std::fmt;

/// Largest n (query rows) that can be exported.
pub const EXPORT_MAX_N: u32 = 512;

/// The mask is too large to export as JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportTooLarge {
    pub n: u32,
    pub max: u32,
}

impl fmt::Display for ExportTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "n = {} is too large to export (at most {})",
            self.n, self.max
        )
    }
}

impl std::error::Error for ExportTooLarge {}

use crate::json::push_string as push_json_string;

fn push_labels(out: &mut String, labels: &[String]) {
    out.push('[');
    for (i, l) in labels.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_string(out, l);
    }
    out.push(']');
}

impl Mask {
    /// `{"preset": "…", "queries": [labels], "keys": [labels], "mask": [[0|1,…],…]}` on one
    /// line: `": "` after member names, `", "` between members, `,` inside arrays.
    /// Rows are queries. Fails for n > [`EXPORT_MAX_N`].
    pub fn export_json(&self) -> Result<String, ExportTooLarge> {
        if self.n > EXPORT_MAX_N {
            return Err(ExportTooLarge {
                n: self.n,
                max: EXPORT_MAX_N,
            });
        }
        let mut out = String::with_capacity(64 + 2 * (self.n * (self.n_keys + 8)) as usize);
        out.push_str("{\"preset\": ");
        push_json_string(&mut out, self.preset.slug());
        out.push_str(", \"queries\": ");
        push_labels(&mut out, &self.queries);
        out.push_str(", \"keys\": ");
        push_labels(&mut out, &self.keys);
        out.push_str(", \"mask\": [");
        for q in 0..self.n {
            if q > 0 {
                out.push(',');
            }
            out.push('[');
            let row = self.row(q);
            for k in 0..self.n_keys {
                if k > 0 {
                    out.push(',');
                }
                out.push(if row.contains(k) { '1' } else { '0' });
            }
            out.push(']');
        }
        out.push_str("]}");
        Ok(out)
    }
}
