//! The handout's date: today's, and any date written out in words the way the paper's
//! country writes it ("6 December 2026" on A4, "December 6, 2026" on Letter).

use super::Paper;

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
    let (y, m, d) = civil_from_days(i64::try_from(secs / 86_400).unwrap_or(0));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The calendar date of a day count since 1970-01-01 (proleptic Gregorian).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
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
    fn day_counts_become_calendar_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_787), (2026, 11, 30));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

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
