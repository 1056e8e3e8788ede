//! Property tests against plain brute-force definitions, and the balancing experiments.

use super::*;
use proptest::prelude::*;

/// Brute-force router written from the definitions, sharing no code with `router.rs`:
/// sort everything, no insertion top-k, no scratch buffers.
fn brute(cfg: &MoeConfig, logits: &[f64], bias: &[f64]) -> (Vec<usize>, Vec<f64>) {
    let n = cfg.experts as usize;
    let s: Vec<f64> = match cfg.scoring {
        Scoring::Sigmoid => logits.iter().map(|z| 1.0 / (1.0 + (-z).exp())).collect(),
        Scoring::Softmax => {
            let m = logits.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            let e: Vec<f64> = logits.iter().map(|z| (z - m).exp()).collect();
            let inv = 1.0 / e.iter().sum::<f64>();
            e.iter().map(|x| x * inv).collect()
        }
    };
    let c: Vec<f64> = (0..n).map(|i| s[i] + bias[i]).collect();
    let by_desc =
        |v: &[f64], a: &usize, b: &usize| v[*b].partial_cmp(&v[*a]).unwrap().then(a.cmp(b));
    let gs = n / cfg.groups as usize;
    let mut allowed: Vec<usize> = (0..n).collect();
    if cfg.groups > 1 {
        let gscore: Vec<f64> = (0..cfg.groups as usize)
            .map(|g| {
                let mut m: Vec<f64> = c[g * gs..(g + 1) * gs].to_vec();
                m.sort_by(|a, b| b.partial_cmp(a).unwrap());
                m.iter().take(2).sum()
            })
            .collect();
        let mut gi: Vec<usize> = (0..cfg.groups as usize).collect();
        gi.sort_by(|a, b| by_desc(&gscore, a, b));
        gi.truncate(cfg.topk_groups as usize);
        allowed.retain(|e| gi.contains(&(e / gs)));
    }
    allowed.sort_by(|a, b| by_desc(&c, a, b));
    allowed.truncate(cfg.k as usize);
    let total: f64 = allowed.iter().map(|&e| s[e]).sum();
    let w = allowed
        .iter()
        .map(|&e| if cfg.norm_topk { s[e] / total } else { s[e] } * cfg.routed_scaling)
        .collect();
    (allowed, w)
}

