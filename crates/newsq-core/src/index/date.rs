//! Calendar arithmetic for publication dates, without a date-time dependency:
//! newsq only needs days since 1970 and a parser for the ISO 8601 forms that
//! news metadata uses.

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`). `month` is 1–12, `day` 1–31.
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date (year, month, day) of a count of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        month,
        day,
    )
}

/// Number of days in a month, leap years included.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Seconds since 1970-01-01T00:00:00Z of a publication date as sources give
/// it: `2025-08-18`, `2025-08-18T14:05:00Z`, `2025-08-18 14:05:00+02:00`,
/// `2025-08-18T14:05:00.123-0400`. A time without an offset is taken as UTC.
/// Anything else (free-form dates such as "18 August 2025") gives `None`.
///
/// ```
/// use newsq_core::index::date::parse_published;
///
/// assert_eq!(parse_published("1970-01-02"), Some(86_400));
/// assert_eq!(parse_published("2025-08-18T14:05:00+02:00"), parse_published("2025-08-18T12:05:00Z"));
/// assert_eq!(parse_published("yesterday"), None);
/// assert_eq!(parse_published("0000-01-01"), None);
/// ```
pub fn parse_published(text: &str) -> Option<i64> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = bytes.get(range)?;
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        digits.iter().try_fold(0u32, |n, &d| {
            n.checked_mul(10)?.checked_add(u32::from(d - b'0'))
        })
    };
    let year = number(0..4)?;
    // The index keeps dates as i64 nanoseconds since 1970 (tantivy's), which
    // hold 1678 to 2262; a date outside is a placeholder ("0000-01-01"), not
    // a publication date.
    if !(1678..=2261).contains(&year) {
        return None;
    }
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let (month, day) = (number(5..7)?, number(8..10)?);
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year as i32, month) {
        return None;
    }
    let mut seconds = days_from_civil(year as i32, month, day) * 86_400;
    if bytes.len() == 10 {
        return Some(seconds);
    }
    if !matches!(bytes.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let (hour, minute) = (number(11..13)?, number(14..16)?);
    if bytes.get(13) != Some(&b':') || hour > 23 || minute > 59 {
        return None;
    }
    let mut rest = 16;
    let mut second = 0;
    if bytes.get(16) == Some(&b':') {
        second = number(17..19)?.min(59);
        rest = 19;
        if bytes.get(19) == Some(&b'.') {
            rest = 20
                + bytes[20..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
        }
    }
    seconds += i64::from(hour * 3600 + minute * 60 + second);
    let offset = match bytes.get(rest) {
        None | Some(b'Z' | b'z') => 0,
        Some(&sign @ (b'+' | b'-')) => {
            let hours = number(rest + 1..rest + 3)?;
            let minutes_at = if bytes.get(rest + 3) == Some(&b':') {
                rest + 4
            } else {
                rest + 3
            };
            let minutes = number(minutes_at..minutes_at + 2).unwrap_or(0);
            let offset = i64::from(hours * 3600 + minutes * 60);
            if sign == b'+' {
                offset
            } else {
                -offset
            }
        }
        Some(_) => return None,
    };
    Some(seconds - offset)
}

/// `YYYY-MM-DD` of a timestamp in seconds (UTC), for display.
///
/// ```
/// assert_eq!(newsq_core::index::date::format_date(86_400), "1970-01-02");
/// ```
pub fn format_date(seconds: i64) -> String {
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trips() {
        for days in [-800_000, -1, 0, 1, 10_957, 19_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn parses_the_forms_sources_use() {
        let day = parse_published("2025-08-18").unwrap();
        assert_eq!(format_date(day), "2025-08-18");
        assert_eq!(parse_published("2025-08-18T01:00:00Z"), Some(day + 3600));
        assert_eq!(parse_published("2025-08-18 01:00"), Some(day + 3600));
        assert_eq!(
            parse_published("2025-08-18T01:00:00.5-0100"),
            Some(day + 7200)
        );
        assert_eq!(
            parse_published("2024-02-29"),
            Some(days_from_civil(2024, 2, 29) * 86_400)
        );
        for bad in [
            "2023-02-29",
            "2025-13-01",
            "2025-8-18",
            "18 August 2025",
            "",
            "2025-08-18x",
            "２０２５-08-18",
        ] {
            assert_eq!(parse_published(bad), None, "{bad}");
        }
    }
}
