//! Search quality on the real index: the files `build-content` writes (built by the same
//! function, parsed the way the app parses them) and the compiled glossary. Every query must
//! return results, with an answer that discusses the concept among the first five.

use explorables_content::search_run::Searcher;
use explorables_content::{catalogue::Catalogue, content_dir, emit, glossary};
use explorables_core::lang::Lang;
use std::collections::BTreeMap;
use std::sync::OnceLock;

struct Fixture {
    searcher: Searcher,
    files: BTreeMap<String, String>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let cat = Catalogue::load().unwrap();
        let answers = emit::Answers::load(&content_dir(), &cat).unwrap();
        let terms = glossary::load().unwrap();
        let files = emit::search_files(&cat, &answers, &terms)
            .into_iter()
            .collect();
        Fixture {
            searcher: Searcher::new(&cat, &terms),
            files,
        }
    })
}

/// Runs a query as the app does (see `search_run`): the ranked slugs and the number of files
/// fetched.
fn search(query: &str, lang: Lang) -> (Vec<String>, usize) {
    let f = fixture();
    let dir = lang.code();
    let run = f
        .searcher
        .run(
            query,
            lang,
            |p| f.files.get(p).cloned(),
            |s| f.files.contains_key(&format!("content/{dir}/{s}.txt")),
        )
        .unwrap();
    (run.slugs, run.files.len())
}

/// The index a query uses in the app: Chinese characters → the Chinese answers.
fn lang_of(q: &str) -> Vec<Lang> {
    if q.chars().any(explorables_core::search::tokens::is_han) {
        vec![Lang::Zh]
    } else {
        vec![Lang::Zh, Lang::En]
    }
}

