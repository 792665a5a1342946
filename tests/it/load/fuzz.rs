//! The loader against random bytes and mutated copies of the shipped atlas: it never panics, and
//! every input it refuses comes with at least one diagnostic naming a file.
//!
//! `FUZZ_CASES=100000 cargo test --release --test it fuzz` runs a longer campaign.

#![allow(
    clippy::cast_possible_truncation,
    reason = "random numbers are cut to size on purpose"
)]

use acupoint_atlas::load::{SourceFile, builtin_files, load_files};

/// xorshift64*: small, seeded, repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n.max(1) as u64)) as usize
    }
}

fn cases() -> usize {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400)
}

/// One random change to a text: a cut, a deletion, an insertion of RON punctuation or of a
/// random character, a duplicated or swapped slice.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let at = rng.below(n + 1);
    let len = rng.below(40).min(n - at.min(n));
    let mut out: Vec<char> = chars.clone();
    match rng.below(7) {
        0 => out.truncate(at),
        1 => {
            out.drain(at..at + len);
        }
        2 => {
            let junk = [
                '(', ')', '[', ']', '{', '}', ',', ':', '"', '\\', '/', '*', '#', 'r', '\'',
            ];
            for _ in 0..=rng.below(5) {
                out.insert(at.min(out.len()), junk[rng.below(junk.len())]);
            }
        }
        3 => {
            let c = char::from_u32(rng.below(0x3_0000) as u32).unwrap_or('?');
            out.insert(at.min(out.len()), c);
        }
        4 => {
            let slice: Vec<char> = chars[at..at + len].to_vec();
            let to = rng.below(out.len() + 1);
            for (k, c) in slice.into_iter().enumerate() {
                out.insert(to + k, c);
            }
        }
        5 => {
            // Replace a number with something that is not one, or is not finite.
            let words = [
                "NaN",
                "inf",
                "-inf",
                "1e999",
                "-0",
                "9999999999",
                "\"x\"",
                "None",
                "()",
            ];
            let w: Vec<char> = words[rng.below(words.len())].chars().collect();
            out.splice(at..at + len.min(3), w);
        }
        _ => {
            let other = rng.below(n + 1);
            if other + len <= n && at + len <= n {
                for k in 0..len {
                    out.swap(at + k, other + k);
                }
            }
        }
    }
    out.into_iter().collect()
}

fn check(files: &[SourceFile]) {
    if let Err(problems) = load_files("atlas", files) {
        assert!(!problems.is_empty(), "a refusal without a diagnostic");
        for p in problems.iter() {
            assert!(!p.path.is_empty(), "a diagnostic without a file: {p}");
            assert!(!p.message.is_empty(), "a diagnostic without a message: {p}");
        }
    }
}

#[test]
fn mutated_copies_of_the_shipped_atlas_never_panic_and_are_diagnosed() {
    let base = builtin_files();
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for _ in 0..cases() {
        let mut files = base.clone();
        let victim = rng.below(files.len());
        for _ in 0..=rng.below(3) {
            let text = mutate(&files[victim].text, &mut rng);
            files[victim].text = text;
        }
        check(&files);
    }
}

#[test]
fn random_bytes_in_any_file_never_panic_and_are_diagnosed() {
    let base = builtin_files();
    let mut rng = Rng(0xBAD_C0FFEE);
    for _ in 0..cases() / 4 {
        let mut files = base.clone();
        let victim = rng.below(files.len());
        let len = rng.below(2000);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        files[victim].text = String::from_utf8_lossy(&bytes).into_owned();
        check(&files);
        assert!(
            load_files("atlas", &files).is_err()
                || len == 0
                || files[victim].text.trim().is_empty()
        );
    }
}
