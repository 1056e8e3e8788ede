//! Checks on the real catalogue and answers in `content/`.

use emit::Answers;
use explorables_content::{catalogue::Catalogue, content_dir, emit};
use explorables_core::lang::Lang;

#[test]
fn every_seed_item_is_in_the_catalogue_once() {
    let seed = std::fs::read_to_string(content_dir().join("seed.txt")).unwrap();
    // Counted independently of the catalogue parser: raw line prefixes.
    let bullets: Vec<&str> = seed
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("- "))
        .map(str::trim)
        .collect();
    let headings: Vec<&str> = seed
        .lines()
        .filter(|l| l.starts_with("##"))
        .map(|l| l.trim_start_matches('#').trim())
        .collect();
    assert_eq!(bullets.len(), 249, "the seed catalogue has 249 items");

    let cat = Catalogue::load().expect("catalogue builds");
    assert_eq!(cat.questions.len(), bullets.len());
    let mut got: Vec<&str> = cat.questions.iter().map(|q| q.zh.as_str()).collect();
    let mut want = bullets.clone();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(
        got, want,
        "question titles equal the seed items as a multiset"
    );

    let mut got_h: Vec<&str> = cat.sections.iter().map(|s| s.zh.as_str()).collect();
    let mut want_h = headings.clone();
    got_h.sort_unstable();
    want_h.sort_unstable();
    assert_eq!(got_h, want_h, "every ##/###/#### heading is a section");

    // Every question belongs to a section that lists it, exactly once.
    let mut listed = vec![0; cat.questions.len()];
    for s in &cat.sections {
        for &q in &s.questions {
            listed[q] += 1;
        }
    }
    assert!(listed.iter().all(|&n| n == 1));
    // Chapters are the level-2 headings, in seed order.
    let chapters: Vec<&str> = cat
        .sections
        .iter()
        .filter(|s| s.level == 2)
        .map(|s| s.zh.as_str())
        .collect();
    let seed_chapters: Vec<&str> = seed
        .lines()
        .filter(|l| l.starts_with("## "))
        .map(|l| l[3..].trim())
        .collect();
    assert_eq!(chapters, seed_chapters);
}

#[test]
fn every_answer_renders_and_has_the_required_sections() {
    let cat = Catalogue::load().unwrap();
    let answers = emit::Answers::load(&content_dir(), &cat).unwrap();
    assert!(!answers.sources.is_empty());
    if let Err(errors) = emit::render_all(&answers) {
        panic!("{} answers fail:\n{}", errors.len(), errors.join("\n"));
    }
}

#[test]
fn every_question_is_answered_in_both_languages() {
    let cat = Catalogue::load().unwrap();
    let answers = emit::Answers::load(&content_dir(), &cat).unwrap();
    assert_eq!(
        cat.questions.len(),
        249,
        "the seed catalogue has 249 questions"
    );
    let missing: Vec<String> = cat
        .questions
        .iter()
        .flat_map(|q| [Lang::Zh, Lang::En].map(|lang| (lang, &q.slug)))
        .filter(|(lang, slug)| answers.get(*lang, slug).is_none())
        .map(|(lang, slug)| format!("{}/{slug}", lang.code()))
        .collect();
    assert!(missing.is_empty(), "missing answers: {missing:?}");
}

#[test]
fn every_rendered_answer_becomes_one_file() {
    let cat = Catalogue::load().unwrap();
    let answers = emit::Answers::load(&content_dir(), &cat).unwrap();
    let html = emit::render_all(&answers).unwrap();
    let files = emit::answer_files(&html);
    assert_eq!(files.len(), answers.sources.len());
    for (path, body) in &files {
        assert!(path.starts_with("content/zh/") || path.starts_with("content/en/"));
        assert!(path.ends_with(".html"));
        assert!(body.contains("<h2>"), "{path} has its sections");
        assert!(!body.contains("<script"), "{path} has no script");
    }
}

#[test]
fn every_widget_directive_is_a_valid_widget_state() {
    // The parameters an answer gives a widget go through the same parser as a URL does; an
    // answer must never make its widget show a "changed your input" notice.
    use explorables_content::markdown::widget_directives;
    use explorables_core::{grpo, kl, kv, mask, moe, norm, posenc, sampling, tts};
    let cat = Catalogue::load().unwrap();
    let answers = Answers::load(&content_dir(), &cat).unwrap();
    let mut bad = Vec::new();
    let mut seen = 0;
    for ((lang, slug), md) in &answers.sources {
        for (name, pairs) in widget_directives(md) {
            seen += 1;
            let notices = match name {
                "attention-mask" => mask::MaskParams::from_query(&pairs).1,
                "grpo" => grpo::GrpoParams::from_pairs(&pairs).1,
                "kl-estimators" => kl::KlParams::from_pairs(&pairs).1,
                "kv-cache" => kv::KvParams::from_query(&pairs).1,
                "moe" => moe::MoeParams::from_query(&pairs).1,
                "norm-placement" => norm::NormParams::from_pairs(&pairs).1,
                "positional-encoding" => posenc::PosencParams::from_query(&pairs).1,
                "sampling" => sampling::SamplingParams::from_pairs(&pairs).1,
                "test-time-scaling" => tts::TtsParams::from_pairs(&pairs).1,
                other => panic!("no parser for widget {other}"),
            };
            if !notices.is_empty() {
                bad.push(format!("{lang}/{slug} {name}: {notices:?}"));
            }
        }
    }
    assert!(seen > 50, "only {seen} directives found");
    assert!(
        bad.is_empty(),
        "widget directives the widget would reject:\n{}",
        bad.join("\n")
    );
}

#[test]
fn no_answer_has_an_escaped_entity_inside_its_math() {
    // `&amp;nbsp;` inside <mtext> showed as a literal "&nbsp;" on the page.
    let cat = Catalogue::load().unwrap();
    let answers = Answers::load(&content_dir(), &cat).unwrap();
    let html = emit::render_all(&answers).unwrap();
    let mut bad = Vec::new();
    let mut formulas = 0;
    for (path, body) in emit::answer_files(&html) {
        for math in body.split("<math").skip(1) {
            let math = &math[..math.find("</math>").expect("closed <math>")];
            formulas += 1;
            let escaped = math.match_indices("&amp;").any(|(i, _)| {
                let name = &math[i + 5..];
                let end = name.find(';').unwrap_or(0);
                end > 0
                    && end <= 10
                    && (name[..end].chars().all(|c| c.is_ascii_alphanumeric())
                        || name.starts_with('#'))
            });
            if escaped {
                bad.push(format!("{path}: …{}…", &math[..math.len().min(120)]));
            }
        }
    }
    assert!(formulas > 1000, "only {formulas} formulas found");
    assert!(
        bad.is_empty(),
        "escaped entities in MathML:\n{}",
        bad.join("\n")
    );
}
