//! KV-cache tests: hand-computed cases (arithmetic in the comments), edge cases, properties.

use super::*;
use crate::lang::Lang;
use crate::models::{all, find, LayerKind, ModelPreset};
use crate::params::{parse_query, NoticeKind};
use proptest::prelude::*;

const GIB: u64 = 1 << 30;
const MIB: u64 = 1 << 20;

fn m(id: &str) -> &'static ModelPreset {
    find(id).unwrap_or_else(|| panic!("{id} missing"))
}

// ---------------------------------------------------------------- hand-computed cases

#[test]
fn llama2_7b_fp16_4096_tokens_is_2_gib() {
    // 2 (K and V) × 32 layers × 32 kv_heads × 128 head_dim × 2 bytes = 524,288 B = 512 KiB/token;
    // × 4096 tokens = 2,147,483,648 B = 2 GiB.
    let r = kv_cache(&KvRequest::new(m("meta-llama/Llama-2-7b-hf"), 4096).dtype(Dtype::Fp16));
    assert_eq!(r.bytes_per_token, 524_288);
    assert_eq!(r.total_bytes, 2 * GIB);
    assert_eq!(format_bytes(r.total_bytes), "2.00 GiB");
    assert!(!r.saturated && !r.exceeds_max_context);
}

#[test]
fn llama31_8b_bf16_is_128_kib_per_token() {
    // 2 × 32 layers × 8 kv_heads × 128 head_dim × 2 bytes = 131,072 B = 128 KiB/token.
    let p = m("meta-llama/Llama-3.1-8B");
    let r = kv_cache(&KvRequest::new(p, 131_072));
    assert_eq!(r.bytes_per_token, 131_072);
    // At its full 128K context: 131,072 × 131,072 B = 16 GiB.
    assert_eq!(r.total_bytes, 16 * GIB);
    assert_eq!(
        formula_per_token(&KvRequest::new(p, 1), Lang::En),
        "2 × 32 layers × 8 kv_heads × 128 head_dim × 2 bytes = 131072 B/token"
    );
    assert_eq!(
        formula_per_token(&KvRequest::new(p, 1), Lang::Zh),
        "2 × 32 层 × 8 个 KV 头 × 128 head_dim × 2 字节 = 131072 字节/token"
    );
}

#[test]
fn mistral_7b_sliding_window_keeps_4096() {
    // Every layer slides over 4096 tokens: at T = 8192 each layer keeps min(8192, 4096) = 4096.
    // 2 × 8 kv_heads × 128 × 2 B = 4096 B per token per layer; × 32 layers × 4096 tokens
    // = 536,870,912 B = 512 MiB, the same as at T = 4096.
    let p = m("mistralai/Mistral-7B-v0.1");
    let at_8k = kv_cache(&KvRequest::new(p, 8192));
    assert_eq!(at_8k.per_kind.len(), 1);
    assert_eq!(at_8k.per_kind[0].kept_tokens, 4096);
    assert_eq!(at_8k.total_bytes, 512 * MIB);
    assert_eq!(kv_bytes(&KvRequest::new(p, 4096)), 512 * MIB);
    assert_eq!(kv_bytes(&KvRequest::new(p, 1_000_000)), 512 * MIB);
    // Below the window it grows: 2048 tokens → 256 MiB.
    assert_eq!(kv_bytes(&KvRequest::new(p, 2048)), 256 * MIB);
}

#[test]
fn gemma3_27b_hybrid_at_32k() {
    // 62 layers, every 6th global: 10 global + 52 local (window 1024).
    // Per token per layer: 2 × 16 kv_heads × 128 head_dim × 2 B = 8192 B.
    // Local: 52 × min(32768, 1024) = 53,248 token-layers; global: 10 × 32768 = 327,680.
    // (53,248 + 327,680) × 8192 B = 380,928 × 8192 = 3,120,562,176 B ≈ 2.91 GiB
    // (all-global would be 62 × 32768 × 8192 = 15.5 GiB).
    let p = m("google/gemma-3-27b-pt");
    let req = KvRequest::new(p, 32_768);
    let r = kv_cache(&req);
    assert_eq!(r.total_bytes, 3_120_562_176);
    assert_eq!(r.per_kind[0].kind, LayerKind::Sliding { window: 1024 });
    assert_eq!(
        (r.per_kind[0].layers, r.per_kind[0].kept_tokens),
        (52, 1024)
    );
    assert_eq!(r.per_kind[0].bytes, 52 * 1024 * 8192);
    assert_eq!(
        (r.per_kind[1].layers, r.per_kind[1].kept_tokens),
        (10, 32_768)
    );
    assert_eq!(r.bytes_per_token, 62 * 8192);
    assert_eq!(format_bytes(r.total_bytes), "2.91 GiB");
    assert_eq!(
        formula_total(&req, Lang::En),
        "8192 B per token per layer × (52 sliding layers × min(32768, 1024) + 10 global layers × 32768) tokens × 1 batch = 3120562176 B (2.91 GiB)"
    );
}

