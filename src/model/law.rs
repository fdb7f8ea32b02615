//! Laws as data (`registry/laws/`): each law, regulation or rule the lists
//! cite, its versions, and the hash-chained log of the events that made
//! them (enacted, amended, repealed); and the official working-day
//! calendar (`registry/calendar.toml`) that deadlines count in.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::{BasisLevel, Bump, Date, Decision, Id, Version};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// The source named by the laws log's upstream events (`laws@<version>`).
pub const LAWS_SOURCE: &str = "laws";

/// A law, regulation, rule or normative document that items cite, with its
/// versions (`[[law]]` of `laws/laws.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Law {
    /// Stable id, referred to by `law` in a legal basis.
    pub id: Id,
    /// Title, without book-title marks; the current one after an amendment
    /// that renamed it.
    pub title: String,
    /// Level in the hierarchy of norms.
    pub level: BasisLevel,
    /// The body that made it (制定机关).
    pub issuer: String,
    /// The document number that promulgated it, e.g. `国务院令第466号`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Day of promulgation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promulgated: Option<Date>,
    /// First day in force.
    pub effective: Date,
    /// Its articles (`第十八条`, …), when listed: a basis may then cite only
    /// these. Empty when not listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
    /// Titles it had before an amendment renamed it: a basis citing one
    /// still finds the law.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_titles: Vec<String>,
    /// Its amendments, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendment: Vec<Amendment>,
    /// When and by what it was repealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repealed: Option<Repeal>,
    /// True when the record is plausible but not verified against the
    /// promulgated text.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub reconstructed: bool,
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One amendment of a law.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Amendment {
    /// The document that amended it (修订/修正 by), e.g.
    /// `国务院、中央军事委员会令第672号`.
    pub by: String,
    /// Day the amendment was promulgated.
    pub date: Date,
    /// First day the amended text is in force.
    pub effective: Date,
    /// The title from this amendment on, when it renamed the law.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What changed, in a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A law's repeal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Repeal {
    /// The document that repealed it.
    pub by: String,
    /// The first day it is no longer in force.
    pub effective: Date,
    /// The law that replaces it, when one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<Id>,
}

impl Law {
    /// Whether the law is in force on `date`.
    pub fn in_force_on(&self, date: Date) -> bool {
        self.effective <= date && self.repealed.as_ref().is_none_or(|r| date < r.effective)
    }

    /// Whether `title` (with or without book-title marks) is its title or a
    /// former one.
    pub fn has_title(&self, title: &str) -> bool {
        let t = bare_title(title);
        bare_title(&self.title) == t || self.former_titles.iter().any(|f| bare_title(f) == t)
    }

    /// The articles of `article` (a basis's article text) that the law's
    /// listed articles do not hold; empty when the law lists none.
    pub fn unknown_articles(&self, article: &str) -> Vec<String> {
        if self.articles.is_empty() {
            return Vec::new();
        }
        let listed: BTreeSet<u32> = self
            .articles
            .iter()
            .flat_map(|a| article_numbers(a))
            .collect();
        cited_articles(article)
            .into_iter()
            .filter(|(_, n)| !listed.contains(n))
            .map(|(text, _)| text)
            .collect()
    }
}

/// A title without book-title marks and surrounding space.
pub(crate) fn bare_title(t: &str) -> &str {
    t.trim()
        .trim_start_matches('《')
        .trim_end_matches('》')
        .trim()
}

/// The articles an article text cites (`第十八条、第十九条第一款` gives
/// `第十八条` and `第十九条`), each with its number.
pub fn cited_articles(text: &str) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '第' {
            let mut j = i + 1;
            while j < chars.len() && is_numeral(chars[j]) {
                j += 1;
            }
            if j > i + 1 && j < chars.len() && chars[j] == '条' {
                let digits: String = chars[i + 1..j].iter().collect();
                if let Some(n) = numeral_value(&digits) {
                    out.push((format!("第{digits}条"), n));
                }
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn article_numbers(text: &str) -> Vec<u32> {
    cited_articles(text).into_iter().map(|(_, n)| n).collect()
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "零〇一二三四五六七八九十百千两".contains(c)
}

/// The value of an article number in Arabic, full-width or Chinese
/// numerals (`十八`, `一百二十三`, `18`).
pub(crate) fn numeral_value(s: &str) -> Option<u32> {
    if s.chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        let ascii: String = s
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    c
                } else {
                    char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or('0')
                }
            })
            .collect();
        return ascii.parse().ok();
    }
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|b| (b / 3) as u32);
    let (mut total, mut current) = (0u32, 0u32);
    for c in s.chars() {
        match c {
            '〇' => current = 0,
            '两' => current = 2,
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                total = total.checked_add(current.max(1).checked_mul(unit)?)?;
                current = 0;
            }
            c => current = digit(c)?,
        }
    }
    total.checked_add(current)
}

