//! Reference values, brute-force cross-checks and hostile URLs for the four panels.

use super::bon::bon_kl;
use super::budget::{expected_solved, marginal_gain, optimal_allocation, uniform_allocation};
use super::export::{value, values, BudgetView, MajView, PassKView};
use super::params::{parse_samples, MajParams, PassKParams, TtsParams};
use super::passk::{pass_at_k, pass_at_k_naive, pass_curves, pass_hat_k};
use super::vote::{maj_at_k, maj_at_k_curve, pick, Sample};
use super::*;
use crate::params::NoticeKind;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

// ---- pass@k ----

#[test]
fn pass_at_k_reference_values() {
    assert!(close(pass_at_k(10, 3, 5), 0.916667, 5e-7));
    assert!(close(pass_at_k_naive(10, 3, 5), 0.831930, 5e-7));
    assert!(close(pass_hat_k(10, 3, 2), 0.066667, 5e-7));
    // 1 − C(7,5)/C(10,5) = 1 − 21/252 exactly; pass^2 = C(3,2)/C(10,2) = 3/45.
    assert!(close(pass_at_k(10, 3, 5), 1.0 - 21.0 / 252.0, 1e-15));
    assert!(close(pass_hat_k(10, 3, 2), 3.0 / 45.0, 1e-15));
}

/// Averages over every k-subset of n samples whose first c are correct.
fn brute_force(n: u32, c: u32, k: u32) -> (f64, f64) {
    let (mut any, mut all, mut subsets) = (0u64, 0u64, 0u64);
    let correct = (1u32 << c) - 1;
    for mask in 0u32..(1 << n) {
        if mask.count_ones() != k {
            continue;
        }
        subsets += 1;
        any += u64::from(mask & correct != 0);
        all += u64::from(mask & !correct == 0);
    }
    (any as f64 / subsets as f64, all as f64 / subsets as f64)
}

#[test]
fn pass_at_k_equals_subset_average() {
    for n in 1..=10 {
        for c in 0..=n {
            for k in 1..=n {
                let (any, all) = brute_force(n, c, k);
                assert!(close(pass_at_k(n, c, k), any, 1e-12), "n={n} c={c} k={k}");
                assert!(close(pass_hat_k(n, c, k), all, 1e-12), "n={n} c={c} k={k}");
            }
        }
    }
}

#[test]
fn curves_match_the_single_values() {
    for (n, c) in [(10, 3), (1, 0), (1, 1), (37, 5), (200, 199)] {
        let cur = pass_curves(n, c);
        assert_eq!(cur.unbiased.len(), n as usize);
        for k in 1..=n {
            let i = k as usize - 1;
            assert!(close(cur.unbiased[i], pass_at_k(n, c, k), 1e-12));
            assert!(close(cur.naive[i], pass_at_k_naive(n, c, k), 1e-12));
            assert!(close(cur.hat[i], pass_hat_k(n, c, k), 1e-12));
        }
    }
}

#[test]
fn pass_at_k_stable_at_ten_thousand() {
    let v = pass_at_k(10_000, 17, 300);
    // 1 − Π_{j<300} (9983 − j)/(10000 − j), in logs as an independent check.
    let log_miss: f64 = (0..300)
        .map(|j| ((9983 - j) as f64).ln() - ((10_000 - j) as f64).ln())
        .sum();
    assert!(close(v, 1.0 - log_miss.exp(), 1e-12));
    let cur = pass_curves(MAX_N, 5000);
    assert!(cur
        .unbiased
        .iter()
        .chain(&cur.hat)
        .all(|x| x.is_finite() && (0.0..=1.0).contains(x)));
    assert_eq!(pass_hat_k(10_000, 10_000, 10_000), 1.0);
    assert_eq!(pass_at_k(10_000, 0, 10_000), 0.0);
}

// ---- maj@k ----

/// Probability that the majority is correct, by enumerating all m^k sequences.
fn maj_by_sequences(p: &[f64], k: u32) -> f64 {
    let m = p.len();
    let mut total = 0.0;
    for code in 0..m.pow(k) {
        let (mut x, mut prob, mut counts) = (code, 1.0, vec![0u32; m]);
        for _ in 0..k {
            counts[x % m] += 1;
            prob *= p[x % m];
            x /= m;
        }
        let top = *counts.iter().max().unwrap();
        if counts[0] == top {
            total += prob / counts.iter().filter(|&&c| c == top).count() as f64;
        }
    }
    total
}

