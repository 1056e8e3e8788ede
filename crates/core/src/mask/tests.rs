//! Hand-checked small masks and specific behaviour (`cargo test -p explorables-core mask`).

use super::tests_brute::{brute, lit, Matrix};
use super::*;
use crate::lang::Lang;

fn params(preset: Preset, n: u32) -> MaskParams {
    MaskParams {
        preset,
        n,
        ..Default::default()
    }
}

fn matrix(m: &Mask) -> Matrix {
    (0..m.n_queries())
        .map(|q| (0..m.n_keys()).map(|k| m.visible(q, k)).collect())
        .collect()
}

fn check(p: &MaskParams, expected: &str) {
    let m = Mask::build(p);
    assert_eq!(matrix(&m), lit(expected), "{p:?}");
    assert_eq!(
        brute(p),
        lit(expected),
        "brute force disagrees with the hand matrix"
    );
}

#[test]
fn causal_bidirectional_prefix_lm_n6() {
    check(
        &params(Preset::Causal, 6),
        "100000/110000/111000/111100/111110/111111",
    );
    check(&params(Preset::Bidirectional, 6), &["111111"; 6].join("/"));
    let p = MaskParams {
        prefix: Some(3),
        ..params(Preset::PrefixLm, 6)
    };
    check(&p, "111000/111000/111000/111100/111110/111111");
}

#[test]
fn chatglm_6b_n6() {
    // x1 x2 [gMASK] <sop> y1 y2: context_length = 3 (index of <sop>), mask position = 2.
    let p = MaskParams {
        prefix: Some(2),
        ..params(Preset::ChatGlm6b, 6)
    };
    check(&p, "111000/111000/111000/111100/111110/111111");
    let m = Mask::build(&p);
    assert_eq!(
        m.query_labels(),
        ["x1", "x2", "[gMASK]", "<sop>", "y1", "y2"]
    );
    let ids = [[0, 0], [1, 0], [2, 0], [2, 1], [2, 2], [2, 3]];
    assert_eq!(m.position_ids().unwrap(), ids);
    // prefix is clamped so that at least one generated token exists.
    let m = Mask::build(&MaskParams {
        prefix: Some(6),
        ..p.clone()
    });
    assert_eq!(m.query_labels()[3..], ["[gMASK]", "<sop>", "y1"]);
}

#[test]
fn prefix_tuning_n6() {
    let p = MaskParams {
        virtual_tokens: 2,
        ..params(Preset::PrefixTuning, 6)
    };
    check(&p, "11100000/11110000/11111000/11111100/11111110/11111111");
    let m = Mask::build(&p);
    assert_eq!((m.n_queries(), m.n_keys()), (6, 8));
    assert_eq!(m.key_labels()[..3], ["p1", "p2", "x1"]);
    assert_eq!(m.query_labels()[0], "x1");
    let p = MaskParams {
        base: Base::ChatGlm6b,
        prefix: Some(2),
        ..p
    };
    check(&p, "11111000/11111000/11111000/11111100/11111110/11111111");
    assert_eq!(Mask::build(&p).position_ids().unwrap()[3], [2, 1]);
}

#[test]
fn sliding_chunked_docs_n6() {
    let p = MaskParams {
        window: Some(3),
        ..params(Preset::SlidingWindow, 6)
    };
    check(&p, "100000/110000/111000/011100/001110/000111");
    let p = MaskParams {
        chunk: Some(4),
        ..params(Preset::Llama4Chunked, 6)
    };
    check(&p, "100000/110000/111000/111100/000010/000011");
    check(
        &MaskParams { layer: 3, ..p },
        "100000/110000/111000/111100/111110/111111",
    );
    let p = MaskParams {
        window: Some(2),
        ..params(Preset::Gemma3, 6)
    };
    check(&p, "100000/110000/011000/001100/000110/000011");
    check(
        &MaskParams { layer: 5, ..p },
        "100000/110000/111000/111100/111110/111111",
    );
    let p = MaskParams {
        docs: Some(vec![3, 1, 2]),
        ..params(Preset::PackedDocuments, 6)
    };
    check(&p, "100000/110000/111000/000100/000010/000011");
}

#[test]
fn custom_and_or_n6() {
    let p = MaskParams {
        window: Some(2),
        docs: Some(vec![3, 1, 2]),
        ..params(Preset::Custom, 6)
    };
    check(&p, "100000/110000/011000/000100/000010/000011");
    check(
        &MaskParams { op: Op::Or, ..p },
        "100000/110000/111000/001100/000110/000011",
    );
}

#[test]
fn glm_blank_infilling_matches_paper_figure() {
    // GLM Fig. 2: x1 x2 [M] x4 [M] | [S] x5 x6 | [S] x3; positions 1-based in the paper.
    let p = MaskParams {
        tokens: Some("t1 t2 t3 t4 t5 t6".into()),
        ..params(Preset::GlmBlankInfilling, 10)
    };
    let a = "1111100000";
    check(
        &p,
        &[
            a,
            a,
            a,
            a,
            a,
            "1111110000",
            "1111111000",
            "1111111100",
            "1111111110",
            "1111111111",
        ]
        .join("/"),
    );
    let m = Mask::build(&p);
    let labels = "t1 t2 [MASK] t4 [MASK] [S] t5 t6 [S] t3";
    assert_eq!(m.query_labels().join(" "), labels);
    let pos: Vec<u32> = m.position_ids().unwrap().iter().map(|p| p[0] + 1).collect();
    let block: Vec<u32> = m.position_ids().unwrap().iter().map(|p| p[1]).collect();
    assert_eq!(pos, [1, 2, 3, 4, 5, 5, 5, 5, 3, 3]);
    assert_eq!(block, [0, 0, 0, 0, 0, 1, 2, 3, 1, 2]);
    let small = Mask::build(&params(Preset::GlmBlankInfilling, 6));
    assert_eq!(small.query_labels().join(" "), "x1 x2 x3 [MASK] [S] x4");
}

