//! `/embed-guide/`: how to put a widget into a blog — the one-line form with `embed.js`, a
//! recipe per blog engine, WordPress (Custom HTML or oEmbed), and the plain iframe.

use crate::dom::document;
use crate::route::href;
use crate::ui::i18n::tr;
use explorables_core::lang::Lang;
use leptos::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static SITE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Sets the site's absolute base URL the build-time rendering writes into the recipes.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_site_url(site: &str) {
    SITE.with(|s| *s.borrow_mut() = site.to_string());
}

/// The site's absolute base URL (`https://host/path/`), as the recipes write it.
fn site_url() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        crate::dom::absolute_base()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let s = SITE.with(|s| s.borrow().clone());
        if s.is_empty() {
            crate::dom::base_path()
        } else {
            s
        }
    }
}

/// The example widget of every recipe.
const EXAMPLE: &str = "kv-cache?model=meta-llama/Llama-3.1-8B&amp;ctx=32768";

struct Recipe {
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    note_zh: &'static str,
    note_en: &'static str,
    /// `{S}` stands for the site's base URL, `{W}` for the example element.
    code: &'static str,
}

const DIV: &str = "<div data-llm-explorable=\"{W}\"></div>";

const RECIPES: &[Recipe] = &[
    Recipe {
        id: "html",
        zh: "任意 HTML 页面",
        en: "Any HTML page",
        note_zh: "脚本每页放一次（head 或 body 末尾均可），每个组件写一个元素。",
        note_en: "Include the script once per page (in the head or at the end of the body), then one element per widget.",
        code: "<script src=\"{S}embed.js\" defer></script>\n\n<div data-llm-explorable=\"{W}\"></div>\n<div data-llm-explorable=\"moe\" data-load=\"click\"></div>",
    },
    Recipe {
        id: "mdbook",
        zh: "mdBook",
        en: "mdBook",
        note_zh: "mdBook 的 Markdown 原样保留 HTML，直接写进章节即可。深色主题（coal、navy、ayu）会被自动识别。",
        note_en: "mdBook keeps raw HTML in Markdown: write both lines into the chapter. Its dark themes (coal, navy, ayu) are recognised.",
        code: "<!-- src/chapter.md -->\n<script src=\"{S}embed.js\" defer></script>\n\n{DIV}",
    },
    Recipe {
        id: "hugo",
        zh: "Hugo",
        en: "Hugo",
        note_zh: "Hugo 的 Goldmark 默认删掉原始 HTML：在配置里允许它，或者写一个短代码（推荐，文章里就不用写 HTML）。",
        note_en: "Hugo's Goldmark drops raw HTML by default: allow it in the config, or add a shortcode (then posts need no HTML).",
        code: "# hugo.toml\n[markup.goldmark.renderer]\n  unsafe = true\n\n<!-- or layouts/shortcodes/explorable.html -->\n<script src=\"{S}embed.js\" defer></script>\n<div data-llm-explorable=\"{{ .Get 0 }}\"></div>\n\n<!-- in a post -->\n{{< explorable \"kv-cache?model=meta-llama/Llama-3.1-8B&ctx=32768\" >}}",
    },
    Recipe {
        id: "jekyll",
        zh: "Jekyll（GitHub Pages）",
        en: "Jekyll (GitHub Pages)",
        note_zh: "kramdown 保留块级 HTML；前后各留一个空行。",
        note_en: "kramdown keeps block-level HTML; leave a blank line before and after it.",
        code: "<script src=\"{S}embed.js\" defer></script>\n\n{DIV}\n",
    },
    Recipe {
        id: "hexo",
        zh: "Hexo",
        en: "Hexo",
        note_zh: "hexo-renderer-marked 原样输出 HTML；如果主题或插件改写了它，用 {% raw %} 包起来。",
        note_en: "hexo-renderer-marked passes HTML through; if a theme or plugin rewrites it, wrap it in {% raw %}.",
        code: "{% raw %}\n<script src=\"{S}embed.js\" defer></script>\n{DIV}\n{% endraw %}",
    },
    Recipe {
        id: "vitepress",
        zh: "VitePress",
        en: "VitePress",
        note_zh: "VitePress 把 Markdown 里的 <script> 当作 Vue 代码，所以脚本放进配置的 head；元素直接写在 Markdown 里。站内跳转后新出现的元素也会被加载，深色模式（html.dark）会跟随。",
        note_en: "VitePress treats a <script> in Markdown as Vue code, so the script goes into the config's head; the element goes into the Markdown. Elements that appear after in-site navigation load too, and its dark mode (html.dark) is followed.",
        code: "// .vitepress/config.js\nexport default {\n  head: [[\"script\", { src: \"{S}embed.js\", defer: \"\" }]],\n}\n\n<!-- docs/page.md -->\n{DIV}",
    },
    Recipe {
        id: "docusaurus",
        zh: "Docusaurus",
        en: "Docusaurus",
        note_zh: "脚本放进 docusaurus.config.js 的 scripts；MDX 里直接写元素。深色模式（html[data-theme]）会跟随。",
        note_en: "The script goes into docusaurus.config.js's scripts; the element goes straight into MDX. Its dark mode (html[data-theme]) is followed.",
        code: "// docusaurus.config.js\nscripts: [{ src: \"{S}embed.js\", defer: true }],\n\n{/* docs/page.mdx */}\n{DIV}",
    },
    Recipe {
        id: "wordpress",
        zh: "WordPress",
        en: "WordPress",
        note_zh: "「自定义 HTML」区块：粘贴上面的两行（需要能发布 HTML 的账号：自建站的管理员或编辑；WordPress.com 需要可装插件的套餐）。或者把实验室页面的地址单独粘贴成一行：WordPress 通过 oEmbed 发现它并嵌入该组件的默认状态——静态站点没有按地址生成回答的接口，链接里的参数不会被带上；WordPress 会给这种 iframe 加上只允许脚本的 sandbox（本站的服务器须发送 Access-Control-Allow-Origin，GitHub Pages 会发送），高度最多调到 1000 px，更高的组件在框内滚动。",
        note_en: "A Custom HTML block: paste the two lines above (needs an account allowed to post HTML: an admin or editor on a self-hosted site; on WordPress.com a plan with plugins). Or paste a lab page's address alone on a line: WordPress discovers it through oEmbed and embeds the widget's default state — a static site has no endpoint that answers per address, so the link's parameters are not carried over; WordPress sandboxes such an iframe to scripts only (this site's server must send Access-Control-Allow-Origin; GitHub Pages does) and sizes it up to 1000 px, so a taller widget scrolls inside its frame.",
        code: "<!-- Custom HTML block -->\n<script src=\"{S}embed.js\" defer></script>\n{DIV}\n\n<!-- or, oEmbed: the address alone on its own line -->\n{S}lab/kv-cache/",
    },
    Recipe {
        id: "iframe",
        zh: "只用 iframe（不能放脚本的平台）",
        en: "An iframe only (platforms that strip scripts)",
        note_zh: "没有 embed.js 时框架高度固定；组件页照样把高度发给父页面（下面第二行是以前分享菜单给出的写法，继续有效）。",
        note_en: "Without embed.js the frame keeps a fixed height; the widget still posts its height to the parent (the second line is the form the Share menu gave before, and it keeps working).",
        code: "<iframe src=\"{S}embed/kv-cache?model=meta-llama/Llama-3.1-8B&amp;ctx=32768\" title=\"KV-cache lab\" style=\"width:100%;border:0\" height=\"900\" loading=\"lazy\" data-llm-explorables></iframe>\n<script>addEventListener(\"message\",function(e){var d=e.data;if(!d||d.type!==\"llm-explorables:height\")return;document.querySelectorAll(\"iframe[data-llm-explorables]\").forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+\"px\"})});</script>",
    },
];