#[test]
fn llama4_scout_chunked_layers() {
    // 48 layers: 36 chunked (8192) + 12 global. 2 × 8 × 128 × 2 B = 4096 B per token-layer.
    // At T = 100,000 (worst case: the end of a chunk keeps a full 8192-token chunk):
    // (36 × 8192 + 12 × 100,000) × 4096 = (294,912 + 1,200,000) × 4096 = 6,123,159,552 B.
    let p = m("meta-llama/Llama-4-Scout-17B-16E");
    let r = kv_cache(&KvRequest::new(p, 100_000));
    assert_eq!(r.total_bytes, 6_123_159_552);
    assert_eq!(r.per_kind[0].kind, LayerKind::Chunked { chunk: 8192 });
    assert_eq!(r.per_kind[0].kept_tokens, 8192);
    // Below the chunk every layer keeps every token: 48 × 4096 B = 196,608 B/token.
    assert_eq!(kv_bytes(&KvRequest::new(p, 1000)), 1000 * 196_608);
}

#[test]
fn deepseek_v3_mla_latent_and_decompressed() {
    // Latent: (512 kv_lora_rank + 64 qk_rope_head_dim) × 61 layers × 2 B = 70,272 B/token.
    let p = m("deepseek-ai/DeepSeek-V3");
    let req = KvRequest::new(p, 1);
    let r = kv_cache(&req);
    assert_eq!(
        r.layout,
        CacheLayout::Latent {
            latent: 512,
            rope: 64
        }
    );
    assert_eq!(r.bytes_per_token, 70_272);
    assert_eq!(
        formula_per_token(&req, Lang::En),
        "(512 kv_lora_rank + 64 qk_rope_head_dim) × 61 layers × 2 bytes = 70272 B/token"
    );
    // Decompressed: K = 128 heads × (128 + 64), V = 128 heads × 128 → 40,960 numbers per
    // layer; × 61 × 2 B = 4,997,120 B/token (71× the latent).
    let d = kv_cache(&req.mla_mode(MlaMode::Decompressed));
    assert_eq!(d.elements_per_token_per_layer, 40_960);
    assert_eq!(d.bytes_per_token, 4_997_120);
    assert_eq!(
        formula_per_token(&req.mla_mode(MlaMode::Decompressed), Lang::En),
        "61 layers × 128 heads × (192 K + 128 V) dims × 2 bytes = 4997120 B/token"
    );
    // 128K tokens of latent: 70,272 × 131,072 = 9,210,691,584 B = 8.58 GiB.
    assert_eq!(kv_bytes(&KvRequest::new(p, 131_072)), 9_210_691_584);
}

#[test]
fn variants_redo_the_attention() {
    let p = m("meta-llama/Llama-2-7b-hf"); // 32 layers, 32 heads, head_dim 128
    let per_token = |v: Variant| kv_cache(&KvRequest::new(p, 1).variant(v)).bytes_per_token;
    assert_eq!(per_token(Variant::Native), 524_288);
    assert_eq!(per_token(Variant::Mha), 524_288);
    assert_eq!(per_token(Variant::Gqa(8)), 131_072); // 2 × 32 × 8 × 128 × 2
    assert_eq!(per_token(Variant::Mqa), 16_384); // 2 × 32 × 1 × 128 × 2
                                                 // MLA on a non-MLA model: DeepSeek-V2's rule, 4 × 128 + 128 / 2 = 576 per layer;
                                                 // × 32 layers × 2 B = 36,864 B/token (2.25 K/V heads' worth, as the paper says).
    assert_eq!(per_token(Variant::Mla), 36_864);
    assert_eq!(per_token(Variant::Gqa(0)), 16_384, "clamped to 1");
    assert_eq!(per_token(Variant::Gqa(1000)), 524_288, "clamped to heads");
    // MLA decompressed on a non-MLA model is its MHA equivalent.
    let dec = kv_cache(
        &KvRequest::new(p, 1)
            .variant(Variant::Mla)
            .mla_mode(MlaMode::Decompressed),
    );
    assert_eq!(dec.bytes_per_token, 524_288);
    // MHA on an MLA model caches the decompressed K/V.
    let v3 = m("deepseek-ai/DeepSeek-V3");
    assert_eq!(
        kv_cache(&KvRequest::new(v3, 1).variant(Variant::Mha)).bytes_per_token,
        4_997_120
    );
}

