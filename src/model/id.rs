//! Validated newtypes: ids, codes, document numbers, dates and versions.
//!
//! Each has a validating constructor (`FromStr`), a `Display` that gives the
//! same text back, and serde implementations that go through them, so a bad
//! value in a registry file is reported at its exact location.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a text could not be read as one of the newtypes of this module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what} {found:?}: expected {expected}")]
#[non_exhaustive]
pub struct ParseError {
    /// What was being read (`id`, `code`, `date`, …).
    pub what: &'static str,
    /// The text that was found.
    pub found: String,
    /// What a valid value looks like.
    pub expected: &'static str,
}

impl ParseError {
    fn new(what: &'static str, found: &str, expected: &'static str) -> Self {
        Self {
            what,
            found: found.to_owned(),
            expected,
        }
    }
}

macro_rules! serde_via_str {
    ($ty:ty, $what:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("a quoted string holding ", $what))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

/// Names that Windows refuses as file names, whatever the extension.
const RESERVED_NAMES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

const ID_EXPECTED: &str = "1 to 64 characters of a-z, 0-9 and '-', starting with a letter or digit, \
     not ending with '-', and not a reserved file name (con, nul, …)";

/// A stable identifier: of an authority, a power item or an agreement.
///
/// Ids never change once given and are used as file and directory names, so
/// they are restricted to a form that is safe on every file system:
/// lowercase ASCII letters, digits and `-`.
///
/// ```
/// use quanze::Id;
/// let id: Id = "guangzhou-gxj".parse()?;
/// assert_eq!(id.as_str(), "guangzhou-gxj");
/// assert!("Guangzhou GXJ".parse::<Id>().is_err());
/// assert!("nul".parse::<Id>().is_err());
/// # Ok::<(), quanze::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(String);

impl Id {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Id {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !RESERVED_NAMES.contains(&s);
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(ParseError::new("id", s, ID_EXPECTED))
        }
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

serde_via_str!(Id, "an id");

const CODE_EXPECTED: &str =
    "1 to 64 characters of A-Z, a-z, 0-9, '-', '_' and '.', starting with a letter or digit";

/// The public code of a power item or sub-item (事项编码), e.g. `XK-001` or
/// `XK-001-01`.
///
/// Codes are opaque: quanze compares them as text and never derives meaning
/// from their parts. Unlike an [`Id`], a code may change (a recode), and an
/// ended code is never given to another item.
///
/// ```
/// use quanze::Code;
/// assert!("XK-001".parse::<Code>().is_ok());
/// assert!("XK 001".parse::<Code>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(String);

impl Code {
    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Code {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
            && s.as_bytes()[0].is_ascii_alphanumeric();
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(ParseError::new("code", s, CODE_EXPECTED))
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

serde_via_str!(Code, "an item code");

/// The number of a deciding document (文号), e.g. `粤府令第270号` or
/// `国发〔2020〕13号`: any non-blank text without line breaks or leading or
/// trailing spaces.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocNumber(String);

impl DocNumber {
    /// The number as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for DocNumber {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let ok = !s.trim().is_empty() && s.trim() == s && !s.chars().any(char::is_control);
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(ParseError::new(
                "document number",
                s,
                "non-blank text on one line without surrounding spaces, e.g. \"粤府令第270号\"",
            ))
        }
    }
}

impl fmt::Display for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

serde_via_str!(DocNumber, "a document number");

/// A calendar date, written `YYYY-MM-DD` and quoted in the registry files
/// (`"2021-12-31"`).
///
/// ```
/// use quanze::Date;
/// let d: Date = "2021-12-31".parse()?;
/// assert_eq!(d.to_string(), "2021-12-31");
/// assert_eq!(d.year(), 2021);
/// assert!("2021-13-01".parse::<Date>().is_err());
/// # Ok::<(), quanze::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

impl Date {
    /// Builds a date from its parts, if they form a real date.
    ///
    /// # Errors
    /// When the parts are out of range (month 13, 30 February, …).
    pub fn new(year: i16, month: i8, day: i8) -> Result<Self, ParseError> {
        jiff::civil::Date::new(year, month, day)
            .map(Self)
            .map_err(|_| ParseError::new("date", &format!("{year}-{month}-{day}"), DATE_EXPECTED))
    }

    /// The year.
    pub fn year(self) -> i16 {
        self.0.year()
    }

    /// The month (1–12).
    pub fn month(self) -> i8 {
        self.0.month()
    }

    /// The day of the month.
    pub fn day(self) -> i8 {
        self.0.day()
    }

    /// Today's date in the system time zone.
    pub fn today() -> Self {
        Self(jiff::ZonedDateTime::now().date())
    }

    /// The day after, unless `self` is the last representable day.
    pub fn next_day(self) -> Option<Self> {
        self.0.tomorrow().ok().map(Self)
    }

    /// The day before, unless `self` is the first representable day.
    pub fn previous_day(self) -> Option<Self> {
        self.0.yesterday().ok().map(Self)
    }

    /// The day of the week, Monday 0 to Sunday 6.
    pub fn weekday(self) -> i8 {
        self.0.weekday().to_monday_zero_offset()
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Self) -> i64 {
        // Between two civil dates jiff's span is measured in days and
        // cannot overflow (both lie in years -9999..=9999).
        self.0
            .until(other.0)
            .map_or(0, |span| i64::from(span.get_days()))
    }
}

const DATE_EXPECTED: &str = "a date written YYYY-MM-DD, e.g. \"2021-12-31\"";

impl FromStr for Date {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return Err(ParseError::new("date", s, DATE_EXPECTED));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<i16>().unwrap_or(-1);
        let (y, m, d) = (num(0..4), num(5..7), num(8..10));
        let (Ok(m), Ok(d)) = (i8::try_from(m), i8::try_from(d)) else {
            return Err(ParseError::new("date", s, DATE_EXPECTED));
        };
        jiff::civil::Date::new(y, m, d)
            .map(Self)
            .map_err(|_| ParseError::new("date", s, "a real calendar date written YYYY-MM-DD"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            self.0.month(),
            self.0.day()
        )
    }
}

serde_via_str!(Date, "a date YYYY-MM-DD");

/// The version of an authority's list: semantic versioning without build
/// metadata (`1.2.0`, `2.0.0-rc.1`; not `1.2.0+x`, which would compare
/// unequal to `1.2.0+y` while meaning the same list).
///
/// ```
/// use quanze::Version;
/// assert!("1.2.0".parse::<Version>().is_ok());
/// assert!("1.2.0+build".parse::<Version>().is_err());
/// assert!("1.2".parse::<Version>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version(semver::Version);

impl Version {
    /// The underlying semver value.
    pub fn semver(&self) -> &semver::Version {
        &self.0
    }
}

impl FromStr for Version {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        const EXPECTED: &str =
            "a semantic version MAJOR.MINOR.PATCH without build metadata, e.g. \"1.2.0\"";
        match semver::Version::parse(s) {
            Ok(v) if v.build.is_empty() => Ok(Self(v)),
            _ => Err(ParseError::new("version", s, EXPECTED)),
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

serde_via_str!(Version, "a semantic version");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_rules() {
        for ok in ["a", "guangzhou-gxj", "gd-gxt", "x1-2"] {
            assert!(ok.parse::<Id>().is_ok(), "{ok}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "A",
            "a b",
            "a/b",
            "..",
            "con",
            "广州",
            &"a".repeat(65),
        ] {
            assert!(bad.parse::<Id>().is_err(), "{bad}");
        }
    }

    #[test]
    fn error_message_quotes_input() {
        let e = "a b".parse::<Id>().unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("invalid id \"a b\": expected {ID_EXPECTED}")
        );
    }

    #[test]
    fn dates() {
        assert!("2021-02-29".parse::<Date>().is_err());
        assert!("2020-02-29".parse::<Date>().is_ok());
        assert!("2021-1-01".parse::<Date>().is_err());
        assert!("２０２１-01-01".parse::<Date>().is_err());
        let a: Date = "2021-12-31".parse().unwrap();
        let b: Date = "2022-01-30".parse().unwrap();
        assert_eq!(a.days_until(b), 30);
        assert_eq!(b.days_until(a), -30);
        let c: Date = "2000-03-01".parse().unwrap();
        let d: Date = "2000-02-28".parse().unwrap();
        assert_eq!(d.days_until(c), 2);
    }

    #[test]
    fn versions() {
        assert!("1.0.0".parse::<Version>().is_ok());
        assert!("1.0.0+x".parse::<Version>().is_err());
        assert!("v1.0.0".parse::<Version>().is_err());
    }
}
