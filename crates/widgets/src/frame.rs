//! The one frame around every widget, wherever it appears (answer page, lab page, embed):
//! title, notices about changed input, the Share / Embed menu, and the Export panel.
//! A widget only supplies its state as URL params, its notices, its export and its view.

use crate::dom::{absolute_base, copy_text};
use crate::embed_height::MESSAGE_TYPE;
use crate::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::params::Notice;
use leptos::prelude::*;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The one-line form: the loader (`<base>embed.js`, once per page) and an element naming the
/// widget and its state; `lang` is added for English.
pub fn loader_snippet(base: &str, name: &str, params: &str, lang: Lang) -> String {
    let spec = if params.is_empty() {
        name.to_string()
    } else {
        format!("{name}?{params}")
    };
    format!(
        "<script src=\"{}embed.js\" defer></script>\n<div data-llm-explorable=\"{}\"{}></div>",
        esc(base),
        esc(&spec),
        if lang == Lang::En {
            " data-lang=\"en\""
        } else {
            ""
        }
    )
}

/// `<iframe>` + the few lines of script that apply the posted height.
pub fn embed_snippet(src: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" data-llm-explorables style=\"width:100%;border:0\" height=\"640\" loading=\"lazy\"></iframe>\n\
<script>addEventListener(\"message\",function(e){{var d=e.data;if(!d||d.type!==\"{MESSAGE_TYPE}\")return;\
document.querySelectorAll(\"iframe[data-llm-explorables]\").forEach(function(f){{if(f.contentWindow===e.source)f.style.height=d.height+\"px\"}})}});</script>",
        esc(src),
        esc(title)
    )
}

/// Notices in the reader's language.
pub fn notice_text(n: &Notice, lang: Lang) -> String {
    match lang {
        Lang::Zh => n.to_zh(),
        Lang::En => n.to_string(),
    }
}

#[component]
fn CopyButton(
    lang: Signal<Lang>,
    text: Signal<String>,
    #[prop(into)] label_en: String,
    #[prop(into)] label_zh: String,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    view! {
        <button type="button" class="small-button" on:click=move |_| {
            copy_text(&text.get_untracked());
            copied.set(true);
        }>
            {move || if copied.get() { lang.get().pick("已复制", "Copied").to_string() } else { lang.get().pick(&label_zh, &label_en).to_string() }}
        </button>
    }
}

/// A snippet to copy: its label, a read-only text area and a copy button. One component for
/// every snippet, so the view code is compiled once.
#[component]
fn SnippetRow(
    lang: Signal<Lang>,
    text: Signal<String>,
    key: &'static str,
    rows: u32,
    /// (zh, en)
    label: (&'static str, &'static str),
    copy: (&'static str, &'static str),
) -> impl IntoView {
    view! {
        <label>
            <span>{tr(lang, label.0, label.1)}</span>
            <textarea readonly rows=rows prop:value=text data-share=key></textarea>
        </label>
        <CopyButton lang text label_en=copy.1 label_zh=copy.0 />
    }
}

/// The Share / Embed menu for one widget state.
#[component]
pub fn ShareMenu(
    name: &'static str,
    title: Signal<String>,
    lang: Signal<Lang>,
    params: Signal<String>,
) -> impl IntoView {
    let query = move || {
        let mut q = params.get();
        if lang.get() == Lang::En {
            q = if q.is_empty() {
                "lang=en".into()
            } else {
                format!("{q}&lang=en")
            };
        }
        if q.is_empty() {
            q
        } else {
            format!("?{q}")
        }
    };
    // The lab page's own address: English pages live under `en/`.
    let link = Signal::derive(move || {
        let params = params.get();
        format!(
            "{}{}lab/{name}/{}{}",
            absolute_base(),
            if lang.get() == Lang::En { "en/" } else { "" },
            if params.is_empty() { "" } else { "?" },
            params
        )
    });
    let embed_src = Signal::derive(move || format!("{}embed/{name}{}", absolute_base(), query()));
    let snippet = Signal::derive(move || embed_snippet(&embed_src.get(), &title.get()));
    let one_line =
        Signal::derive(move || loader_snippet(&absolute_base(), name, &params.get(), lang.get()));
    view! {
        <details class="share-menu">
            <summary>{tr(lang, "分享 / 嵌入", "Share / Embed")}</summary>
            <div class="share-body">
                <label>
                    <span>{tr(lang, "此状态的链接", "Link to this exact state")}</span>
                    <input type="text" readonly prop:value=link data-share="link" />
                </label>
                <CopyButton lang text=link label_en="Copy link" label_zh="复制链接" />
                <SnippetRow lang text=one_line key="loader" rows=3
                    label=("一行嵌入（embed.js：按需加载、自动高度、跟随博客的深色模式）", "One-line embed (embed.js: loads when scrolled near, sizes itself, follows your blog's dark mode)")
                    copy=("复制一行嵌入", "Copy one-line embed") />
                <SnippetRow lang text=snippet key="snippet" rows=5
                    label=("iframe 嵌入代码（不用 embed.js）", "iframe snippet (without embed.js)")
                    copy=("复制嵌入代码", "Copy snippet") />
                <a class="share-guide" target="_blank" rel="noopener" href=move || format!("{}{}embed-guide/", crate::dom::base_path(), lang.get().pick("", "en/"))>
                    {tr(lang, "嵌入指南（各种博客平台）", "Embed guide (every blog platform)")}
                </a>
            </div>
        </details>
    }
}

/// The frame around a widget.
#[component]
pub fn WidgetFrame(
    /// The widget's URL name (`attention-mask`, …).
    name: &'static str,
    lang: Signal<Lang>,
    /// Current state as URL parameters (`k=v&…`), for share links.
    params: Signal<String>,
    /// What was changed about the reader's input.
    notices: Signal<Vec<Notice>>,
    /// The Export panel's JSON (or a message when too large).
    export: Signal<String>,
    children: Children,
) -> impl IntoView {
    let info = explorables_core::widgets::find(name);
    let title = Signal::derive(move || {
        info.map(|i| lang.get().pick(i.zh, i.en).to_string())
            .unwrap_or_else(|| name.to_string())
    });
    view! {
        <section class="widget" data-widget=name>
            <header class="widget-head">
                <h3 class="widget-title">{title}</h3>
                <ShareMenu name title lang params />
            </header>
            <div class="notices" role="status" aria-live="polite">
                <For each=move || notices.get().into_iter().enumerate() key=|(i, n)| (*i, n.to_string()) let:item>
                    <p class="notice">{move || notice_text(&item.1, lang.get())}</p>
                </For>
            </div>
            {children()}
            <details class="export">
                <summary>{tr(lang, "导出 (JSON)", "Export (JSON)")}</summary>
                <CopyButton lang text=export label_en="Copy JSON" label_zh="复制 JSON" />
                <pre data-export="json">{export}</pre>
            </details>
        </section>
    }
}
