//! Property tests: every run is a distribution, engines agree when no filter is on, filters
//! only remove, and hostile query strings never panic.

use super::export::values;
use super::*;
use proptest::prelude::*;

fn logits() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(-MAX_ABS_LOGIT..=MAX_ABS_LOGIT, 1..=MAX_TOKENS)
}

fn engine() -> impl Strategy<Value = Engine> {
    prop::sample::select(Engine::ALL.to_vec())
}

fn state() -> impl Strategy<Value = SamplingParams> {
    (
        logits(),
        prop_oneof![Just(0.0), 0.0f64..=MAX_TEMPERATURE],
        0u32..=MAX_TOKENS as u32,
        prop_oneof![Just(1.0), 0.0f64..=1.0],
        prop_oneof![Just(0.0), 0.0f64..=1.0],
        engine(),
    )
        .prop_map(|(logits, temperature, top_k, top_p, min_p, engine)| {
            let labels = (0..logits.len()).map(|i| i.to_string()).collect();
            SamplingParams {
                preset: Preset::Custom,
                logits,
                labels,
                temperature,
                top_k,
                top_p,
                min_p,
                engine,
                seed: 1,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_step_is_a_distribution(p in state()) {
        let r = run(&p);
        for s in r.steps.iter().map(|s| &s.probs).chain([&r.probs, &r.start]) {
            prop_assert!(s.iter().all(|x| x.is_finite() && *x >= 0.0));
            prop_assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        }
        prop_assert!(r.kept_count() >= 1);
        prop_assert!(r.entropy >= 0.0 && r.entropy <= (p.logits.len() as f64).ln() + 1e-9);
        // Removed tokens have probability 0, and once removed stay removed.
        for (i, &k) in r.kept.iter().enumerate() {
            if !k { prop_assert_eq!(r.probs[i], 0.0); }
        }
        for w in r.steps.windows(2) {
            prop_assert!(w[1].kept.iter().zip(&w[0].kept).all(|(&b, &a)| a || !b));
        }
        // The arg-max (lowest index) always survives.
        let top = super::filters::argmax_kept(&p.logits, &vec![true; p.logits.len()]).unwrap();
        prop_assert!(r.kept[top]);
    }

    #[test]
    fn engines_agree_without_filters(l in logits(), t in 0.05f64..=MAX_TEMPERATURE) {
        let mut p = SamplingParams::default();
        p.logits = l;
        p.labels = vec![String::new(); p.logits.len()];
        p.temperature = t;
        let a = run(&p).probs;
        for e in Engine::ALL {
            p.engine = e;
            let b = run(&p).probs;
            for (x, y) in a.iter().zip(&b) { prop_assert!((x - y).abs() < 1e-12); }
        }
    }

    #[test]
    fn stricter_knobs_keep_fewer_tokens(p in state(), e in engine()) {
        let mut p = p;
        p.engine = e;
        let n = run(&p).kept_count();
        let mut q = p.clone();
        q.top_p = (p.top_p * 0.5).min(p.top_p);
        prop_assert!(run(&q).kept_count() <= n);
        let mut q = p.clone();
        q.min_p = (p.min_p + 0.2).min(1.0);
        prop_assert!(run(&q).kept_count() <= n);
    }

    #[test]
    fn hostile_queries_never_panic(q in ".{0,120}") {
        let (p, _) = SamplingParams::from_query(&q);
        prop_assert!(!p.logits.is_empty() && p.logits.len() <= MAX_TOKENS);
        prop_assert_eq!(p.labels.len(), p.logits.len());
        let r = run(&p);
        prop_assert!((r.probs.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let _ = values(&p, &r);
    }

    #[test]
    fn hostile_values_never_panic(
        key in prop::sample::select(vec!["logits", "labels", "temperature", "top_k", "top_p", "min_p", "order", "preset", "seed"]),
        v in ".{0,60}",
    ) {
        let q = crate::params::build_query(&[(key, v)]);
        let (p, notes) = SamplingParams::from_query(&q);
        for n in notes { prop_assert!(!n.to_zh().is_empty()); }
        prop_assert!((0.0..=MAX_TEMPERATURE).contains(&p.temperature));
        let r = run(&p);
        prop_assert!(r.probs.iter().all(|x| x.is_finite()));
    }
}
