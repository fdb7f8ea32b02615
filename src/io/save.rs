//! Writing: a registry saved into a new directory, and files written
//! atomically.

use std::fs;
use std::io::Write as _;
use std::path::Path;

use crate::io::{Error, io};
use crate::model::{AuthoritiesFile, Category, DocumentsFile, Item, ItemsFile, Registry};

impl Registry {
    /// Writes the registry into `root` in the canonical layout: items grouped
    /// into `items/<category>.toml` in category order, one file per agreement
    /// and per year of statistics, and the flowcharts of lists read from disk.
    /// Each file is written atomically (to a
    /// temporary file, synced, then renamed).
    ///
    /// # Errors
    /// [`Error::NotEmpty`] when `root` exists and holds anything (saving never
    /// overwrites); [`Error::Io`] or [`Error::Serialize`] when writing fails.
    pub fn save(&self, root: impl AsRef<Path>) -> Result<(), Error> {
        let root = root.as_ref();
        if let Ok(mut entries) = fs::read_dir(root)
            && entries.next().is_some()
        {
            return Err(Error::NotEmpty(root.to_owned()));
        }
        fs::create_dir_all(root).map_err(io(root))?;
        write_toml(
            &root.join("authorities.toml"),
            "# Every authority the registry names: list holders and grantors.\n",
            &AuthoritiesFile {
                authority: self.authorities.values().cloned().collect(),
            },
        )?;
        if !self.documents.is_empty() {
            write_toml(
                &root.join("documents.toml"),
                "# Deciding documents, referred to by number.\n",
                &DocumentsFile {
                    document: self.documents.values().cloned().collect(),
                },
            )?;
        }
        if self.laws.present {
            let d = root.join(crate::io::laws::LAWS_DIR);
            fs::create_dir_all(&d).map_err(io(&d))?;
            write_toml(
                &d.join("laws.toml"),
                "# Laws the lists cite, with their versions (written from the laws log).\n",
                &self.laws.file,
            )?;
            for e in &self.laws.log {
                // Written exactly as read: their hashes cover every byte.
                let c = d.join("changelog");
                fs::create_dir_all(&c).map_err(io(&c))?;
                write_atomic(
                    &c.join(format!("{}.toml", e.entry.version)),
                    e.text.as_bytes(),
                )?;
            }
        }
        if !self.calendar.year.is_empty() {
            write_toml(
                &root.join("calendar.toml"),
                "# The official working-day calendar (法定节假日 and 调休).\n",
                &self.calendar,
            )?;
        }
        for (id, list) in &self.lists {
            let dir = root.join(id.as_str());
            fs::create_dir_all(&dir).map_err(io(&dir))?;
            write_toml(&dir.join("list.toml"), "", &list.meta)?;
            for category in Category::ALL {
                let items: Vec<Item> = list
                    .items
                    .iter()
                    .filter(|i| i.category == category)
                    .cloned()
                    .collect();
                if items.is_empty() {
                    continue;
                }
                let items_dir = dir.join("items");
                fs::create_dir_all(&items_dir).map_err(io(&items_dir))?;
                write_toml(
                    &items_dir.join(format!("{}.toml", category.id())),
                    &format!("# {} ({})\n", category.zh(), category.id()),
                    &ItemsFile { item: items },
                )?;
            }
            for a in &list.agreements {
                let d = dir.join("agreements");
                fs::create_dir_all(&d).map_err(io(&d))?;
                write_toml(&d.join(format!("{}.toml", a.id)), "", a)?;
            }
            for e in &list.log {
                // Entries are written exactly as read: their hashes cover every byte.
                let d = dir.join("changelog");
                fs::create_dir_all(&d).map_err(io(&d))?;
                write_atomic(
                    &d.join(crate::model::file_name(&e.entry.version)),
                    e.text.as_bytes(),
                )?;
            }
            for s in &list.statistics {
                let d = dir.join("statistics");
                fs::create_dir_all(&d).map_err(io(&d))?;
                write_toml(&d.join(format!("{}.toml", s.year)), "", s)?;
            }
            // The flowcharts of a list read from disk go with it, as they
            // are (only the ones that read safely with their recorded hash).
            if let Some(from) = list.dir() {
                for fc in list.items.iter().filter_map(|i| i.flowchart.as_ref()) {
                    if let Ok(bytes) = crate::io::flowchart::read(from, fc) {
                        let d = dir.join("flowcharts");
                        fs::create_dir_all(&d).map_err(io(&d))?;
                        write_atomic(&dir.join(&fc.file), &bytes)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Writes `value` as TOML to `path` atomically: a temporary file in the same
/// directory is written and synced, then renamed over `path`.
fn write_toml<T: serde::Serialize>(path: &Path, header: &str, value: &T) -> Result<(), Error> {
    let body = toml::to_string(value).map_err(|e| Error::Serialize {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    write_atomic(path, format!("{header}{body}").as_bytes())
}

/// Writes `bytes` to `path` so that a crash leaves either the old file or the
/// new one, never a mix.
///
/// # Errors
/// [`Error::Io`] when the temporary file cannot be written, synced or renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let fail = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    // Created exclusively (O_EXCL) under a random name in the target's
    // directory, so a planted file or symlink is never written through;
    // removed when dropped unless persisted.
    let mut tmp = temp_in(dir, path).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    sync_dir(dir);
    Ok(())
}

/// A new temporary file beside `target`, named `.<name>.<random>.tmp`,
/// with the permissions the file it replaces has, or, for a new file, those
/// of any file the user creates (0666 less the umask): a temporary file's
/// own 0600 would make a published catalogue unreadable to a web server and
/// a list file unreadable to the rest of the office.
pub(crate) fn temp_in(dir: &Path, target: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir)?;
    // A link in the target's place is replaced, not followed: only a
    // regular file lends its permissions.
    if let Ok(m) = fs::symlink_metadata(target)
        && m.is_file()
    {
        tmp.as_file().set_permissions(m.permissions())?;
    }
    Ok(tmp)
}

/// Syncs a directory after a rename into it, so the new name survives a
/// power loss (best effort: not every platform can open a directory).
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
