//! What the chart shows, as plain data (no drawing): relative score vs log2 distance for the
//! RoPE-like schemes, bias vs distance for a few ALiBi heads.

use super::state::human;
use explorables_core::lang::Lang;
use explorables_core::posenc::export::{RopeView, BASELINE_THETA};
use explorables_core::posenc::{alibi, PosencParams, Scheme};

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    /// 1-based `--chart-N` colour.
    pub color: usize,
    pub bold: bool,
    pub points: Vec<(f64, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub log_x: bool,
    pub x: (f64, f64),
    pub y: (f64, f64),
    pub series: Vec<Series>,
    pub marker: f64,
    /// Llama 4's chunk edge (x value).
    pub edge: Option<f64>,
    pub summary: String,
}

fn rope_chart(p: &PosencParams, l: Lang) -> ChartData {
    let r = RopeView::new(p);
    let pts = |ys: &[f64]| -> Vec<(f64, f64)> {
        r.distances
            .iter()
            .zip(ys)
            .skip(1)
            .map(|(d, s)| (d.log2(), *s))
            .collect()
    };
    let mut series = vec![Series {
        label: format!("θ = {}", p.theta),
        color: 1,
        bold: true,
        points: pts(&r.curve),
    }];
    if p.theta != BASELINE_THETA {
        series.push(Series {
            label: format!("θ = {BASELINE_THETA}"),
            color: 2,
            bold: false,
            points: pts(&r.baseline),
        });
    }
    if p.scheme != Scheme::Rope {
        series.push(Series {
            label: l
                .pick("NoPE 层（与距离无关）", "NoPE layer (no distance term)")
                .into(),
            color: 3,
            bold: false,
            points: vec![(0.0, 1.0), (17.0, 1.0)],
        });
    }
    if p.scheme == Scheme::Irope {
        let label = l.pick(
            "竖线 8192：RoPE 层的分块边界",
            "Line at 8192: chunk edge of RoPE layers",
        );
        series.push(Series {
            label: label.into(),
            color: 4,
            bold: false,
            points: Vec::new(),
        });
    }
    let summary = match l {
        Lang::Zh => format!(
            "相对分数随距离 Δ 变化（横轴 log2）。Δ = {} 时：θ = {} 为 {:.4}。",
            p.pos,
            human(p.theta, 0),
            r.score
        ),
        Lang::En => format!(
            "Relative score vs distance Δ (log2 x axis). At Δ = {}: {:.4} for θ = {}.",
            p.pos,
            r.score,
            human(p.theta, 0)
        ),
    };
    let lowest = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .fold(0.0, f64::min)
        - 0.05;
    ChartData {
        log_x: true,
        x: (0.0, 17.0),
        y: (lowest.min(-0.4), 1.05),
        series,
        marker: (p.pos.max(1) as f64).log2(),
        edge: (p.scheme == Scheme::Irope).then_some(13.0),
        summary,
    }
}

fn alibi_chart(p: &PosencParams, l: Lang) -> ChartData {
    let s = alibi::slopes(p.heads);
    let x_hi = (p.pos.max(64) as f64 * 1.25).ceil();
    // At most four lines (one per theme colour): first, middle and last head, and the chosen one.
    let mut heads = vec![1, (p.heads / 2).max(1), p.heads, p.head];
    heads.sort_unstable();
    heads.dedup();
    let series: Vec<Series> = heads
        .iter()
        .enumerate()
        .map(|(k, &h)| {
            let m = s[(h - 1) as usize];
            Series {
                label: format!("{} {h}: m = {m:.5}", l.pick("头", "head")),
                color: k % 4 + 1,
                bold: h == p.head,
                points: vec![(0.0, 0.0), (x_hi, alibi::bias(m, x_hi))],
            }
        })
        .collect();
    let m = s[(p.head - 1) as usize];
    let summary = match l {
        Lang::Zh => format!("ALiBi 偏置随距离线性下降。头 {} 的斜率 m = {m:.6}，Δ = {} 时偏置 {:.3}。", p.head, p.pos, alibi::bias(m, p.pos as f64)),
        Lang::En => format!("ALiBi bias falls linearly with distance. Head {} has slope m = {m:.6}; at Δ = {} the bias is {:.3}.", p.head, p.pos, alibi::bias(m, p.pos as f64)),
    };
    ChartData {
        log_x: false,
        x: (0.0, x_hi),
        y: (
            alibi::bias(s.iter().copied().fold(0.0, f64::max), x_hi) * 1.05,
            0.0,
        ),
        series,
        marker: p.pos as f64,
        edge: None,
        summary,
    }
}

pub fn chart_data(p: &PosencParams, l: Lang) -> Option<ChartData> {
    match p.scheme {
        Scheme::Glm2d => None,
        Scheme::Alibi => Some(alibi_chart(p, l)),
        _ => Some(rope_chart(p, l)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorables_core::posenc::PosencParams;

    #[test]
    fn alibi_lines_fit_and_use_distinct_colours() {
        let mut p = PosencParams::for_scheme(Scheme::Alibi);
        p.heads = 12;
        p.head = 9;
        let d = chart_data(&p, Lang::En).unwrap();
        assert!(d.series.len() <= 4);
        let mut colours: Vec<usize> = d.series.iter().map(|s| s.color).collect();
        colours.dedup();
        assert_eq!(colours.len(), d.series.len());
        // The steepest head (2^-0.5 for 12 heads) stays inside the y range.
        for s in &d.series {
            assert!(s.points.iter().all(|pt| pt.1 >= d.y.0));
        }
        p.scheme = Scheme::Glm2d;
        assert!(chart_data(&p, Lang::En).is_none());
    }
}
