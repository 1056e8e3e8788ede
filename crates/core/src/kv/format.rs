//! The one place where byte counts and parameter counts become text.

/// Binary units with two decimals: `512 B`, `1.50 KiB`, `4.00 GiB`, … up to EiB.
pub fn format_bytes(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    // 1023.999 KiB would print as "1024.00 KiB"; move it up a unit instead.
    if format!("{value:.2}") == "1024.00" && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.2} {}", UNITS[unit])
}

/// Parameter counts as model names write them, with at most 3 significant figures:
///
/// * ≥ 1 T: two decimals in T (`1.03T`)
/// * ≥ 10 B: whole billions (`671B`, `37B`)
/// * ≥ 0.5 B: one decimal in B (`8.0B`, `0.6B`)
/// * ≥ 1 M: whole millions (`124M`)
/// * below: the plain number.
pub fn format_params(n: u64) -> String {
    let v = n as f64;
    if v >= 0.9995e12 {
        format!("{:.2}T", v / 1e12)
    } else if v >= 9.95e9 {
        // 9.96B rounds to "10B", not "10.0B".
        format!("{:.0}B", v / 1e9)
    } else if v >= 0.5e9 {
        format!("{:.1}B", v / 1e9)
    } else if v >= 1e6 {
        format!("{:.0}M", v / 1e6)
    } else {
        n.to_string()
    }
}
