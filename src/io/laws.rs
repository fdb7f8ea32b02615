//! Reading the registry-level upstream files: `laws/laws.toml` with its
//! log `laws/changelog/<version>.toml`, and `calendar.toml`.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostic, Location, Rule};
use crate::io::Error;
use crate::io::decode::decode_whole;
use crate::io::walk::{ListFiles, read_text, version_matches, version_named};
use crate::model::{Calendar, LawEntry, Laws, LawsFile, LoggedLawEntry};

/// The directory of the laws under a registry's root; no list may use the
/// name.
pub(crate) const LAWS_DIR: &str = "laws";

/// Reads `laws/` (an empty [`Laws`] when the registry has none).
pub(crate) fn read_laws(root: &Path, problems: &mut Vec<Diagnostic>) -> Result<Laws, Error> {
    let dir = root.join(LAWS_DIR);
    let mut laws = Laws::default();
    match fs::symlink_metadata(&dir) {
        Err(_) => return Ok(laws),
        Ok(m) if m.file_type().is_symlink() => return Err(Error::Symlink(dir)),
        Ok(m) if !m.is_dir() => return Ok(laws),
        Ok(_) => {}
    }
    laws.present = true;
    let fs_ = ListFiles::new(&dir);
    let file = dir.join("laws.toml");
    if let Some(text) = fs_.read(&file, problems)? {
        let (f, p) = decode_whole::<LawsFile>(&file, &text);
        problems.extend(p);
        if let Some(f) = f {
            laws.file = f;
        }
    }
    laws.origin = Some(Arc::from(file.as_path()));
    let mut entries = Vec::new();
    for file in fs_.files("changelog")? {
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(version) = version_named(&file, &name, "laws-log", problems) else {
            continue;
        };
        let Some(text) = fs_.read(&file, problems)? else {
            laws.unreadable = true;
            continue;
        };
        let (entry, p) = decode_whole::<LawEntry>(&file, &text);
        problems.extend(p);
        let Some(entry) = entry else {
            laws.unreadable = true;
            continue;
        };
        version_matches(&file, &text, &entry.version, &version, problems);
        entries.push((version, LoggedLawEntry { entry, file, text }));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    laws.log = entries.into_iter().map(|(_, e)| e).collect();
    // An empty laws directory is a laws registry not yet begun; a log
    // without its laws.toml has lost the file.
    if !laws.log.is_empty() && fs::symlink_metadata(&file).is_err() {
        problems.push(
            Diagnostic::new(
                Rule::MissingFile,
                &file,
                "",
                "the laws directory has a log but no laws.toml",
            )
            .expected("a laws.toml listing every law the log has enacted"),
        );
    }
    Ok(laws)
}

/// Reads `calendar.toml` (an empty calendar when the registry has none).
pub(crate) fn read_calendar(
    root: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Result<Calendar, Error> {
    let file = root.join("calendar.toml");
    if fs::symlink_metadata(&file).is_err() {
        return Ok(Calendar::default());
    }
    let Some(text) = read_text(&file, problems)? else {
        return Ok(Calendar::default());
    };
    let (c, p) = decode_whole::<Calendar>(&file, &text);
    problems.extend(p);
    let calendar = c.unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    for (n, y) in calendar.year.iter().enumerate() {
        if !seen.insert(y.year) {
            problems.push(crate::io::walk::duplicate(
                &file,
                &text,
                format!("year[{n}].year"),
                "calendar year",
                &y.year.to_string(),
            ));
        }
        if let Some((k, d)) = y
            .workdays
            .iter()
            .enumerate()
            .find(|(_, d)| y.holidays.contains(d))
        {
            let path = format!("year[{n}].workdays[{k}]");
            let location = crate::io::decode::span_of(&text, &path).map(|s| Location::of(&text, s));
            problems.push(
                Diagnostic::new(
                    Rule::InvalidValue,
                    &file,
                    path,
                    format!("{d} is listed both as a holiday and as a working day"),
                )
                .at(location)
                .found(d.to_string())
                .expected("each day in one of `holidays` and `workdays`"),
            );
        }
        for (key, days) in [("holidays", &y.holidays), ("workdays", &y.workdays)] {
            if let Some((k, d)) = days.iter().enumerate().find(|(_, d)| d.year() != y.year) {
                let path = format!("year[{n}].{key}[{k}]");
                let location =
                    crate::io::decode::span_of(&text, &path).map(|s| Location::of(&text, s));
                problems.push(
                    Diagnostic::new(
                        Rule::InvalidValue,
                        &file,
                        path,
                        format!("{d} is listed under year {}", y.year),
                    )
                    .at(location)
                    .found(d.to_string())
                    .expected(format!("a day of {}", y.year)),
                );
            }
        }
    }
    Ok(calendar)
}
