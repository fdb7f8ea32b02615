//! Unit-level change sets of many lists, from checkpoints.
//!
//! A *unit* is what a catalogue row and the official count are made of: an
//! item without sub-items, or one sub-item of an item (`id/sub-code`). A
//! unit's *columns* are the item's fields, flattened (`implementation.
//! legal_days`), and for a sub-item unit the sub-item's fields under
//! `sub.`. The unit-level change between two points of a list says which
//! units were added, which removed and, for each changed unit, which
//! columns changed: the question an auditor asks of a whole province
//! (`quanze changes`), answered without the record-level detail and the
//! accounting of [`ChangeSet`](crate::ChangeSet), which stays the tool for
//! one list.
//!
//! A *checkpoint* is the list at a point reduced to its units, sorted by
//! key, each with a 128-bit digest of the whole unit and a 64-bit digest of
//! each column (SHA-256, truncated). A change set is a merge of two
//! checkpoints. With a cache directory, checkpoints are kept under a
//! digest of exactly the files they were computed from (the item files for
//! `files`; the change-log entries up to the version for a version; all
//! entries and the date for a date), the quanze version and the build, so
//! they never go stale, and the file hashes come from the stat index of the
//! check cache. A warm change set of a whole registry reads two small
//! binary files per list and no TOML.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::Digest as _;

use crate::history::Point;
use crate::io::cache::{Stamp, StatIndex, stamped_digest, still};
use crate::io::walk::{list_dirs, read_list_dir};
use crate::io::{Error, LoadOptions};
use crate::model::{Id, Version};
use crate::model::{List, Registry};

/// Why the unit-level change of one list could not be computed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum UnitsError {
    /// The directory is not named by an authority id.
    #[error("list directory name {0:?} is not a valid authority id")]
    BadDirectory(String),
    /// A file a point is computed from has reading problems.
    #[error("the list cannot be read ({count} problem(s)); the first: {first}")]
    Unreadable {
        /// How many problems.
        count: usize,
        /// The first.
        first: Box<crate::diag::Diagnostic>,
    },
    /// The directory has no readable `list.toml`.
    #[error("{}: no list", crate::diag::display_path(.0))]
    NoList(PathBuf),
    /// A file could not be read.
    #[error(transparent)]
    Io(#[from] Error),
    /// The change log does not give a point.
    #[error(transparent)]
    History(#[from] crate::history::Error),
    /// A checkpoint made in this run does not read back (a bug).
    #[error("internal error: a checkpoint does not read back")]
    Checkpoint,
}

/// The unit-level change of one list between two points: see the module
/// documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UnitChanges {
    /// The list's holder.
    pub authority: Id,
    /// The column names that [`UnitChange::columns`] index.
    pub columns: Vec<String>,
    /// Units only on the `to` side, by key.
    pub added: Vec<String>,
    /// Units only on the `from` side, by key.
    pub removed: Vec<String>,
    /// Units on both sides whose columns differ, by key.
    pub changed: Vec<UnitChange>,
    /// Units on both sides.
    pub common: usize,
    /// The problems of the list's history (hash chain, `head`, files
    /// against the replayed log: [`Registry::verify_list`]) found when the
    /// list was read; empty when it verifies. A result from checkpoints
    /// kept in the cache has none: checkpoints are kept only from a history
    /// that verified, and are used only while the files they were made from
    /// have the same bytes.
    #[serde(skip)]
    pub unverified: Vec<crate::diag::Diagnostic>,
}

/// One changed unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UnitChange {
    /// The unit's key: the item id, or `item-id/sub-code`.
    pub unit: String,
    /// The columns that differ (present on one side only, or with different
    /// values), as indexes into [`UnitChanges::columns`], in column order.
    pub columns: Vec<usize>,
}