fn router_case() -> impl Strategy<Value = (MoeConfig, Vec<f64>, Vec<f64>)> {
    (
        1u32..=6,
        1u32..=6,
        1u32..=16,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_flat_map(|(gs, groups, k, sig, norm, scale, discrete)| {
            let n = gs * groups;
            let k = k.min(n);
            let min_tg = k.div_ceil(gs);
            let logits = if discrete {
                proptest::collection::vec((-2i32..=2).prop_map(f64::from), n as usize).boxed()
            } else {
                proptest::collection::vec(-4.0f64..4.0, n as usize).boxed()
            };
            let bias =
                proptest::collection::vec((-2i32..=2).prop_map(|b| b as f64 * 0.25), n as usize);
            (min_tg..=groups, logits, bias, any::<bool>()).prop_map(
                move |(tg, logits, bias, use_bias)| {
                    let cfg = MoeConfig {
                        experts: n,
                        k,
                        groups,
                        topk_groups: tg,
                        scoring: if sig {
                            Scoring::Sigmoid
                        } else {
                            Scoring::Softmax
                        },
                        norm_topk: norm,
                        routed_scaling: if scale { 2.5 } else { 1.0 },
                        ..MoeConfig::default()
                    };
                    let bias = if use_bias {
                        bias
                    } else {
                        vec![0.0; n as usize]
                    };
                    (cfg, logits, bias)
                },
            )
        })
}

fn sim_case() -> impl Strategy<Value = (MoeConfig, u32)> {
    (
        (1u32..=40, 1u32..=8, 0u32..=2, 1u32..=8, 0u32..=8),
        (
            prop_oneof![Just(0.0), 0.3f64..2.0],
            0usize..3,
            1u32..=80,
            0.0f64..=1.0,
            any::<u64>(),
        ),
        (any::<bool>(), any::<bool>(), 1u32..4),
    )
        .prop_map(
            |((n, k, shared, groups, tg), (cf, bal, tokens, skew, seed), (sig, norm, steps))| {
                let mut cfg = MoeConfig {
                    experts: n,
                    k,
                    shared,
                    groups,
                    topk_groups: tg,
                    capacity_factor: cf,
                    balance: Balance::ALL[bal],
                    tokens,
                    skew,
                    seed: seed >> 11,
                    scoring: if sig {
                        Scoring::Sigmoid
                    } else {
                        Scoring::Softmax
                    },
                    norm_topk: norm,
                    routed_scaling: if sig { 2.5 } else { 1.0 },
                    gamma: 0.05,
                    ..MoeConfig::default()
                };
                let _ = cfg.sanitize();
                (cfg, steps)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn router_matches_brute_force((cfg, logits, bias) in router_case()) {
        let d = route(&cfg, &logits, &bias);
        let (experts, weights) = brute(&cfg, &logits, &bias);
        let got: Vec<usize> = d.topk.iter().map(|&e| e as usize).collect();
        prop_assert_eq!(&got, &experts);
        for (a, b) in d.weights.iter().zip(&weights) {
            prop_assert!((a - b).abs() < 1e-12, "{:?} vs {:?}", d.weights, weights);
        }
        if cfg.groups > 1 {
            let gs = cfg.group_size() as usize;
            for &e in &got {
                prop_assert!(d.groups_kept.contains(&((e / gs) as u16)));
            }
            prop_assert_eq!(d.groups_kept.len(), cfg.topk_groups as usize);
        }
    }

    #[test]
    fn router_weights_are_valid((cfg, logits, bias) in router_case()) {
        let d = route(&cfg, &logits, &bias);
        let mut sorted = d.topk.clone();
        sorted.sort_unstable();
        sorted.dedup();
        prop_assert_eq!(sorted.len(), cfg.k as usize);
        prop_assert!(d.weights.iter().all(|&w| w >= 0.0));
        let sum: f64 = d.weights.iter().sum();
        if cfg.norm_topk {
            prop_assert!((sum - cfg.routed_scaling).abs() < 1e-9, "sum {}", sum);
        } else {
            prop_assert!(sum <= cfg.routed_scaling * cfg.k as f64 + 1e-9);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn simulation_step_invariants((cfg, steps) in sim_case()) {
        let mut sim = Simulation::new(cfg.clone());
        sim.run(steps);
        let r = sim.result();
        let (n, k, t) = (cfg.experts as usize, cfg.k as usize, cfg.tokens as usize);
        prop_assert_eq!((r.tokens(), r.k, r.step, r.shared), (t, k, steps, cfg.shared));
        let mut loads = vec![0u32; n];
        let mut kept_loads = vec![0u32; n];
        let mut kept_total = 0;
        for i in 0..t {
            let row = r.experts_of(i);
            let mut s = row.to_vec();
            s.sort_unstable();
            s.dedup();
            prop_assert_eq!(s.len(), k, "token {} experts {:?}", i, row);
            prop_assert!(row.iter().all(|&e| (e as usize) < n));
            let w = r.weights_of(i);
            prop_assert!(w.iter().all(|&x| x >= 0.0));
            if cfg.norm_topk {
                prop_assert!((w.iter().sum::<f64>() - cfg.routed_scaling).abs() < 1e-9);
            }
            for (&e, &kept) in row.iter().zip(r.kept_of(i)) {
                loads[e as usize] += 1;
                if kept { kept_loads[e as usize] += 1; kept_total += 1; }
            }
            // The explained route of the same token is the same decision, bit for bit.
            let d = sim.route_one(i).unwrap();
            prop_assert_eq!(&d.topk[..], row);
            prop_assert_eq!(&d.weights[..], w);
            let (be, bw) = brute(sim.config(), &d.logits, &d.bias);
            prop_assert_eq!(be, row.iter().map(|&e| e as usize).collect::<Vec<_>>());
            prop_assert!(bw.iter().zip(w).all(|(a, b)| (a - b).abs() < 1e-12));
        }
        prop_assert_eq!(&loads, &r.loads);
        prop_assert_eq!(&kept_loads, &r.kept_loads);
        prop_assert_eq!(kept_total + r.dropped as usize, t * k);
        match r.capacity {
            Some(c) => prop_assert!(r.kept_loads.iter().all(|&l| l <= c)),
            None => prop_assert_eq!(r.dropped, 0),
        }
        let all_dropped = (0..t).filter(|&i| r.kept_of(i).iter().all(|&x| !x)).count();
        prop_assert_eq!(r.dropped_tokens as usize, all_dropped);
        prop_assert_eq!(r.cv, load_cv(&r.loads));
        prop_assert_eq!(r.max_load, *loads.iter().max().unwrap());
        prop_assert!(sim.route_one(t).is_none());
        super::tests_data::assert_valid_json(&sim.export_json());
    }

    #[test]
    fn same_seed_same_run_other_seed_other_stream((cfg, steps) in sim_case()) {
        let run = |c: &MoeConfig| { let mut s = Simulation::new(c.clone()); s.run(steps); s };
        let (a, b) = (run(&cfg), run(&cfg));
        prop_assert_eq!(a.export_json(), b.export_json());
        prop_assert_eq!(a.cv_history(), b.cv_history());
        let other = run(&MoeConfig { seed: cfg.seed + 1, tokens: cfg.tokens.max(12), ..cfg.clone() });
        let mine = run(&MoeConfig { tokens: cfg.tokens.max(12), ..cfg.clone() });
        prop_assert_ne!(&other.result().labels, &mine.result().labels);
    }

    #[test]
    fn query_round_trips((cfg, steps) in sim_case(), p in 0usize..=PRESETS.len()) {
        let preset = PRESETS.get(p).map_or(presets::CUSTOM, |p| p.key);
        let base = find_preset(preset).map_or_else(MoeConfig::default, |p| p.config());
        let config = MoeConfig { norm_topk: base.norm_topk, routed_scaling: base.routed_scaling, ..cfg };
        let params = MoeParams { preset, config, step: steps };
        let (back, notes) = MoeParams::from_query(&crate::params::parse_query(&params.to_query()));
        prop_assert!(notes.is_empty(), "{:?}", notes);
        prop_assert_eq!(back, params);
    }

    #[test]
    fn any_query_gives_a_consistent_config(vals in proptest::collection::vec(".{0,12}", 15)) {
        let keys = ["preset", "experts", "k", "shared", "scoring", "groups", "topk_groups", "capacity",
            "balance", "gamma", "alpha", "tokens", "skew", "seed", "step"];
        let pairs: Vec<(String, String)> = keys.iter().zip(vals).map(|(k, v)| (k.to_string(), v)).collect();
        let (mut p, _) = MoeParams::from_query(&pairs);
        prop_assert!(p.config.sanitize().is_empty());
        prop_assert!(p.step <= MAX_STEPS);
    }
}