#[test]
fn other_models_per_token() {
    let per_token = |id: &str| kv_cache(&KvRequest::new(m(id), 1)).bytes_per_token;
    assert_eq!(per_token("meta-llama/Llama-2-70b-hf"), 2 * 80 * 8 * 128 * 2);
    assert_eq!(per_token("THUDM/chatglm2-6b"), 2 * 28 * 2 * 128 * 2);
    assert_eq!(per_token("Qwen/Qwen3-0.6B"), 2 * 28 * 8 * 128 * 2);
    assert_eq!(per_token("google/gemma-3-1b-pt"), 2 * 26 * 256 * 2);
    assert_eq!(per_token("bigscience/bloom"), 2 * 70 * 112 * 128 * 2);
    assert_eq!(per_token("openai/gpt-3-175b"), 2 * 96 * 96 * 128 * 2);
    assert_eq!(per_token("deepseek-ai/DeepSeek-V2"), (512 + 64) * 60 * 2);
    assert_eq!(
        per_token("moonshotai/Kimi-K2-Instruct"),
        (512 + 64) * 61 * 2
    );
}

#[test]
fn dtypes_scale_the_bytes() {
    let p = m("meta-llama/Llama-3.1-8B");
    let at = |d: Dtype| kv_bytes(&KvRequest::new(p, 1000).dtype(d));
    assert_eq!(at(Dtype::Fp32), 2 * at(Dtype::Bf16));
    assert_eq!(at(Dtype::Fp16), at(Dtype::Bf16));
    assert_eq!(at(Dtype::Fp8), at(Dtype::Bf16) / 2);
    assert_eq!(at(Dtype::Int8), at(Dtype::Fp8));
    assert_eq!(at(Dtype::Int4), at(Dtype::Bf16) / 4);
    assert_eq!(
        formula_per_token(&KvRequest::new(p, 1).dtype(Dtype::Int4), Lang::En),
        "2 × 32 layers × 8 kv_heads × 128 head_dim × 0.5 bytes = 32768 B/token"
    );
    for d in Dtype::ALL {
        assert_eq!(Dtype::from_slug(d.slug()), Some(d));
    }
    assert_eq!(Dtype::from_slug("FP8"), Some(Dtype::Fp8));
    assert_eq!(Dtype::from_slug("fp4"), None);
}

#[test]
fn batch_multiplies_and_flags_are_set() {
    let p = m("meta-llama/Llama-3.1-70B");
    // 80 × 2 × 8 × 128 × 2 B = 327,680 B/token; × 131,072 tokens × 8 sequences = 320 GiB.
    let r = kv_cache(&KvRequest::new(p, 131_072).batch(8));
    assert_eq!(r.total_bytes, 320 * GIB);
    assert!(!r.exceeds_max_context);
    assert!(kv_cache(&KvRequest::new(p, 131_073)).exceeds_max_context);
    // 70B at 1M tokens × 4096 sequences is 1.25 PiB: far past a 32-bit usize, still exact.
    let big = kv_cache(&KvRequest::new(p, 1_000_000).batch(4096));
    assert_eq!(big.total_bytes, 327_680 * 1_000_000 * 4096);
    assert!(!big.saturated);
    // Past u64: saturated, not wrapped.
    let huge = kv_cache(&KvRequest::new(m("bigscience/bloom"), u64::MAX).batch(u64::MAX));
    assert!(huge.saturated);
    assert_eq!(huge.total_bytes, u64::MAX);
    assert!(formula_total(
        &KvRequest::new(m("bigscience/bloom"), u64::MAX).batch(u64::MAX),
        Lang::En
    )
    .contains("overflow"));
    // Zero tokens or zero batch: an empty cache.
    assert_eq!(kv_bytes(&KvRequest::new(p, 0)), 0);
    assert_eq!(kv_bytes(&KvRequest::new(p, 10).batch(0)), 0);
}

