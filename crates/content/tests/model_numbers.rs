//! Mechanical checks on the model numbers the answers quote.
//!
//! 1. **Embedding rows are not the vocabulary.** For a model whose tokenizer defines fewer
//!    tokens than its embedding has rows (`tokenizer_vocab` < `vocab` in `data/models.toml`:
//!    ChatGLM-6B 130,344 vs 130,528, Qwen3 151,669 vs 151,936, BLOOM 250,680 vs 250,880), the
//!    row count may only appear labelled as rows: next to "rows / embedding / vocab_size /
//!    行 / 嵌入 / ×". A bare `{{model:…:vocab}}` or "130,528" under "Vocabulary" fails.
//! 2. **Comparison tables take model numbers from the presets.** In a Markdown table whose rows
//!    (or columns) are models and whose columns (or rows) are fields such as layers or
//!    vocabulary, a number typed by hand in a cell whose model and field have a
//!    `{{model:ID:FIELD}}` value fails: it should be that value.

use explorables_content::{catalogue::Catalogue, content_dir, emit::Answers};
use explorables_core::models::{self, ModelPreset};

/// Answers owned by another branch that still break a rule here, with the rule: they are
/// skipped, but only while they still break it, so an entry must go once its file is fixed.
const PENDING: &[(&str, &str)] = &[];

fn pending(lang: &str, slug: &str, rule: &str) -> bool {
    PENDING.contains(&(format!("{lang}/{slug}").as_str(), rule))
}

fn answers() -> Answers {
    let cat = Catalogue::load().unwrap();
    Answers::load(&content_dir(), &cat).unwrap()
}

/// Code blocks (```…```) blanked out line by line, so line numbers stay right.
fn prose_lines(md: &str) -> Vec<String> {
    let mut in_code = false;
    md.lines()
        .map(|l| {
            if l.trim_start().starts_with("```") {
                in_code = !in_code;
                return String::new();
            }
            if in_code {
                String::new()
            } else {
                l.to_string()
            }
        })
        .collect()
}

/// The ways an integer can be written: `130528`, `130,528`, `130 528`, `130{,}528`.
fn spellings(v: u64) -> Vec<String> {
    let plain = v.to_string();
    let mut groups = Vec::new();
    let mut rest = plain.as_str();
    while rest.len() > 3 {
        let (a, b) = rest.split_at(rest.len() - 3);
        groups.insert(0, b);
        rest = a;
    }
    groups.insert(0, rest);
    let mut out = vec![plain.clone()];
    if groups.len() > 1 {
        for sep in [",", " ", "{,}", "\\,"] {
            out.push(groups.join(sep));
        }
    }
    out
}

/// Byte ranges of `needle` in `hay` that are whole numbers (no digit right before or after).
fn number_hits(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let b = hay.as_bytes();
    hay.match_indices(needle)
        .map(|(i, m)| (i, i + m.len()))
        .filter(|&(s, e)| {
            let before = s == 0 || !(b[s - 1].is_ascii_digit() || b[s - 1] == b',');
            let after = e == b.len() || !b[e].is_ascii_digit();
            before && after
        })
        .collect()
}

/// The cell of a table row that holds byte `pos`, and the row's first cell.
fn table_context(line: &str, pos: usize) -> Option<(String, String)> {
    if !line.trim_start().starts_with('|') {
        return None;
    }
    let cells: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut start = 0;
        for (i, c) in line.char_indices() {
            if c == '|' {
                v.push((start, &line[start..i]));
                start = i + 1;
            }
        }
        v.push((start, &line[start..]));
        v
    };
    let first = cells.get(1).map(|c| c.1.to_string()).unwrap_or_default();
    let cell = cells
        .iter()
        .rev()
        .find(|(s, _)| *s <= pos)
        .map(|c| c.1.to_string())
        .unwrap_or_default();
    Some((cell, first))
}

const ROW_LABELS: &[&str] = &[
    "row",
    "vocab_size",
    "embedding",
    "\\times",
    "×",
    "行",
    "嵌入",
    "矩阵",
    "lm_head",
];

fn labelled_as_rows(text: &str) -> bool {
    let t = text.to_lowercase();
    ROW_LABELS.iter().any(|l| t.contains(l))
}