impl UnitChanges {
    /// The names of a changed unit's columns.
    pub fn column_names<'a>(&'a self, c: &'a UnitChange) -> impl Iterator<Item = &'a str> {
        c.columns.iter().map(|&i| self.columns[i].as_str())
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

const MAGIC: &[u8; 4] = b"QZU1";

/// The flattened columns of a JSON object: nested objects by dotted path,
/// any other value (arrays included) as its JSON text.
fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                flatten(&format!("{prefix}{k}."), v, out);
            }
        }
        other => out.push((
            prefix.strip_suffix('.').unwrap_or(prefix).to_owned(),
            other.to_string(),
        )),
    }
}

/// One unit of a list with its columns: see the module documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Unit {
    /// The item id, or `item-id/sub-code`.
    pub key: String,
    /// Column name and value (as JSON text), sorted by name.
    pub columns: Vec<(String, String)>,
}

/// The units of a list, sorted by key (a duplicate key keeps its first
/// unit).
pub fn units(list: &List) -> Vec<Unit> {
    units_of(list)
        .into_iter()
        .map(|(key, columns)| Unit { key, columns })
        .collect()
}

/// The unit-level change from `a` to `b`, two lists in memory (as
/// [`Registry::unit_changes`] computes it from checkpoints).
pub fn between(a: &List, b: &List) -> UnitChanges {
    compare(&b.authority, &checkpoint(a), &checkpoint(b)).unwrap_or_else(|| UnitChanges {
        authority: b.authority.clone(),
        columns: Vec::new(),
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
        common: 0,
        unverified: Vec::new(),
    })
}

/// An item as JSON without its sub-items, and its sub-items.
fn item_value(item: &crate::model::Item) -> Option<(serde_json::Value, serde_json::Value)> {
    let mut v = serde_json::to_value(item).ok()?;
    let subs = v
        .as_object_mut()
        .and_then(|m| m.remove("sub"))
        .unwrap_or(serde_json::Value::Null);
    Some((v, subs))
}

/// The units of a list: key and sorted columns (the plain way, which
/// [`checkpoint`] must agree with).
fn units_of(list: &List) -> Vec<(String, Vec<(String, String)>)> {
    let mut units = Vec::new();
    for item in &list.items {
        let Some((v, subs)) = item_value(item) else {
            continue;
        };
        let mut base = Vec::new();
        flatten("", &v, &mut base);
        match subs.as_array() {
            Some(subs) if !subs.is_empty() => {
                for (sub, value) in item.sub.iter().zip(subs) {
                    let mut cols = base.clone();
                    flatten("sub.", value, &mut cols);
                    cols.sort();
                    units.push((format!("{}/{}", item.id, sub.code), cols));
                }
            }
            _ => {
                base.sort();
                units.push((item.id.to_string(), base));
            }
        }
    }
    units.sort_by(|a, b| a.0.cmp(&b.0));
    // Keys are unique in a valid list; a duplicate keeps its first unit.
    units.dedup_by(|b, a| a.0 == b.0);
    units
}

fn column_hash(name: &str, text: &[u8]) -> u64 {
    let mut h = sha2::Sha256::new();
    h.update(name.as_bytes());
    h.update([0]);
    h.update(text);
    let d = h.finalize();
    let mut b = [0u8; 8];
    b.copy_from_slice(&d[..8]);
    u64::from_le_bytes(b).max(1)
}