fn fill(code: &str, site: &str) -> String {
    code.replace("{DIV}", DIV)
        .replace("{W}", EXAMPLE)
        .replace("{S}", site)
}

/// `data-…` options of the element: name, zh, en.
const OPTIONS: &[(&str, &str, &str)] = &[
    ("data-load=\"click\"", "先显示一个带组件名的按钮，点击后才加载（默认：滚动到离视口 200 px 内时加载）。", "show a button with the widget's name and load only on click (default: load when it comes within 200 px of the viewport)."),
    ("data-theme=\"auto|light|dark\"", "auto（默认）跟随博客：<html> 上的 data-theme 或 class=\"dark\"，否则读者系统的 prefers-color-scheme；切换时已打开的组件一起切换。", "auto (default) follows the blog: data-theme or class=\"dark\" on <html>, else the reader's prefers-color-scheme; open widgets switch along."),
    ("data-lang=\"zh|en\"", "组件的语言（默认取博客 <html lang>：zh 开头为中文，其他为英文）。", "the widget's language (default: the blog's <html lang>: zh… is Chinese, anything else English)."),
    ("data-title=\"…\"", "iframe 的可访问名称（默认：组件名）。", "the iframe's accessible name (default: the widget's name)."),
    ("data-height=\"600\"", "第一次测量前的高度（像素）。", "the height in pixels before the first measurement."),
];

