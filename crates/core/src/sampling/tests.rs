//! Hand-computed cases for each engine order, tie rules, numerics and hostile URLs.

use super::draw::histogram;
use super::export::values;
use super::filters::{entropy, min_p, softmax_kept, top_k, top_p};
use super::*;
use crate::params::NoticeKind;

fn params(q: &str) -> SamplingParams {
    let (p, notes) = SamplingParams::from_query(q);
    assert!(notes.is_empty(), "{q}: {notes:?}");
    p
}

fn probs(q: &str) -> Vec<f64> {
    run(&params(q)).probs
}

fn assert_probs(got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() <= tol, "got {got:?}, want {want:?}");
    }
}

/// Softmax by hand for the checks below.
fn sm(l: &[f64]) -> Vec<f64> {
    let e: Vec<f64> = l.iter().map(|x| x.exp()).collect();
    let s: f64 = e.iter().sum();
    e.iter().map(|x| x / s).collect()
}

#[test]
fn reference_case_hf_vs_llamacpp() {
    let q = "logits=2,1,0.5,0&temperature=2&top_p=0.75";
    let hf = probs(&format!("{q}&order=hf"));
    assert_probs(&hf, &[0.481024, 0.291756, 0.227220, 0.0], 5e-7);
    let ll = probs(&format!("{q}&order=llamacpp"));
    assert_probs(&ll, &[0.622459, 0.377541, 0.0, 0.0], 5e-7);
    // vLLM also scales first: the same as transformers without min-p.
    assert_probs(&probs(&format!("{q}&order=vllm")), &hf, 1e-15);
    // Exactly: hf renormalises softmax([1, .5, .25, 0]) over the first three.
    let t = sm(&[1.0, 0.5, 0.25, 0.0]);
    let z = t[0] + t[1] + t[2];
    assert_probs(&hf, &[t[0] / z, t[1] / z, t[2] / z, 0.0], 1e-15);
    let r = run(&params(&format!("{q}&order=llamacpp")));
    assert_eq!(r.kept_count(), 2);
    assert_eq!(r.steps[1].kind, StepKind::TopP);
    assert_eq!(r.steps[1].removed, vec![false, false, true, true]);
}

#[test]
fn min_p_before_or_after_temperature() {
    // Raw probabilities ∝ e^[2, 1, 0]: ratios to the top 1, 0.368, 0.135. At temperature 2
    // the ratios become 1, 0.607, 0.368. min_p = 0.3 keeps two tokens on the raw logits
    // (llama.cpp) but three on the scaled ones (transformers, vLLM).
    let q = "logits=2,1,0&temperature=2&min_p=0.3";
    let ll = probs(&format!("{q}&order=llamacpp"));
    let t = sm(&[1.0, 0.5]);
    assert_probs(&ll, &[t[0], t[1], 0.0], 1e-15);
    let hf = probs(&format!("{q}&order=hf"));
    assert_probs(&hf, &sm(&[1.0, 0.5, 0.0]), 1e-15);
    assert_probs(&probs(&format!("{q}&order=vllm")), &hf, 1e-15);
}

#[test]
fn vllm_min_p_before_top_p_differs_from_hf() {
    // Probabilities [.4, .35, .05 × 5], top-p 0.5, min-p 0.5.
    // hf: top-p over all seven keeps {0, 1} (mass before token 1 is .4 < .5); min-p (ratio
    // .875) keeps both → [.4, .35] / .75.
    // vllm: min-p first leaves {0, 1} = [.533, .467]; top-p on that: mass before token 1 is
    // .533 ≥ .5 → only token 0.
    let l: Vec<String> = [0.4f64, 0.35, 0.05, 0.05, 0.05, 0.05, 0.05]
        .iter()
        .map(|p| p.ln().to_string())
        .collect();
    let q = format!("logits={}&top_p=0.5&min_p=0.5", l.join(","));
    let mut want = vec![0.0; 7];
    (want[0], want[1]) = (0.4 / 0.75, 0.35 / 0.75);
    assert_probs(&probs(&format!("{q}&order=hf")), &want, 1e-12);
    let mut one = vec![0.0; 7];
    one[0] = 1.0;
    assert_probs(&probs(&format!("{q}&order=vllm")), &one, 0.0);
    // llama.cpp: top-p on the raw distribution {0, 1}, min-p keeps both (temperature 1).
    assert_probs(&probs(&format!("{q}&order=llamacpp")), &want, 1e-12);
}

