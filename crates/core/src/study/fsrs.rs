//! FSRS-5, the Free Spaced Repetition Scheduler, as a pure function of a card's memory state
//! and a rating.
//!
//! The formulas are FSRS-5 as published by open-spaced-repetition (the algorithm wiki and
//! `py-fsrs`'s `fsrs_v5.py`), with FSRS-5's 19 default weights. We schedule in whole days and
//! without learning steps, which is FSRS's *long-term* scheduler (`enable_short_term = false`
//! in ts-fsrs / rs-fsrs): every rating, the first included, sets the next review at least one
//! day later. Our tests replay the long-term reference sequences of ts-fsrs (stability,
//! difficulty and interval after each rating) and match them.
//!
//! ```text
//! R(t, S)   = (1 + F·t/S)^D                       D = −0.5, F = 19/81 (so R(S, S) = 0.9)
//! I(r, S)   = S/F · (r^(1/D) − 1)                 = S at r = 0.9; rounded, 1 ..= max days
//! S0(G)     = w[G−1]
//! D0(G)     = w4 − e^(w5·(G−1)) + 1
//! D'(D, G)  = w7·D0(4) + (1 − w7)·(D − w6·(G−3)·(10 − D)/9)      clamped to 1 ..= 10
//! S'r       = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^(w10·(1−R)) − 1)·(w15 if Hard)·(w16 if Easy))
//! S'f       = min(S, w11·D^(−w12)·((S+1)^w13 − 1)·e^(w14·(1−R)))   (after Again)
//! ```
//!
//! The intervals of the four ratings are kept in order (Again ≤ Hard < Good < Easy), as the
//! reference schedulers do.

/// The reader's answer to "did you know it?".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// `again | hard | good | easy` (the buttons' `data-rate`, the stored log).
    pub fn code(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }

    pub fn from_code(code: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.code() == code)
    }

    fn grade(self) -> f64 {
        self as u8 as f64
    }
}

/// FSRS-5's default weights `w0..=w18` (ts-fsrs / py-fsrs 4.x, the FSRS-5 release).
pub const DEFAULT_WEIGHTS: [f64; 19] = [
    0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925,
    1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
];

const DECAY: f64 = -0.5;
const FACTOR: f64 = 19.0 / 81.0;

/// The scheduler's settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fsrs {
    pub w: [f64; 19],
    /// The recall probability a review is scheduled at (0.9: the interval equals S).
    pub retention: f64,
    /// The longest interval in days.
    pub max_interval: u32,
}

impl Default for Fsrs {
    fn default() -> Self {
        Fsrs {
            w: DEFAULT_WEIGHTS,
            retention: 0.9,
            max_interval: 36500,
        }
    }
}

/// What FSRS knows about one card: stability S (days until recall falls to 90%) and
/// difficulty D (1..=10).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Memory {
    pub stability: f64,
    pub difficulty: f64,
}

/// The state after one rating, and the days until the next review.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Next {
    pub memory: Memory,
    pub interval: u32,
}

impl Fsrs {
    /// Probability of recall `elapsed` days after a review that left stability `s`.
    pub fn retrievability(&self, elapsed: f64, s: f64) -> f64 {
        (1.0 + FACTOR * elapsed.max(0.0) / s).powf(DECAY)
    }

    fn init_difficulty(&self, g: Rating) -> f64 {
        self.w[4] - (self.w[5] * (g.grade() - 1.0)).exp() + 1.0
    }