#[test]
fn cache_shapes_per_step() {
    let p = m("meta-llama/Llama-3.1-8B");
    let s = cache_shapes(&KvRequest::new(p, 7).batch(2));
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].layers, 32);
    assert_eq!(s[0].tensors.len(), 2);
    assert_eq!(s[0].tensors[0].name, "K");
    assert_eq!(
        s[0].tensors[0].dims,
        vec![
            ("batch", 2),
            ("kv_heads", 8),
            ("tokens", 7),
            ("head_dim", 128)
        ]
    );
    let v3 = cache_shapes(&KvRequest::new(m("deepseek-ai/DeepSeek-V3"), 5));
    assert_eq!(v3[0].tensors.len(), 1);
    assert_eq!(
        v3[0].tensors[0].dims,
        vec![
            ("batch", 1),
            ("tokens", 5),
            ("kv_lora_rank + qk_rope_head_dim", 576)
        ]
    );
    // Sliding layers stop at their window.
    let g = cache_shapes(&KvRequest::new(m("google/gemma-2-9b"), 5000));
    assert_eq!(g[0].tensors[0].dims[2], ("tokens", 4096));
    assert_eq!(g[1].tensors[0].dims[2], ("tokens", 5000));
    assert_eq!(g[0].tensors[1].dims[3], ("head_dim", 256));
}

// ---------------------------------------------------------------- reverse mode

#[test]
fn reverse_mode_llama31_8b_on_80_gib() {
    let p = m("meta-llama/Llama-3.1-8B");
    // Weights: 8,030,261,248 parameters × 2 B = 16,060,522,496 B.
    assert_eq!(weight_bytes(p, Dtype::Bf16), 16_060_522_496);
    let gpu = 80 * GIB; // 85,899,345,920 B
                        // Free: 85,899,345,920 - 16,060,522,496 = 69,838,823,424 B; / 131,072 B per token
                        // = 532,827.6 → 532,827 tokens for one sequence.
    let fit = max_tokens(&KvRequest::new(p, 0), gpu, Dtype::Bf16, MAX_CTX);
    assert_eq!(fit.free_bytes, 69_838_823_424);
    assert_eq!(fit.value, 532_827);
    assert!(fit.weights_fit && !fit.at_limit && !fit.unbounded);
    // At 8192 tokens a sequence needs 1 GiB: 65 sequences fit (69,838,823,424 / 2^30 = 65.04).
    let b = max_batch(&KvRequest::new(p, 8192), gpu, Dtype::Bf16, MAX_BATCH);
    assert_eq!(b.value, 65);
    // fp8 weights leave room for more.
    assert!(max_batch(&KvRequest::new(p, 8192), gpu, Dtype::Fp8, MAX_BATCH).value > 65);
}

#[test]
fn reverse_mode_edges() {
    // 405B in bf16 (812 GB) does not fit in 80 GiB at all.
    let big = m("meta-llama/Llama-3.1-405B");
    let fit = max_tokens(&KvRequest::new(big, 0), 80 * GIB, Dtype::Bf16, MAX_CTX);
    assert_eq!((fit.value, fit.weights_fit), (0, false));
    assert_eq!(
        max_batch(&KvRequest::new(big, 10), 80 * GIB, Dtype::Bf16, MAX_BATCH).value,
        0
    );
    // Mistral 7B: every layer slides, the cache stops at 512 MiB: any context fits.
    let mistral = m("mistralai/Mistral-7B-v0.1");
    let fit = max_tokens(&KvRequest::new(mistral, 0), 24 * GIB, Dtype::Bf16, MAX_CTX);
    assert_eq!(fit.value, MAX_CTX);
    assert!(fit.at_limit && fit.unbounded);
    // A model with global layers reaching the limit is not unbounded.
    let tiny = m("openai-community/gpt2");
    let fit = max_tokens(&KvRequest::new(tiny, 0), 100_000 * GIB, Dtype::Bf16, 1000);
    assert!(fit.at_limit && !fit.unbounded);
    // Gemma 3 27B: the local layers stop growing, the global ones do not.
    let g3 = m("google/gemma-3-27b-pt");
    let fit = max_tokens(&KvRequest::new(g3, 0), 80 * GIB, Dtype::Bf16, MAX_CTX);
    assert!(!fit.unbounded && fit.value > 0);
    assert!(kv_bytes(&KvRequest::new(g3, fit.value)) <= fit.free_bytes);
    assert!(kv_bytes(&KvRequest::new(g3, fit.value + 1)) > fit.free_bytes);
}

