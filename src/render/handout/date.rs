//! The handout's date: today's, and any date written out in words the way the paper's
//! country writes it ("6 December 2026" on A4, "December 6, 2026" on Letter).

use crate::render::paper::Paper;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Today's date as `2026-11-30` (UTC).
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::model::iso_date(secs)
}

/// A date given as `2026-12-06` in words for a patient: "6 December 2026" on A4 paper,
/// "December 6, 2026" on Letter (the order American readers expect). Anything that is not
/// such a date is printed as it was given.
pub fn date_in_words(iso: &str, paper: Paper) -> String {
    let mut parts = iso.trim().splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i32>(), m.parse::<usize>(), d.parse::<u32>())
    else {
        return iso.to_owned();
    };
    let Some(name) = month.checked_sub(1).and_then(|i| MONTHS.get(i)) else {
        return iso.to_owned();
    };
    match paper {
        Paper::A4 => format!("{day} {name} {year}"),
        Paper::Letter => format!("{name} {day}, {year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_written_in_words_as_the_papers_country_writes_it() {
        assert_eq!(date_in_words("2026-12-06", Paper::A4), "6 December 2026");
        assert_eq!(
            date_in_words("2026-12-06", Paper::Letter),
            "December 6, 2026"
        );
        assert_eq!(date_in_words("2000-02-29", Paper::A4), "29 February 2000");
        assert_eq!(date_in_words("someday", Paper::A4), "someday");
        assert_eq!(date_in_words("2026-13-01", Paper::A4), "2026-13-01");
    }
}
