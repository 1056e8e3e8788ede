//! Build-time pre-rendering: every route becomes a real HTML file, rendered by the same
//! [`Shell`] component the browser runs, with its own title, description, canonical link,
//! language alternates, link-preview tags and (for questions) schema.org `QAPage` data.
//! The `prerender` binary writes the files; the app takes each page over when its wasm starts.

mod embed;
mod head;
mod site;

pub use embed::{embed_js, oembed_files};

pub use site::{inline_stylesheets, robots_txt, sitemap_xml, write_page, Template};

use crate::app::Shell;
use crate::catalogue::{self, QUESTIONS, SECTIONS};
use crate::route::{page_path, Loc, Router};
use crate::ui::theme::{Theme, ThemeState};
use explorables_core::lang::Lang;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use std::collections::BTreeMap;

/// What a page is, for its head.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Home,
    Section,
    Question { short_answer: String },
    Labs,
    Lab,
    Glossary,
    Guide,
    Study,
    NotFound,
}

/// One file to write.
#[derive(Clone, Debug)]
pub struct Page {
    /// Below the base path, without language prefix: `""`, `q/x`, `lab/moe`.
    pub route: String,
    pub lang: Lang,
    pub kind: Kind,
    /// The page's own name (its `<h1>`).
    pub name: String,
    /// ≤ 160 characters, in the page's language.
    pub description: String,
    /// The answer HTML a question page shows (build-time output of `explorables-content`).
    pub answer: Option<String>,
}

impl Page {
    /// Where the file lives below the base: `en/q/x/`, or `""` for the Chinese home page.
    pub fn path(&self) -> String {
        page_path(&self.route, self.lang)
    }

    /// The same page in the other language.
    pub fn alternate(&self, lang: Lang) -> String {
        page_path(&self.route, lang)
    }

    /// `<title>`: the page's name and the site's.
    pub fn title(&self) -> String {
        crate::app::page_title(
            (self.kind != Kind::Home).then_some(self.name.as_str()),
            self.lang,
        )
    }
}

/// The answers by (language, slug): rendered HTML and the short answer as text.
pub struct AnswerTexts {
    pub html: BTreeMap<(Lang, String), String>,
    pub short: BTreeMap<(Lang, String), String>,
}

fn clip(text: &str) -> String {
    explorables_content::markdown::clip_text(text, 160)
}

