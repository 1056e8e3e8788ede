//! JSON export of one run (hand-written; no dependencies).
//!
//! ```json
//! {"scheme":"pre-ln","qknorm":false,"layers":24,"seed":42,"gain":1,
//!  "d_model":32,"heads":2,"d_head":16,"tokens":8,"mlp_hidden":64,"final_norm":true,
//!  "input_rms":1.01,
//!  "residual_rms":[…],"update_ratio":[…],"max_logit":[…],
//!  "final_rms":2.3,"max_logit_overall":5.1,"update_ratio_last":0.12}
//! ```
//! The three arrays have `layers` entries (index = block, 0-based). `residual_rms` is the RMS
//! of the stream after each block (before the final norm), `update_ratio` is
//! `‖x_after − x_before‖ / ‖x_before‖` per block, `max_logit` the largest `|q·k|/√d_head`.
//! Non-finite numbers are written as `null`.

use super::sim::NormRun;
use super::{D_HEAD, D_MODEL, HEADS, MLP_HIDDEN, TOKENS};
use crate::moe::export::write_f64;
use std::fmt::Write;

fn write_arr(out: &mut String, key: &str, v: &[f64]) {
    let _ = write!(out, ",\"{key}\":[");
    for (i, &x) in v.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_f64(out, x);
    }
    out.push(']');
}

fn write_num(out: &mut String, key: &str, v: f64) {
    let _ = write!(out, ",\"{key}\":");
    write_f64(out, v);
}

impl NormRun {
    /// The run as JSON (see the module docs for the shape).
    pub fn export_json(&self) -> String {
        let p = &self.params;
        let mut o = String::with_capacity(320 + self.residual_rms.len() * 72);
        let _ = write!(
            o,
            "{{\"scheme\":\"{}\",\"qknorm\":{},\"layers\":{},\"seed\":{}",
            p.scheme.code(),
            p.qknorm,
            p.layers,
            p.seed
        );
        write_num(&mut o, "gain", p.gain);
        let _ = write!(
            o,
            ",\"d_model\":{D_MODEL},\"heads\":{HEADS},\"d_head\":{D_HEAD},\"tokens\":{TOKENS},\
\"mlp_hidden\":{MLP_HIDDEN},\"final_norm\":{}",
            p.scheme.final_norm()
        );
        write_num(&mut o, "input_rms", self.input_rms);
        write_arr(&mut o, "residual_rms", &self.residual_rms);
        write_arr(&mut o, "update_ratio", &self.update_ratio);
        write_arr(&mut o, "max_logit", &self.max_logit);
        write_num(&mut o, "final_rms", self.final_rms());
        write_num(&mut o, "max_logit_overall", self.max_logit_overall());
        write_num(&mut o, "update_ratio_last", self.update_ratio_last());
        o.push('}');
        o
    }
}
