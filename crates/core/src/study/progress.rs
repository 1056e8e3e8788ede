//! The reader's progress: one FSRS state per rated question and a log of ratings, as serde
//! data with a schema version. The app keeps it in `localStorage` and writes the same JSON
//! for export; [`decode`] reads both and says what is wrong with anything it cannot use.
//!
//! Days are whole local calendar days counted from 1970-01-01 (the app computes "today" in
//! the reader's time zone), so "due today" does not flip at midnight UTC.

use super::fsrs::{Fsrs, Memory, Rating};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The version [`encode`] writes and [`decode`] reads.
pub const SCHEMA_VERSION: u32 = 1;
/// The log keeps at most this many ratings (the oldest are dropped; the streak only needs
/// recent days).
pub const MAX_LOG: usize = 5000;
/// Longest key (question slug) kept.
const MAX_KEY: usize = 120;

/// One question's scheduling state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    /// FSRS stability, days.
    pub s: f64,
    /// FSRS difficulty, 1..=10.
    pub d: f64,
    /// Day of the last rating.
    pub last: i64,
    /// Day the next review is due.
    pub due: i64,
    pub reps: u32,
    pub lapses: u32,
}

/// One rating, as the reader gave it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The question's slug.
    pub q: String,
    pub day: i64,
    pub rating: Rating,
}

/// Everything study mode stores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    pub cards: BTreeMap<String, CardState>,
    pub log: Vec<Review>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: SCHEMA_VERSION,
            cards: BTreeMap::new(),
            log: Vec::new(),
        }
    }
}

impl Serialize for Rating {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Rating::from_code(&s).ok_or_else(|| serde::de::Error::custom(format!("rating {s:?}")))
    }
}

/// Why stored or imported text could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// Not JSON of the expected shape (serde's message, shortened).
    Corrupt(String),
    /// Written by a newer (or unknown) version of the site.
    Version(u64),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Corrupt(m) => write!(f, "not study data ({m})"),
            DecodeError::Version(v) => write!(
                f,
                "schema version {v} is not one this site reads (it reads {SCHEMA_VERSION})"
            ),
        }
    }
}

impl DecodeError {
    pub fn to_zh(&self) -> String {
        match self {
            DecodeError::Corrupt(m) => format!("不是学习进度数据（{m}）"),
            DecodeError::Version(v) => {
                format!("数据格式版本 {v} 无法读取（本站读取版本 {SCHEMA_VERSION}）")
            }
        }
    }
}

fn short(msg: String) -> String {
    let mut s: String = msg.chars().take(80).collect();
    if msg.chars().count() > 80 {
        s.push('…');
    }
    s
}

/// Reads stored or imported JSON. Values out of range are repaired (clamped, dropped), never
/// trusted: a card with a non-finite state is dropped, the log is cut to [`MAX_LOG`].
pub fn decode(text: &str) -> Result<Progress, DecodeError> {
    // The version first (any other fields ignored), then the data of that version: no
    // `serde_json::Value` in between (less code in the app's wasm).
    #[derive(Deserialize)]
    struct Versioned {
        version: Option<u64>,
    }
    let corrupt = |e: serde_json::Error| DecodeError::Corrupt(short(e.to_string()));
    let version = serde_json::from_str::<Versioned>(text)
        .map_err(corrupt)?
        .version
        .ok_or_else(|| DecodeError::Corrupt("no \"version\"".into()))?;
    if version != SCHEMA_VERSION as u64 {
        return Err(DecodeError::Version(version));
    }
    let mut p: Progress = serde_json::from_str(text).map_err(corrupt)?;
    p.cards.retain(|k, c| {
        k.len() <= MAX_KEY && c.s.is_finite() && c.s > 0.0 && c.d.is_finite() && c.due >= c.last
    });
    for c in p.cards.values_mut() {
        c.d = c.d.clamp(1.0, 10.0);
    }
    p.log.retain(|r| r.q.len() <= MAX_KEY);
    if p.log.len() > MAX_LOG {
        p.log.drain(..p.log.len() - MAX_LOG);
    }
    Ok(p)
}

/// The JSON [`decode`] reads.
pub fn encode(p: &Progress) -> String {
    serde_json::to_string(p).unwrap_or_else(|_| "{}".into())
}

/// S and D are stored to 6 decimals (short JSON that reads back to the same `f64`).
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

impl Progress {
    /// Records rating `g` of question `q` on `today` and schedules its next review.
    pub fn rate(&mut self, fsrs: &Fsrs, q: &str, g: Rating, today: i64) {
        let prev = self.cards.get(q).map(|c| {
            let elapsed = (today - c.last).clamp(0, u32::MAX as i64) as u32;
            (
                Memory {
                    stability: c.s,
                    difficulty: c.d,
                },
                elapsed,
            )
        });
        let next = fsrs.next(prev, g);
        let (reps, lapses) = self.cards.get(q).map_or((0, 0), |c| (c.reps, c.lapses));
        self.cards.insert(
            q.to_string(),
            CardState {
                s: round6(next.memory.stability),
                d: round6(next.memory.difficulty),
                last: today,
                due: today + next.interval as i64,
                reps: reps.saturating_add(1),
                lapses: lapses.saturating_add(u32::from(g == Rating::Again && prev.is_some())),
            },
        );
        self.log.push(Review {
            q: q.to_string(),
            day: today,
            rating: g,
        });
        if self.log.len() > MAX_LOG {
            self.log.remove(0);
        }
    }

