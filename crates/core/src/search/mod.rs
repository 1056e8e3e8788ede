//! Full-text search over the answers, built at build time and ranked in the browser.
//!
//! - [`tokens`]: how text becomes index terms — ASCII words (lowercased, a plural `s`
//!   dropped) and every Han character and adjacent Han pair (Chinese has no spaces);
//!   glossary concepts (`=<id>`, one per [glossary] entry, whatever synonym the text used).
//! - [`index`]: the inverted index, written as one small metadata file plus shards chosen by
//!   a hash of the term, so a query downloads only the shards of its own terms.
//! - [`rank`]: query → groups → ranked questions (title, then whole-group "phrase", then a
//!   BM25 weight), with one-typo correction against a vocabulary and glossary expansion.
//! - [`snippet`]: the passage of an answer around the matched words, split into highlighted
//!   and plain pieces (the app builds DOM text nodes from them, never HTML).

pub mod index;
pub mod rank;
pub mod snippet;
pub mod tokens;

pub use index::{build, Meta, Shard, Store};
pub use rank::{plan, rank, Hit, Plan};
pub use snippet::snippet;
pub use tokens::{concept_counts, document_tokens, shard_of};