#[test]
fn counts_kv_and_receptive_field() {
    let m = Mask::build(&params(Preset::Causal, 8));
    assert_eq!((m.visible_pairs(), m.kv_keep_for_next_token()), (36, 8));
    assert!((m.density() - 36.0 / 64.0).abs() < 1e-12);
    let kv = |p: MaskParams| Mask::build(&p).kv_keep_for_next_token();
    assert_eq!(
        kv(MaskParams {
            window: Some(3),
            ..params(Preset::SlidingWindow, 8)
        }),
        2
    );
    assert_eq!(
        kv(MaskParams {
            chunk: Some(3),
            ..params(Preset::Llama4Chunked, 8)
        }),
        2
    );
    assert_eq!(kv(params(Preset::PackedDocuments, 8)), 3);
    assert_eq!(kv(params(Preset::PrefixTuning, 8)), 10);
    assert_eq!(kv(params(Preset::ChatGlm6b, 8)), 8);
    assert_eq!(kv(params(Preset::Gemma3, 8)), 8); // window 1024 > n
    let m = Mask::build(&MaskParams {
        window: Some(3),
        ..params(Preset::SlidingWindow, 8)
    });
    let rf: Vec<u64> = (0..6).map(|l| m.receptive_field(l)).collect();
    assert_eq!(rf, [1, 3, 5, 7, 8, 8]);
    let a = Mask::build(&params(Preset::Causal, 8));
    let b = Mask::build(&params(Preset::Bidirectional, 8));
    assert_eq!(a.differing_pairs(&b), Some(28));
    assert_eq!(
        a.differing_pairs(&Mask::build(&params(Preset::PrefixTuning, 8))),
        None
    );
}

#[test]
fn tokens_split_and_fill() {
    assert_eq!(split_tokens(" The  cat\tsat "), ["The", "cat", "sat"]);
    assert_eq!(split_tokens("我爱NLP！"), ["我", "爱", "NLP", "！"]);
    assert_eq!(split_tokens("你好 世界"), ["你好", "世界"]);
    assert_eq!(split_tokens("hello"), ["hello"]);
    assert_eq!(
        split_tokens(&"a".repeat(40))[0].chars().count(),
        LABEL_MAX_CHARS
    );
    let p = MaskParams {
        tokens: Some("a b c d e".into()),
        prefix: Some(2),
        ..params(Preset::ChatGlm6b, 6)
    };
    assert_eq!(
        Mask::build(&p).query_labels(),
        ["a", "b", "[gMASK]", "<sop>", "c", "d"]
    );
    let p = MaskParams {
        tokens: Some("床前明月光".into()),
        ..params(Preset::Causal, 8)
    };
    assert_eq!(Mask::build(&p).query_labels().join(""), "床前明月光x6x7x8");
}

#[test]
fn explanations_are_specific() {
    let p = MaskParams {
        prefix: Some(2),
        ..params(Preset::ChatGlm6b, 6)
    };
    let m = Mask::build(&p);
    let e = m.explain(4, 1, Lang::En);
    assert!(
        e.starts_with("y1 (q=4) can see x2 (k=1)") && e.contains("bidirectional context"),
        "{e}"
    );
    assert!(e.contains("2D positions: y1 = [2, 2], x2 = [1, 0]"), "{e}");
    let e = m.explain(0, 3, Lang::En);
    assert!(
        e.starts_with("x1 (q=0) cannot see <sop> (k=3)") && e.contains("tril_"),
        "{e}"
    );
    assert!(
        m.explain(4, 1, Lang::Zh).contains("能看到")
            && m.explain(0, 3, Lang::Zh).contains("看不到")
    );
    let m = Mask::build(&MaskParams {
        window: Some(2),
        ..params(Preset::SlidingWindow, 6)
    });
    assert!(m
        .explain(5, 1, Lang::En)
        .contains("4 positions back, outside the window of 2"));
    let m = Mask::build(&params(Preset::PrefixTuning, 6));
    assert!(m.explain(0, 1, Lang::En).contains("virtual prefix"));
    let m = Mask::build(&MaskParams {
        docs: Some(vec![3, 3]),
        ..params(Preset::PackedDocuments, 6)
    });
    assert!(m
        .explain(4, 1, Lang::En)
        .contains("document 1 and x5 (q=4) to document 2"));
    assert_eq!(m.explain(9, 0, Lang::En), "cell out of range");
    let m = Mask::build(&MaskParams {
        layer: 3,
        ..params(Preset::Llama4Chunked, 6)
    });
    assert!(m.explain(2, 1, Lang::En).contains("NoPE") && m.summary(Lang::En).contains("NoPE"));
}

#[test]
fn every_preset_has_texts() {
    for p in Preset::ALL {
        assert_eq!(Preset::from_slug(p.slug()), Some(p));
        assert_eq!(Preset::from_slug(&p.slug().to_uppercase()), Some(p));
        assert!(
            p.about(Lang::Zh).chars().count() > 60 && p.about(Lang::En).len() > 150,
            "{p:?}"
        );
        assert!(!p.source().is_empty());
        assert!(!Mask::build(&params(p, 8)).summary(Lang::Zh).is_empty());
    }
    assert_eq!(Preset::from_slug("<script>"), None);
}