/// Slice of `s` around `[start, end)`: `before` bytes back and `after` forward, on char bounds.
fn around(s: &str, start: usize, end: usize, before: usize, after: usize) -> &str {
    let mut a = start.saturating_sub(before);
    while !s.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + after).min(s.len());
    while !s.is_char_boundary(b) {
        b += 1;
    }
    &s[a..b]
}

/// Every place where `md` writes the embedding-row count of a model whose tokenizer is smaller,
/// without saying it is rows. Returns (line number, excerpt).
fn unlabelled_rows(md: &str) -> Vec<(usize, String)> {
    let padded: Vec<&ModelPreset> = models::all()
        .iter()
        .filter(|m| m.tokenizer_vocab.is_some_and(|t| t != m.vocab))
        .collect();
    let mut out: Vec<(usize, String)> = Vec::new();
    for (n, line) in prose_lines(md).iter().enumerate() {
        let lower = line.to_lowercase();
        for m in &padded {
            let mut hits = Vec::new();
            let directive = format!("{{{{model:{}:vocab}}}}", m.id.to_lowercase());
            hits.extend(
                lower
                    .match_indices(&directive)
                    .map(|(i, d)| (i, i + d.len())),
            );
            for sp in spellings(m.vocab as u64) {
                hits.extend(number_hits(line, &sp));
            }
            hits.sort_unstable();
            hits.dedup();
            for (s, e) in hits {
                let ok = match table_context(line, s) {
                    Some((cell, first)) => labelled_as_rows(&cell) || labelled_as_rows(&first),
                    // Prose: the label must sit right next to the number.
                    None => labelled_as_rows(around(line, s, e, 40, 24)),
                };
                let hit = (n + 1, around(line, s, e, 60, 40).to_string());
                if !ok && !out.contains(&hit) {
                    out.push(hit);
                }
            }
        }
    }
    out
}