    /// Questions rated at least once.
    pub fn reviewed(&self) -> usize {
        self.cards.len()
    }

    /// Questions due on or before `today`, the most overdue first (then by slug).
    pub fn due(&self, today: i64) -> Vec<&str> {
        let mut v: Vec<(&str, i64)> = self
            .cards
            .iter()
            .filter(|(_, c)| c.due <= today)
            .map(|(k, c)| (k.as_str(), c.due))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
        v.into_iter().map(|(k, _)| k).collect()
    }

    /// Days in a row with at least one rating, ending today (or yesterday, if nothing has
    /// been rated today yet).
    pub fn streak(&self, today: i64) -> u32 {
        let days: std::collections::BTreeSet<i64> = self.log.iter().map(|r| r.day).collect();
        let mut day = if days.contains(&today) {
            today
        } else {
            today - 1
        };
        let mut n = 0;
        while days.contains(&day) {
            n += 1;
            day -= 1;
        }
        n
    }

    /// The last rating given to `q`.
    pub fn last_rating(&self, q: &str) -> Option<Rating> {
        self.log.iter().rev().find(|r| r.q == q).map(|r| r.rating)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rating_schedules_and_round_trips() {
        let f = Fsrs::default();
        let mut p = Progress::default();
        p.rate(&f, "gqa", Rating::Good, 100);
        p.rate(&f, "mla", Rating::Again, 100);
        p.rate(&f, "rope", Rating::Easy, 100);
        // FSRS-5 default first intervals: Again 1, Good 3, Easy 16 days.
        assert_eq!(p.cards["gqa"].due, 103);
        assert_eq!(p.cards["mla"].due, 101);
        assert_eq!(p.cards["rope"].due, 116);
        assert_eq!(p.reviewed(), 3);
        assert!(p.due(100).is_empty());
        assert_eq!(p.due(101), vec!["mla"]);
        assert_eq!(p.due(103), vec!["mla", "gqa"]);
        assert_eq!(p.streak(100), 1);
        assert_eq!(
            p.streak(101),
            1,
            "nothing rated yet today: yesterday counts"
        );
        assert_eq!(p.streak(102), 0);
        let text = encode(&p);
        assert!(text.contains("\"version\":1"), "{text}");
        assert!(text.contains("\"rating\":\"good\""), "{text}");
        assert_eq!(decode(&text), Ok(p));
    }

    #[test]
    fn a_second_rating_uses_the_elapsed_days() {
        let f = Fsrs::default();
        let mut p = Progress::default();
        p.rate(&f, "gqa", Rating::Good, 0);
        p.rate(&f, "gqa", Rating::Good, 3);
        let c = &p.cards["gqa"];
        assert_eq!((c.reps, c.last), (2, 3));
        let want = f.next(
            Some((
                Memory {
                    stability: 3.173,
                    difficulty: f.next(None, Rating::Good).memory.difficulty,
                },
                3,
            )),
            Rating::Good,
        );
        assert_eq!(c.due, 3 + want.interval as i64);
        assert!(want.interval > 3);
    }

    #[test]
    fn bad_text_is_an_error_not_a_panic() {
        assert!(matches!(decode(""), Err(DecodeError::Corrupt(_))));
        assert!(matches!(decode("{\"a\":1}"), Err(DecodeError::Corrupt(_))));
        assert!(matches!(decode("[1,2]"), Err(DecodeError::Corrupt(_))));
        assert_eq!(
            decode("{\"version\":2,\"cards\":{},\"log\":[]}"),
            Err(DecodeError::Version(2))
        );
        assert!(matches!(
            decode(
                "{\"version\":1,\"cards\":{},\"log\":[{\"q\":\"x\",\"day\":1,\"rating\":\"meh\"}]}"
            ),
            Err(DecodeError::Corrupt(_))
        ));
        // A state that makes no sense is dropped, not trusted.
        let p = decode(
            "{\"version\":1,\"cards\":{\"a\":{\"s\":-1,\"d\":5,\"last\":1,\"due\":2,\"reps\":1,\"lapses\":0},\"b\":{\"s\":2,\"d\":99,\"last\":1,\"due\":3,\"reps\":1,\"lapses\":0}},\"log\":[]}",
        )
        .unwrap();
        assert_eq!(p.cards.len(), 1);
        assert_eq!(p.cards["b"].d, 10.0);
        assert!(DecodeError::Version(7).to_zh().contains('7'));
    }

    proptest! {
        #[test]
        fn decode_never_panics(text in ".{0,200}") {
            let _ = decode(&text);
        }

        #[test]
        fn any_ratings_round_trip(ratings in proptest::collection::vec((0usize..5, 0usize..4, 0i64..3), 0..40)) {
            let f = Fsrs::default();
            let mut p = Progress::default();
            let mut day = 19_000;
            for (q, g, step) in ratings {
                day += step;
                p.rate(&f, ["a", "b", "c", "d", "e"][q], Rating::ALL[g], day);
            }
            for c in p.cards.values() {
                prop_assert!(c.due > c.last && c.s > 0.0 && (1.0..=10.0).contains(&c.d));
            }
            prop_assert_eq!(decode(&encode(&p)), Ok(p));
        }
    }
}
