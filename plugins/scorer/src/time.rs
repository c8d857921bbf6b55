//! Ages of evidence, in the months the model's half-lives use.

use opgap_pdk::readiness::Date;

/// Average Gregorian month, so ages do not jump at month ends.
const DAYS_PER_MONTH: f64 = 30.4375;

/// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
pub fn days(date: &Date) -> i64 {
    let (month, day) = (i64::from(date.month), i64::from(date.day));
    let year = i64::from(date.year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Months from `date` to `as_of` (negative when `date` is later).
pub fn months_between(date: &Date, as_of: &Date) -> f64 {
    (days(as_of) - days(date)) as f64 / DAYS_PER_MONTH
}

/// `"1 month ago"`, `"13 months ago"`, `"this month"`, rounded.
pub fn months_ago(months: f64) -> String {
    match months.round() as i64 {
        0 => "this month".into(),
        1 => "1 month ago".into(),
        n => format!("{n} months ago"),
    }
}

/// Whole weeks from `from` to `to`, rounded.
pub fn weeks_between(from: &Date, to: &Date) -> i32 {
    ((days(to) - days(from)) as f64 / 7.0).round() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn days_follow_the_calendar() {
        assert_eq!(days(&d(1970, 1, 1)), 0);
        assert_eq!(days(&d(2000, 3, 1)) - days(&d(2000, 2, 28)), 2);
        assert_eq!(days(&d(2026, 11, 26)), 20_783);
    }

    #[test]
    fn ages_are_in_average_months() {
        let age = months_between(&d(2025, 5, 15), &d(2026, 11, 15));
        assert!((age - 18.0).abs() < 0.05, "{age}");
        assert_eq!(weeks_between(&d(2026, 11, 15), &d(2027, 1, 15)), 9);
    }
}
