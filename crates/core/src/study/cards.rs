//! Computed cards: interview questions whose answers our own math computes, each linked to
//! the widget state that shows why. The answer is computed here by the same core functions the
//! widgets call; a test parses every card's link with the widget's own URL parser and checks
//! that the widget would show exactly this answer (see `widget_value`).

use super::answer::{format_number, parse_list, parse_number, ParseError, Tolerance, Unit};
use crate::grpo::{advantage::advantages, shaping::zero_signal_prob, Algo, StdKind};
use crate::kv::{format_bytes, format_params, kv_cache, Dtype, KvRequest, MlaMode, Variant};
use crate::lang::Lang;
use crate::mask::{Mask, MaskParams};
use crate::models::{find, param_counts};
use crate::params::build_query;
use crate::tts::{bon::bon_kl, passk};
use serde::{Deserialize, Serialize};

/// The right answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Expected {
    Number(f64),
    /// Numbers in order (advantages, visible positions).
    List(Vec<f64>),
}

/// One computed card. The app reads the cards as JSON (`content/study-cards.json`, written at
/// build time), so its wasm carries neither the cards nor the math behind them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// Stable id (`kv-llama-3-1-8b-32768-bf16`).
    pub id: String,
    /// The widget (URL name) whose state explains the answer.
    pub widget: String,
    /// That state as URL parameters (`model=…&ctx=32768&dtype=bf16`).
    pub query: String,
    /// The widget's `data-key` that shows the answer; `row:<q>` is the keys query `q` sees
    /// in the attention-mask lab.
    pub key: String,
    pub unit: Unit,
    pub tolerance: Tolerance,
    pub zh: String,
    pub en: String,
    pub answer: Expected,
    /// The right answer, readable (`4.00 GiB (4294967296 bytes)`), written at build time.
    pub shown: String,
    /// The tolerance, readable (`±1%`).
    pub tolerance_text: String,
}

/// What a checked answer was.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    Right,
    Wrong,
    Unreadable(ParseError),
}

impl Card {
    pub fn question(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }

    /// Checks a typed answer against [`Card::answer`] within [`Card::tolerance`].
    pub fn check(&self, text: &str) -> Verdict {
        match &self.answer {
            Expected::Number(want) => match parse_number(text, self.unit) {
                Ok(got) if self.tolerance.accepts(got, *want) => Verdict::Right,
                Ok(_) => Verdict::Wrong,
                Err(e) => Verdict::Unreadable(e),
            },
            Expected::List(want) => match parse_list(text, want.len()) {
                Ok(got)
                    if got
                        .iter()
                        .zip(want)
                        .all(|(g, w)| self.tolerance.accepts(*g, *w)) =>
                {
                    Verdict::Right
                }
                Ok(_) => Verdict::Wrong,
                Err(e) => Verdict::Unreadable(e),
            },
        }
    }

    /// The right answer, readable (see [`Card::shown`]).
    fn compute_shown(&self) -> String {
        match &self.answer {
            Expected::List(v) => v.iter().map(|x| fmt4(*x)).collect::<Vec<_>>().join(", "),
            Expected::Number(v) => match self.unit {
                Unit::Bytes => format!("{} ({} bytes)", format_bytes(*v as u64), *v as u64),
                Unit::Count if *v >= 1e9 => {
                    format!("{} ({})", format_params(*v as u64), with_commas(*v as u64))
                }
                Unit::Count => with_commas(v.round() as u64),
                Unit::Fraction | Unit::Plain => fmt4(*v),
            },
        }
    }

    /// An example of an answer in the accepted form (placeholder text).
    pub fn example(&self) -> &'static str {
        match (&self.answer, self.unit) {
            (Expected::List(_), _) => "1, 0, -0.5",
            (_, Unit::Bytes) => "4 GiB",
            (_, Unit::Count) => "3.3B",
            (_, Unit::Fraction) => "0.42 / 42%",
            (_, Unit::Plain) => "1.23",
        }
    }
}

