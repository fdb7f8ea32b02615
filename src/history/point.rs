//! A point of a list's history: a version, a date, or the files as they
//! are, and the one resolver that turns a point into the list at that point.

use crate::history::{Error, History, list_at};
use crate::model::{Date, List, Version};

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::Serialize;

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Side {
    /// How the side was named: a version, a date, or `files`.
    pub label: String,
    /// The list version of that side.
    pub version: Version,
    /// The date its counts are taken on.
    pub date: Date,
}

/// Where a side comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Point {
    /// A version of the change log.
    Version(Version),
    /// The list in force on a date.
    Date(Date),
    /// The list files as they are (the head, with any unrecorded edits).
    Files,
}

/// Why a text is not a [`Point`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a version (3.0.0), a date (2021-12-31) or `files`, found {found:?}")]
#[non_exhaustive]
pub struct PointError {
    /// The text given.
    pub found: String,
}

impl std::str::FromStr for Point {
    type Err = PointError;
    fn from_str(s: &str) -> Result<Self, PointError> {
        if s == "files" || s == "head" {
            return Ok(Self::Files);
        }
        if let Ok(d) = s.parse::<Date>() {
            return Ok(Self::Date(d));
        }
        s.parse::<Version>()
            .map(Self::Version)
            .map_err(|_| PointError {
                found: s.to_owned(),
            })
    }
}

impl std::fmt::Display for Point {
    /// The text the point is written as: `files`, a version or a date.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Files => f.write_str("files"),
            Self::Version(v) => v.fmt(f),
            Self::Date(d) => d.fmt(f),
        }
    }
}

/// The index of the snapshot of `history` at `point`: the version, or the
/// last version in force on the date; `None` for the files.
///
/// # Errors
/// [`Error::NoChangeLog`] for a version of a list without a log,
/// [`Error::NoVersion`] and [`Error::NoVersionOn`] when the log has no
/// such version.
pub(crate) fn index_at(
    list: &List,
    history: Option<&History>,
    point: &Point,
) -> Result<Option<usize>, Error> {
    let authority = || list.authority.clone();
    match (point, history) {
        (Point::Files, _) | (Point::Date(_), None) => Ok(None),
        (Point::Version(_), None) => Err(Error::NoChangeLog {
            authority: authority(),
        }),
        (Point::Version(v), Some(h)) => h
            .versions
            .iter()
            .position(|s| &s.entry.version == v)
            .map(Some)
            .ok_or_else(|| Error::NoVersion {
                authority: authority(),
                version: v.clone(),
            }),
        (Point::Date(d), Some(h)) => h
            .versions
            .iter()
            .rposition(|s| s.entry.date <= *d)
            .map(Some)
            .ok_or_else(|| Error::NoVersionOn {
                authority: authority(),
                date: *d,
            }),
    }
}

/// The list at a point, with its side (label, version, date) and the index
/// of its snapshot (`None` for the files, or for a list without a log).
///
/// # Errors
/// As [`index_at`].
pub(crate) fn view(
    list: &List,
    history: Option<&History>,
    point: &Point,
) -> Result<(List, Side, Option<usize>), Error> {
    let n = index_at(list, history, point)?;
    let snapshot = n.and_then(|n| history.map(|h| &h.versions[n]));
    let (view, version) = match snapshot {
        Some(s) => (list_at(list, s), s.entry.version.clone()),
        None => (list.clone(), list.meta.version.clone()),
    };
    let date = match (point, snapshot) {
        (Point::Date(d), _) => *d,
        (_, Some(s)) => s.entry.date,
        (_, None) => list
            .log
            .last()
            .map_or_else(Date::today, |e| e.entry.date.max(Date::today())),
    };
    let side = Side {
        label: point.to_string(),
        version,
        date,
    };
    Ok((view, side, n))
}
