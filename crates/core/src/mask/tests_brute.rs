//! Independent brute-force definitions used by the tests (plain per-cell predicates written
//! from the papers / model code, not from the interval implementation), plus a tiny JSON
//! reader to check the export.

use super::{MaskParams, Preset};

pub type Matrix = Vec<Vec<bool>>;

/// Document index of every position, from the document lengths.
fn doc_ids(lens: &[u32]) -> Vec<usize> {
    let mut ids = Vec::new();
    for (d, &len) in lens.iter().enumerate() {
        ids.extend(std::iter::repeat_n(d, len as usize));
    }
    ids
}

/// Part A length of the GLM layout, read from the labels: everything before the first [S].
fn glm_part_a(p: &MaskParams) -> u32 {
    let m = super::Mask::build(&MaskParams {
        preset: Preset::GlmBlankInfilling,
        tokens: None,
        ..p.clone()
    });
    m.query_labels().iter().position(|l| l == "[S]").unwrap() as u32
}

/// Square real-token mask of `preset`, cell by cell.
fn square(preset: Preset, p: &MaskParams) -> Matrix {
    let r = p.resolve(preset);
    let n = r.n;
    let docs = doc_ids(&r.docs);
    let part_a = if preset == Preset::GlmBlankInfilling {
        glm_part_a(p)
    } else {
        0
    };
    let cell = |q: u32, k: u32| -> bool {
        let causal = k <= q;
        match preset {
            Preset::Causal => causal,
            Preset::Bidirectional => true,
            // Bidirectional block over the prefix ∪ causal triangle.
            Preset::PrefixLm => (q < r.prefix && k < r.prefix) || causal,
            // ones → tril_() → attention_mask[..., :context_length] = 1, context = prompt + [gMASK].
            Preset::ChatGlm6b => causal || k < r.prefix + 1,
            Preset::GlmBlankInfilling => k < part_a || causal,
            Preset::SlidingWindow => causal && q - k < r.window,
            Preset::Gemma3 => {
                if r.layer % 6 == 5 {
                    causal
                } else {
                    causal && q - k < r.window
                }
            }
            Preset::Llama4Chunked => {
                if r.layer % 4 == 3 {
                    causal
                } else {
                    causal && q / r.chunk == k / r.chunk
                }
            }
            Preset::PackedDocuments => causal && docs[q as usize] == docs[k as usize],
            Preset::PrefixTuning | Preset::Custom => unreachable!(),
        }
    };
    (0..n)
        .map(|q| (0..n).map(|k| cell(q, k)).collect())
        .collect()
}

/// The full mask of `p.preset` (rectangular for prefix-tuning).
pub fn brute(p: &MaskParams) -> Matrix {
    match p.preset {
        Preset::PrefixTuning => {
            let v = p.resolve(Preset::PrefixTuning).virtual_tokens as usize;
            square(p.base.preset(), p)
                .into_iter()
                .map(|row| std::iter::repeat_n(true, v).chain(row).collect())
                .collect()
        }
        Preset::Custom => {
            let (a, b) = (square(p.a, p), square(p.b, p));
            a.iter()
                .zip(&b)
                .map(|(ra, rb)| {
                    ra.iter()
                        .zip(rb)
                        .map(|(&x, &y)| match p.op {
                            super::Op::And => x && y,
                            super::Op::Or => x || y,
                        })
                        .collect()
                })
                .collect()
        }
        preset => square(preset, p),
    }
}

/// Parses "111000/111100/…" into a matrix.
pub fn lit(s: &str) -> Matrix {
    s.split('/')
        .map(|r| r.chars().map(|c| c == '1').collect())
        .collect()
}

/// A parsed JSON value (only what the export uses).
#[derive(Debug, PartialEq)]
pub enum Json {
    Str(String),
    Int(i64),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Minimal strict JSON reader; panics on malformed input.
pub fn parse_json(s: &str) -> Json {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let v = value(&c, &mut i);
    ws(&c, &mut i);
    assert_eq!(i, c.len(), "trailing characters");
    v
}

fn ws(c: &[char], i: &mut usize) {
    while *i < c.len() && c[*i].is_whitespace() {
        *i += 1;
    }
}

fn value(c: &[char], i: &mut usize) -> Json {
    ws(c, i);
    match c[*i] {
        '"' => Json::Str(string(c, i)),
        '[' | '{' => {
            let obj = c[*i] == '{';
            let close = if obj { '}' } else { ']' };
            *i += 1;
            let (mut arr, mut members) = (Vec::new(), Vec::new());
            ws(c, i);
            if c[*i] == close {
                *i += 1;
            } else {
                loop {
                    if obj {
                        ws(c, i);
                        let k = string(c, i);
                        ws(c, i);
                        assert_eq!(c[*i], ':');
                        *i += 1;
                        members.push((k, value(c, i)));
                    } else {
                        arr.push(value(c, i));
                    }
                    ws(c, i);
                    *i += 1;
                    match c[*i - 1] {
                        ',' => continue,
                        x if x == close => break,
                        x => panic!("unexpected {x:?}"),
                    }
                }
            }
            if obj {
                Json::Obj(members)
            } else {
                Json::Arr(arr)
            }
        }
        _ => {
            let start = *i;
            while *i < c.len() && (c[*i] == '-' || c[*i].is_ascii_digit()) {
                *i += 1;
            }
            Json::Int(c[start..*i].iter().collect::<String>().parse().unwrap())
        }
    }
}

fn string(c: &[char], i: &mut usize) -> String {
    assert_eq!(c[*i], '"');
    *i += 1;
    let mut out = String::new();
    loop {
        let ch = c[*i];
        *i += 1;
        match ch {
            '"' => return out,
            '\\' => {
                let e = c[*i];
                *i += 1;
                out.push(match e {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'u' => {
                        let hex: String = c[*i..*i + 4].iter().collect();
                        *i += 4;
                        char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap()
                    }
                    e => e,
                });
            }
            ch => {
                assert!((ch as u32) >= 0x20, "raw control character in string");
                out.push(ch);
            }
        }
    }
}
