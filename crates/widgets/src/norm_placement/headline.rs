//! Headline figures, exact values in `data-value`.

use super::Run;
use explorables_core::lang::Lang;
use leptos::prelude::*;

/// A number for `data-value`: the shortest text that round-trips the f64.
pub fn exact(v: f64) -> String {
    if v.is_finite() {
        v.to_string()
    } else {
        "0".into()
    }
}

/// A number for people: three significant digits, no exponent for the ranges shown here.
pub fn short(v: f64) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let a = v.abs();
    if a >= 100.0 {
        format!("{v:.0}")
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else if a >= 0.01 || a == 0.0 {
        format!("{v:.3}")
    } else {
        format!("{v:.1e}")
    }
}

fn figure(key: &'static str, label: &'static str, v: f64) -> impl IntoView {
    view! {
        <div>
            <dt>{label}</dt>
            <dd><output data-key=key data-value=exact(v)>{short(v)}</output></dd>
        </div>
    }
}

#[component]
pub fn Headline(sim: Run, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        sim.with(|r| {
            view! {
                <dl class="stats np-headline">
                    {figure("final-rms", l.pick("最后一块后残差流 RMS（最终 norm 之前）", "Residual RMS after the last block (before any final norm)"), r.final_rms())}
                    {figure("max-logit", l.pick("最大 |注意力 logit|（所有层）", "Largest |attention logit| (all layers)"), r.max_logit_overall())}
                    {figure("update-ratio-last", l.pick("最后一块的更新比 ‖Δx‖/‖x‖", "Last block's update ratio ‖Δx‖/‖x‖"), r.update_ratio_last())}
                </dl>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well_and_round_trip() {
        assert_eq!(short(1234.6), "1235");
        assert_eq!(short(12.34), "12.3");
        assert_eq!(short(0.5), "0.500");
        assert_eq!(short(0.001234), "1.2e-3");
        assert_eq!(short(f64::NAN), "—");
        let v = 0.1 + 0.2;
        assert_eq!(exact(v).parse::<f64>().unwrap(), v);
    }
}