// ---------------------------------------------------------------- decode step

#[test]
fn decode_step_reads_and_flops() {
    let p = m("meta-llama/Llama-3.1-8B");
    let step = decode_step(&KvRequest::new(p, 4096), Dtype::Bf16);
    // Weights read: all but the embedding table (8.03B - 128,256 × 4096 = 7,504,924,672) × 2 B.
    assert_eq!(step.weight_bytes_read, 7_504_924_672 * 2);
    assert_eq!(step.kv_bytes_read, 4096 * 131_072);
    // Attention per token: 32 layers × 2 × 32 heads × (128 + 128) × 4096 kept tokens
    // = 2,147,483,648 FLOPs, plus the new token's K/V projections 2 × 32 × 4096 × 8 × 256.
    let scores = 32.0 * 2.0 * 32.0 * 256.0 * 4096.0;
    let proj = 2.0 * 32.0 * 4096.0 * 8.0 * 256.0;
    assert_eq!(step.attention_flops_cached, scores + proj);
    // Without a cache, step 4096 recomputes the K/V projections of all 4096 tokens.
    assert_eq!(step.attention_flops_uncached, scores + proj * 4096.0);
    assert_eq!(step.flops, 2.0 * 7_504_924_672.0 + scores + proj);
    assert!(
        step.arithmetic_intensity > 0.5 && step.arithmetic_intensity < 2.0,
        "memory-bound"
    );
    // With one token the two are equal; MoE reads only the routed experts.
    let one = decode_step(&KvRequest::new(p, 1), Dtype::Bf16);
    assert_eq!(one.attention_flops_cached, one.attention_flops_uncached);
    let v3 = decode_step(&KvRequest::new(m("deepseek-ai/DeepSeek-V3"), 1), Dtype::Fp8);
    assert!(
        v3.weight_bytes_read < 40_000_000_000,
        "{} B ≈ 37B active in fp8",
        v3.weight_bytes_read
    );
}

// ---------------------------------------------------------------- formatting

#[test]
fn format_bytes_units() {
    assert_eq!(format_bytes(0), "0 B");
    assert_eq!(format_bytes(1023), "1023 B");
    assert_eq!(format_bytes(1024), "1.00 KiB");
    assert_eq!(format_bytes(1536), "1.50 KiB");
    assert_eq!(format_bytes(512 * 1024), "512.00 KiB");
    assert_eq!(format_bytes(4 * GIB), "4.00 GiB");
    assert_eq!(format_bytes(GIB - 1), "1.00 GiB");
    assert_eq!(format_bytes(1 << 40), "1.00 TiB");
    assert_eq!(format_bytes(u64::MAX), "16.00 EiB");
}

#[test]
fn format_params_sizes() {
    assert_eq!(format_params(671_026_404_352), "671B");
    assert_eq!(format_params(36_625_603_584), "37B");
    assert_eq!(format_params(8_030_261_248), "8.0B");
    assert_eq!(format_params(596_049_920), "0.6B");
    assert_eq!(format_params(124_439_808), "124M");
    assert_eq!(format_params(1_026_408_209_408), "1.03T");
    assert_eq!(format_params(9_970_000_000), "10B");
    assert_eq!(format_params(999_700_000_000), "1.00T");
    assert_eq!(format_params(999), "999");
}

// ---------------------------------------------------------------- URL parameters

fn parse(q: &str) -> (KvParams, Vec<crate::params::Notice>) {
    KvParams::from_query(&parse_query(q))
}