/// Up to 4 decimals, trailing zeros dropped.
fn fmt4(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

fn with_commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A KV-cache card: the total, or the bytes per token (`per_token`).
struct Kv {
    model: &'static str,
    ctx: u64,
    dtype: Dtype,
    batch: u64,
    variant: Option<Variant>,
    mla: Option<MlaMode>,
    per_token: bool,
}

const fn kv(model: &'static str, ctx: u64, dtype: Dtype) -> Kv {
    Kv {
        model,
        ctx,
        dtype,
        batch: 1,
        variant: None,
        mla: None,
        per_token: false,
    }
}

const KV_CARDS: &[Kv] = &[
    kv("meta-llama/Llama-3.1-8B", 32768, Dtype::Bf16),
    kv("meta-llama/Llama-3.1-8B", 131072, Dtype::Bf16),
    kv("meta-llama/Llama-3.1-8B", 32768, Dtype::Fp8),
    kv("meta-llama/Llama-3.1-70B", 32768, Dtype::Bf16),
    kv("meta-llama/Llama-3.1-405B", 131072, Dtype::Fp8),
    kv("meta-llama/Llama-2-7b-hf", 4096, Dtype::Fp16),
    kv("meta-llama/Llama-2-70b-hf", 4096, Dtype::Fp16),
    kv("mistralai/Mistral-7B-v0.1", 32768, Dtype::Bf16),
    kv("Qwen/Qwen2.5-7B", 32768, Dtype::Bf16),
    kv("Qwen/Qwen3-8B", 32768, Dtype::Bf16),
    kv("Qwen/Qwen3-30B-A3B", 32768, Dtype::Bf16),
    kv("deepseek-ai/DeepSeek-V3", 131072, Dtype::Bf16),
    kv("google/gemma-3-27b-pt", 131072, Dtype::Bf16),
    kv("openai-community/gpt2", 1024, Dtype::Fp32),
    Kv {
        batch: 16,
        ..kv("meta-llama/Llama-3.1-8B", 8192, Dtype::Bf16)
    },
    Kv {
        variant: Some(Variant::Mha),
        ..kv("meta-llama/Llama-3.1-8B", 32768, Dtype::Bf16)
    },
    Kv {
        variant: Some(Variant::Mqa),
        ..kv("meta-llama/Llama-3.1-8B", 32768, Dtype::Bf16)
    },
    Kv {
        mla: Some(MlaMode::Decompressed),
        ..kv("deepseek-ai/DeepSeek-V3", 32768, Dtype::Bf16)
    },
    Kv {
        per_token: true,
        ..kv("meta-llama/Llama-3.1-8B", 1, Dtype::Bf16)
    },
    Kv {
        per_token: true,
        ..kv("meta-llama/Llama-2-7b-hf", 1, Dtype::Fp16)
    },
    Kv {
        per_token: true,
        ..kv("deepseek-ai/DeepSeek-V3", 1, Dtype::Bf16)
    },
];

fn variant_words(v: Option<Variant>, mla: Option<MlaMode>) -> (&'static str, &'static str) {
    match (v, mla) {
        (Some(Variant::Mha), _) => (
            "，若改成 MHA（每个 query 头一个 K/V 头）",
            ", redone as MHA (one K/V head per query head)",
        ),
        (Some(Variant::Mqa), _) => (
            "，若改成 MQA（只有一个 K/V 头）",
            ", redone as MQA (a single K/V head)",
        ),
        (_, Some(MlaMode::Decompressed)) => (
            "，若引擎把 MLA 解压成完整的每头 K、V 再缓存",
            ", if the engine caches MLA decompressed to full per-head K and V",
        ),
        _ => ("", ""),
    }
}

fn kv_card(c: &Kv) -> Option<Card> {
    let m = find(c.model)?;
    let mut req = KvRequest::new(m, c.ctx).dtype(c.dtype).batch(c.batch);
    let mut pairs: Vec<(&str, String)> = vec![("model", m.id.to_string())];
    if !c.per_token {
        pairs.push(("ctx", c.ctx.to_string()));
    }
    pairs.push(("dtype", c.dtype.slug().to_string()));
    if c.batch != 1 {
        pairs.push(("batch", c.batch.to_string()));
    }
    if let Some(v) = c.variant {
        req = req.variant(v);
        pairs.push((
            "variant",
            match v {
                Variant::Mha => "mha",
                Variant::Mqa => "mqa",
                _ => "native",
            }
            .to_string(),
        ));
    }
    if let Some(mode) = c.mla {
        req = req.mla_mode(mode);
        pairs.push(("mla", "decompressed".into()));
    }
    let r = kv_cache(&req);
    let dt = c.dtype.slug();
    let (vz, ve) = variant_words(c.variant, c.mla);
    let (zh, en, value, key) = if c.per_token {
        (
            format!("{}：每个 token 在所有层里占多少 KV 缓存（{dt}）？", m.name),
            format!("{}: KV cache per token, all layers, in {dt}?", m.name),
            r.bytes_per_token,
            "kv-bytes-per-token",
        )
    } else {
        let batch_zh = if c.batch == 1 {
            String::new()
        } else {
            format!("、batch {}", c.batch)
        };
        let batch_en = if c.batch == 1 {
            String::new()
        } else {
            format!(", batch {}", c.batch)
        };
        (
            format!(
                "{} 在 {} 个 token、{dt}{batch_zh}{vz} 时，KV 缓存一共多大？",
                m.name,
                with_commas(c.ctx)
            ),
            format!(
                "KV cache of {} at {} tokens in {dt}{batch_en}{ve}?",
                m.name,
                with_commas(c.ctx)
            ),
            r.total_bytes,
            "kv-bytes",
        )
    };
    let mut id = format!(
        "kv-{}-{}-{dt}",
        slug(m.name),
        if c.per_token {
            "token".into()
        } else {
            c.ctx.to_string()
        }
    );
    if c.batch != 1 {
        id.push_str(&format!("-b{}", c.batch));
    }
    if let Some(v) = c.variant {
        id.push_str(if v == Variant::Mha { "-mha" } else { "-mqa" });
    }
    if c.mla.is_some() {
        id.push_str("-decompressed");
    }
    Some(Card {
        id,
        widget: "kv-cache".into(),
        query: build_query(&pairs),
        key: key.into(),
        unit: Unit::Bytes,
        tolerance: Tolerance::Relative(0.01),
        zh,
        en,
        answer: Expected::Number(value as f64),
        shown: String::new(),
        tolerance_text: String::new(),
    })
}

/// MoE presets (the lab's `preset` keys) asked about: active and, for some, total parameters.
const MOE_CARDS: &[(&str, bool)] = &[
    ("qwen3-30b-a3b", true),
    ("qwen3-235b-a22b", true),
    ("deepseek-v3", true),
    ("mixtral-8x7b", true),
    ("llama4-maverick", false),
    ("kimi-k2", false),
];

fn moe_cards(out: &mut Vec<Card>) {
    for &(key, total) in MOE_CARDS {
        let Some(p) = crate::moe::find_preset(key) else {
            continue;
        };
        let Some(m) = p.model() else { continue };
        let c = param_counts(m);
        let query = build_query(&[("preset", key.to_string())]);
        out.push(Card {
            id: format!("moe-{key}-active"),
            widget: "moe".into(),
            query: query.clone(),
            key: "params-active".into(),
            unit: Unit::Count,
            tolerance: Tolerance::Relative(0.02),
            zh: format!("{} 每个 token 激活多少参数？", m.name),
            en: format!("Active parameters per token of {}?", m.name),
            answer: Expected::Number(c.active as f64),
            shown: String::new(),
            tolerance_text: String::new(),
        });
        if total {
            out.push(Card {
                id: format!("moe-{key}-total"),
                widget: "moe".into(),
                query,
                key: "params-total".into(),
                unit: Unit::Count,
                tolerance: Tolerance::Relative(0.02),
                zh: format!("{} 一共有多少参数？", m.name),
                en: format!("Total parameters of {}?", m.name),
                answer: Expected::Number(c.total as f64),
                shown: String::new(),
                tolerance_text: String::new(),
            });
        }
    }
}

fn tts_cards(out: &mut Vec<Card>) {
    // (n, c, k, key)
    let pass: &[(u32, u32, u32, &str)] = &[
        (10, 3, 5, "pass-at-k"),
        (10, 3, 1, "pass-at-k"),
        (20, 2, 10, "pass-at-k"),
        (100, 5, 10, "pass-at-k"),
        (16, 4, 8, "pass-at-k"),
        (10, 3, 5, "pass-at-k-naive"),
        (10, 8, 3, "pass-hat-k"),
        (10, 5, 2, "pass-hat-k"),
    ];
    for &(n, c, k, key) in pass {
        let (value, zh, en) = match key {
            "pass-at-k" => (
                passk::pass_at_k(n, c, k),
                format!("采样 {n} 次、其中 {c} 次正确，pass@{k}（无偏估计）是多少？"),
                format!("pass@{k} (unbiased) with {c} of {n} samples correct?"),
            ),
            "pass-at-k-naive" => (
                passk::pass_at_k_naive(n, c, k),
                format!("采样 {n} 次、{c} 次正确，用朴素公式 1−(1−c/n)^k 估计 pass@{k} 是多少？"),
                format!("The naive estimate 1−(1−c/n)^k of pass@{k} with {c} of {n} correct?"),
            ),
            _ => (
                passk::pass_hat_k(n, c, k),
                format!("采样 {n} 次、{c} 次正确，pass^{k}（k 次全对的概率）是多少？"),
                format!("pass^{k} (all {k} correct) with {c} of {n} samples correct?"),
            ),
        };
        out.push(Card {
            id: format!("tts-{key}-n{n}-c{c}-k{k}"),
            widget: "test-time-scaling".into(),
            query: build_query(&[
                ("panel", "pass-at-k".into()),
                ("n", n.to_string()),
                ("c", c.to_string()),
                ("k", k.to_string()),
            ]),
            key: key.into(),
            unit: Unit::Fraction,
            tolerance: Tolerance::Absolute(0.005),
            zh,
            en,
            answer: Expected::Number(value),
            shown: String::new(),
            tolerance_text: String::new(),
        });
    }
    for n in [4u32, 16, 64] {
        out.push(Card {
            id: format!("tts-bon-kl-{n}"),
            widget: "test-time-scaling".into(),
            query: build_query(&[("panel", "bon-kl".into()), ("n", n.to_string())]),
            key: "bon-kl".into(),
            unit: Unit::Plain,
            tolerance: Tolerance::Absolute(0.01),
            zh: format!("best-of-{n} 的输出分布与原策略的 KL 散度是多少（nats）？"),
            en: format!("KL divergence (nats) of best-of-{n} from the base policy?"),
            answer: Expected::Number(bon_kl(n)),
            shown: String::new(),
            tolerance_text: String::new(),
        });
    }
}

fn grpo_cards(out: &mut Vec<Card>) {
    let groups: &[(&[f64], Algo)] = &[
        (&[1.0, 0.0, 0.0, 0.0], Algo::Grpo),
        (&[1.0, 1.0, 0.0, 0.0], Algo::Grpo),
        (&[1.0, 0.0, 0.0, 0.0], Algo::DrGrpo),
        (&[1.0, 0.0, 0.0, 0.0], Algo::Rloo),
    ];
    for (rewards, algo) in groups {
        let list = crate::params::list::join_f64(rewards);
        let name = match algo {
            Algo::Grpo => "GRPO",
            Algo::DrGrpo => "Dr. GRPO",
            _ => "RLOO",
        };
        out.push(Card {
            id: format!("grpo-{}-{}", algo.code(), list.replace(',', "")),
            widget: "grpo".into(),
            query: build_query(&[("rewards", list.clone()), ("algo", algo.code().into())]),
            key: "advantages".into(),
            unit: Unit::Plain,
            tolerance: Tolerance::Absolute(0.01),
            zh: format!("一组奖励 [{list}]，{name} 给每个回答的优势是多少？（依次写出，逗号分隔）"),
            en: format!("{name} advantages of the rewards [{list}]? (in order, comma-separated)"),
            answer: Expected::List(advantages(
                *algo,
                rewards,
                StdKind::Sample,
                crate::grpo::DEFAULT_EPS_STD,
            )),
            shown: String::new(),
            tolerance_text: String::new(),
        });
    }
    for (g, p) in [(8usize, 0.9), (4, 0.5)] {
        let rewards = vec![1.0; g];
        let list = crate::params::list::join_f64(&rewards);
        out.push(Card {
            id: format!("grpo-zero-signal-g{g}-p{p}"),
            widget: "grpo".into(),
            query: build_query(&[("rewards", list), ("p", p.to_string())]),
            key: "zero-signal-prob".into(),
            unit: Unit::Fraction,
            tolerance: Tolerance::Absolute(0.005),
            zh: format!("每个回答答对的概率是 {p}，一组 G = {g} 个回答全对或全错（没有学习信号）的概率是多少？"),
            en: format!("Each response is right with probability {p}: the chance a group of G = {g} is all right or all wrong (no signal)?"),
            answer: Expected::Number(zero_signal_prob(p, g)),
            shown: String::new(),
            tolerance_text: String::new(),
        });
    }
}

fn mask_cards(out: &mut Vec<Card>) {
    let pairs_q = |q: &str| crate::params::parse_query(q);
    // (query, zh, en): visible-pair counts.
    let counts: &[(&str, &str, &str)] = &[
        (
            "preset=causal&n=8",
            "8 个 token 的因果掩码里，一共有多少个可见的 (query, key) 对？",
            "How many (query, key) pairs are visible in a causal mask over 8 tokens?",
        ),
        (
            "preset=prefix-lm&n=8&prefix=3",
            "8 个 token、前缀长 3 的 Prefix LM 掩码里，有多少个可见的 (query, key) 对？",
            "Visible (query, key) pairs in a Prefix-LM mask over 8 tokens with a 3-token prefix?",
        ),
        (
            "preset=sliding-window&n=16&window=4",
            "16 个 token、窗口 4 的滑动窗口掩码里，有多少个可见的 (query, key) 对？",
            "Visible (query, key) pairs in a sliding-window mask over 16 tokens with window 4?",
        ),
    ];
    for (q, zh, en) in counts {
        let m = Mask::build(&MaskParams::from_query(&pairs_q(q)).0);
        out.push(Card {
            id: format!("mask-pairs-{}", slug(q)),
            widget: "attention-mask".into(),
            query: q.to_string(),
            key: "visible-pairs".into(),
            unit: Unit::Count,
            tolerance: Tolerance::Absolute(0.0),
            zh: zh.to_string(),
            en: en.to_string(),
            answer: Expected::Number(m.visible_pairs() as f64),
            shown: String::new(),
            tolerance_text: String::new(),
        });
    }
    // (query, row, zh, en): which keys a query row sees.
    let rows: &[(&str, u32, &str, &str)] = &[
        ("preset=chatglm-6b&n=8&prefix=4", 5, "ChatGLM-6B 的掩码，输入是 4 个 prompt token、[gMASK]、<sop>、y1、y2（位置 0–7）：位置 5（<sop>）能看到哪些位置？（逗号分隔）", "ChatGLM-6B's mask over a 4-token prompt, [gMASK], <sop>, y1, y2 (positions 0–7): which positions can position 5 (<sop>) see? (comma-separated)"),
        ("preset=chatglm-6b&n=8&prefix=4", 2, "ChatGLM-6B 的掩码，输入是 4 个 prompt token、[gMASK]、<sop>、y1、y2（位置 0–7）：位置 2（prompt 里的第 3 个 token）能看到哪些位置？（逗号分隔）", "ChatGLM-6B's mask over a 4-token prompt, [gMASK], <sop>, y1, y2 (positions 0–7): which positions can position 2 (the third prompt token) see? (comma-separated)"),
        ("preset=sliding-window&n=12&window=3", 7, "12 个 token、窗口 3 的滑动窗口掩码：位置 7 能看到哪些位置？（从 0 数，逗号分隔）", "Sliding-window mask, 12 tokens, window 3: which positions can position 7 see? (0-based, comma-separated)"),
    ];
    for (q, row, zh, en) in rows {
        let m = Mask::build(&MaskParams::from_query(&pairs_q(q)).0);
        let seen: Vec<f64> = (0..m.n_keys())
            .filter(|&k| m.visible(*row, k))
            .map(|k| k as f64)
            .collect();
        out.push(Card {
            id: format!("mask-row{row}-{}", slug(q)),
            widget: "attention-mask".into(),
            query: q.to_string(),
            key: format!("row:{row}"),
            unit: Unit::Plain,
            tolerance: Tolerance::Absolute(0.0),
            zh: zh.to_string(),
            en: en.to_string(),
            answer: Expected::List(seen),
            shown: String::new(),
            tolerance_text: String::new(),
        });
    }
}

fn rope_cards(out: &mut Vec<Card>) {
    use crate::posenc::rope;
    // (theta, pos, dim, head_dim, what)
    let cases: &[(f64, u64, u32, u32, &str)] = &[
        (10000.0, 100, 0, 128, "angle"),
        (10000.0, 1000, 32, 128, "angle"),
        (500000.0, 0, 63, 128, "wavelength"),
        (10000.0, 0, 63, 128, "wavelength"),
    ];
    for &(theta, pos, dim, hd, what) in cases {
        let (value, zh, en, unit) = if what == "angle" {
            (
                rope::angle(pos as f64, dim, hd, theta),
                format!("RoPE（rope_theta = {theta}，head_dim = {hd}）：位置 {pos} 上第 {dim} 对维度旋转了多少弧度（不取模）？"),
                format!("RoPE (rope_theta = {theta}, head_dim = {hd}): the rotation angle in radians (not wrapped) of pair {dim} at position {pos}?"),
                Unit::Plain,
            )
        } else {
            (
                rope::wavelength(dim, hd, theta),
                format!("RoPE（rope_theta = {theta}，head_dim = {hd}）：第 {dim} 对（最慢的一对）维度的波长是多少个 token？"),
                format!("RoPE (rope_theta = {theta}, head_dim = {hd}): the wavelength in tokens of pair {dim}, the slowest one?"),
                Unit::Count,
            )
        };
        out.push(Card {
            id: format!("rope-{what}-{theta}-{pos}-{dim}"),
            widget: "positional-encoding".into(),
            query: build_query(&[
                ("scheme", "rope".into()),
                ("theta", theta.to_string()),
                ("pos", pos.to_string()),
                ("dim", dim.to_string()),
                ("head_dim", hd.to_string()),
            ]),
            key: what.into(),
            unit,
            tolerance: Tolerance::Relative(0.01),
            zh,
            en,
            answer: Expected::Number(value),
            shown: String::new(),
            tolerance_text: String::new(),
        });
    }
}

/// Every computed card, in a fixed order.
pub fn cards() -> Vec<Card> {
    let mut out: Vec<Card> = KV_CARDS.iter().filter_map(kv_card).collect();
    moe_cards(&mut out);
    tts_cards(&mut out);
    grpo_cards(&mut out);
    mask_cards(&mut out);
    rope_cards(&mut out);
    for c in &mut out {
        c.shown = c.compute_shown();
        c.tolerance_text = c.tolerance.text();
    }
    out
}

/// Every card as JSON (the file the app fetches).
pub fn cards_json() -> String {
    serde_json::to_string(&cards()).unwrap_or_else(|_| "[]".into())
}

/// What widget `widget` shows under `key` in the state `query`, computed through the widget's
/// own URL parser (`None` for a key it does not show). The app's widgets show these exact
/// strings as `data-value`s.
pub fn widget_value(widget: &str, query: &str, key: &str) -> Option<String> {
    let pairs = crate::params::parse_query(query);
    if let Some(row) = key.strip_prefix("row:") {
        let row: u32 = row.parse().ok()?;
        let m = Mask::build(&MaskParams::from_query(&pairs).0);
        let seen: Vec<String> = (0..m.n_keys())
            .filter(|&k| m.visible(row, k))
            .map(|k| k.to_string())
            .collect();
        return Some(seen.join(","));
    }
    match widget {
        "grpo" => {
            crate::grpo::compute(&crate::grpo::GrpoParams::from_pairs(&pairs).0).data_value(key)
        }
        "test-time-scaling" => {
            let vals = crate::tts::export::values(&crate::tts::TtsParams::from_pairs(&pairs).0);
            crate::tts::export::value(&vals, key).map(str::to_string)
        }
        _ => crate::widgets::fallback::fallback(widget, &pairs, Lang::En)?
            .figures
            .into_iter()
            .find(|f| f.key == key)
            .map(|f| f.value),
    }
}

/// Formats an expected value the way [`widget_value`] does (for the tests).
pub fn expected_text(e: &Expected) -> String {
    match e {
        Expected::Number(v) => v.to_string(),
        Expected::List(v) => crate::params::list::join_f64(v),
    }
}

/// An answer the card accepts, typed as a reader would (for the tests and the e2e tests).
pub fn right_answer_text(c: &Card) -> String {
    match &c.answer {
        Expected::Number(v) => format_number(*v, c.unit),
        Expected::List(v) => v
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{parse_query, Notice};

    /// The notices of the widget's own parser for `query` (a card's link must be exact).
    fn notices(widget: &str, query: &str) -> Vec<Notice> {
        let pairs = parse_query(query);
        match widget {
            "kv-cache" => crate::kv::KvParams::from_query(&pairs).1,
            "moe" => crate::moe::MoeParams::from_query(&pairs).1,
            "test-time-scaling" => crate::tts::TtsParams::from_pairs(&pairs).1,
            "grpo" => crate::grpo::GrpoParams::from_pairs(&pairs).1,
            "attention-mask" => MaskParams::from_query(&pairs).1,
            "positional-encoding" => crate::posenc::PosencParams::from_query(&pairs).1,
            other => panic!("no parser listed for {other}"),
        }
    }

    #[test]
    fn every_card_is_what_its_widget_shows() {
        let all = cards();
        assert!(all.len() >= 40, "{} cards", all.len());
        let mut ids = std::collections::BTreeSet::new();
        for c in &all {
            assert!(ids.insert(c.id.clone()), "duplicate id {}", c.id);
            assert!(
                crate::widgets::find(&c.widget).is_some(),
                "{}: widget {}",
                c.id,
                c.widget
            );
            assert!(
                c.zh.chars()
                    .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)),
                "{}: zh",
                c.id
            );
            assert!(
                !c.en
                    .chars()
                    .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)),
                "{}: en {}",
                c.id,
                c.en
            );
            assert_eq!(
                notices(&c.widget, &c.query),
                vec![],
                "{}: the link is not exact",
                c.id
            );
            let shown = widget_value(&c.widget, &c.query, &c.key)
                .unwrap_or_else(|| panic!("{}: the widget shows no {}", c.id, c.key));
            assert_eq!(
                shown,
                expected_text(&c.answer),
                "{}: {}?{}",
                c.id,
                c.widget,
                c.query
            );
        }
    }

    #[test]
    fn every_card_accepts_its_answer_and_rejects_a_wrong_one() {
        for c in cards() {
            let right = right_answer_text(&c);
            assert_eq!(c.check(&right), Verdict::Right, "{}: {right}", c.id);
            let wrong = match &c.answer {
                Expected::Number(v) => format_number(v * 1.5 + 1.0, c.unit),
                Expected::List(v) => v
                    .iter()
                    .map(|x| (x + 1.0).to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            };
            assert_eq!(c.check(&wrong), Verdict::Wrong, "{}: {wrong}", c.id);
            assert!(
                matches!(c.check("lots"), Verdict::Unreadable(_)),
                "{}",
                c.id
            );
            assert!(!c.shown.is_empty() && !c.tolerance_text.is_empty());
        }
    }

    #[test]
    fn the_json_reads_back_to_the_same_cards() {
        let back: Vec<Card> = serde_json::from_str(&cards_json()).unwrap();
        let all = cards();
        assert_eq!(back.len(), all.len());
        // serde_json reads numbers to within an ulp or so (no `float_roundtrip`): the answers
        // agree to 1e-12, everything else exactly.
        let nums = |e: &Expected| match e {
            Expected::Number(v) => vec![*v],
            Expected::List(v) => v.clone(),
        };
        for (b, c) in back.iter().zip(&all) {
            let (x, y) = (nums(&b.answer), nums(&c.answer));
            assert_eq!(x.len(), y.len(), "{}", c.id);
            assert!(
                x.iter()
                    .zip(&y)
                    .all(|(p, q)| (p - q).abs() <= 1e-12 * q.abs()),
                "{}",
                c.id
            );
            let same = Card {
                answer: c.answer.clone(),
                ..b.clone()
            };
            assert!(&same == c, "{}", c.id);
        }
        assert_eq!(back[0].shown, "4.00 GiB (4294967296 bytes)");
        assert_eq!(back[0].tolerance_text, "±1%");
    }

    #[test]
    fn known_answers() {
        let all = cards();
        let get = |id: &str| {
            all.iter()
                .find(|c| c.id == id)
                .unwrap_or_else(|| panic!("{id}"))
        };
        // 32 layers × 8 K/V heads × 128 × 2 (K and V) × 2 bytes × 32768 tokens = 4 GiB.
        let c = get("kv-llama-3-1-8b-32768-bf16");
        assert_eq!(c.answer, Expected::Number(4.0 * 1073741824.0));
        assert_eq!(
            c.query,
            "model=meta-llama/Llama-3.1-8B&ctx=32768&dtype=bf16"
        );
        assert_eq!(c.check("4 GiB"), Verdict::Right);
        assert_eq!(c.check("4096 MiB"), Verdict::Right);
        assert_eq!(c.check("4294967296"), Verdict::Right);
        assert_eq!(
            c.check("4 GB"),
            Verdict::Wrong,
            "4 GB is 7% less than 4 GiB"
        );
        // pass@5 with 3 of 10 correct: 1 − C(7,5)/C(10,5) = 1 − 21/252.
        let c = get("tts-pass-at-k-n10-c3-k5");
        assert_eq!(c.check("0.9167"), Verdict::Right);
        assert_eq!(c.check("91.7%"), Verdict::Right);
        assert_eq!(c.check("0.83"), Verdict::Wrong);
        // GRPO, rewards [1,0,0,0]: mean 0.25, sample std 0.5 → [1.5, −0.5, −0.5, −0.5].
        let c = get("grpo-grpo-1000");
        assert_eq!(c.check("1.5, -0.5, -0.5, -0.5"), Verdict::Right);
        assert_eq!(
            c.check("[1.5,-0.5,-0.5]"),
            Verdict::Unreadable(ParseError::Count { got: 3, want: 4 })
        );
    }
}
