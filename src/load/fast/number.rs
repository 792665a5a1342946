//! Short decimals to `f32` without the general algorithm. Nearly every number in a figure is
//! written with a handful of digits (`0.4823`): its digits make a whole number below 2^24 and
//! its scale a power of ten below 10^11, both exact in an `f32`, so one division gives the
//! correctly rounded value, the same one `str::parse` gives (Clinger's fast path). Anything
//! longer, or with an exponent, goes to `str::parse`.

/// The most digits the fast path reads: any 7 digits make less than 2^24.
const MOST_DIGITS: usize = 7;

/// Powers of ten exact in an `f32`, for up to `MOST_DIGITS` digits after the point.
const POWERS: [f32; MOST_DIGITS + 1] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7];

/// `text` (a number as the cursor reads it: `-?digits(.digits)?([eE][+-]?digits)?`) as an
/// `f32`, correctly rounded; `None` if it is not a number.
pub fn to_f32(text: &str) -> Option<f32> {
    short(text).or_else(|| text.parse().ok())
}

/// The fast path: `-?digits(.digits)?` with at most `MOST_DIGITS` digits in all.
fn short(text: &str) -> Option<f32> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let mut whole: u32 = 0;
    let mut count = 0;
    let mut after_point = None;
    for (i, &b) in digits.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                count += 1;
                if count > MOST_DIGITS {
                    return None;
                }
                whole = whole * 10 + u32::from(b - b'0');
            }
            b'.' if after_point.is_none() => after_point = Some(i + 1),
            _ => return None,
        }
    }
    let scale = after_point.map_or(0, |start| digits.len() - start);
    if count == 0 || scale > MOST_DIGITS {
        return None;
    }
    // Fewer than 2^24: exact in an f32.
    #[allow(clippy::cast_precision_loss)]
    let value = whole as f32 / POWERS.get(scale).copied()?;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_decimals_give_what_str_parse_gives() {
        let mut texts: Vec<String> = vec![
            "0",
            "-0",
            "0.0",
            "1",
            "-1.5",
            "0.1",
            "0.3",
            "0.4823",
            "16777215",
            "9999999",
            "0.0000001",
            "1234.567",
            "-0.0000009",
            "5.",
            "1e3",
            "0.12345678",
            "12345678",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        // Every whole number of digits and every place for the point, from a fixed sequence.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = format!("{}", x % 10_000_000);
            let point = usize::try_from(x >> 60).unwrap_or(0) % (digits.len() + 1);
            let (a, b) = digits.split_at(point);
            let a = if a.is_empty() { "0" } else { a };
            let sign = if x & 1 == 1 { "-" } else { "" };
            texts.push(format!("{sign}{a}.{b}"));
        }
        for text in &texts {
            let expected: f32 = text.parse().expect("a number");
            let got = to_f32(text).expect("a number");
            assert_eq!(got.to_bits(), expected.to_bits(), "{text}");
        }
        assert!(short("1e3").is_none() && short("0.12345678").is_none());
        assert_eq!(to_f32("x"), None);
    }
}