#[test]
fn query_defaults_and_round_trip() {
    let (p, n) = parse("");
    assert!(n.is_empty());
    assert_eq!(p, KvParams::default());
    assert_eq!(p.model.id, DEFAULT_MODEL);
    assert_eq!(p.to_query(), "");
    let q = "model=deepseek-ai/DeepSeek-V3&ctx=32768&batch=4&dtype=fp8&wdtype=int4&variant=gqa-4&mla=decompressed&compare=Qwen/Qwen3-8B,google/gemma-3-27b-pt&gpu=141";
    let (p, n) = parse(q);
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(p.model.id, "deepseek-ai/DeepSeek-V3");
    assert_eq!((p.ctx, p.batch), (32_768, 4));
    assert_eq!((p.dtype, p.weight_dtype), (Dtype::Fp8, Dtype::Int4));
    assert_eq!(p.variant, Variant::Gqa(4));
    assert_eq!(p.mla, MlaMode::Decompressed);
    assert_eq!(p.compare.len(), 2);
    assert_eq!(p.gpu_gib, 141.0);
    assert_eq!(p.gpu_bytes(), 141 * GIB);
    assert_eq!(p.to_query(), q);
    let (again, _) = parse(&p.to_query());
    assert_eq!(again, p);
    // Other spellings.
    assert_eq!(parse("variant=GQA:2").0.variant, Variant::Gqa(2));
    assert_eq!(parse("variant=gqa").0.variant, Variant::Gqa(8));
    assert_eq!(parse("variant=MLA").0.variant, Variant::Mla);
    assert_eq!(parse("model=qwen/qwen3-8b").0.model.id, "Qwen/Qwen3-8B");
    assert_eq!(parse("gpu=24.5").0.to_query(), "gpu=24.5");
}

#[test]
fn query_hostile_input_is_clamped_with_notices() {
    let (p, n) =
        parse("ctx=1e12&batch=0&dtype=foo&model=evil/<script>&variant=gqa-99999&mla=zip&gpu=NaN");
    assert_eq!(p.ctx, MAX_CTX);
    assert_eq!(p.batch, 1);
    assert_eq!(p.dtype, Dtype::Bf16);
    assert_eq!(p.model.id, DEFAULT_MODEL);
    assert_eq!(p.variant, Variant::Gqa(1024));
    assert_eq!(p.mla, MlaMode::Latent);
    assert_eq!(p.gpu_gib, 80.0);
    let params: Vec<&str> = n.iter().map(|x| x.param.as_str()).collect();
    for key in ["ctx", "batch", "dtype", "model", "variant", "mla", "gpu"] {
        assert!(params.contains(&key), "no notice for {key}: {params:?}");
    }
    let ctx = n.iter().find(|x| x.param == "ctx").unwrap();
    assert_eq!(ctx.kind, NoticeKind::Clamped);
    assert_eq!(
        n.iter().find(|x| x.param == "model").unwrap().kind,
        NoticeKind::Unknown
    );
    // Above the model's maximum is allowed, and flagged by the result.
    let (p, n) = parse("model=meta-llama/Llama-2-7b-hf&ctx=100000");
    assert!(n.is_empty());
    assert!(kv_cache(&p.request()).exceeds_max_context);
    // Unknown and surplus compare ids are dropped with notices.
    let (p, n) = parse("compare=Qwen/Qwen3-8B,nope/x,Qwen/Qwen3-8B,google/gemma-2-9b,openai-community/gpt2,bigscience/bloom");
    let ids: Vec<&str> = p.compare.iter().map(|m| m.id).collect();
    assert_eq!(
        ids,
        vec![
            "Qwen/Qwen3-8B",
            "google/gemma-2-9b",
            "openai-community/gpt2"
        ]
    );
    assert_eq!(n.len(), 2);
    assert_eq!(n[0].kind, NoticeKind::Unknown);
    assert_eq!(n[1].kind, NoticeKind::Clamped);
    // gpu bounds.
    assert_eq!(parse("gpu=1e30").0.gpu_gib, MAX_GPU_GIB);
    assert_eq!(parse("gpu=-4").0.gpu_gib, MIN_GPU_GIB);
}

// ---------------------------------------------------------------- properties

fn any_model() -> impl Strategy<Value = &'static ModelPreset> {
    (0..all().len()).prop_map(|i| &all()[i])
}

fn any_variant() -> impl Strategy<Value = Variant> {
    prop_oneof![
        Just(Variant::Native),
        Just(Variant::Mha),
        Just(Variant::Mqa),
        Just(Variant::Mla),
        any::<u32>().prop_map(Variant::Gqa),
    ]
}

fn any_dtype() -> impl Strategy<Value = Dtype> {
    (0..Dtype::ALL.len()).prop_map(|i| Dtype::ALL[i])
}

fn any_mla() -> impl Strategy<Value = MlaMode> {
    prop_oneof![Just(MlaMode::Latent), Just(MlaMode::Decompressed)]
}

