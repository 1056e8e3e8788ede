//! The catalogue as study mode reads it (`crate::catalogue`), and links to the site's pages.

pub use crate::catalogue::*;
use explorables_core::lang::Lang;

/// A link to a page below the site's base, in a language (`q/<slug>` → `/en/q/<slug>/`).
pub fn href(path: &str, lang: Lang, query: &str) -> String {
    let mut s = crate::dom::base_path();
    if lang == Lang::En {
        s.push_str("en/");
    }
    if !path.is_empty() {
        s.push_str(path);
        s.push('/');
    }
    if !query.is_empty() {
        s.push('?');
        s.push_str(query);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links() {
        assert_eq!(href("q/a", Lang::En, ""), "/en/q/a/");
        assert_eq!(href("study", Lang::Zh, ""), "/study/");
        assert_eq!(
            href("lab/kv-cache", Lang::En, "ctx=1"),
            "/en/lab/kv-cache/?ctx=1"
        );
    }
}