/// The same by enumerating count vectors (compositions of k) with multinomial weights.
fn maj_by_compositions(p: &[f64], k: u32) -> f64 {
    fn rec(p: &[f64], left: u32, counts: &mut Vec<u32>, out: &mut f64, k: u32) {
        if counts.len() == p.len() - 1 {
            counts.push(left);
            let fact = |n: u32| (1..=n).map(f64::from).product::<f64>();
            let mut w = fact(k);
            for (c, q) in counts.iter().zip(p) {
                w *= q.powi(*c as i32) / fact(*c);
            }
            let top = *counts.iter().max().unwrap();
            if counts[0] == top {
                *out += w / counts.iter().filter(|&&c| c == top).count() as f64;
            }
            counts.pop();
            return;
        }
        for c in 0..=left {
            counts.push(c);
            rec(p, left - c, counts, out, k);
            counts.pop();
        }
    }
    let mut out = 0.0;
    rec(p, k, &mut Vec::new(), &mut out, k);
    out
}

const DISTRIBUTIONS: [&[f64]; 8] = [
    &[1.0],
    &[0.5, 0.5],
    &[0.3, 0.7],
    &[0.5, 0.3, 0.2],
    &[0.2, 0.5, 0.3],
    &[0.25, 0.25, 0.25, 0.25],
    &[0.4, 0.3, 0.2, 0.1],
    &[0.1, 0.0, 0.6, 0.3],
];

#[test]
fn maj_at_k_equals_enumeration() {
    for p in DISTRIBUTIONS {
        let curve = maj_at_k_curve(p, 8);
        for k in 1..=8 {
            let seq = maj_by_sequences(p, k);
            assert!(close(curve[k as usize - 1], seq, 1e-12), "{p:?} k={k}");
            assert!(close(maj_by_compositions(p, k), seq, 1e-12), "{p:?} k={k}");
            assert!(close(maj_at_k(p, k), seq, 1e-12));
        }
    }
}

#[test]
fn maj_at_k_known_cases() {
    // k = 1 is one sample; two equal answers tie with probability 1/2 at any k.
    assert!(close(maj_at_k(&[0.5, 0.3, 0.2], 1), 0.5, 1e-15));
    assert!(close(maj_at_k(&[0.5, 0.5], 7), 0.5, 1e-12));
    // k = 2 with [a, b]: aa wins, ab/ba tie (½ each): a² + ab.
    assert!(close(maj_at_k(&[0.6, 0.4], 2), 0.36 + 0.24, 1e-15));
    // The full curve to k = 64 over 16 answers stays a probability.
    let p: Vec<f64> = (0..16)
        .map(|i| if i == 0 { 0.2 } else { 0.8 / 15.0 })
        .collect();
    let curve = maj_at_k_curve(&p, MAX_VOTE_K);
    assert!(curve.iter().all(|x| (0.0..=1.0 + 1e-12).contains(x)));
    // The plurality answer wins more and more often as k grows (0.9449 at k = 64).
    assert!(curve[63] > 0.94 && curve[63] > curve[15] && curve[15] > curve[0]);
}

#[test]
fn sample_mode_picks_and_tie_rules() {
    let (s, changed) = parse_samples("A:0.9,B:0.4,B:0.3,A:0.8,B:0.05");
    assert!(!changed);
    let p = pick(&s).unwrap();
    assert_eq!(p.majority_answer(), "B");
    assert_eq!(p.best_of_n_answer(), "A");
    assert_eq!(p.weighted_answer(), "A");
    assert_eq!(p.best_sample, 0);
    // Ties: earliest first appearance (majority, weighted), earliest sample (best-of-N).
    let (s, _) = parse_samples("x:0.5,y:0.7,y:0.3,x:0.5,z:0.7");
    let p = pick(&s).unwrap();
    assert_eq!(p.majority_answer(), "x");
    assert_eq!(p.weighted_answer(), "x");
    assert_eq!(p.best_of_n_answer(), "y");
    assert!(pick(&[]).is_none());
    let one = [Sample {
        answer: "only".into(),
        score: 0.0,
    }];
    assert_eq!(pick(&one).unwrap().weighted_answer(), "only");
}

// ---- budget ----