/// One event of the laws log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum LawEvent {
    /// 制定: a law enters the registry (its first version).
    Enact {
        /// The law, without a repeal; with the amendments it had before the
        /// entry's date, for a law that enters the registry with its past.
        law: Box<Law>,
    },
    /// 修订/修正: a new version of the law.
    Amend {
        /// The law's id.
        law: Id,
        /// First day the amended text is in force (the entry's date when absent).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        effective: Option<Date>,
        /// The new title, when the amendment renames it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// The full list of articles after the amendment, when listed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        articles: Option<Vec<String>>,
        /// What changed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// 废止: the law is no longer in force.
    Repeal {
        /// The law's id.
        law: Id,
        /// The first day it is no longer in force (the entry's date when absent).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        effective: Option<Date>,
        /// The law that replaces it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        replaced_by: Option<Id>,
    },
}

impl LawEvent {
    /// The law the event concerns.
    pub fn law(&self) -> &Id {
        match self {
            Self::Enact { law } => &law.id,
            Self::Amend { law, .. } | Self::Repeal { law, .. } => law,
        }
    }

    /// The id used as `kind` (`enact`, `amend`, `repeal`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Enact { .. } => "enact",
            Self::Amend { .. } => "amend",
            Self::Repeal { .. } => "repeal",
        }
    }

    /// The Chinese name.
    pub fn zh(&self) -> &'static str {
        match self {
            Self::Enact { .. } => "制定",
            Self::Amend { .. } => "修订",
            Self::Repeal { .. } => "废止",
        }
    }

    /// The semver bump: a repeal breaks every basis that cites the law
    /// (major); an amendment is a new version citations must be checked
    /// against (minor); a new law breaks nothing (minor).
    pub fn bump(&self) -> Bump {
        match self {
            Self::Repeal { .. } => Bump::Major,
            _ => Bump::Minor,
        }
    }

    /// The day the event takes effect, given its entry's date.
    pub fn effective(&self, entry_date: Date) -> Date {
        match self {
            Self::Enact { law } => law.effective,
            Self::Amend { effective, .. } | Self::Repeal { effective, .. } => {
                effective.unwrap_or(entry_date)
            }
        }
    }
}

/// One entry of the laws log: `laws/changelog/<version>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LawEntry {
    /// The version of the laws file this entry produces.
    pub version: Version,
    /// The day it was recorded on.
    pub date: Date,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The hash of the previous entry (absent on the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// The deciding documents: the first is the one each amendment and
    /// repeal names as `by`.
    #[serde(default)]
    pub decided_by: Vec<Decision>,
    /// The events, applied in order.
    #[serde(default)]
    pub event: Vec<LawEvent>,
}

impl LawEntry {
    /// The bump the events require.
    pub fn required_bump(&self) -> Bump {
        self.event
            .iter()
            .map(LawEvent::bump)
            .max()
            .unwrap_or(Bump::Patch)
    }
}

/// A laws-log entry as read, with its file and text.
#[derive(Debug, Clone)]
pub struct LoggedLawEntry {
    /// The entry.
    pub entry: LawEntry,
    /// Its file.
    pub file: PathBuf,
    /// The file's text, whose canonical bytes the chain hashes.
    pub text: String,
}

/// The file `laws/laws.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LawsFile {
    /// The version of the laws (the last log entry's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Version>,
    /// The hash of the last log entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    /// A note shown with every output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The laws.
    #[serde(default)]
    pub law: Vec<Law>,
}

/// The laws of a registry: the file and its log.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Laws {
    /// `laws/laws.toml` (empty when the registry has none).
    pub file: LawsFile,
    /// `laws/changelog/*.toml` in version order.
    pub log: Vec<LoggedLawEntry>,
    /// Whether the registry has a `laws/` directory.
    pub present: bool,
    /// Whether a log entry could not be read (the chain and the replay
    /// wait until every entry reads).
    pub(crate) unreadable: bool,
    pub(crate) origin: Option<Arc<std::path::Path>>,
}

impl Laws {
    /// The law with id `id`.
    pub fn get(&self, id: &str) -> Option<&Law> {
        self.file.law.iter().find(|l| l.id.as_str() == id)
    }