/// (query, answers that discuss it: one must rank in the top five).
const CASES: &[(&str, &[&str])] = &[
    // Chinese terms
    (
        "旋转位置编码",
        &[
            "llama-architecture",
            "nope-no-positional-embeddings",
            "qwen3-attention-forward",
            "llm-training-differences",
            "baichuan-13b",
        ],
    ),
    (
        "混合专家",
        &[
            "moe-core-idea",
            "moe-pros",
            "deepseek-moe",
            "qwen3-moe",
            "why-qwen3-dense-and-moe-variants",
        ],
    ),
    (
        "知识蒸馏",
        &["qwen3-strong-to-weak-distillation", "o1-mini-efficiency"],
    ),
    (
        "拒绝采样微调",
        &["llama2-improvements-finetuning", "llama2-series"],
    ),
    (
        "分组查询注意力",
        &[
            "grouped-query-attention",
            "gqa-intro",
            "gqa-core-idea",
            "gqa-pros",
            "gqa-cons",
        ],
    ),
    (
        "多头潜在注意力",
        &["multi-head-latent-attention", "deepseek-mla"],
    ),
    (
        "近端策略优化",
        &[
            "grpo",
            "llama2-series",
            "llama2-improvements-finetuning",
            "prm-role",
        ],
    ),
    (
        "过程奖励模型",
        &[
            "process-reward-model",
            "why-process-reward-model",
            "why-use-prm",
            "prm-role",
            "why-prm-when-orm-exists",
        ],
    ),
    (
        "滑动窗口注意力",
        &[
            "sliding-window-attention",
            "what-is-sliding-window-attention",
        ],
    ),
    (
        "负载均衡",
        &[
            "moe-core-idea",
            "deepseek-moe",
            "qwen3-moe",
            "deepseek-v3-vs-qwen3-235b-a22b",
            "qwen3-source-model",
        ],
    ),
    (
        "思维链",
        &[
            "o1-long-cot",
            "o1-long-cot-what-it-looks-like",
            "o1-thinking-vs-prompting",
        ],
    ),
    (
        "测试时扩展",
        &[
            "test-time-scaling-intro",
            "test-time-scaling-types",
            "test-time-scaling-overview",
            "why-test-time-scaling",
        ],
    ),
    (
        "冷启动",
        &["qwen3-cold-start", "deepseek-r1-model", "deepseek-r1-paper"],
    ),
    (
        "分词器",
        &[
            "llama-tokenizer",
            "chatglm-6b-tokenizer",
            "bloom-tokenizer",
            "llama2-tokenizer",
            "llama-chatglm-bloom-tokenizers",
        ],
    ),
    (
        "束搜索",
        &[
            "beam-search-prm",
            "process-search-methods",
            "search-methods-efficiency-comparison",
        ],
    ),
    (
        "多数投票",
        &[
            "best-of-n-weighted",
            "test-time-scaling-methods",
            "pure-inference-scaling",
        ],
    ),
    (
        "监督微调",
        &["o1-stage1-sft", "base-vs-chat-model-training"],
    ),
    ("直接偏好优化", &["o1-stage2-dpo"]),
    (
        "因果掩码",
        &[
            "attention-mask-overview",
            "llama-attention-mask",
            "llama-training-objective",
            "bloom-training-objective",
        ],
    ),
    (
        "共享专家",
        &[
            "deepseek-moe",
            "qwen3-moe",
            "deepseek-v3-vs-qwen3-235b-a22b",
        ],
    ),
    ("词表扩充", &["chinese-llama-vocab-extension"]),
    (
        "捷径学习",
        &["shortcut-learning", "what-is-shortcut-learning"],
    ),
    // English terms
    (
        "rotary position embedding",
        &[
            "llama-architecture",
            "nope-no-positional-embeddings",
            "qwen3-model-forward",
            "bloom-architecture",
        ],
    ),
    (
        "mixture of experts",
        &["moe-core-idea", "moe-pros", "deepseek-moe"],
    ),
    (
        "load balancing",
        &["moe-core-idea", "deepseek-moe", "qwen3-moe"],
    ),
    (
        "sliding window attention",
        &[
            "sliding-window-attention",
            "what-is-sliding-window-attention",
        ],
    ),
    (
        "rejection sampling",
        &[
            "llama2-improvements-finetuning",
            "llama2-series",
            "test-time-scaling-methods",
        ],
    ),
    (
        "knowledge distillation",
        &["qwen3-strong-to-weak-distillation"],
    ),
    (
        "process reward model",
        &[
            "process-reward-model",
            "why-process-reward-model",
            "why-use-prm",
            "why-prm-when-orm-exists",
        ],
    ),
    (
        "grouped query attention",
        &["grouped-query-attention", "gqa-intro", "gqa-core-idea"],
    ),
    (
        "layer normalization",
        &[
            "olmo2-norm-placement",
            "gemma3-norm-placement",
            "qwen3-rmsnorm",
        ],
    ),
    (
        "best-of-n",
        &["proposer-verifier-best-of-n", "best-of-n-weighted"],
    ),
    // Abbreviations
    (
        "GQA",
        &[
            "grouped-query-attention",
            "gqa-intro",
            "gqa-core-idea",
            "gqa-pros",
            "gqa-cons",
        ],
    ),
    ("MLA", &["multi-head-latent-attention", "deepseek-mla"]),
    (
        "PRM",
        &[
            "process-reward-model",
            "why-use-prm",
            "why-prm-when-orm-exists",
        ],
    ),
    ("GRPO", &["grpo"]),
    (
        "RoPE",
        &[
            "nope-no-positional-embeddings",
            "llm-training-differences",
            "qk-norm",
            "qwen3-config",
        ],
    ),
    (
        "MoE",
        &["moe-core-idea", "moe-pros", "deepseek-moe", "qwen3-moe"],
    ),
    ("DPO", &["o1-stage2-dpo"]),
    (
        "SwiGLU",
        &[
            "qwen3-mlp",
            "llm-training-differences",
            "llama-architecture",
        ],
    ),
    ("QK-Norm", &["qk-norm"]),
    // Mixed
    (
        "KV 缓存 显存",
        &[
            "gqa-pros",
            "multi-head-latent-attention",
            "gpt-past-key-value",
            "deepseek-v3-vs-llama3-efficiency",
        ],
    ),
    (
        "MoE 负载均衡",
        &["moe-core-idea", "deepseek-moe", "qwen3-moe"],
    ),
    (
        "o1 长思维链",
        &["o1-long-cot", "o1-long-cot-what-it-looks-like"],
    ),
    ("GRPO 优势", &["grpo"]),
    ("PPO 裁剪", &["grpo"]),
    // One typo
    (
        "atention",
        &[
            "multi-head-attention",
            "attention-mask-overview",
            "sliding-window-attention",
            "llama-attention-mask",
        ],
    ),
    ("distilation", &["qwen3-strong-to-weak-distillation"]),
    (
        "tokenizr",
        &["llama-tokenizer", "chatglm-6b-tokenizer", "bloom-tokenizer"],
    ),
    ("grpoo", &["grpo"]),
];

#[test]
fn every_query_finds_a_relevant_answer_in_the_top_five() {
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for (q, relevant) in CASES {
        for lang in lang_of(q) {
            let (got, _) = search(q, lang);
            if got.is_empty() {
                failures.push(format!("{q} ({lang:?}): no result"));
            } else if !got.iter().take(5).any(|s| relevant.contains(&s.as_str())) {
                failures.push(format!(
                    "{q} ({lang:?}): top five {:?}",
                    &got[..got.len().min(5)]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
#[ignore = "prints the top five of each query, for writing CASES"]
fn show() {
    for q in std::env::var("Q").unwrap_or_default().split('|') {
        for lang in lang_of(q) {
            let (got, n) = search(q, lang);
            println!(
                "{q} [{lang:?}, {n} shards, {} hits]: {:?}",
                got.len(),
                &got[..got.len().min(5)]
            );
        }
    }
}