/// The checkpoint of a list: see the module documentation. Layout (little
/// endian): magic, column count, columns (u16 length + UTF-8), unit count,
/// units (u16 key length + key, 16-byte unit digest, one u64 per column,
/// 0 when the unit has no such column).
///
/// The same bytes as writing out [`units`] (a test keeps the two equal), but
/// an item's own columns are flattened and hashed once for all its
/// sub-items, with their names interned and their texts in one buffer.
pub(crate) fn checkpoint(list: &List) -> Vec<u8> {
    let mut names = Names::default();
    let mut rows: Vec<Digested> = Vec::new();
    let (mut path, mut texts) = (String::new(), Vec::new());
    let (mut base, mut sub_cols) = (Vec::new(), Vec::new());
    for item in &list.items {
        let Some((v, subs)) = item_value(item) else {
            continue;
        };
        texts.clear();
        base.clear();
        walk(&mut path, &v, &mut names, &mut texts, &mut base);
        let base = names.hashed(&mut base, &texts);
        match subs.as_array() {
            Some(subs) if !subs.is_empty() => {
                for (sub, value) in item.sub.iter().zip(subs) {
                    let from = texts.len();
                    sub_cols.clear();
                    path.push_str("sub.");
                    walk(&mut path, value, &mut names, &mut texts, &mut sub_cols);
                    path.clear();
                    let subs = names.hashed(&mut sub_cols, &texts);
                    let (whole, cols) = names.unit(&base, &subs, &texts);
                    texts.truncate(from);
                    rows.push((format!("{}/{}", item.id, sub.code), whole, cols));
                }
            }
            _ => {
                let (whole, cols) = names.unit(&base, &[], &texts);
                rows.push((item.id.to_string(), whole, cols));
            }
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows.dedup_by(|b, a| a.0 == b.0);
    // Columns numbered by first use in key order, as `units` lists them.
    let mut order: Vec<Option<usize>> = vec![None; names.names.len()];
    let mut columns: Vec<&str> = Vec::new();
    for (_, _, cols) in &rows {
        for &(id, _) in cols {
            if order[id].is_none() {
                order[id] = Some(columns.len());
                columns.push(&names.names[id]);
            }
        }
    }
    let mut out = header(&columns, rows.len());
    let mut hashes = vec![0u64; columns.len()];
    for (key, whole, cols) in &rows {
        hashes.iter_mut().for_each(|h| *h = 0);
        for &(id, h) in cols {
            if let Some(i) = order[id] {
                hashes[i] = h;
            }
        }
        unit_row(&mut out, key, whole, &hashes);
    }
    out
}

/// The start of a checkpoint: magic, columns and unit count.
fn header(columns: &[&str], units: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + units * (48 + 8 * columns.len()));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&u32::try_from(columns.len()).unwrap_or(0).to_le_bytes());
    for c in columns {
        let b = &c.as_bytes()[..c.len().min(usize::from(u16::MAX))];
        out.extend_from_slice(&u16::try_from(b.len()).unwrap_or(0).to_le_bytes());
        out.extend_from_slice(b);
    }
    out.extend_from_slice(&u32::try_from(units).unwrap_or(0).to_le_bytes());
    out
}

/// One unit of a checkpoint: key, unit digest and column digests.
fn unit_row(out: &mut Vec<u8>, key: &str, whole: &[u8], hashes: &[u64]) {
    let k = &key.as_bytes()[..key.len().min(usize::from(u16::MAX))];
    out.extend_from_slice(&u16::try_from(k.len()).unwrap_or(0).to_le_bytes());
    out.extend_from_slice(k);
    out.extend_from_slice(&whole[..16]);
    for h in hashes {
        out.extend_from_slice(&h.to_le_bytes());
    }
}

/// A unit of a checkpoint being made: key, unit digest, and the name number
/// and digest of each column, in name order.
type Digested = (String, [u8; 16], Vec<(usize, u64)>);

/// Column names seen so far, each with a number.
#[derive(Default)]
struct Names {
    names: Vec<String>,
    ids: std::collections::HashMap<String, usize>,
}

/// A flattened column: name number and where its text is.
type Leaf = (usize, std::ops::Range<usize>);

/// A hashed column: name number, text and digest, sorted by name.
type Hashed = (usize, std::ops::Range<usize>, u64);

impl Names {
    fn id(&mut self, name: &str) -> usize {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        self.names.push(name.to_owned());
        self.ids.insert(name.to_owned(), self.names.len() - 1);
        self.names.len() - 1
    }

    /// Sorts leaves by name and digests each column.
    fn hashed(&self, leaves: &mut [Leaf], texts: &[u8]) -> Vec<Hashed> {
        leaves.sort_by(|a, b| self.names[a.0].cmp(&self.names[b.0]));
        leaves
            .iter()
            .map(|(id, r)| {
                (
                    *id,
                    r.clone(),
                    column_hash(&self.names[*id], &texts[r.clone()]),
                )
            })
            .collect()
    }