/// Every page of the site in both languages (and the not-found page, in Chinese).
pub fn pages(answers: &AnswerTexts) -> Vec<Page> {
    let mut out = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        out.push(Page {
            route: String::new(),
            lang,
            kind: Kind::Home,
            name: catalogue::title(lang).to_string(),
            description: clip(lang.pick(
                "大模型工程师面试常考题，每道题一页：能说出口的简答、原理、追问与来源，难点配有用 Rust 实时计算的交互组件。",
                "The questions LLM engineers get asked in interviews, one page each: a short answer, the mechanism, follow-ups and sources, with live widgets computed in Rust.",
            )),
            answer: None,
        });
        for s in SECTIONS.iter() {
            let titles: Vec<&str> = s
                .question_range()
                .map(|q| QUESTIONS[q].title(lang))
                .collect();
            let description = match lang {
                Lang::Zh if titles.is_empty() => format!("{}：本章各节的面试题与解答。", s.zh),
                Lang::Zh => format!("{}：{} 道面试题——{}", s.zh, titles.len(), titles.join("；")),
                Lang::En if titles.is_empty() => format!(
                    "{}: the sections of this chapter, with interview questions and answers.",
                    s.en
                ),
                Lang::En => format!(
                    "{}: {} interview questions — {}",
                    s.en,
                    titles.len(),
                    titles.join("; ")
                ),
            };
            out.push(Page {
                route: format!("s/{}", s.slug),
                lang,
                kind: Kind::Section,
                name: s.title(lang).to_string(),
                description: clip(&description),
                answer: None,
            });
        }
        for q in QUESTIONS.iter() {
            let key = (lang, q.slug.to_string());
            let short = answers.short.get(&key).cloned().unwrap_or_default();
            out.push(Page {
                route: format!("q/{}", q.slug),
                lang,
                kind: Kind::Question {
                    short_answer: short.clone(),
                },
                name: q.title(lang).to_string(),
                description: clip(if short.is_empty() {
                    q.title(lang)
                } else {
                    &short
                }),
                answer: answers.html.get(&key).cloned(),
            });
        }
        out.push(Page {
            route: "lab".into(),
            lang,
            kind: Kind::Labs,
            name: lang.pick("实验室", "Labs").into(),
            description: clip(lang.pick(
                "用 Rust 实时计算的交互组件：注意力掩码、KV 缓存、MoE 路由、归一化位置、位置编码……每个都能分享链接或嵌入博客。",
                "Live widgets computed in Rust: attention masks, KV cache, MoE routing, norm placement, positional encodings… each shareable as a link or embeddable in a blog.",
            )),
            answer: None,
        });
        out.push(Page {
            route: "glossary".into(),
            lang,
            kind: Kind::Glossary,
            name: lang.pick("术语表", "Glossary").into(),
            description: clip(lang.pick(
                "大模型面试常用术语的中文名、英文名和缩写（RoPE、MoE、GQA、MLA、PPO、PRM……），每个术语链接到讲解它的题目。",
                "The Chinese and English names and abbreviations of common LLM interview terms (RoPE, MoE, GQA, MLA, PPO, PRM…), each linked to the answers that explain it.",
            )),
            answer: None,
        });
        out.push(Page {
            route: "embed-guide".into(),
            lang,
            kind: Kind::Guide,
            name: lang.pick("嵌入指南", "Embed guide").into(),
            description: clip(lang.pick(
                "把组件嵌入博客：每页一个 embed.js，每个组件一行；按需加载、自动高度、跟随深色模式。附 mdBook、Hugo、Jekyll、Hexo、VitePress、Docusaurus、WordPress 的写法与 oEmbed。",
                "Embed a widget in your blog: embed.js once per page, one line per widget; lazy, self-sizing, follows dark mode. Recipes for mdBook, Hugo, Jekyll, Hexo, VitePress, Docusaurus, WordPress, and oEmbed.",
            )),
            answer: None,
        });
        out.push(Page {
            route: "study".into(),
            lang,
            kind: Kind::Study,
            name: lang.pick("学习", "Study").into(),
            description: clip(lang.pick(
                "间隔重复（FSRS）复习全部面试题，外加答案由本站 Rust 代码算出的计算题；进度只存在你的浏览器里。",
                "Spaced review (FSRS) of every interview question, plus computed cards answered by our own Rust; progress stays in your browser.",
            )),
            answer: None,
        });
        for w in explorables_core::widgets::WIDGETS {
            out.push(Page {
                route: format!("lab/{}", w.name),
                lang,
                kind: Kind::Lab,
                name: lang.pick(w.zh, w.en).into(),
                description: clip(lang.pick(w.about_zh, w.about_en)),
                answer: None,
            });
        }
    }
    out
}

/// The not-found page (served as `404.html` for any unknown path).
pub fn not_found() -> Page {
    Page {
        route: "404".into(),
        lang: Lang::Zh,
        kind: Kind::NotFound,
        name: "找不到页面 · Page not found".into(),
        description: String::new(),
        answer: None,
    }
}

/// The page's `<body>` content: [`Shell`] rendered at the page's address.
pub fn render_body(page: &Page) -> String {
    if let (Some(html), Some(slug)) = (&page.answer, page.route.strip_prefix("q/")) {
        crate::prerendered::set_answer(slug, page.lang, html.clone());
    }
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Router::fixed(Loc {
            path: page.path(),
            query: String::new(),
        }));
        provide_context(ThemeState::fixed(Theme::Light));
        view! { <Shell /> }.to_html()
    })
}
