//! Test-time scaling: four panels — pass@k (unbiased, naive, pass^k), majority vote against
//! best-of-N, the compute-optimal split of a sample budget, and best-of-N's KL drift. The math
//! is `explorables_core::tts`; this module is the view.

mod chart;
mod controls;
mod explain;
mod outputs;

use crate::fmt::{set_param, values_json};
use crate::frame::WidgetFrame;
use crate::url_state::{url_state, UrlState};
use crate::WidgetEnv;
use explorables_core::tts::export::{values, Values};
use explorables_core::tts::{Panel, TtsParams};
use leptos::prelude::*;

/// The explorer's URL state, shared by the submodules.
pub(crate) type Params = RwSignal<TtsParams>;
/// The shown panel's exact values (core's `export::values`).
pub(crate) type Vals = Memo<Values>;
pub(crate) use crate::url_state::SetParam;

/// Curves longer than this are left out of the Export JSON (they are in the chart).
const EXPORT_CURVE_MAX: usize = 2000;

/// The query after an edit of `key`.
fn edited_query(p: &TtsParams, key: &str, value: Option<&str>) -> String {
    if key == "panel" {
        // A new panel starts from its own settings: `n` and `k` mean different things per panel.
        let panel = value.and_then(Panel::from_code).unwrap_or_default();
        return TtsParams { panel, ..p.clone() }.to_query();
    }
    set_param(&p.to_query(), key, value)
}

fn export_json(p: &TtsParams, v: &Values) -> String {
    let kept: Values = v
        .iter()
        .filter(|(k, s)| !k.ends_with("-curve") || s.split(',').count() <= EXPORT_CURVE_MAX)
        .cloned()
        .collect();
    values_json(&p.to_query(), &kept)
}

#[component]
pub fn TestTimeScalingLab(
    /// Initial URL parameters (`panel=pass-at-k&n=10&c=3&k=5`, …).
    initial: String,
    env: WidgetEnv,
    /// Receives the state as URL parameters whenever it changes.
    on_params: Option<Callback<String>>,
) -> impl IntoView {
    let lang = env.lang;
    let UrlState {
        params,
        notices,
        query,
        set,
    } = url_state(
        &initial,
        on_params,
        TtsParams::from_query,
        TtsParams::to_query,
        edited_query,
    );
    let vals: Vals = Memo::new(move |_| params.with(values));
    let export = Signal::derive(move || params.with(|p| vals.with(|v| export_json(p, v))));
    view! {
        <WidgetFrame name="test-time-scaling" lang params=query.into() notices=notices.into() export>
            <div class="tts-lab">
                <controls::Controls params set lang />
                <outputs::Formula params vals lang />
                <outputs::Outputs params vals lang />
                <chart::PanelChart params vals env />
                <explain::Explanation params lang />
            </div>
        </WidgetFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_panels_starts_from_the_panel_defaults() {
        let (p, _) = TtsParams::from_query("panel=pass-at-k&n=1000&c=3&k=500");
        let q = edited_query(&p, "panel", Some("majority"));
        let (p2, n) = TtsParams::from_query(&q);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(p2.panel, Panel::Majority);
        assert_eq!(p2.majority.k, 5);
        let q = edited_query(&p2, "k", Some("9"));
        assert_eq!(TtsParams::from_query(&q).0.majority.k, 9);
    }

    #[test]
    fn long_curves_stay_out_of_the_export() {
        let (p, _) = TtsParams::from_query("n=10000&c=3&k=5");
        let j = export_json(&p, &values(&p));
        assert!(!j.contains("pass-at-k-curve"));
        assert!(j.contains("\"pass-at-k\""));
        let (p, _) = TtsParams::from_query("n=10&c=3&k=5");
        assert!(export_json(&p, &values(&p)).contains("pass-at-k-curve"));
    }
}