    /// A unit of an item's own columns and a sub-item's (each sorted by
    /// name): its digest over all columns in name order, and its columns in
    /// that order.
    fn unit(&self, base: &[Hashed], sub: &[Hashed], texts: &[u8]) -> ([u8; 16], Vec<(usize, u64)>) {
        let mut whole = sha2::Sha256::new();
        let mut cols = Vec::with_capacity(base.len() + sub.len());
        let (mut i, mut j) = (0, 0);
        while i < base.len() || j < sub.len() {
            let take_base =
                j == sub.len() || (i < base.len() && self.names[base[i].0] <= self.names[sub[j].0]);
            let (id, r, h) = if take_base {
                i += 1;
                &base[i - 1]
            } else {
                j += 1;
                &sub[j - 1]
            };
            whole.update(self.names[*id].as_bytes());
            whole.update([0]);
            whole.update(&texts[r.clone()]);
            whole.update([1]);
            cols.push((*id, *h));
        }
        let mut digest = [0u8; 16];
        digest.copy_from_slice(&whole.finalize()[..16]);
        (digest, cols)
    }
}

/// `flatten` with interned names and the texts written into one buffer.
fn walk(
    path: &mut String,
    v: &serde_json::Value,
    names: &mut Names,
    texts: &mut Vec<u8>,
    out: &mut Vec<Leaf>,
) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                let len = path.len();
                path.push_str(k);
                path.push('.');
                walk(path, v, names, texts, out);
                path.truncate(len);
            }
        }
        other => {
            let start = texts.len();
            // Writing JSON into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut *texts, other);
            let id = names.id(path.strip_suffix('.').unwrap_or(path));
            out.push((id, start..texts.len()));
        }
    }
}

/// A checkpoint read for merging.
struct Reader<'a> {
    columns: Vec<&'a str>,
    rest: &'a [u8],
    left: usize,
}

/// One unit of a checkpoint.
struct Row<'a> {
    key: &'a [u8],
    whole: &'a [u8],
    cols: &'a [u8],
}

impl Row<'_> {
    fn col(&self, i: usize) -> u64 {
        let mut b = [0u8; 8];
        b.copy_from_slice(&self.cols[i * 8..i * 8 + 8]);
        u64::from_le_bytes(b)
    }
}

fn take<'a>(b: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if b.len() < n {
        return None;
    }
    let (head, tail) = b.split_at(n);
    *b = tail;
    Some(head)
}

fn u16_of(b: &mut &[u8]) -> Option<usize> {
    take(b, 2).map(|s| usize::from(u16::from_le_bytes([s[0], s[1]])))
}

fn u32_of(b: &mut &[u8]) -> Option<usize> {
    take(b, 4).and_then(|s| usize::try_from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])).ok())
}

impl<'a> Reader<'a> {
    fn new(mut b: &'a [u8]) -> Option<Self> {
        if take(&mut b, 4)? != MAGIC {
            return None;
        }
        let n = u32_of(&mut b)?;
        let mut columns = Vec::with_capacity(n);
        for _ in 0..n {
            let len = u16_of(&mut b)?;
            columns.push(std::str::from_utf8(take(&mut b, len)?).ok()?);
        }
        let left = u32_of(&mut b)?;
        Some(Self {
            columns,
            rest: b,
            left,
        })
    }

    fn next_unit(&mut self) -> Option<Option<Row<'a>>> {
        if self.left == 0 {
            return Some(None);
        }
        self.left -= 1;
        let len = u16_of(&mut self.rest)?;
        let key = take(&mut self.rest, len)?;
        let whole = take(&mut self.rest, 16)?;
        let cols = take(&mut self.rest, 8 * self.columns.len())?;
        Some(Some(Row { key, whole, cols }))
    }
}

/// Whether `b` is a checkpoint that reads to its end.
fn well_formed(b: &[u8]) -> bool {
    let Some(mut r) = Reader::new(b) else {
        return false;
    };
    loop {
        match r.next_unit() {
            None => return false,
            Some(None) => return r.rest.is_empty(),
            Some(Some(_)) => {}
        }
    }
}