#[test]
fn top_k_ties_differ_between_engines() {
    // Top-k 1 with two tied logits: transformers and vLLM keep both, llama.cpp one.
    let q = "logits=1,1,0&top_k=1";
    assert_probs(&probs(&format!("{q}&order=hf")), &[0.5, 0.5, 0.0], 1e-15);
    assert_probs(&probs(&format!("{q}&order=vllm")), &[0.5, 0.5, 0.0], 1e-15);
    assert_probs(
        &probs(&format!("{q}&order=llamacpp")),
        &[1.0, 0.0, 0.0],
        0.0,
    );
}

#[test]
fn top_k_then_top_p_renormalises_over_survivors() {
    // hf: top-k 2 on [.5, .3, .2] keeps {0, 1} = [.625, .375]; top-p .6: mass before
    // token 1 is .625 ≥ .6 → only token 0.
    let l = [0.5f64.ln(), 0.3f64.ln(), 0.2f64.ln()];
    let q = format!("logits={},{},{}&top_k=2&top_p=0.6", l[0], l[1], l[2]);
    assert_probs(&probs(&format!("{q}&order=hf")), &[1.0, 0.0, 0.0], 1e-12);
    // Without top-k, the nucleus over all three: mass before token 1 is .5 < .6 → {0, 1}.
    let q = format!("logits={},{},{}&top_p=0.6", l[0], l[1], l[2]);
    assert_probs(&probs(&q), &[0.625, 0.375, 0.0], 1e-12);
}

#[test]
fn greedy_and_ties() {
    for e in Engine::CODES {
        let q = format!("logits=1,3,3,2&temperature=0&order={e}");
        let r = run(&params(&q));
        assert_eq!(r.probs, vec![0.0, 1.0, 0.0, 0.0], "{e}");
        assert_eq!((r.kept_count(), r.entropy), (1, 0.0));
        // Below 1e-5 counts as greedy too.
        let q = format!("logits=1,3,3,2&temperature=0.000001&order={e}");
        assert_eq!(probs(&q), vec![0.0, 1.0, 0.0, 0.0]);
    }
}

