//! The names of the live widgets, shared by the content pipeline (which checks the
//! ```` ```widget NAME … ```` directives in answers) and the app (which mounts them).

/// A widget's URL name and its titles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WidgetInfo {
    pub name: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

/// Every widget a page or an embed may name.
pub const WIDGETS: &[WidgetInfo] = &[
    WidgetInfo {
        name: "attention-mask",
        zh: "注意力掩码实验室",
        en: "Attention-mask lab",
    },
    WidgetInfo {
        name: "kv-cache",
        zh: "KV 缓存实验室",
        en: "KV-cache lab",
    },
    WidgetInfo {
        name: "moe",
        zh: "MoE 路由实验室",
        en: "MoE routing lab",
    },
    WidgetInfo {
        name: "norm-placement",
        zh: "归一化位置探索",
        en: "Norm placement explorer",
    },
    WidgetInfo {
        name: "positional-encoding",
        zh: "位置编码探索",
        en: "Positional encoding explorer",
    },
];

/// Looks a widget up by its URL name.
pub fn find(name: &str) -> Option<&'static WidgetInfo> {
    WIDGETS.iter().find(|w| w.name == name)
}