    fn memory_after(&self, prev: Option<(Memory, u32)>, g: Rating) -> Memory {
        let w = &self.w;
        let Some((m, elapsed)) = prev else {
            return Memory {
                stability: w[g as usize - 1].max(0.1),
                difficulty: self.init_difficulty(g).clamp(1.0, 10.0),
            };
        };
        let (s, d) = (m.stability, m.difficulty);
        let r = self.retrievability(elapsed as f64, s);
        let stability = match g {
            Rating::Again => {
                let f = w[11]
                    * d.powf(-w[12])
                    * ((s + 1.0).powf(w[13]) - 1.0)
                    * (w[14] * (1.0 - r)).exp();
                f.min(s)
            }
            _ => {
                let modifier = match g {
                    Rating::Hard => w[15],
                    Rating::Easy => w[16],
                    _ => 1.0,
                };
                s * (1.0
                    + w[8].exp()
                        * (11.0 - d)
                        * s.powf(-w[9])
                        * ((w[10] * (1.0 - r)).exp() - 1.0)
                        * modifier)
            }
        };
        let delta = -w[6] * (g.grade() - 3.0);
        let damped = d + delta * (10.0 - d) / 9.0;
        let difficulty = w[7] * self.init_difficulty(Rating::Easy) + (1.0 - w[7]) * damped;
        Memory {
            stability: stability.max(0.01),
            difficulty: difficulty.clamp(1.0, 10.0),
        }
    }

    fn interval(&self, s: f64) -> f64 {
        let i = s / FACTOR * (self.retention.powf(1.0 / DECAY) - 1.0);
        if i.is_finite() {
            i.round().clamp(1.0, self.max_interval as f64)
        } else {
            self.max_interval as f64
        }
    }

    /// The outcome of each of the four ratings, given the card's memory and the days since
    /// its last review (`None` for a card never rated).
    pub fn options(&self, prev: Option<(Memory, u32)>) -> [Next; 4] {
        let mem = Rating::ALL.map(|g| self.memory_after(prev, g));
        let mut ivl = mem.map(|m| self.interval(m.stability));
        // Again ≤ Hard < Good < Easy.
        ivl[0] = ivl[0].min(ivl[1]);
        ivl[1] = ivl[1].max(ivl[0] + 1.0);
        ivl[2] = ivl[2].max(ivl[1] + 1.0);
        ivl[3] = ivl[3].max(ivl[2] + 1.0);
        let max = self.max_interval as f64;
        [0, 1, 2, 3].map(|i| Next {
            memory: mem[i],
            interval: ivl[i].min(max) as u32,
        })
    }

