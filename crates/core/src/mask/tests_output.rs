//! Export, pooling and tiles on specific and benchmark-sized masks.

use super::tests_brute::{brute, parse_json, Json, Matrix};
use super::*;

fn params(preset: Preset, n: u32) -> MaskParams {
    MaskParams {
        preset,
        n,
        ..Default::default()
    }
}

#[test]
fn export_json_round_trips() {
    let p = MaskParams {
        tokens: Some("a\"b c\\d e\u{1}f 中".into()),
        ..params(Preset::PrefixTuning, 5)
    };
    let m = Mask::build(&p);
    let s = m.export_json().unwrap();
    assert!(
        s.starts_with(
            "{\"preset\": \"prefix-tuning\", \"queries\": [\"a\\\"b\",\"c\\\\d\",\"e\\u0001f\""
        ),
        "{s}"
    );
    let Json::Obj(members) = parse_json(&s) else {
        panic!("not an object")
    };
    let names: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["preset", "queries", "keys", "mask"]);
    let strs = |j: &Json| match j {
        Json::Arr(a) => a
            .iter()
            .map(|x| match x {
                Json::Str(s) => s.clone(),
                _ => panic!(),
            })
            .collect::<Vec<_>>(),
        _ => panic!(),
    };
    assert_eq!(strs(&members[1].1), m.query_labels());
    assert_eq!(strs(&members[2].1), m.key_labels());
    let Json::Arr(rows) = &members[3].1 else {
        panic!()
    };
    let got: Matrix = rows
        .iter()
        .map(|r| match r {
            Json::Arr(c) => c.iter().map(|x| *x == Json::Int(1)).collect(),
            _ => panic!(),
        })
        .collect();
    assert_eq!(got, brute(&p));
    let big = Mask::build(&params(Preset::Causal, 513));
    assert_eq!(big.export_json(), Err(ExportTooLarge { n: 513, max: 512 }));
    assert!(Mask::build(&params(Preset::Causal, 512))
        .export_json()
        .is_ok());
}

#[test]
fn pool_large_n_is_correct() {
    // Benchmark-sized inputs (timing lives in examples/mask_pool_bench.rs): check structure.
    for n in [512u32, 4096, 8192] {
        let m = Mask::build(&params(Preset::Causal, n));
        let px = m.pool(600, 600);
        assert_eq!(px.len(), 600 * 600);
        let b = |i: u32, n: u32| pool::bounds(i, 600, n);
        for y in 0..600 {
            let (q0, q1) = b(y, n);
            for x in 0..600 {
                let (k0, k1) = b(x, n);
                let v = px[(y * 600 + x) as usize];
                assert!((0.0..=1.0).contains(&v));
                if k0 > q1 - 1 {
                    assert_eq!(v, 0.0, "above the diagonal");
                } else if k1 - 1 <= q0 {
                    assert_eq!(v, 1.0, "below the diagonal");
                } else if n <= 4 * 600 {
                    assert!(
                        v > 0.0,
                        "exact regime: the diagonal pixel has a visible cell"
                    );
                }
            }
        }
        let mean = px.iter().map(|&v| v as f64).sum::<f64>() / px.len() as f64;
        assert!(
            (mean - m.density()).abs() < 0.01,
            "{n}: {mean} vs {}",
            m.density()
        );
        let all = Mask::build(&params(Preset::Bidirectional, n)).pool(600, 600);
        assert!(all.iter().all(|&v| v == 1.0));
    }
    assert!(Mask::build(&params(Preset::Causal, 8))
        .pool(0, 10)
        .is_empty());
}

#[test]
fn tiles_large_causal() {
    let t = Mask::build(&params(Preset::Causal, 8192)).tiles(TILE_DEFAULT);
    assert_eq!(
        (t.rows, t.cols, t.full, t.partial, t.empty),
        (64, 64, 2016, 64, 2016)
    );
    assert!((t.skipped_fraction() - 2016.0 / 4096.0).abs() < 1e-12);
    let t = Mask::build(&MaskParams {
        window: Some(1024),
        ..params(Preset::SlidingWindow, 8192)
    })
    .tiles(128);
    // Each query block touches its own diagonal tile and 8 blocks back (partial at both ends).
    assert_eq!(t.empty + t.full + t.partial, 4096);
    assert_eq!(t.state(10, 10), Some(TileState::Partial));
    assert_eq!(t.state(10, 5), Some(TileState::Full));
    assert_eq!(t.state(10, 1), Some(TileState::Empty));
    assert_eq!(t.state(64, 0), None);
    assert_eq!(Mask::build(&params(Preset::Causal, 8192)).tiles(1).tile, 16);
    let one = Mask::build(&params(Preset::Causal, 8)).tiles(u32::MAX);
    assert_eq!((one.tile, one.total(), one.partial), (8, 1, 1));
}
