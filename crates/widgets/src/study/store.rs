//! `localStorage` through `gloo-storage`: the progress as JSON under [`KEY`]; a value that
//! cannot be read is moved to [`BACKUP_KEY`] (never deleted silently) and the reader starts
//! fresh. Only called in the browser.

use super::StoreNotice;
use explorables_core::study::progress::{encode, Progress};

/// Where the progress is stored (the site checks this key to decide whether to load the module).
pub const KEY: &str = "llmx-study";
/// Where unreadable stored data is kept.
pub const BACKUP_KEY: &str = "llmx-study-backup";

#[cfg(target_arch = "wasm32")]
fn available() -> bool {
    // `gloo_storage::LocalStorage::raw` throws when storage is blocked: ask first.
    matches!(crate::dom::window().local_storage(), Ok(Some(_)))
}

/// The stored progress, a notice for the reader, and whether storage can be used.
#[cfg(target_arch = "wasm32")]
pub fn load() -> (Progress, Option<StoreNotice>, bool) {
    use gloo_storage::{LocalStorage, Storage};
    if !available() {
        return (Progress::default(), Some(StoreNotice::Unavailable), false);
    }
    let raw = LocalStorage::raw();
    let Ok(Some(text)) = raw.get_item(KEY) else {
        return (Progress::default(), None, true);
    };
    match explorables_core::study::progress::decode(&text) {
        Ok(p) => (p, None, true),
        Err(e) => {
            let _ = raw.set_item(BACKUP_KEY, &text);
            let _ = raw.remove_item(KEY);
            (Progress::default(), Some(StoreNotice::Corrupt(e)), true)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn load() -> (Progress, Option<StoreNotice>, bool) {
    (Progress::default(), None, false)
}

/// Writes the progress (serde JSON, the same text as an export); `false` if it failed.
pub fn save(p: &Progress) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::{LocalStorage, Storage};
        LocalStorage::set(KEY, p).is_ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = p;
        true
    }
}

/// Removes the progress and its backup.
pub fn forget() {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::{LocalStorage, Storage};
        LocalStorage::delete(KEY);
        LocalStorage::delete(BACKUP_KEY);
    }
}

/// The export file's text.
pub fn export_text(p: &Progress) -> String {
    encode(p)
}

/// Today as a local day number (days since 1970-01-01 in the reader's time zone).
pub fn today() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        let local_ms = d.get_time() - d.get_timezone_offset() * 60_000.0;
        (local_ms / 86_400_000.0).floor() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// A local day number as `YYYY-MM-DD`.
pub fn day_text(day: i64) -> String {
    // Civil-from-days (Howard Hinnant's algorithm), proleptic Gregorian.
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::day_text;

    #[test]
    fn days_as_dates() {
        assert_eq!(day_text(0), "1970-01-01");
        assert_eq!(day_text(19_000), "2022-01-08");
        assert_eq!(day_text(20_792), "2026-12-05");
        assert_eq!(day_text(-1), "1969-12-31");
    }
}
