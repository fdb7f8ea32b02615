//! Recording law events: `quanze law enact|amend|repeal` and laws
//! operations files append an entry to the hash-chained laws log and
//! rewrite `laws/laws.toml` to match, as one transaction, after checking
//! the result with every rule of the laws.

use std::fs;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::io::Error;
use crate::io::txn::{commit, lock, recover};
use crate::model::{
    Bump, Date, Decision, HashAlg, LawEntry, LawEvent, LawsFile, LoggedLawEntry, Registry, Version,
};
use crate::record::{Rejection, WriteError};

/// What to record in the laws log.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct LawRecord {
    /// The new version; when absent, the last one bumped as the events
    /// require (1.0.0 for the first entry).
    pub version: Option<Version>,
    /// The entry's date: the day the event is recorded (an amendment's or
    /// repeal's `effective` defaults to it).
    pub date: Date,
    /// The deciding documents; the first is the one the law's record names
    /// as the amending or repealing document.
    pub decided_by: Vec<Decision>,
    /// Why.
    pub reason: Option<String>,
    /// The events.
    pub events: Vec<LawEvent>,
    /// The hash algorithm of the new link.
    pub hash: HashAlg,
}

impl LawRecord {
    /// A record of `events` on `date`, decided by `decided_by`.
    pub fn new(date: Date, decided_by: Vec<Decision>, events: Vec<LawEvent>) -> Self {
        Self {
            version: None,
            date,
            decided_by,
            reason: None,
            events,
            hash: HashAlg::Sha256,
        }
    }
}

/// What was (or in a dry run would be) recorded.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RecordedLaws {
    /// The new entry.
    pub entry: LawEntry,
    /// Its text (the bytes its hash covers).
    pub text: String,
    /// The new laws.toml.
    pub laws_toml: String,
    /// The files written, relative to `laws/`.
    pub files: Vec<String>,
}

const LAWS_HEADER: &str = "#:schema ../../docs/schema/laws.schema.json\n# Laws, regulations and rules the lists cite, with their versions. Written by quanze from the\n# laws log (changelog/): record each enactment, amendment and repeal with `quanze law`.\n";

/// Records `rec` in the laws log of the registry at `root`.
///
/// # Errors
/// [`WriteError::Locked`] when another writer holds the lock,
/// [`WriteError::Invalid`] when the laws have problems now or would have
/// after the entry, [`WriteError::Rejected`] for a version, date or event
/// that does not fit; I/O errors.
pub fn record_laws(
    root: &Path,
    rec: &LawRecord,
    dry_run: bool,
) -> Result<RecordedLaws, WriteError> {
    if rec.decided_by.is_empty() {
        return Err(WriteError::Rejected(Rejection::NoDecision));
    }
    if rec.events.is_empty() {
        return Err(WriteError::Rejected(Rejection::Unwritable(
            "a laws-log entry needs at least one event".into(),
        )));
    }
    let dir = root.join(crate::io::laws::LAWS_DIR);
    let _lock = lock_laws(&dir, dry_run)?;
    let loaded = Registry::load_with(
        root,
        &crate::LoadOptions::default().only(Vec::<String>::new()),
    )?;
    let mut reg = loaded.registry;
    let mut problems: Vec<Diagnostic> = loaded
        .problems
        .into_iter()
        .filter(|d| d.file.starts_with(&dir))
        .collect();
    problems.extend(
        reg.validate_shared()
            .into_iter()
            .filter(|d| d.file.starts_with(&dir) && d.is_error()),
    );
    if !problems.is_empty() {
        return Err(WriteError::Invalid(problems));
    }
    let version = next_version(reg.laws.log.last().map(|e| &e.entry), rec)?;
    let alg = rec.hash;
    let entry = LawEntry {
        version: version.clone(),
        date: rec.date,
        reason: rec.reason.clone(),
        previous: reg
            .laws
            .log
            .last()
            .map(|e| alg.hash(&crate::model::canonical(&e.text))),
        decided_by: rec.decided_by.clone(),
        event: rec.events.clone(),
    };
    let body = toml::to_string_pretty(&entry).map_err(|e| Rejection::Unwritable(e.to_string()))?;
    let text = format!(
        "# Laws-log entry {version}: written by quanze; never edit it (its hash is sealed by the next entry or laws.toml).\n{body}"
    );
    // The laws after the entry: the file's own records, replayed.
    let mut state = reg.laws.file.law.clone();
    if reg.laws.log.is_empty() {
        // A laws.toml without a log: its records are the starting point
        // only when the entry enacts them; otherwise the log starts here.
        state.clear();
        for l in &reg.laws.file.law {
            if !rec.events.iter().any(|e| e.law() == &l.id) {
                return Err(WriteError::Rejected(Rejection::Unwritable(format!(
                    "laws.toml holds `{}`, which no laws-log entry enacts: record every law with `quanze law enact` first",
                    l.id
                ))));
            }
        }
    }
    crate::history::apply_law_entry(&mut state, reg.laws.log.len(), &entry)
        .map_err(|e| WriteError::Rejected(Rejection::Unwritable(e.to_string())))?;
    let file = LawsFile {
        version: Some(version.clone()),
        head: Some(alg.hash(&crate::model::canonical(&text))),
        note: reg.laws.file.note.clone(),
        law: state,
    };
    let laws_body =
        toml::to_string_pretty(&file).map_err(|e| Rejection::Unwritable(e.to_string()))?;
    let laws_toml = format!("{LAWS_HEADER}{laws_body}");
    // The result, checked with every rule of the laws before anything is written.
    let entry_file = dir.join("changelog").join(format!("{version}.toml"));
    reg.laws.file = file;
    reg.laws.present = true;
    reg.laws.log.push(LoggedLawEntry {
        entry: entry.clone(),
        file: entry_file,
        text: text.clone(),
    });
    let after: Vec<Diagnostic> = reg
        .validate_shared()
        .into_iter()
        .filter(|d| d.file.starts_with(&dir) && d.is_error())
        .collect();
    if !after.is_empty() {
        return Err(WriteError::Invalid(after));
    }
    let files = vec![
        ("laws.toml".to_owned(), laws_toml.clone()),
        (format!("changelog/{version}.toml"), text.clone()),
    ];
    if !dry_run {
        commit(&dir, &files)?;
    }
    Ok(RecordedLaws {
        entry,
        text,
        laws_toml,
        files: files.into_iter().map(|(f, _)| f).collect(),
    })
}