#[component]
pub fn EmbedGuidePage(lang: Signal<Lang>) -> impl IntoView {
    Effect::new(move |_| {
        document().set_title(&crate::app::page_title(
            Some(lang.get().pick("嵌入指南", "Embed guide")),
            lang.get(),
        ))
    });
    let site = site_url();
    view! {
        <article class="embed-guide">
            <nav class="breadcrumb"><a href=move || href("lab", lang.get())>{tr(lang, "← 实验室", "← Labs")}</a></nav>
            <h1>{tr(lang, "嵌入指南", "Embed guide")}</h1>
            <p>{tr(lang,
                "每个组件都能放进你的博客：每页引入一次 embed.js（约 3 KB，无依赖），每个组件写一行。组件在滚动到附近时才加载，高度自动适应内容，跟随博客的深色模式；除本站外不向任何地方发请求，不设 Cookie。组件当前状态的一行代码在每个组件的「分享 / 嵌入」菜单里。",
                "Every widget can go into your blog: include embed.js once per page (about 3 KB, no dependencies) and write one line per widget. A widget loads when it is scrolled near, sizes itself to its content and follows the blog's dark mode; nothing is requested from anyone but this site, and no cookie is set. Each widget's Share / Embed menu gives the line for its current state.")}</p>
            <h2 id="options">{tr(lang, "选项", "Options")}</h2>
            <ul class="embed-options">
                {OPTIONS.iter().map(|(name, zh, en)| view! {
                    <li><code>{*name}</code>" — "{move || lang.get().pick(zh, en)}</li>
                }).collect_view()}
            </ul>
            {RECIPES.iter().map(|r| {
                let code = fill(r.code, &site);
                view! {
                    <section class="recipe" data-recipe=r.id>
                        <h2 id=r.id>{move || lang.get().pick(r.zh, r.en)}</h2>
                        <p>{move || lang.get().pick(r.note_zh, r.note_en)}</p>
                        <pre class="code" tabindex="0"><code>{code}</code></pre>
                    </section>
                }
            }).collect_view()}
            <h2 id="oembed">"oEmbed"</h2>
            <p>{tr(lang,
                "每个实验室页面和嵌入页面都带有 oEmbed 发现链接（<link rel=\"alternate\" type=\"application/json+oembed\">），指向构建时写好的静态 JSON（oembed/<组件>.json，英文为 .en.json）：类型 rich，内容是指向嵌入页面的 iframe。本站是静态站点，没有按地址回答的 oEmbed 接口，所以 JSON 只描述组件的默认状态，也不能注册到只接受接口地址的平台；要嵌入某个具体状态，请用上面的一行代码。",
                "Every lab page and embed page carries an oEmbed discovery link (<link rel=\"alternate\" type=\"application/json+oembed\">) to a static JSON written at build time (oembed/<widget>.json, English: .en.json): type rich, an iframe pointing at the embed page. This is a static site with no oEmbed endpoint that answers per address, so the JSON describes the widget's default state only, and cannot be registered with platforms that want an endpoint; to embed a particular state, use the one-line form above.")}</p>
        </article>
    }
}