/// The unit-level change from checkpoint `a` to checkpoint `b`; `None`
/// when either is not a well-formed checkpoint.
pub(crate) fn compare(authority: &Id, a: &[u8], b: &[u8]) -> Option<UnitChanges> {
    let mut ra = Reader::new(a)?;
    let mut rb = Reader::new(b)?;
    // The union of the columns, and where each is on either side.
    let mut columns: Vec<String> = ra.columns.iter().map(|c| (*c).to_owned()).collect();
    let mut at: Vec<(Option<usize>, Option<usize>)> =
        (0..columns.len()).map(|i| (Some(i), None)).collect();
    for (j, c) in rb.columns.iter().enumerate() {
        match ra.columns.iter().position(|x| x == c) {
            Some(i) => at[i].1 = Some(j),
            None => {
                columns.push((*c).to_owned());
                at.push((None, Some(j)));
            }
        }
    }
    let mut order: Vec<usize> = (0..columns.len()).collect();
    order.sort_by(|&x, &y| columns[x].cmp(&columns[y]));
    let key = |u: &Row<'_>| String::from_utf8_lossy(u.key).into_owned();
    let mut out = UnitChanges {
        authority: authority.clone(),
        columns,
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
        common: 0,
        unverified: Vec::new(),
    };
    let mut x = ra.next_unit()?;
    let mut y = rb.next_unit()?;
    loop {
        let ord = match (&x, &y) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(u), Some(v)) => u.key.cmp(v.key),
        };
        match ord {
            Ordering::Less => {
                if let Some(u) = &x {
                    out.removed.push(key(u));
                }
                x = ra.next_unit()?;
            }
            Ordering::Greater => {
                if let Some(v) = &y {
                    out.added.push(key(v));
                }
                y = rb.next_unit()?;
            }
            Ordering::Equal => {
                if let (Some(u), Some(v)) = (&x, &y) {
                    out.common += 1;
                    if u.whole != v.whole {
                        let cols: Vec<usize> = order
                            .iter()
                            .copied()
                            .filter(|&c| {
                                let (i, j) = at[c];
                                i.map_or(0, |i| u.col(i)) != j.map_or(0, |j| v.col(j))
                            })
                            .collect();
                        out.changed.push(UnitChange {
                            unit: key(u),
                            columns: cols,
                        });
                    }
                }
                x = ra.next_unit()?;
                y = rb.next_unit()?;
            }
        }
    }
    (ra.rest.is_empty() && rb.rest.is_empty()).then_some(out)
}

/// The files a point's state is computed from, in a fixed order, with the
/// kind of key: the item files for `files`, the entries up to the version
/// for a version, all entries for a date.
fn point_inputs(dir: &Path, point: &Point) -> Option<(String, Vec<PathBuf>)> {
    let toml = |sub: &str| crate::io::walk::toml_files(&dir.join(sub)).ok();
    let entries = || -> Option<Vec<(Version, PathBuf)>> {
        let mut v = Vec::new();
        for p in toml("changelog")? {
            let version = p.file_stem()?.to_str()?.parse::<Version>().ok()?;
            v.push((version, p));
        }
        v.sort();
        Some(v)
    };
    match point {
        Point::Files => Some(("files".into(), toml("items")?)),
        Point::Version(want) => Some((
            format!("version {want}"),
            entries()?
                .into_iter()
                .filter(|(v, _)| v <= want)
                .map(|(_, p)| p)
                .collect(),
        )),
        Point::Date(d) => Some((
            format!("date {d}"),
            entries()?.into_iter().map(|(_, p)| p).collect(),
        )),
    }
}