#[test]
fn budget_reference_values() {
    let p = [0.5, 0.05, 0.2];
    let a = optimal_allocation(&p, 12);
    assert_eq!(a, vec![4, 1, 7]);
    assert!(close(expected_solved(&p, &a), 1.777785, 5e-7));
    let u = uniform_allocation(3, 12);
    assert_eq!(u, vec![4, 4, 4]);
    assert!(close(expected_solved(&p, &u), 1.713394, 5e-7));
    assert_eq!(uniform_allocation(3, 14), vec![5, 5, 4]);
    assert_eq!(uniform_allocation(0, 14), Vec::<u32>::new());
}

fn best_by_search(p: &[f64], left: u32, alloc: &mut Vec<u32>) -> f64 {
    if alloc.len() == p.len() - 1 {
        alloc.push(left);
        let v = expected_solved(p, alloc);
        alloc.pop();
        return v;
    }
    (0..=left)
        .map(|n| {
            alloc.push(n);
            let v = best_by_search(p, left - n, alloc);
            alloc.pop();
            v
        })
        .fold(f64::NEG_INFINITY, f64::max)
}

#[test]
fn greedy_allocation_equals_exhaustive_search() {
    let cases: [&[f64]; 6] = [
        &[0.5, 0.05, 0.2],
        &[0.9, 0.1],
        &[0.3, 0.3, 0.3],
        &[1.0, 0.0, 0.5, 0.01],
        &[0.02, 0.7, 0.45, 0.15],
        &[0.6],
    ];
    for p in cases {
        for b in 0..=10 {
            let a = optimal_allocation(p, b);
            assert_eq!(a.iter().sum::<u32>(), b);
            let best = best_by_search(p, b, &mut Vec::new());
            assert!(close(expected_solved(p, &a), best, 1e-12), "{p:?} B={b}");
        }
    }
}

#[test]
fn greedy_ties_go_to_the_lowest_index() {
    assert_eq!(optimal_allocation(&[0.3, 0.3, 0.3], 4), vec![2, 1, 1]);
    assert_eq!(optimal_allocation(&[0.0, 0.0], 3), vec![3, 0]);
    assert_eq!(marginal_gain(0.5, 2), 0.125);
}

// ---- best-of-N ----

#[test]
fn bon_kl_reference_values() {
    assert!(close(bon_kl(16), 1.835089, 5e-7));
    assert_eq!(bon_kl(1), 0.0);
    assert!(close(bon_kl(2), 2f64.ln() - 0.5, 1e-15));
}

// ---- params and exports ----

#[test]
fn exports_carry_the_reference_values() {
    let (t, notes) = TtsParams::from_query("panel=pass-at-k&n=10&c=3&k=5");
    assert!(notes.is_empty());
    let v = values(&t);
    assert_eq!(value(&v, "pass-at-k"), Some("0.9166666666666666"));
    assert!(value(&v, "pass-at-k-naive").unwrap().starts_with("0.83193"));
    assert_eq!(value(&v, "pass-at-k-curve").unwrap().split(',').count(), 10);

    let (t, _) = TtsParams::from_query("panel=budget&budget=12&p=0.5,0.05,0.2");
    let v = values(&t);
    assert_eq!(value(&v, "allocation"), Some("4,1,7"));
    assert_eq!(value(&v, "uniform-allocation"), Some("4,4,4"));
    assert!(value(&v, "expected-solved").unwrap().starts_with("1.77778"));

    let (t, _) = TtsParams::from_query("panel=bon-kl&n=16");
    assert!(value(&values(&t), "bon-kl").unwrap().starts_with("1.83508"));

    let (t, _) = TtsParams::from_query("panel=majority&answers=0.5,0.3,0.2&k=1");
    let v = values(&t);
    assert_eq!(value(&v, "maj-at-k"), Some("0.5"));
    assert_eq!(value(&v, "majority-answer"), Some("B"));
    assert_eq!(value(&v, "best-of-n-answer"), Some("A"));
    assert_eq!(value(&v, "weighted-answer"), Some("A"));
    assert_eq!(value(&v, "maj-at-k-curve").unwrap().split(',').count(), 64);
}

#[test]
fn views_match_their_params() {
    let pk = PassKView::new(&PassKParams::default());
    assert_eq!(pk.pass_at_k, pass_at_k(10, 3, 5));
    let mv = MajView::new(&MajParams::default());
    assert_eq!(mv.maj_at_k, maj_at_k(&[0.5, 0.3, 0.2], 5));
    let bv = BudgetView::new(&Default::default());
    assert_eq!(bv.allocation, vec![4, 1, 7]);
}