#[test]
fn embedding_rows_are_never_called_the_vocabulary() {
    let answers = answers();
    let mut bad = Vec::new();
    for ((lang, slug), md) in &answers.sources {
        let found = unlabelled_rows(md);
        if pending(lang, slug, "rows") {
            assert!(
                !found.is_empty(),
                "{lang}/{slug} is fixed: remove it from PENDING"
            );
            continue;
        }
        for (line, excerpt) in found {
            bad.push(format!("{lang}/{slug}.md:{line}: …{excerpt}…"));
        }
    }
    assert!(
        bad.is_empty(),
        "embedding-row counts written as a vocabulary size (write the tokenizer size \
         {{{{model:ID:tokenizer_vocab}}}} or label the number as embedding rows):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_rows_rule_catches_what_it_should() {
    // Unlabelled: fails.
    assert_eq!(
        unlabelled_rows("| Vocabulary | 32000 | 130528 |\n").len(),
        1,
        "raw number in a Vocabulary row"
    );
    assert_eq!(
        unlabelled_rows("| 词表 | {{model:THUDM/chatglm-6b:vocab}} |\n").len(),
        1
    );
    assert_eq!(
        unlabelled_rows("ChatGLM-6B has a vocabulary of 130,528 tokens.").len(),
        1
    );
    assert_eq!(
        unlabelled_rows("Qwen3 shares one vocabulary ({{model:Qwen/Qwen3-8B:vocab}}).").len(),
        1
    );
    // Labelled or not the row count: passes.
    assert!(unlabelled_rows("| `vocab_size` | {{model:Qwen/Qwen3-8B:vocab}} |\n").is_empty());
    assert!(unlabelled_rows("The embedding has $130528 \\times 4096$ weights.").is_empty());
    assert!(unlabelled_rows("130,528 embedding rows").is_empty());
    assert!(unlabelled_rows("词表矩阵行数 130528").is_empty());
    assert!(unlabelled_rows("1130528 and 1305280 are other numbers").is_empty());
    assert!(
        unlabelled_rows("```\nvocab = 130528\n```\n").is_empty(),
        "code is skipped"
    );
    // Models whose tokenizer fills the embedding are not affected.
    assert!(unlabelled_rows("| Vocabulary | 128256 |\n").is_empty());
}

// ---------------------------------------------------------------- hand-typed table numbers

/// Lower-case, without spaces, hyphens, underscores, Markdown emphasis or code ticks.
fn norm_name(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '*' | '`' | '\u{a0}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// (normalised name, model id): preset names plus the short names the answers use.
fn aliases() -> Vec<(String, &'static str)> {
    let mut v: Vec<(String, &'static str)> = models::all()
        .iter()
        .map(|m| (norm_name(m.name), m.id))
        .collect();
    // The repo name too: "Qwen3-8B", "DeepSeek-V3", "chatglm-6b", "bloom".
    for m in models::all() {
        if let Some(repo) = m.id.rsplit('/').next() {
            v.push((norm_name(repo), m.id));
        }
    }
    for (alias, id) in [
        ("BLOOM", "bigscience/bloom"),
        ("BLOOM-176B", "bigscience/bloom"),
        ("Mistral 7B", "mistralai/Mistral-7B-v0.1"),
        (
            "Mistral Small 3.1",
            "mistralai/Mistral-Small-3.1-24B-Base-2503",
        ),
        ("SmolLM3", "HuggingFaceTB/SmolLM3-3B"),
        ("Baichuan2-7B", "baichuan-inc/Baichuan2-7B-Base"),
        ("Baichuan2-13B", "baichuan-inc/Baichuan2-13B-Base"),
        ("Llama 4 Scout", "meta-llama/Llama-4-Scout-17B-16E"),
        ("Llama 4 Maverick", "meta-llama/Llama-4-Maverick-17B-128E"),
        ("Scout", "meta-llama/Llama-4-Scout-17B-16E"),
        ("Maverick", "meta-llama/Llama-4-Maverick-17B-128E"),
        ("GPT-3", "openai/gpt-3-175b"),
        ("OLMo 2", "allenai/OLMo-2-1124-7B"),
    ] {
        v.push((norm_name(alias), id));
    }
    v
}

/// The model a table cell names, if it is only a model name (optionally followed by a
/// parenthesis, e.g. "ChatGLM-6B (2023)").
fn model_of(cell: &str, aliases: &[(String, &'static str)]) -> Option<&'static str> {
    let n = norm_name(cell);
    let n = n
        .split('(')
        .next()
        .unwrap_or("")
        .split('（')
        .next()
        .unwrap_or("");
    aliases.iter().find(|(a, _)| *a == n).map(|(_, id)| *id)
}

/// The preset fields a row/column label stands for.
fn fields_of(label: &str) -> &'static [&'static str] {
    let l = label.to_lowercase();
    let has = |k: &str| l.contains(k);
    if has("vocab") || has("词表") || has("tokenizer") {
        &["vocab", "tokenizer_vocab"]
    } else if has("kv head") || has("kv 头") || has("kv头") {
        &["kv_heads"]
    } else if has("head_dim") || has("head dim") {
        &["head_dim"]
    } else if (has("heads") || has("头数")) && !has("/") {
        &["heads"]
    } else if has("routed expert") || has("路由专家") {
        &["routed_experts"]
    } else if (has("layers") || has("层数")) && !has("dense") && !has("稠密") {
        &["layers"]
    } else if has("hidden") || has("隐藏") {
        &["hidden"]
    } else if has("sliding window") || has("滑动窗口") {
        &["sliding_window"]
    } else {
        &[]
    }
}

/// Integers typed in `cell` outside `{{…}}` directives, ignoring rounded figures
/// such as `152K` or `1T` and anything below 2 digits.
fn typed_numbers(cell: &str) -> Vec<u64> {
    let mut text = String::new();
    let mut rest = cell;
    while let Some(i) = rest.find("{{") {
        text.push_str(&rest[..i]);
        text.push(' ');
        rest = rest[i..].find("}}").map_or("", |j| &rest[i + j + 2..]);
    }
    text.push_str(rest);
    let text = text.replace("{,}", ",");
    let b: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !(b[i - 1].is_alphanumeric() || b[i - 1] == '.')) {
            let mut j = i;
            let mut digits = String::new();
            while j < b.len()
                && (b[j].is_ascii_digit()
                    || (b[j] == ',' && j + 3 < b.len() + 1 && {
                        let next: String = b[j + 1..(j + 4).min(b.len())].iter().collect();
                        next.len() == 3
                            && next.chars().all(|c| c.is_ascii_digit())
                            && b.get(j + 4).is_none_or(|c| !c.is_ascii_digit())
                    }))
            {
                if b[j].is_ascii_digit() {
                    digits.push(b[j]);
                }
                j += 1;
            }
            let rounded = b
                .get(j)
                .is_some_and(|c| c.is_alphabetic() || *c == '.' || *c == '%' || *c == '×');
            if !rounded && digits.len() >= 2 {
                out.push(digits.parse().unwrap());
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn split_row(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    t.split('|').map(|c| c.trim().to_string()).collect()
}

/// Cells of comparison tables holding a hand-typed number where `{{model:ID:FIELD}}` exists.
fn hand_typed(md: &str) -> Vec<String> {
    let aliases = aliases();
    let lines = prose_lines(md);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].trim_start().starts_with('|') {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].trim_start().starts_with('|') {
            i += 1;
        }
        let rows: Vec<Vec<String>> = lines[start..i]
            .iter()
            .filter(|l| !l.contains("---"))
            .map(|l| split_row(l))
            .collect();
        if rows.len() < 2 {
            continue;
        }
        let header = &rows[0];
        let col_models: Vec<Option<&str>> = header.iter().map(|c| model_of(c, &aliases)).collect();
        let by_column = col_models.iter().skip(1).any(Option::is_some);
        for (r, row) in rows.iter().enumerate().skip(1) {
            for (c, cell) in row.iter().enumerate().skip(1) {
                let (model, fields) = if by_column {
                    (col_models.get(c).copied().flatten(), fields_of(&row[0]))
                } else {
                    (
                        model_of(&row[0], &aliases),
                        header.get(c).map_or(&[][..], |h| fields_of(h)),
                    )
                };
                let Some(id) = model else { continue };
                let available: Vec<&str> = fields
                    .iter()
                    .copied()
                    .filter(|f| models::field(id, f).is_some())
                    .collect();
                if available.is_empty() {
                    continue;
                }
                for v in typed_numbers(cell) {
                    out.push(format!(
                        "line {}: {id} {}: {v} typed by hand (use {})",
                        start + r + 1,
                        available.join("/"),
                        available
                            .iter()
                            .map(|f| format!(
                                "{{{{model:{id}:{f}}}}} = {}",
                                models::field(id, f).unwrap()
                            ))
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn comparison_tables_take_model_numbers_from_the_presets() {
    let answers = answers();
    let mut bad = Vec::new();
    for ((lang, slug), md) in &answers.sources {
        let found = hand_typed(md);
        if pending(lang, slug, "table") {
            assert!(
                !found.is_empty(),
                "{lang}/{slug} is fixed: remove it from PENDING"
            );
            continue;
        }
        for msg in found {
            bad.push(format!("{lang}/{slug}.md {msg}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} hand-typed model numbers in comparison tables:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_table_rule_catches_what_it_should() {
    // Models as columns, fields as rows.
    let md = "| Item | LLaMA | ChatGLM-6B | BLOOM |\n|---|---|---|---|\n\
              | Vocabulary | 32000 | 130,528 | 250,680 |\n| Layers | 32 | {{model:THUDM/chatglm-6b:layers}} | 70 |\n";
    let found = hand_typed(md);
    assert_eq!(found.len(), 3, "{found:?}"); // 130,528, 250,680 and BLOOM's 70 layers
                                             // Models as rows, fields as columns.
    let md = "| Model | Layers | Hidden |\n|---|---|---|\n| Mistral 7B | 32 | about 4K |\n";
    assert_eq!(hand_typed(md).len(), 1);
    // Directives, rounded figures, unknown models and unrelated rows pass.
    let md = "| Item | Mistral 7B | LLaMA |\n|---|---|---|\n\
              | Vocabulary | {{model:mistralai/Mistral-7B-v0.1:vocab}} | 32000 |\n\
              | Training tokens | 8T | 1.4T |\n| Hidden | about 4K | 4096 |\n";
    assert!(hand_typed(md).is_empty(), "{:?}", hand_typed(md));
    assert_eq!(
        typed_numbers("250,680 (embedding 250,880 rows)"),
        vec![250680, 250880]
    );
    assert_eq!(typed_numbers("about 152K, 1.5T, 2048"), vec![2048]);
}
