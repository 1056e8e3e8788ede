//! Property tests over many sizes and parameters, against the brute-force definitions.

use super::tests_brute::{brute, Matrix};
use super::*;
use proptest::prelude::*;

fn matrix(m: &Mask) -> Matrix {
    (0..m.n_queries())
        .map(|q| (0..m.n_keys()).map(|k| m.visible(q, k)).collect())
        .collect()
}

/// Random valid parameters for small n.
fn arb_params(max_n: u32) -> impl Strategy<Value = MaskParams> {
    let presets = prop::sample::select(Preset::ALL.to_vec());
    let comp = prop::sample::select(Preset::COMPOSABLE.to_vec());
    (
        (
            presets,
            4..=max_n,
            any::<Option<u32>>(),
            any::<Option<u32>>(),
            1u32..=64,
        ),
        (
            any::<Option<u32>>(),
            0u32..=12,
            prop::option::of(prop::collection::vec(0u32..12, 0..6)),
        ),
        (comp.clone(), comp, any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |((preset, n, prefix, window, v), (chunk, layer, docs), (a, b, or, glm))| MaskParams {
                preset,
                n,
                prefix: prefix.map(|x| x % (n + 1)),
                window: window.map(|x| 1 + x % n),
                virtual_tokens: 1 + v % n,
                chunk: chunk.map(|x| 1 + x % n),
                layer,
                docs: docs.map(|d| normalize_docs(&d, n)),
                tokens: None,
                compare: None,
                a,
                b,
                op: if or { Op::Or } else { Op::And },
                base: if glm { Base::ChatGlm6b } else { Base::Causal },
            },
        )
}

fn brute_pool(m: &Matrix, w: u32, h: u32) -> Vec<f32> {
    let (nq, nk) = (m.len() as u32, m[0].len() as u32);
    let mut out = Vec::new();
    for y in 0..h {
        let (q0, q1) = pool::bounds(y, h, nq);
        for x in 0..w {
            let (k0, k1) = pool::bounds(x, w, nk);
            let mut c = 0;
            for q in q0..q1 {
                for k in k0..k1 {
                    c += m[q as usize][k as usize] as u32;
                }
            }
            out.push(c as f32 / ((q1 - q0) * (k1 - k0)) as f32);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_preset_matches_brute_force(p in arb_params(40)) {
        let m = Mask::build(&p);
        let b = brute(&p);
        prop_assert_eq!(matrix(&m), b.clone());
        let count: u64 = b.iter().flatten().filter(|&&x| x).count() as u64;
        prop_assert_eq!(m.visible_pairs(), count);
        prop_assert_eq!(m.query_labels().len() as u32, m.n_queries());
        prop_assert_eq!(m.key_labels().len() as u32, m.n_keys());
        for q in 0..m.n_queries() {
            let row = m.row(q);
            // Sorted, disjoint, non-adjacent, non-empty spans; visible() agrees.
            for w in row.windows(2) {
                prop_assert!(w[0].end < w[1].start);
            }
            prop_assert!(row.iter().all(|s| !s.is_empty() && s.end <= m.n_keys()));
            for k in 0..m.n_keys() {
                prop_assert_eq!(row.contains(k), b[q as usize][k as usize]);
            }
        }
    }

    #[test]
    fn named_properties(n in 4u32..48, w in 1u32..48, pre in 0u32..48, v in 1u32..48) {
        let w = 1 + (w - 1) % n;
        let mk = |preset, f: &dyn Fn(&mut MaskParams)| {
            let mut p = MaskParams { preset, n, window: Some(w), prefix: Some(pre % (n + 1)), virtual_tokens: 1 + (v - 1) % n, ..Default::default() };
            f(&mut p);
            Mask::build(&p)
        };
        let causal = mk(Preset::Causal, &|_| {});
        let all = mk(Preset::Bidirectional, &|_| {});
        let plm = mk(Preset::PrefixLm, &|_| {});
        let sw = mk(Preset::SlidingWindow, &|_| {});
        let p = pre % (n + 1);
        for q in 0..n {
            for k in 0..n {
                prop_assert_eq!(causal.visible(q, k), k <= q, "causal is lower-triangular");
                prop_assert!(all.visible(q, k), "bidirectional is all ones");
                prop_assert_eq!(plm.visible(q, k), (q < p && k < p) || k <= q);
                prop_assert_eq!(sw.visible(q, k), k <= q && q - k < w);
            }
            prop_assert_eq!(sw.row(q).count(), (q + 1).min(w) as u64, "band width = window");
        }
        for base in [Base::Causal, Base::ChatGlm6b] {
            let pt = mk(Preset::PrefixTuning, &|p| p.base = base);
            let real = mk(base.preset(), &|_| {});
            let vt = pt.n_keys() - n;
            for q in 0..n {
                prop_assert!((0..vt).all(|k| pt.visible(q, k)), "virtual columns fully visible");
                for k in 0..n {
                    prop_assert_eq!(pt.visible(q, vt + k), real.visible(q, k), "real part = base");
                }
            }
        }
    }

    #[test]
    fn packed_documents_never_cross(n in 4u32..64, docs in prop::collection::vec(1u32..20, 1..8)) {
        let p = MaskParams { preset: Preset::PackedDocuments, n, docs: Some(docs), ..Default::default() };
        let m = Mask::build(&p);
        let lens = p.resolve(Preset::PackedDocuments).docs;
        prop_assert_eq!(lens.iter().sum::<u32>(), n);
        let mut doc = Vec::new();
        for (i, &l) in lens.iter().enumerate() { doc.extend(std::iter::repeat_n(i, l as usize)); }
        for q in 0..n { for k in 0..n {
            if doc[q as usize] != doc[k as usize] { prop_assert!(!m.visible(q, k)); }
        }}
    }

    #[test]
    fn custom_composes_elementwise(p in arb_params(32), or in any::<bool>()) {
        let p = MaskParams { preset: Preset::Custom, op: if or { Op::Or } else { Op::And }, ..p };
        let m = Mask::build(&p);
        let a = Mask::build(&MaskParams { preset: p.a, ..p.clone() });
        let b = Mask::build(&MaskParams { preset: p.b, ..p.clone() });
        for q in 0..p.n { for k in 0..p.n {
            let want = if or { a.visible(q, k) || b.visible(q, k) } else { a.visible(q, k) && b.visible(q, k) };
            prop_assert_eq!(m.visible(q, k), want);
        }}
    }

    #[test]
    fn explanations_agree_with_rows(p in arb_params(12)) {
        let m = Mask::build(&p);
        for q in 0..m.n_queries() { for k in 0..m.n_keys() {
            let en = m.explain(q, k, crate::lang::Lang::En);
            let zh = m.explain(q, k, crate::lang::Lang::Zh);
            let vis = m.visible(q, k);
            let head = format!("{} (q={q}) ", m.query_labels()[q as usize]);
            let tail = format!(" {} (k={k})", m.key_labels()[k as usize]);
            let verdict = if vis { "can see" } else { "cannot see" };
            prop_assert!(en.starts_with(&format!("{head}{verdict}{tail}: ")), "{}", en);
            let verdict = if vis { "能看到" } else { "看不到" };
            prop_assert!(zh.starts_with(&format!("{head}{verdict}{tail}：")), "{}", zh);
        }}
    }

    #[test]
    fn rows_are_monotone_intervals_and_receptive_field_matches_bfs(p in arb_params(40), layers in 0u32..12) {
        let m = Mask::build(&MaskParams { preset: if p.preset == Preset::PrefixTuning { p.base.preset() } else { p.preset }, ..p.clone() });
        let n = m.n_queries();
        let mut prev = (0, 0);
        for q in 0..n {
            let r = m.row(q);
            prop_assert_eq!(r.len(), 1);
            prop_assert!(r[0].contains(q) && r[0].start >= prev.0 && r[0].end >= prev.1);
            prev = (r[0].start, r[0].end);
        }
        let mut reach = vec![false; n as usize];
        reach[n as usize - 1] = true;
        for _ in 0..layers {
            let cur = reach.clone();
            for q in 0..n { if cur[q as usize] { for k in 0..n { if m.visible(q, k) { reach[k as usize] = true; } } } }
        }
        prop_assert_eq!(m.receptive_field(layers), reach.iter().filter(|&&x| x).count() as u64);
    }

    #[test]
    fn pool_is_exact_for_small_n(p in arb_params(40), w in 1u32..100, h in 1u32..100) {
        let m = Mask::build(&p);
        let px = m.pool(w, h);
        prop_assert_eq!(px.len(), (w * h) as usize);
        prop_assert!(px.iter().all(|v| (0.0..=1.0).contains(v)));
        if m.n_queries() <= POOL_SAMPLES * h {
            let want = brute_pool(&brute(&p), w, h);
            for (a, b) in px.iter().zip(&want) { prop_assert!((a - b).abs() < 1e-5, "{} vs {}", a, b); }
        }
        if m.n_queries() <= h && m.n_keys() <= w {
            let b = brute(&p);
            for y in 0..h { for x in 0..w {
                let cell = b[pool::bounds(y, h, m.n_queries()).0 as usize][pool::bounds(x, w, m.n_keys()).0 as usize];
                prop_assert_eq!(px[(y * w + x) as usize], if cell { 1.0 } else { 0.0 });
            }}
        }
    }

    #[test]
    fn tiles_agree_with_brute_force(p in arb_params(40), tile in 1u32..12) {
        let m = Mask::build(&p);
        let t = m.tiles(tile);
        let b = brute(&p);
        let (nq, nk) = (m.n_queries(), m.n_keys());
        prop_assert_eq!(t.tile, tile.min(nq.max(nk)));
        let tile = t.tile;
        prop_assert_eq!((t.rows, t.cols), (nq.div_ceil(tile), nk.div_ceil(tile)));
        for r in 0..t.rows { for c in 0..t.cols {
            let cells: Vec<bool> = (r * tile..((r + 1) * tile).min(nq))
                .flat_map(|q| (c * tile..((c + 1) * tile).min(nk)).map(move |k| (q, k)))
                .map(|(q, k)| b[q as usize][k as usize]).collect();
            let want = if cells.iter().all(|&x| x) { TileState::Full } else if cells.iter().any(|&x| x) { TileState::Partial } else { TileState::Empty };
            prop_assert_eq!(t.state(r, c), Some(want));
        }}
        prop_assert_eq!(t.full + t.partial + t.empty, t.total());
    }

    #[test]
    fn params_never_panic(pairs in prop::collection::vec((prop::sample::select(vec!["preset", "n", "prefix", "window", "virtual", "chunk", "layer", "docs", "tokens", "compare", "a", "b", "op", "base", "zzz"]), prop_oneof![".{0,40}", "-?[0-9]{1,14}(\\.[0-9])?(e[0-9]{1,3})?", "[0-9,]{0,30}", prop::sample::select(Preset::ALL.iter().map(|p| p.slug().to_string()).collect::<Vec<_>>())]), 0..10)) {
        let pairs: Vec<(String, String)> = pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        let (p, _) = MaskParams::from_query(&pairs);
        prop_assert!((N_MIN..=N_MAX).contains(&p.n));
        let (again, notes) = MaskParams::from_query(&p.to_query().into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Vec<_>>());
        prop_assert!(notes.is_empty(), "{:?}", notes);
        prop_assert_eq!(&again, &p);
        if p.n <= 64 {
            let m = Mask::build(&p);
            prop_assert_eq!(matrix(&m), brute(&p));
        }
    }

    #[test]
    fn params_round_trip(p in arb_params(8192)) {
        // Generated parameters are valid except for the chatglm prompt clamp; normalise that.
        let (p, _) = MaskParams::from_query(&p.to_query().into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Vec<_>>());
        let q: Vec<(String, String)> = p.to_query().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        prop_assert_eq!(MaskParams::from_query(&q), (p, vec![]));
    }
}

#[test]
fn hostile_params() {
    let q = |s: &str| MaskParams::from_query(&crate::params::parse_query(s));
    let (p, notes) =
        q("n=-1&window=abc&preset=<script>&prefix=1e12&docs=3,x&compare=zzz&a=custom&tokens=%20");
    assert_eq!(
        (p.n, p.window, p.preset, p.prefix, p.docs.clone()),
        (4, None, Preset::Causal, Some(4), None)
    );
    assert_eq!(
        (p.compare, p.a, p.tokens.clone()),
        (None, Preset::SlidingWindow, None)
    );
    let names: Vec<&str> = notes.iter().map(|n| n.param.as_str()).collect();
    assert_eq!(
        names,
        ["preset", "n", "prefix", "window", "docs", "compare", "a"]
    );
    let (p, notes) = q("n=1e12&preset=chatglm-6b&prefix=9000&docs=9000,0,5");
    assert_eq!((p.n, p.prefix), (8192, Some(8189)));
    assert_eq!(p.docs, Some(vec![8192]));
    assert_eq!(notes.len(), 3);
    assert_eq!(MaskParams::default().to_query(), vec![]);
    let (p, notes) = q("preset=gemma3&layer=5&window=2&n=16&compare=llama4-chunked&op=or&base=chatglm-6b&virtual=3&docs=3,2,4,7");
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(p.docs, Some(vec![3, 2, 4, 7]));
    let names: Vec<&str> = p.to_query().iter().map(|(k, _)| *k).collect();
    assert_eq!(
        names,
        ["preset", "n", "window", "virtual", "layer", "docs", "compare", "op", "base"]
    );
}