    /// The law a reference names, when exactly one does: its id, its
    /// promulgating number, its exact title (a former title included), or
    /// the number of one of its amendments, tried in that order.
    pub fn find(&self, reference: &str) -> Option<&Law> {
        match self.find_all(reference).as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// Every law the first matching kind of reference names (more than one
    /// when the reference is ambiguous: one order amended two regulations).
    pub fn find_all(&self, reference: &str) -> Vec<&Law> {
        let r = reference.trim();
        if let Some(l) = self.get(r) {
            return vec![l];
        }
        let by_number = |l: &Law| l.number.as_deref() == Some(r);
        let by_title = |l: &Law| l.has_title(r);
        let by_amendment = |l: &Law| l.amendment.iter().any(|a| a.by == r);
        let tiers: [&dyn Fn(&Law) -> bool; 3] = [&by_number, &by_title, &by_amendment];
        for matches in tiers {
            let found: Vec<&Law> = self.file.law.iter().filter(|l| matches(l)).collect();
            if !found.is_empty() {
                return found;
            }
        }
        Vec::new()
    }

    /// The law a basis cites: by its `law` id, else by its title or number.
    pub fn cited_by(&self, basis: &crate::model::LegalBasis) -> Option<&Law> {
        match &basis.law {
            Some(id) => self.get(id.as_str()),
            None => self
                .file
                .law
                .iter()
                .find(|l| l.has_title(&basis.title))
                .or_else(|| {
                    let n = basis.number.as_deref()?;
                    self.file
                        .law
                        .iter()
                        .find(|l| l.number.as_deref() == Some(n))
                }),
        }
    }
}

/// One year of the official calendar (`[[year]]` of `calendar.toml`): the
/// days off under the State Council's notice (法定节假日) and the weekend
/// days worked in exchange (调休).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CalendarYear {
    /// The year.
    pub year: i16,
    /// The notice that set it, e.g. `国办发明电〔2024〕12号`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// Days off (every day of each holiday period).
    #[serde(default)]
    pub holidays: Vec<Date>,
    /// Weekend days that are working days.
    #[serde(default)]
    pub workdays: Vec<Date>,
    /// True when transcribed without checking against the notice.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub reconstructed: bool,
}

/// The file `calendar.toml`: the official working-day calendar, a year at a
/// time; a registry adds each year when the State Council publishes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// The years, in any order.
    #[serde(default)]
    pub year: Vec<CalendarYear>,
}

impl Calendar {
    /// Whether the calendar has `year`.
    pub fn has_year(&self, year: i16) -> bool {
        self.year.iter().any(|y| y.year == year)
    }

    /// Whether `date` is a working day: a weekend day worked in exchange, or
    /// a weekday that is no holiday. A year the calendar lacks counts
    /// weekdays only.
    pub fn is_working_day(&self, date: Date) -> bool {
        if let Some(y) = self.year.iter().find(|y| y.year == date.year()) {
            if y.workdays.contains(&date) {
                return true;
            }
            if y.holidays.contains(&date) {
                return false;
            }
        }
        date.weekday() < 5
    }

    /// The `n`th working day after `start` (the day itself not counted), and
    /// the years on the way that the calendar lacks.
    pub fn add_working_days(&self, start: Date, n: u32) -> (Date, Vec<i16>) {
        let mut day = start;
        let mut missing = Vec::new();
        let mut left = n;
        while left > 0 {
            let Some(next) = day.next_day() else { break };
            day = next;
            if !self.has_year(day.year()) && !missing.contains(&day.year()) {
                missing.push(day.year());
            }
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        (day, missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_read() {
        assert_eq!(numeral_value("十八"), Some(18));
        assert_eq!(numeral_value("十"), Some(10));
        assert_eq!(numeral_value("二十七"), Some(27));
        assert_eq!(numeral_value("一百二十三"), Some(123));
        assert_eq!(numeral_value("一百零五"), Some(105));
        assert_eq!(numeral_value("18"), Some(18));
        assert_eq!(numeral_value("１８"), Some(18));
        assert_eq!(numeral_value("x"), None);
    }

    #[test]
    fn cited_articles_are_found() {
        let a = cited_articles("第十八条、第十九条第一款,第 2 条");
        assert_eq!(
            a,
            vec![("第十八条".to_owned(), 18), ("第十九条".to_owned(), 19)]
        );
        assert!(cited_articles("全文").is_empty());
    }

    #[test]
    fn working_days_follow_the_calendar() {
        let d = |s: &str| s.parse::<Date>().expect("date");
        let cal = Calendar {
            year: vec![CalendarYear {
                year: 2025,
                notice: None,
                holidays: vec![d("2025-10-01"), d("2025-10-02"), d("2025-10-03")],
                workdays: vec![d("2025-09-28")],
                reconstructed: false,
            }],
        };
        assert!(cal.is_working_day(d("2025-09-28")), "a Sunday worked");
        assert!(!cal.is_working_day(d("2025-10-01")), "a holiday");
        assert!(!cal.is_working_day(d("2025-10-04")), "a Saturday");
        // From Friday 26 September: 28 (Sun, worked), 29, 30, then 6 October (Mon).
        let (end, missing) = cal.add_working_days(d("2025-09-26"), 4);
        assert_eq!(end, d("2025-10-06"));
        assert!(missing.is_empty());
        let (_, missing) = cal.add_working_days(d("2025-12-30"), 3);
        assert_eq!(missing, vec![2026]);
    }
}