/// The cache file of a point's checkpoint, with the stamps of the files it
/// depends on; `None` when they cannot be stamped.
fn checkpoint_path(
    index: &StatIndex,
    cache: &Path,
    dir: &Path,
    point: &Point,
) -> Option<(PathBuf, Vec<(PathBuf, Stamp)>)> {
    let (kind, mut files) = point_inputs(dir, point)?;
    // A checkpoint is kept only from a history that verified, and stands
    // for it only while the whole change log and `head` are as they were.
    files.extend(crate::io::walk::toml_files(&dir.join("changelog")).ok()?);
    files.push(dir.join("list.toml"));
    files.sort();
    files.dedup();
    let (digest, stamps) = stamped_digest(index, dir, &format!("quanze-units\n{kind}"), files)?;
    Some((cache.join(format!("units-{digest}.bin")), stamps))
}

impl Registry {
    /// The unit-level change from `from` to `to` of every list of the
    /// registry at `root` (or those of [`LoadOptions::only`]), in
    /// directory order: see the [module documentation](crate::units). A
    /// list read with problems, or without the point asked for, gives its
    /// error as text.
    ///
    /// With a cache directory in `options`, checkpoints are kept there and
    /// a list whose checkpoints are both kept is not read at all.
    ///
    /// ```
    /// use quanze::{LoadOptions, Point, Registry};
    /// let from = Point::Version("1.0.0".parse()?);
    /// let to = Point::Version("2.0.0".parse()?);
    /// // Versions are a list's own: ask the city list.
    /// let only = LoadOptions::default().only(["guangzhou-gxj"]);
    /// let lists = Registry::unit_changes("registry", &only, &from, &to)?;
    /// let gz = lists[0].as_ref().expect("the bundled list reads");
    /// assert_eq!(gz.authority.as_str(), "guangzhou-gxj");
    /// assert!(!gz.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Io`] when the registry cannot be listed.
    pub fn unit_changes(
        root: impl AsRef<Path>,
        options: &LoadOptions,
        from: &Point,
        to: &Point,
    ) -> Result<Vec<Result<UnitChanges, UnitsError>>, Error> {
        let root = root.as_ref();
        std::fs::metadata(root).map_err(|source| Error::Io {
            path: root.to_owned(),
            source,
        })?;
        let cache = options.cache.as_deref();
        if let Some(c) = cache {
            std::fs::create_dir_all(c).map_err(|source| Error::Io {
                path: c.to_owned(),
                source,
            })?;
        }
        let index = cache.map(StatIndex::open);
        let results = crate::io::par_lists(
            list_dirs(root, options)?,
            options.progress.as_ref(),
            |dir| {
                let name = dir
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let authority: Id = name
                    .parse()
                    .map_err(|_| UnitsError::BadDirectory(name.clone()))?;
                let paths = match (&index, cache) {
                    (Some(ix), Some(c)) => [from, to].map(|p| checkpoint_path(ix, c, &dir, p)),
                    _ => [None, None],
                };
                let kept = paths
                    .each_ref()
                    .map(|p| p.as_ref().and_then(|(path, _)| std::fs::read(path).ok()));
                if let [Some(a), Some(b)] = &kept
                    && let Some(c) = compare(&authority, a, b)
                {
                    for (path, _) in paths.iter().flatten() {
                        crate::io::cache::touch(path);
                    }
                    return Ok(c);
                }
                // A kept checkpoint that does not read whole is made again.
                let kept = kept.map(|k| k.filter(|b| well_formed(b)));
                let read = read_list_dir(dir.clone(), cache)?;
                // Only the files the two points are computed from must read
                // cleanly (as when the checkpoints are kept).
                let inputs: Vec<PathBuf> = [from, to]
                    .iter()
                    .filter_map(|p| point_inputs(&dir, p))
                    .flat_map(|(_, files)| files)
                    .chain([dir.join("list.toml")])
                    .collect();
                let relevant: Vec<_> = read
                    .problems
                    .iter()
                    .filter(|d| inputs.contains(&d.file) || d.file == dir)
                    .collect();
                if let Some(first) = relevant.first() {
                    return Err(UnitsError::Unreadable {
                        count: relevant.len(),
                        first: Box::new((*first).clone()),
                    });
                }
                let list = read.list.ok_or_else(|| UnitsError::NoList(dir.clone()))?;
                // The history is verified whenever the list is read; only a
                // verified one leaves checkpoints behind.
                // Whether the files agree with the log matters only when a
                // side is the files.
                let files_side = matches!(from, Point::Files) || matches!(to, Point::Files);
                let mut unverified = Self::new(root).verify_list(&list);
                unverified.retain(|d| files_side || d.rule != crate::diag::Rule::UnrecordedChange);
                // Replayed up to the last entry a point needs, so an entry after
                // it cannot make a difference.
                let needed = [from, to]
                    .iter()
                    .map(|p| match p {
                        Point::Files => None,
                        Point::Version(v) => Some(Some(v.clone())),
                        Point::Date(_) => Some(None),
                    })
                    .fold(None, |acc: Option<Option<Version>>, n| match (acc, n) {
                        (None, n) | (n, None) => n,
                        (Some(None), _) | (_, Some(None)) => Some(None),
                        (Some(Some(a)), Some(Some(b))) => Some(Some(a.max(b))),
                    });
                let history = match needed {
                    None => None,
                    Some(upto) => {
                        let entries = list
                            .log
                            .iter()
                            .map(|e| &e.entry)
                            .filter(|e| upto.as_ref().is_none_or(|v| &e.version <= v));
                        Some(crate::history::History::replay(&list.authority, entries)?)
                    }
                };
                let mut made: Vec<Vec<u8>> = Vec::with_capacity(2);
                for (point, (kept, path)) in
                    [from, to].into_iter().zip(kept.into_iter().zip(&paths))
                {
                    let bytes = match kept {
                        Some(b) => b,
                        None => {
                            let (state, _, _) =
                                crate::history::view(&list, history.as_ref(), point)?;
                            let b = checkpoint(&state);
                            if let Some((path, stamps)) = path
                                && unverified.is_empty()
                                && still(stamps)
                            {
                                crate::io::cache::cache_write_bytes(path, &b);
                            }
                            b
                        }
                    };
                    made.push(bytes);
                }
                let mut c =
                    compare(&authority, &made[0], &made[1]).ok_or(UnitsError::Checkpoint)?;
                c.unverified = unverified;
                Ok(c)
            },
        );
        if let Some(ix) = index {
            ix.save();
        }
        Ok(results)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checkpoint written out from [`units`], the plain way.
    fn from_units(list: &List) -> Vec<u8> {
        let units = units_of(list);
        let mut columns: Vec<&str> = Vec::new();
        for (_, cols) in &units {
            for (name, _) in cols {
                if !columns.contains(&name.as_str()) {
                    columns.push(name);
                }
            }
        }
        let mut out = header(&columns, units.len());
        for (key, cols) in &units {
            let mut whole = sha2::Sha256::new();
            let mut hashes = vec![0u64; columns.len()];
            for (name, text) in cols {
                whole.update(name.as_bytes());
                whole.update([0]);
                whole.update(text.as_bytes());
                whole.update([1]);
                let i = columns.iter().position(|c| c == name).unwrap_or(0);
                hashes[i] = column_hash(name, text.as_bytes());
            }
            unit_row(&mut out, key, &whole.finalize(), &hashes);
        }
        out
    }

    #[test]
    fn checkpoints_are_the_units_written_out() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut lists = 0;
        for dir in [
            "registry",
            "tests/fixtures/valid/with-history",
            "tests/fixtures/audit/code-reused",
        ] {
            let Ok(loaded) = Registry::load(root.join(dir)) else {
                continue;
            };
            for list in loaded.registry.lists.values() {
                let mut points = vec![list.clone()];
                for e in &list.log {
                    if let Ok(at) = list.at_version(&e.entry.version) {
                        points.push(at);
                    }
                }
                for at in &points {
                    assert_eq!(checkpoint(at), from_units(at), "{} {}", dir, list.authority);
                    lists += 1;
                }
            }
        }
        assert!(lists >= 8, "{lists} lists compared");
    }
}
