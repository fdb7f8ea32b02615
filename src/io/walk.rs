//! The walk of a registry directory: the list directories, their files
//! (through a pending transaction's overlay), and each list read into a
//! [`List`] with its reading problems.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Location, Rule};
use crate::io::cache::{cached_entry, cached_records};
use crate::io::decode::{decode_records, decode_whole};
use crate::io::{Error, ListRead, LoadOptions, io, par_map};
use crate::model::{Agreement, Id, Item, List, ListMeta, Origin, Statistics};

/// Reads a file as UTF-8 text, dropping a leading byte-order mark.
pub(crate) fn read_text(
    path: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Result<Option<String>, Error> {
    read_text_from(path, path, problems)
}

/// Reads `from`, reporting problems under the name `path`.
fn read_text_from(
    path: &Path,
    from: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Result<Option<String>, Error> {
    if let Ok(m) = fs::symlink_metadata(from) {
        if m.file_type().is_symlink() {
            return Err(Error::Symlink(from.to_owned()));
        }
        // A FIFO or a device would block the read or never end.
        if !m.is_file() {
            return Err(io(from)(std::io::Error::other(
                "not a regular file; a registry file must be one",
            )));
        }
    }
    match fs::read(from) {
        // Validated with SIMD (std's check was a tenth of a check's
        // instructions on CJK text), then copied, which costs far less.
        Ok(bytes) => match simdutf8::basic::from_utf8(&bytes) {
            Ok(s) => {
                let text = s.strip_prefix('\u{feff}').unwrap_or(s);
                if text.starts_with('\u{feff}') {
                    problems.push(
                        Diagnostic::new(
                            Rule::Syntax,
                            path,
                            "",
                            "the file starts with two byte-order marks",
                        )
                        .expected("at most one byte-order mark (UTF-8 text needs none)"),
                    );
                    return Ok(None);
                }
                Ok(Some(text.to_owned()))
            }
            Err(_) => {
                let at = std::str::from_utf8(&bytes)
                    .err()
                    .map_or(0, |e| e.valid_up_to());
                problems.push(
                    Diagnostic::new(Rule::MissingFile, path, "", "the file is not UTF-8 text")
                        .found(format!("an invalid byte at offset {at}"))
                        .expected("UTF-8 text"),
                );
                Ok(None)
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(path)(e)),
    }
}

/// A list directory as readers see it: its files, overlaid by the staged
/// files of a committed transaction that a writer has not finished moving
/// into place (see `write.rs`).
pub(crate) struct ListFiles {
    dir: PathBuf,
    /// The staged files' root and the files staged there (relative).
    overlay: Option<(PathBuf, Vec<String>)>,
}

impl ListFiles {
    pub(crate) fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_owned(),
            overlay: crate::io::txn::overlay(dir),
        }
    }

    /// The `.toml` files of `sub`, by the names they have (or will have) in
    /// the list directory.
    pub(crate) fn files(&self, sub: &str) -> Result<Vec<PathBuf>, Error> {
        let mut files = toml_files(&self.dir.join(sub))?;
        if let Some((_, staged)) = &self.overlay {
            for rel in staged {
                if let Some((dir, name)) = rel.split_once('/')
                    && dir == sub
                {
                    let target = self.dir.join(sub).join(name);
                    if !files.contains(&target) {
                        files.push(target);
                    }
                }
            }
            files.sort();
        }
        Ok(files)
    }

    /// Reads a file of the list, through the overlay.
    pub(crate) fn read(
        &self,
        target: &Path,
        problems: &mut Vec<Diagnostic>,
    ) -> Result<Option<String>, Error> {
        if let (Some((o, staged)), Ok(rel)) = (&self.overlay, target.strip_prefix(&self.dir))
            && rel.to_str().is_some_and(|r| staged.iter().any(|s| s == r))
        {
            let staged = o.join(rel);
            if let Some(text) = read_text_from(target, &staged, problems)? {
                return Ok(Some(text));
            }
        }
        read_text(target, problems)
    }
}

/// The `.toml` files of a directory, sorted by name; none when it is absent.
pub(crate) fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    if fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Error::Symlink(dir.to_owned()));
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir)(e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        // A link is refused, not followed: a planted `items/x.toml` pointing
        // at a secret would otherwise print it in a diagnostic's excerpt.
        if entry.file_type().map_err(io(&path))?.is_symlink() {
            return Err(Error::Symlink(path));
        }
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The list directories of `root` (not hidden), sorted, narrowed to
/// `options.only`.
/// The directories of a list that hold records, one `.toml` file each (or
/// several records per file, for `items`).
pub(crate) const LIST_SUBDIRS: [&str; 4] = ["items", "agreements", "changelog", "statistics"];

pub(crate) fn list_dirs(root: &Path, options: &LoadOptions) -> Result<Vec<PathBuf>, Error> {
    let mut dirs = Vec::new();
    for entry in fs::read_dir(root).map_err(io(root))? {
        let entry = entry.map_err(io(root))?;
        let path = entry.path();
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        if name.starts_with('.') || name == crate::io::laws::LAWS_DIR {
            continue;
        }
        if entry.file_type().map_err(io(&path))?.is_symlink() {
            return Err(Error::Symlink(path));
        }
        if !path.is_dir() {
            continue;
        }
        if options
            .only
            .as_ref()
            .is_some_and(|only| !only.contains(&name))
        {
            continue;
        }
        dirs.push(path);
    }
    dirs.sort();
    Ok(dirs)
}

/// Reads one list directory.
pub(crate) fn read_list_dir(dir: PathBuf, cache: Option<&Path>) -> Result<ListRead, Error> {
    let mut problems = Vec::new();
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let list = match name.parse::<Id>() {
        Ok(id) => {
            // Held while the list's files are read: a writer's commit waits
            // for it, and it waits for a commit, so the files read are of
            // one state. A writer makes the lock file before its first
            // commit: when there was none before the read and there is one
            // after, a writer may have committed meanwhile, and the list is
            // read again under the lock.
            let guard = crate::io::txn::read_guard(&dir);
            let had_lock = guard.is_some();
            let mut list = load_list(&dir, id.clone(), cache, &mut problems)?;
            drop(guard);
            if !had_lock && let Some(again) = crate::io::txn::read_guard(&dir) {
                problems.clear();
                list = load_list(&dir, id, cache, &mut problems)?;
                drop(again);
            }
            if let Some(l) = &mut list {
                l.origin.problems.clone_from(&problems);
            }
            list
        }
        Err(e) => {
            problems.push(
                Diagnostic::new(
                    Rule::UnsafeId,
                    &dir,
                    "",
                    format!("list directory name {name:?} is not a valid authority id"),
                )
                .found(name)
                .expected(e.expected),
            );
            None
        }
    };
    Ok(ListRead {
        dir,
        list,
        problems,
    })
}

pub(crate) fn duplicate(
    file: &Path,
    text: &str,
    key: String,
    what: &str,
    value: &str,
) -> Diagnostic {
    let location = crate::io::decode::span_of(text, &key).map(|s| Location::of(text, s));
    Diagnostic::new(
        Rule::DuplicateId,
        file,
        key,
        format!("duplicate {what} `{value}`"),
    )
    .at(location)
    .found(value)
    .expected(format!("a {what} not used before in the file"))
}

fn load_list(
    dir: &Path,
    id: Id,
    cache: Option<&Path>,
    problems: &mut Vec<Diagnostic>,
) -> Result<Option<List>, Error> {
    let fs_ = ListFiles::new(dir);
    let meta_file = dir.join("list.toml");
    let meta = match fs_.read(&meta_file, problems)? {
        Some(text) => {
            let (meta, p) = decode_whole::<ListMeta>(&meta_file, &text);
            problems.extend(p);
            meta
        }
        None => {
            if !meta_file.exists() {
                problems.push(
                    Diagnostic::new(
                        Rule::MissingFile,
                        &meta_file,
                        "",
                        "the list directory has no list.toml",
                    )
                    .expected("a list.toml with the list's title and version"),
                );
            }
            None
        }
    };
    let Some(meta) = meta else {
        return Ok(None);
    };
    let mut list = List::new(id, meta);
    list.origin.meta = Some(meta_file.into());

    read_items(&fs_, &mut list, cache, problems)?;
    read_agreements(&fs_, &mut list, problems)?;
    read_log(&fs_, &mut list, cache, problems)?;
    read_statistics(&fs_, &mut list, problems)?;
    Ok(Some(list))
}

/// The item files of a list, in published order.
fn read_items(
    fs_: &ListFiles,
    list: &mut List,
    cache: Option<&Path>,
    problems: &mut Vec<Diagnostic>,
) -> Result<(), Error> {
    // Item files are parsed in parallel (parsing dominates loading); the
    // results are taken in file-name order, so the outcome is the same as a
    // sequential load.
    let parsed = par_map(fs_.files("items")?, |file| {
        let mut file_problems = Vec::new();
        let text = fs_.read(&file, &mut file_problems)?;
        let decoded = text.map(|t| match cache {
            Some(c) => cached_records(c, &file, &t),
            None => decode_records::<Item>(&file, &t, "item"),
        });
        Ok((file, file_problems, decoded))
    });
    for result in parsed {
        let (file, file_problems, decoded) = result?;
        problems.extend(file_problems);
        let Some(d) = decoded else { continue };
        problems.extend(d.problems);
        list.origin.unreadable.extend(d.unreadable);
        let file: Arc<Path> = file.into();
        for (index, item) in d.records {
            list.items.push(item);
            list.origin.items.push(Origin {
                file: file.clone(),
                index,
            });
        }
    }

    // Published order: by category, then by code. Each record stays beside
    // its origin.
    let mut pairs: Vec<(Item, Origin)> = std::mem::take(&mut list.items)
        .into_iter()
        .zip(std::mem::take(&mut list.origin.items))
        .collect();
    pairs.sort_by(|(a, _), (b, _)| Item::published_order(a, b));
    (list.items, list.origin.items) = pairs.into_iter().unzip();
    Ok(())
}

/// The agreements of a list, in file-name order.
fn read_agreements(
    fs_: &ListFiles,
    list: &mut List,
    problems: &mut Vec<Diagnostic>,
) -> Result<(), Error> {
    for file in fs_.files("agreements")? {
        let name = stem(&file);
        let Some(text) = fs_.read(&file, problems)? else {
            list.origin.unreadable_agreements.insert(name);
            continue;
        };
        let (a, p) = decode_whole::<Agreement>(&file, &text);
        problems.extend(p);
        let Some(a) = a else {
            list.origin.unreadable_agreements.insert(name);
            continue;
        };
        if a.id.as_str() != name {
            let location = crate::io::decode::span_of(&text, "id").map(|s| Location::of(&text, s));
            problems.push(
                Diagnostic::new(
                    Rule::FileName,
                    &file,
                    "id",
                    format!("agreement id `{}` does not match its file name", a.id),
                )
                .at(location)
                .found(a.id.as_str())
                .expected(format!("`{name}`, the file's name without `.toml`")),
            );
        }
        list.agreements.push(a);
        list.origin.agreements.push(file.into());
    }
    Ok(())
}

/// The version a log entry's file is named by, or its problem (`what`
/// names the log: `change-log`, `laws-log`).
pub(crate) fn version_named(
    file: &Path,
    name: &str,
    what: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<crate::model::Version> {
    let version = name.parse::<crate::model::Version>().ok();
    if version.is_none() {
        problems.push(
            Diagnostic::new(
                Rule::FileName,
                file,
                "",
                format!("{what} file {name:?} is not named by a version"),
            )
            .found(name)
            .expected("<version>.toml, e.g. 1.2.0.toml"),
        );
    }
    version
}

/// The problem of an entry whose `version` is not its file's name.
pub(crate) fn version_matches(
    file: &Path,
    text: &str,
    found: &crate::model::Version,
    named: &crate::model::Version,
    problems: &mut Vec<Diagnostic>,
) {
    if found == named {
        return;
    }
    let location = crate::io::decode::span_of(text, "version").map(|s| Location::of(text, s));
    problems.push(
        Diagnostic::new(
            Rule::FileName,
            file,
            "version",
            format!("version {found} does not match the file name"),
        )
        .at(location)
        .found(found.to_string())
        .expected(format!("{named}, the file's name without `.toml`")),
    );
}

/// The change-log entries of a list, in version order.
fn read_log(
    fs_: &ListFiles,
    list: &mut List,
    cache: Option<&Path>,
    problems: &mut Vec<Diagnostic>,
) -> Result<(), Error> {
    let mut entries = Vec::new();
    for file in fs_.files("changelog")? {
        let name = stem(&file);
        let Some(version) = version_named(&file, &name, "change-log", problems) else {
            continue;
        };
        let Some(text) = fs_.read(&file, problems)? else {
            list.origin.unreadable_entries.insert(name);
            continue;
        };
        let (entry, p) = cached_entry(cache, &file, &text);
        problems.extend(p);
        let Some(entry) = entry else {
            list.origin.unreadable_entries.insert(name);
            continue;
        };
        version_matches(&file, &text, &entry.version, &version, problems);
        entries.push((version, crate::model::LoggedEntry { entry, file, text }));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    list.log = entries.into_iter().map(|(_, e)| e).collect();
    Ok(())
}

/// The statistics of a list, in file-name order.
fn read_statistics(
    fs_: &ListFiles,
    list: &mut List,
    problems: &mut Vec<Diagnostic>,
) -> Result<(), Error> {
    for file in fs_.files("statistics")? {
        let Some(text) = fs_.read(&file, problems)? else {
            continue;
        };
        let (s, p) = decode_whole::<Statistics>(&file, &text);
        problems.extend(p);
        let Some(s) = s else { continue };
        let name = stem(&file);
        if s.year.to_string() != name {
            let location =
                crate::io::decode::span_of(&text, "year").map(|sp| Location::of(&text, sp));
            problems.push(
                Diagnostic::new(
                    Rule::FileName,
                    &file,
                    "year",
                    format!("year {} does not match the file name", s.year),
                )
                .at(location)
                .found(s.year.to_string())
                .expected(format!("{name}, the file's name without `.toml`")),
            );
        }
        list.statistics.push(s);
        list.origin.statistics.push(file.into());
    }
    Ok(())
}