/// The laws directory, made when absent, and its lock (none in a dry run).
fn lock_laws(dir: &Path, dry_run: bool) -> Result<Option<crate::io::ListLock>, WriteError> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => return Err(Error::Symlink(dir.to_owned()).into()),
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(Error::Io {
                path: dir.to_owned(),
                source: std::io::Error::other("not a directory"),
            }
            .into());
        }
        Err(_) if dry_run => {}
        Err(_) => fs::create_dir(dir).map_err(|source| Error::Io {
            path: dir.to_owned(),
            source,
        })?,
    }
    if dry_run {
        return Ok(None);
    }
    let l = lock(dir).map_err(|e| match e {
        Error::Locked(_) => WriteError::Locked("laws".into()),
        other => WriteError::Registry(other),
    })?;
    recover(dir)?;
    Ok(Some(l))
}

/// The version the entry gets, checked against the last entry's version
/// and date.
fn next_version(prev: Option<&LawEntry>, rec: &LawRecord) -> Result<Version, WriteError> {
    let required = rec
        .events
        .iter()
        .map(LawEvent::bump)
        .max()
        .unwrap_or(Bump::Patch);
    let version = match (&rec.version, prev) {
        (Some(v), _) => v.clone(),
        (None, None) => "1.0.0".parse().map_err(|e: crate::model::ParseError| {
            WriteError::Rejected(Rejection::Unwritable(e.to_string()))
        })?,
        (None, Some(p)) => bumped(&p.version, required)?,
    };
    if let Some(p) = prev {
        match Bump::between(&p.version, &version) {
            None => {
                return Err(WriteError::Rejected(Rejection::VersionNotIncreasing {
                    version,
                    previous: p.version.clone(),
                }));
            }
            Some(b) if b < required => {
                return Err(WriteError::Rejected(Rejection::BumpTooSmall {
                    version,
                    previous: p.version.clone(),
                    declared: b,
                    required,
                }));
            }
            Some(_) => {}
        }
        if rec.date < p.date {
            return Err(WriteError::Rejected(Rejection::DateBeforeLast {
                date: rec.date,
                previous: p.date,
            }));
        }
    }
    Ok(version)
}

fn bumped(v: &Version, bump: Bump) -> Result<Version, WriteError> {
    let s = v.semver();
    let too_large = || {
        WriteError::Rejected(Rejection::Unwritable(format!(
            "version {v} cannot be bumped: give --version"
        )))
    };
    let next = match bump {
        Bump::Major => format!("{}.0.0", s.major.checked_add(1).ok_or_else(too_large)?),
        Bump::Minor => format!(
            "{}.{}.0",
            s.major,
            s.minor.checked_add(1).ok_or_else(too_large)?
        ),
        Bump::Patch => format!(
            "{}.{}.{}",
            s.major,
            s.minor,
            s.patch.checked_add(1).ok_or_else(too_large)?
        ),
    };
    next.parse().map_err(|e: crate::model::ParseError| {
        WriteError::Rejected(Rejection::Unwritable(e.to_string()))
    })
}

/// A laws operations file (`quanze law apply FILE`): `version` (optional),
/// `date`, `reason`, `[[decided_by]]` and `[[event]]`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LawOpsFile {
    /// The new version (the required bump of the last when absent).
    #[serde(default)]
    pub version: Option<Version>,
    /// The entry's date.
    pub date: Date,
    /// Why.
    #[serde(default)]
    pub reason: Option<String>,
    /// The deciding documents (as in a list's operations file).
    #[serde(default)]
    pub decided_by: Vec<crate::record::DocumentRef>,
    /// The events.
    #[serde(default)]
    pub event: Vec<LawEvent>,
}

impl LawOpsFile {
    /// The record it asks for, with its documents completed from
    /// documents.toml.
    ///
    /// # Errors
    /// A document neither the file nor documents.toml describes in full.
    pub fn record(&self, reg: &Registry, hash: HashAlg) -> Result<LawRecord, WriteError> {
        let ops = crate::record::OpsFile {
            version: "0.0.0".parse().map_err(|e: crate::model::ParseError| {
                WriteError::Rejected(Rejection::Unwritable(e.to_string()))
            })?,
            date: self.date,
            reason: None,
            previous: None,
            decided_by: self.decided_by.clone(),
            answers: Vec::new(),
            op: Vec::new(),
        };
        Ok(LawRecord {
            version: self.version.clone(),
            date: self.date,
            decided_by: ops.decisions(reg)?,
            reason: self.reason.clone(),
            events: self.event.clone(),
            hash,
        })
    }
}

/// Reads a laws operations file.
///
/// # Errors
/// When it cannot be read or parsed (the problems name the place).
pub fn read_law_ops(path: &Path) -> Result<LawOpsFile, WriteError> {
    let text = fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let (ops, problems) = crate::io::decode::decode_whole::<LawOpsFile>(path, &text);
    match ops {
        Some(o) if problems.is_empty() => Ok(o),
        _ => Err(WriteError::Invalid(problems)),
    }
}