    /// The outcome of rating `g`.
    pub fn next(&self, prev: Option<(Memory, u32)>, g: Rating) -> Next {
        self.options(prev)[g as usize - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rating::*;

    /// The weights of the ts-fsrs / rs-fsrs long-term scheduler tests.
    const TEST_W: [f64; 19] = [
        0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597, 0.1712, 1.1178,
        2.0225, 0.0904, 0.3025, 2.1214, 0.2498, 2.9466, 0.4891, 0.6468,
    ];

    /// Replays `ratings`, each on the day the previous one scheduled, as the reference tests do.
    /// ts-fsrs rounds R, S and D to 8 decimals at every step, so values agree to a relative
    /// 1e-6 (the intervals exactly).
    fn replay(ratings: &[Rating]) -> (Vec<u32>, Vec<f64>, Vec<f64>) {
        let f = Fsrs {
            w: TEST_W,
            ..Fsrs::default()
        };
        let mut prev: Option<(Memory, u32)> = None;
        let (mut ivl, mut s, mut d) = (vec![], vec![], vec![]);
        for &g in ratings {
            let n = f.next(prev, g);
            ivl.push(n.interval);
            s.push(n.memory.stability);
            d.push(n.memory.difficulty);
            // ts-fsrs stores S and D rounded to 8 decimals between reviews.
            let r8 = |x: f64| (x * 1e8).round() / 1e8;
            let m = Memory {
                stability: r8(n.memory.stability),
                difficulty: r8(n.memory.difficulty),
            };
            prev = Some((m, n.interval));
        }
        (ivl, s, d)
    }

    fn close(got: &[f64], want: &[f64]) {
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert!(
                (g - w).abs() <= 1e-6 * w.abs().max(1.0),
                "got {got:?}\nwant {want:?}"
            );
        }
    }

    /// Ratings, then the intervals, stabilities and difficulties after each.
    type Case = (
        &'static [Rating],
        &'static [u32],
        &'static [f64],
        &'static [f64],
    );

    /// ts-fsrs `long-term scheduler` tests test1..test5 (FSRS-5 formulas).
    #[test]
    fn matches_the_reference_long_term_sequences() {
        let cases: [Case; 5] = [
            (
                &[
                    Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good,
                ],
                &[3, 13, 48, 155, 445, 1158, 17, 3, 11, 37, 112, 307, 773],
                &[
                    3.0412,
                    13.09130698,
                    48.15848988,
                    154.93732625,
                    445.05562739,
                    1158.07779739,
                    16.63063166,
                    3.01732209,
                    11.42247264,
                    37.37521902,
                    111.8752758,
                    306.5974569,
                    772.94031572,
                ],
                &[
                    4.49094334, 4.26664289, 4.05746029, 3.86237659, 3.68044154, 3.51076891,
                    4.69833071, 5.55956298, 5.26323756, 4.98688448, 4.72915759, 4.4888015,
                    4.26464541,
                ],
            ),
            (
                &[Again, Hard, Good, Easy, Again, Hard, Good, Easy],
                &[1, 2, 6, 41, 4, 7, 21, 133],
                &[
                    0.4197,
                    1.0344317,
                    5.5356759,
                    41.0033667,
                    4.46605519,
                    6.67743292,
                    20.88868155,
                    132.81849454,
                ],
                &[
                    7.1434, 7.03653841, 6.64066485, 5.92312772, 6.44779861, 6.45995078, 6.10293922,
                    5.36588547,
                ],
            ),
            (
                &[Hard, Good, Easy, Again, Hard, Good, Easy, Again],
                &[2, 7, 54, 5, 8, 26, 171, 8],
                &[
                    1.1869,
                    6.59167572,
                    53.76078737,
                    5.0853693,
                    8.09786749,
                    25.52991279,
                    171.16195166,
                    8.11072373,
                ],
                &[
                    6.23225985, 5.89059466, 5.14583392, 5.884097, 5.99269555, 5.667177, 4.91430736,
                    5.71619151,
                ],
            ),
            (
                &[Good, Easy, Again, Hard, Good, Easy, Again, Hard],
                &[3, 33, 4, 7, 26, 193, 9, 14],
                &[
                    3.0412,
                    32.65484522,
                    4.22256838,
                    7.23250123,
                    25.52681848,
                    193.36619432,
                    8.63899858,
                    14.31323884,
                ],
                &[
                    4.49094334, 3.69538259, 4.83221448, 5.12078462, 4.85403286, 4.07165035,
                    5.1050878, 5.34697075,
                ],
            ),
            (
                &[Easy, Again, Hard, Good, Easy, Again, Hard, Good],
                &[15, 3, 6, 27, 240, 10, 17, 60],
                &[
                    15.2441,
                    3.25621013,
                    6.32684549,
                    26.56339029,
                    239.70462771,
                    9.75621519,
                    17.06035531,
                    59.59547542,
                ],
                &[
                    1.16304343, 2.99573557, 3.59851762, 3.43436666, 2.60045771, 4.03816348,
                    4.46259158, 4.24020203,
                ],
            ),
        ];
        for (ratings, ivl, s, d) in cases {
            let (gi, gs, gd) = replay(ratings);
            assert_eq!(gi, ivl, "intervals for {ratings:?}");
            close(&gs, s);
            close(&gd, d);
        }
    }

    #[test]
    fn retrievability_is_ninety_percent_after_one_stability() {
        let f = Fsrs::default();
        assert!((f.retrievability(10.0, 10.0) - 0.9).abs() < 1e-12);
        assert_eq!(f.retrievability(0.0, 3.0), 1.0);
    }

    #[test]
    fn default_weights_order_the_first_intervals() {
        let f = Fsrs::default();
        let o = f.options(None);
        // S0 = w0..w3 = 0.40255, 1.18385, 3.173, 15.69105 days.
        assert_eq!(o.map(|n| n.interval), [1, 2, 3, 16]);
    }

    #[test]
    fn codes_round_trip() {
        for r in Rating::ALL {
            assert_eq!(Rating::from_code(r.code()), Some(r));
        }
        assert_eq!(Rating::from_code("Good"), None);
    }
}