proptest! {
    #[test]
    fn monotone_in_tokens_and_batch(
        model in any_model(), variant in any_variant(), dtype in any_dtype(), mla in any_mla(),
        t in 0u64..20_000_000, dt in 0u64..1_000_000, b in 0u64..5000, db in 0u64..100,
    ) {
        let req = KvRequest { model, tokens: t, batch: b, dtype, variant, mla };
        let base = kv_bytes(&req);
        prop_assert!(kv_bytes(&req.tokens(t + dt)) >= base);
        prop_assert!(kv_bytes(&req.batch(b + db)) >= base);
    }

    #[test]
    fn never_overflows_for_any_u32_tokens_and_batch(
        model in any_model(), variant in any_variant(), dtype in any_dtype(), mla in any_mla(),
        t in any::<u32>(), b in any::<u32>(),
    ) {
        let req = KvRequest { model, tokens: t as u64, batch: b as u64, dtype, variant, mla };
        let r = kv_cache(&req);
        // u32 × u32 tokens × batch always fits the u128 intermediate; the sum of the parts is
        // the total unless the total saturated.
        let sum: u128 = r.per_kind.iter().map(|k| k.bytes as u128).sum();
        if r.saturated {
            prop_assert_eq!(r.total_bytes, u64::MAX);
            prop_assert!(sum > u64::MAX as u128 || r.per_kind.iter().any(|k| k.bytes == u64::MAX));
        } else {
            prop_assert_eq!(r.total_bytes as u128, sum);
        }
        let expect_exceeds = t as u64 > model.max_context;
        prop_assert_eq!(r.exceeds_max_context, expect_exceeds);
        let _ = formula_total(&req, Lang::Zh);
        let _ = formula_per_token(&req, Lang::En);
        let step = decode_step(&req, dtype);
        prop_assert!(step.flops.is_finite() && step.flops >= 0.0);
        prop_assert!(step.attention_flops_uncached >= step.attention_flops_cached);
        prop_assert!(!step.arithmetic_intensity.is_nan());
        let _ = cache_shapes(&req);
    }

    #[test]
    fn reverse_mode_inverts_forward(
        model in any_model(), variant in any_variant(), dtype in any_dtype(), mla in any_mla(),
        wdtype in any_dtype(), gpu_gib in 1u64..2048, b in 1u64..64, t in 1u64..200_000,
    ) {
        let gpu = gpu_gib * GIB;
        let req = KvRequest { model, tokens: 0, batch: b, dtype, variant, mla };
        let fit = max_tokens(&req, gpu, wdtype, MAX_CTX);
        if fit.weights_fit {
            prop_assert!(kv_bytes(&req.tokens(fit.value)) <= fit.free_bytes);
            if !fit.at_limit {
                prop_assert!(kv_bytes(&req.tokens(fit.value + 1)) > fit.free_bytes);
            }
            prop_assert_eq!(fit.free_bytes, gpu - weight_bytes(model, wdtype));
        } else {
            prop_assert_eq!(fit.value, 0);
            prop_assert!(weight_bytes(model, wdtype) > gpu);
        }
        let req = req.tokens(t);
        let fit = max_batch(&req, gpu, wdtype, MAX_BATCH);
        if fit.weights_fit {
            prop_assert!(kv_bytes(&req.batch(fit.value)) <= fit.free_bytes);
            if !fit.at_limit {
                prop_assert!(kv_bytes(&req.batch(fit.value + 1)) > fit.free_bytes);
            }
        }
    }

    #[test]
    fn query_parsing_never_panics(
        model in ".{0,40}", ctx in ".{0,20}", batch in ".{0,20}", dtype in ".{0,10}",
        variant in ".{0,12}", mla in ".{0,12}", compare in ".{0,80}", gpu in ".{0,20}",
    ) {
        let pairs: Vec<(String, String)> = [
            ("model", model), ("ctx", ctx), ("batch", batch), ("dtype", dtype),
            ("variant", variant), ("mla", mla), ("compare", compare), ("gpu", gpu),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let (p, _) = KvParams::from_query(&pairs);
        prop_assert!((1..=MAX_CTX).contains(&p.ctx));
        prop_assert!((1..=MAX_BATCH).contains(&p.batch));
        prop_assert!(p.gpu_gib.is_finite() && (MIN_GPU_GIB..=MAX_GPU_GIB).contains(&p.gpu_gib));
        prop_assert!(p.compare.len() <= 3);
        if let Variant::Gqa(g) = p.variant {
            prop_assert!((1..=1024).contains(&g));
        }
        let (again, notices) = KvParams::from_query(&parse_query(&p.to_query()));
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(again, p);
    }
}
