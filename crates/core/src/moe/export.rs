//! JSON export of the current step (a tiny hand-written writer; no dependencies).
//!
//! ```json
//! {"step":3,"experts":16,"k":2,"shared":0,"capacity":10,
//!  "drop_policy":"…",
//!  "tokens":[{"token":"cat","experts":[3,7],"weights":[0.6,0.4],"dropped":[],"dropped_weights":[]}],
//!  "loads":[…],"kept_loads":[…],"cv":0.41,"cv_kept":0.3,"dropped":2,"dropped_tokens":0,
//!  "aux_loss":0.0123,"max_load":12,"min_load":3}
//! ```
//! `loads` are the router's choices per expert, `kept_loads` what each expert processed;
//! `capacity` is `null` without a limit. Non-finite numbers are written as `null`.

use super::sim::Simulation;
use std::fmt::Write;

/// What happens to a dropped (token, expert) assignment, stated in every export.
pub const DROP_POLICY: &str = "A (token, expert) assignment beyond the expert's capacity is \
dropped in arrival order; the token loses that expert's gate weight (the kept weights are not \
renormalised) and the dropped part passes through the residual connection.";

/// Appends `s` as a JSON string literal.
pub fn write_str(out: &mut String, s: &str) {
    crate::json::push_string(out, s);
}

/// Appends a number (`null` if not finite). Rust's `Display` for `f64` never uses exponent
/// notation, so the text is valid JSON.
pub fn write_f64(out: &mut String, v: f64) {
    if v.is_finite() {
        let _ = write!(out, "{v}");
    } else {
        out.push_str("null");
    }
}

fn write_arr<T: Copy>(out: &mut String, items: &[T], mut each: impl FnMut(&mut String, T)) {
    out.push('[');
    for (i, &x) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        each(out, x);
    }
    out.push(']');
}

fn write_u<T: std::fmt::Display>(out: &mut String, v: T) {
    let _ = write!(out, "{v}");
}

impl Simulation {
    /// The current step as JSON (see the module docs for the shape).
    pub fn export_json(&self) -> String {
        let r = self.result();
        let cfg = self.config();
        let mut o = String::with_capacity(256 + r.tokens() * 64 + r.loads.len() * 8);
        let _ = write!(
            o,
            "{{\"step\":{},\"experts\":{},\"k\":{},\"shared\":{},\"capacity\":",
            r.step, cfg.experts, r.k, r.shared
        );
        match r.capacity {
            Some(c) => write_u(&mut o, c),
            None => o.push_str("null"),
        }
        o.push_str(",\"drop_policy\":");
        write_str(&mut o, DROP_POLICY);
        o.push_str(",\"tokens\":[");
        for t in 0..r.tokens() {
            let Some(tr) = r.route(t) else { continue };
            if t > 0 {
                o.push(',');
            }
            o.push_str("{\"token\":");
            write_str(&mut o, tr.label);
            o.push_str(",\"experts\":");
            write_arr(&mut o, &tr.experts, write_u);
            o.push_str(",\"weights\":");
            write_arr(&mut o, &tr.weights, write_f64);
            o.push_str(",\"dropped\":");
            write_arr(&mut o, &tr.dropped, write_u);
            o.push_str(",\"dropped_weights\":");
            write_arr(&mut o, &tr.dropped_weights, write_f64);
            o.push('}');
        }
        o.push_str("],\"loads\":");
        write_arr(&mut o, &r.loads, write_u);
        o.push_str(",\"kept_loads\":");
        write_arr(&mut o, &r.kept_loads, write_u);
        o.push_str(",\"cv\":");
        write_f64(&mut o, r.cv);
        o.push_str(",\"cv_kept\":");
        write_f64(&mut o, r.cv_kept);
        let _ = write!(
            o,
            ",\"dropped\":{},\"dropped_tokens\":{},\"aux_loss\":",
            r.dropped, r.dropped_tokens
        );
        write_f64(&mut o, r.aux_loss);
        let _ = write!(
            o,
            ",\"max_load\":{},\"min_load\":{}}}",
            r.max_load, r.min_load
        );
        o
    }
}
