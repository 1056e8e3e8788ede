//! `search-cost <dist> [query…]`: the files a first query downloads from a built site (read
//! from `<dist>`, exactly as the app fetches them: metadata, shards, snippet texts), one line
//! per query: `lang<TAB>query<TAB>file file …`. Without queries, a set of typical ones.
//! `scripts/size.mjs` prints their gzip sizes.

use explorables_content::{catalogue::Catalogue, glossary, search_run::Searcher};
use explorables_core::lang::Lang;
use std::process::ExitCode;

const TYPICAL: &[&str] = &[
    "旋转位置编码",
    "KV 缓存 显存",
    "混合专家 负载均衡",
    "拒绝采样微调",
    "load balancing",
    "grouped query attention",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dist) = args.first().cloned() else {
        eprintln!("usage: search-cost <dist> [query…]");
        return ExitCode::FAILURE;
    };
    let queries: Vec<String> = if args.len() > 1 {
        args[1..].to_vec()
    } else {
        TYPICAL.iter().map(|q| q.to_string()).collect()
    };
    let result = (|| -> Result<(), String> {
        let cat = Catalogue::load().map_err(|e| e.to_string())?;
        let s = Searcher::new(&cat, &glossary::load()?);
        let root = std::path::PathBuf::from(&dist);
        for q in &queries {
            let lang = if q.chars().any(explorables_core::search::tokens::is_han) {
                Lang::Zh
            } else {
                Lang::En
            };
            let read = |p: &str| std::fs::read_to_string(root.join(p)).ok();
            let answered = |slug: &str| {
                root.join(format!("content/{}/{slug}.txt", lang.code()))
                    .exists()
            };
            let run = s.run(q, lang, read, answered)?;
            println!("{}\t{q}\t{}", lang.code(), run.files.join(" "));
        }
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("search-cost: {e}");
            ExitCode::FAILURE
        }
    }
}