#[test]
fn hostile_pass_at_k_params_are_clamped() {
    let (p, notes) = PassKParams::from_pairs(&crate::params::parse_query("n=10&c=30&k=99"));
    assert_eq!((p.n, p.c, p.k), (10, 10, 10));
    assert_eq!(notes.len(), 2);
    assert!(notes.iter().all(|n| n.kind == NoticeKind::Clamped));
    let (p, notes) = PassKParams::from_pairs(&crate::params::parse_query("n=-5&c=NaN&k=-1"));
    assert_eq!((p.n, p.c, p.k), (1, 1, 1));
    assert_eq!(notes.len(), 3);
    let (p, _) = PassKParams::from_pairs(&crate::params::parse_query("n=1e9"));
    assert_eq!(p.n, MAX_N);
    // Every notice renders in both languages.
    assert!(notes
        .iter()
        .all(|n| !n.to_string().is_empty() && !n.to_zh().is_empty()));
}

#[test]
fn hostile_majority_params() {
    let q = |s: &str| MajParams::from_pairs(&crate::params::parse_query(s));
    let (p, notes) = q("answers=5,3,2");
    assert_eq!(p.answers, vec![0.5, 0.3, 0.2]);
    assert_eq!(notes.len(), 1, "normalising is reported");
    let (p, notes) = q("answers=0.1,0.2,0.7");
    assert_eq!(p.answers.len(), 3);
    assert!(notes.is_empty(), "a float sum of 1 ± 1e-16 is silent");
    let (p, notes) = q("answers=NaN,-1,1");
    assert_eq!(p.answers, vec![0.0, 0.0, 1.0]);
    assert_eq!(notes[0].kind, NoticeKind::Invalid);
    let (p, notes) = q("answers=0,0&k=1000");
    assert_eq!(p.answers, vec![0.5, 0.3, 0.2]);
    assert_eq!((p.k, notes.len()), (MAX_VOTE_K, 2));
    let many = vec!["1"; 40].join(",");
    let (p, notes) = q(&format!("answers={many}"));
    assert_eq!((p.answers.len(), notes.len()), (MAX_ANSWERS, 1));
    let (p, notes) = q("samples=A:2,:0.5,B,C:x,%3Cb%3E:0.1");
    let got: Vec<_> = p
        .samples
        .iter()
        .map(|s| (s.answer.as_str(), s.score))
        .collect();
    assert_eq!(got, vec![("A", 1.0), ("<b>", 0.1)]);
    assert_eq!(notes.len(), 1);
    let (p, notes) = q("samples=A:2");
    assert_eq!(
        (p.samples[0].score, notes.len()),
        (1.0, 1),
        "a clamped score is reported"
    );
    let (p, notes) = q(&format!("samples={}:0.5", "x".repeat(30)));
    assert_eq!(
        (p.samples[0].answer.len(), notes.len()),
        (MAX_LABEL_CHARS, 1)
    );
    let (p, notes) = q("samples=,,,");
    assert_eq!(p.samples, MajParams::default().samples);
    assert_eq!(notes.len(), 1);
}

#[test]
fn hostile_budget_and_panel_params() {
    let (t, notes) = TtsParams::from_query("panel=budget&budget=-3&p=2,NaN,0.5");
    assert_eq!(t.budget.budget, 0);
    assert_eq!(t.budget.p, vec![1.0, 0.0, 0.5]);
    assert_eq!(notes.len(), 2);
    let (t, notes) = TtsParams::from_query("panel=%3Cscript%3E&n=3");
    assert_eq!(t.panel, Panel::PassAtK);
    assert_eq!(notes[0].kind, NoticeKind::Unknown);
    let (t, notes) = TtsParams::from_query("panel=bon-kl&n=0");
    assert_eq!((t.bon.n, notes.len()), (1, 1));
}

#[test]
fn queries_round_trip() {
    for q in [
        "panel=pass-at-k&n=50&c=7&k=9",
        "panel=majority&answers=0.4,0.35,0.25&k=12&samples=yes%3A0.5,no%3A0.25",
        "panel=budget&budget=40&p=0.9,0.01",
        "panel=bon-kl&n=1000",
    ] {
        let (t, notes) = TtsParams::from_query(q);
        assert!(notes.is_empty(), "{q}: {notes:?}");
        assert_eq!(t.to_query(), q);
        assert_eq!(TtsParams::from_query(&t.to_query()).0, t);
    }
}