#[test]
fn huge_logits_at_tiny_temperature_are_finite() {
    for e in Engine::CODES {
        let r = run(&params(&format!(
            "logits=1000,-1000,999.99,0&temperature=0.01&order={e}"
        )));
        assert!(r.probs.iter().all(|p| p.is_finite()), "{e}: {:?}", r.probs);
        assert!((r.probs.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        // (1000 − 999.99) / 0.01 = 1 → the two top tokens share ∝ e^1 : 1.
        let want = sm(&[1.0, 0.0]);
        assert!((r.probs[0] - want[0]).abs() < 1e-9 && (r.probs[2] - want[1]).abs() < 1e-9);
        assert!(r.entropy.is_finite());
    }
}

#[test]
fn filters_on_their_own() {
    let l = [3.0, 2.0, 2.0, 1.0];
    let mut kept = vec![true; 4];
    top_k(&l, &mut kept, 2, true);
    assert_eq!(kept, vec![true, true, true, false]);
    let mut kept = vec![true; 4];
    top_k(&l, &mut kept, 2, false);
    assert_eq!(kept, vec![true, true, false, false]);
    let mut kept = vec![true; 4];
    top_p(&l, &mut kept, 0.0);
    assert_eq!(kept, vec![true, false, false, false], "top_p 0 keeps one");
    // Mass exactly p before a token removes it (all three engines agree at the boundary).
    let mut kept = vec![true; 2];
    top_p(&[0.0, 0.0], &mut kept, 0.5);
    assert_eq!(kept, vec![true, false]);
    let mut kept = vec![true; 4];
    min_p(&l, &mut kept, 1.0);
    assert_eq!(kept, vec![true, false, false, false]);
    let mut kept = vec![true; 4];
    min_p(&l, &mut kept, (-1.0f64).exp());
    assert_eq!(kept, vec![true, true, true, false]);
    assert_eq!(softmax_kept(&l, &[false; 4]), vec![0.0; 4]);
    assert!((entropy(&[0.25; 4]) - 4f64.ln()).abs() < 1e-15);
    assert_eq!(entropy(&[1.0, 0.0]), 0.0);
}

#[test]
fn off_knobs_change_nothing() {
    let p = SamplingParams::default();
    let r = run(&p);
    assert!(r.steps.iter().all(|s| !s.active));
    assert_probs(&r.probs, &r.start, 1e-15);
    assert_eq!(r.kept_count(), p.logits.len());
}

#[test]
fn histogram_is_seeded_and_matches_the_distribution() {
    let p = [0.5, 0.0, 0.3, 0.2];
    let h = histogram(&p, 100_000, 7);
    assert_eq!(h, histogram(&p, 100_000, 7));
    assert_ne!(h, histogram(&p, 100_000, 8));
    assert_eq!(h.iter().sum::<u32>(), 100_000);
    assert_eq!(h[1], 0);
    for (c, q) in h.iter().zip(p) {
        assert!((*c as f64 / 1e5 - q).abs() < 0.01, "{h:?}");
    }
    assert_eq!(histogram(&[0.0, 0.0], 10, 1), vec![0, 0]);
    assert_eq!(histogram(&[], 10, 1), Vec::<u32>::new());
}

#[test]
fn export_values() {
    let p = params("logits=2,1,0.5,0&temperature=2&top_p=0.75&order=llamacpp");
    let v = values(&p, &run(&p));
    let get = |k: &str| v.iter().find(|(key, _)| *key == k).unwrap().1.clone();
    assert_eq!(get("kept"), "2");
    assert_eq!(get("kept-indices"), "0,1");
    assert_eq!(get("order"), "top-k,top-p,min-p,temperature");
    assert!(get("probs").starts_with("0.62245933"));
    assert!(get("probs").ends_with(",0,0"));
    let hist: Vec<u32> = get("histogram")
        .split(',')
        .map(|x| x.parse().unwrap())
        .collect();
    assert_eq!(hist.iter().sum::<u32>(), DRAWS);
    assert_eq!(&hist[2..], &[0, 0]);
    let h: f64 = get("entropy").parse().unwrap();
    let q = 0.622459;
    assert!((h - -(q * f64::ln(q) + (1.0 - q) * f64::ln(1.0 - q))).abs() < 1e-5);
}

#[test]
fn presets_are_consistent() {
    for preset in Preset::NAMED {
        let d = preset.data().unwrap();
        assert_eq!(d.labels.len(), d.logits.len(), "{preset:?}");
        let p = params(&format!("preset={}", preset.code()));
        assert_eq!((p.preset, p.logits.len()), (preset, d.logits.len()));
        assert_eq!(SamplingParams::from_query(&p.to_query()).0, p);
    }
    // Peaked is peaked, flat is flat.
    let h = |c: &str| run(&params(&format!("preset={c}"))).entropy;
    assert!(h("peaked") < h("long-tail") && h("long-tail") < h("flat"));
}

#[test]
fn hostile_params_are_clamped() {
    let many = vec!["1"; 10_000].join(",");
    let (p, notes) = SamplingParams::from_query(&format!("logits={many}"));
    assert_eq!(p.logits.len(), MAX_TOKENS);
    assert_eq!(p.labels.len(), MAX_TOKENS);
    assert_eq!(notes.len(), 1);
    let (p, notes) = SamplingParams::from_query("logits=NaN,2,1e9&temperature=-1");
    assert_eq!(p.logits, vec![0.0, 2.0, MAX_ABS_LOGIT]);
    assert_eq!(p.temperature, 0.0);
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].kind, NoticeKind::Invalid);
    let r = run(&p);
    assert_eq!(r.probs, vec![0.0, 0.0, 1.0]);
    let (p, notes) = SamplingParams::from_query(
        "temperature=NaN&top_k=-3&top_p=7&min_p=-1&order=sglang&preset=<b>&seed=-1",
    );
    assert_eq!(p.temperature, 1.0);
    assert_eq!((p.top_k, p.top_p, p.min_p), (0, 1.0, 0.0));
    assert_eq!(
        (p.engine, p.preset, p.seed),
        (Engine::Hf, Preset::Peaked, 0)
    );
    assert_eq!(notes.len(), 7);
    assert!(notes
        .iter()
        .all(|n| !n.to_string().is_empty() && !n.to_zh().is_empty()));
    let (p, notes) = SamplingParams::from_query("logits=1,2,3&labels=a,b");
    assert_eq!(p.labels, vec!["a", "b", "#3"]);
    assert_eq!(notes.len(), 1);
    let (p, notes) = SamplingParams::from_query("logits=,,x");
    assert_eq!((p.preset, notes.len()), (Preset::Peaked, 1));
}

#[test]
fn custom_query_round_trips() {
    let q = "logits=2,1,0.5,0&labels=a,b,c,d&temperature=0.7&top_k=3&top_p=0.9&min_p=0.05&order=vllm&seed=7";
    let p = params(q);
    assert_eq!(p.to_query(), q);
}
