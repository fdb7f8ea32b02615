//! An imported list written into a registry: a new list whole, or the files
//! of an existing list rewritten to the imported state (its change log is
//! not touched: `quanze adjust` records the change with its deciding
//! document).

use std::fs;
use std::path::Path;

use crate::import::Imported;
use crate::io::{Error, io, write_atomic};
use crate::model::{
    AuthoritiesFile, Category, Code, DocumentsFile, Item, ItemsFile, List, Registry, Status,
};

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Written {
    /// The files written, relative to the registry.
    pub files: Vec<String>,
    /// True when the list existed and its files were rewritten.
    pub existing: bool,
    /// Items of the existing list in force that the import does not have:
    /// marked cancelled from the import's date.
    pub cancelled: Vec<Code>,
    /// Items of the existing list matched by code or name, whose ids and
    /// the elements no spreadsheet carries were kept.
    pub kept: usize,
}

/// Writes `imported` into the registry at `root` (read as `reg`).
///
/// The list's files are written as one transaction under the list's lock;
/// `authorities.toml` gets the authorities the import needs, and
/// `documents.toml` is created when absent.
///
/// # Errors
/// When the list is locked by another writer, or a file cannot be written.
pub fn write(root: &Path, reg: &Registry, imported: &Imported) -> Result<Written, Error> {
    fs::create_dir_all(root).map_err(io(root))?;
    let id = imported.list.authority.as_str();
    let dir = root.join(id);
    if id == crate::io::laws::LAWS_DIR {
        return Err(Error::Io {
            path: dir,
            source: std::io::Error::other(
                "`laws` is the registry's laws directory, a reserved name: no list may use it",
            ),
        });
    }
    if fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Error::Symlink(dir));
    }
    fs::create_dir_all(&dir).map_err(io(&dir))?;
    let _lock = crate::io::txn::lock(&dir)?;
    crate::io::txn::recover(&dir)?;
    let existing = reg.list(id).filter(|_| dir.join("list.toml").exists());
    let (list, mut written) = merged(reg, imported);
    written.existing = existing.is_some();
    let mut files = Vec::new();
    if let Some(old) = existing {
        files = crate::record::rewrite_items(old, &dir, list.items.clone())?;
    }
    for category in Category::ALL.into_iter().filter(|_| existing.is_none()) {
        let items: Vec<Item> = list
            .items
            .iter()
            .filter(|i| i.category == category)
            .cloned()
            .collect();
        let rel = format!("items/{}.toml", category.id());
        if items.is_empty() {
            continue;
        }
        let body = toml::to_string(&ItemsFile { item: items }).map_err(|e| Error::Serialize {
            path: dir.join(&rel),
            message: e.to_string(),
        })?;
        files.push((
            rel,
            format!(
                "# {} ({}) — written by `quanze import`; see docs/importing.md\n{body}",
                category.zh(),
                category.id()
            ),
        ));
    }
    if existing.is_none() {
        let meta = toml::to_string(&list.meta).map_err(|e| Error::Serialize {
            path: dir.join("list.toml"),
            message: e.to_string(),
        })?;
        files.push(("list.toml".to_owned(), meta));
    }
    for a in &list.agreements {
        let rel = format!("agreements/{}.toml", a.id);
        if existing.is_some() && dir.join(&rel).exists() {
            continue;
        }
        let text = toml::to_string(a).map_err(|e| Error::Serialize {
            path: dir.join(&rel),
            message: e.to_string(),
        })?;
        files.push((rel, text));
    }
    if !files.is_empty() {
        crate::io::txn::commit(&dir, &files)?;
    }
    written.files = files.iter().map(|(rel, _)| format!("{id}/{rel}")).collect();
    if !imported.authorities.is_empty() {
        add_authorities(root, imported)?;
        written.files.push("authorities.toml".to_owned());
    }
    let docs = root.join("documents.toml");
    if !docs.exists() {
        let body = toml::to_string(&DocumentsFile::default()).unwrap_or_default();
        write_atomic(
            &docs,
            format!("# Deciding documents, referred to by number.\n{body}").as_bytes(),
        )?;
        written.files.push("documents.toml".to_owned());
    }
    Ok(written)
}

/// `authorities.toml` with the import's authorities appended (its text, and
/// so its comments, kept).
fn add_authorities(root: &Path, imported: &Imported) -> Result<(), Error> {
    let path = root.join("authorities.toml");
    // Two imports append one at a time; an authority another import added
    // meanwhile is not added twice.
    let _lock = crate::io::txn::lock_wait(&root.join(".authorities.lock"))?;
    if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Error::Symlink(path));
    }
    let old = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            "# Every authority the registry names: list holders and grantors.\n".to_owned()
        }
        Err(e) => return Err(io(&path)(e)),
    };
    let known: AuthoritiesFile = toml::from_str(&old).unwrap_or_default();
    let fresh: Vec<_> = imported
        .authorities
        .iter()
        .filter(|a| !known.authority.iter().any(|k| k.id == a.id))
        .cloned()
        .collect();
    if fresh.is_empty() {
        return Ok(());
    }
    let add =
        toml::to_string(&AuthoritiesFile { authority: fresh }).map_err(|e| Error::Serialize {
            path: path.clone(),
            message: e.to_string(),
        })?;
    let note =
        "\n# Added by `quanze import`: check each level, and set each region (行政区划代码).\n";
    let sep = if old.ends_with('\n') || old.is_empty() {
        ""
    } else {
        "\n"
    };
    write_atomic(&path, format!("{old}{sep}{note}{add}").as_bytes())
}

/// The list an import leaves: the imported list itself for a new list, or
/// merged into the existing one ([`merge`]). What `check` will say of the
/// result is said of this.
pub fn merged(reg: &Registry, imported: &Imported) -> (List, Written) {
    let mut list = imported.list.clone();
    let mut written = Written {
        files: Vec::new(),
        existing: false,
        cancelled: Vec::new(),
        kept: 0,
    };
    if let Some(old) = reg.list(list.authority.as_str()) {
        written.existing = true;
        // Rows refused (and left out by --keep-going) are not rows the
        // sheet lacks: nothing is cancelled then.
        let cancel = imported.report.rejected.is_empty();
        merge(&mut list, old, imported.effective, cancel, &mut written);
        list.log.clone_from(&old.log);
    }
    // A basis citing by title a law the registry records gets its id (an
    // ended item's record stays as it ended).
    for item in list.items.iter_mut().filter(|i| i.ended.is_none()) {
        for b in &mut item.basis {
            if b.law.is_none()
                && let Some(law) = reg.laws.cited_by(b)
            {
                b.law = Some(law.id.clone());
            }
        }
    }
    (list, written)
}

/// The imported items, where they match items of the existing list in
/// force (by code or former code; an item whose code import assigned, by
/// category and name only), keep that item's id and the elements no
/// spreadsheet carries; items and sub-items of the list in force that the
/// import does not have end on `date`, cancelled.
fn merge(
    list: &mut List,
    old: &List,
    date: crate::model::Date,
    cancel: bool,
    written: &mut Written,
) {
    use std::collections::{HashMap, HashSet};
    let live: Vec<&Item> = old.items.iter().filter(|o| !o.status.is_ended()).collect();
    let mut by_code: HashMap<&str, usize> = HashMap::new();
    let mut by_name: HashMap<(Category, &str), Vec<usize>> = HashMap::new();
    for (n, o) in live.iter().enumerate() {
        for c in std::iter::once(&o.code).chain(&o.former_codes) {
            by_code.entry(c.as_str()).or_insert(n);
        }
        by_name
            .entry((o.category, o.name.as_str()))
            .or_default()
            .push(n);
    }
    let mut used: HashSet<usize> = HashSet::new();
    for item in &mut list.items {
        let found = if item.code_assigned {
            by_name
                .get(&(item.category, item.name.as_str()))
                .and_then(|v| v.iter().copied().find(|n| !used.contains(n)))
        } else {
            by_code
                .get(item.code.as_str())
                .copied()
                .filter(|n| !used.contains(n))
        };
        let Some(n) = found else { continue };
        used.insert(n);
        written.kept += 1;
        keep(item, live[n], date, cancel);
    }
    // The old list's other items: the ones in force on the import's date
    // cancelled from it, the others (ended, suspended, later) as they are.
    let kept: HashSet<&crate::model::Id> = list.items.iter().map(|i| &i.id).collect();
    let mut rest = Vec::new();
    for o in &old.items {
        if kept.contains(&o.id) {
            continue;
        }
        let mut o = o.clone();
        // Only what is in force on the date is in a catalogue of it: a
        // suspended item, or one in force from later, stays as it is.
        if cancel && o.in_force_on(date) {
            o.status = Status::Cancelled;
            o.ended = Some(date.max(o.effective));
            written.cancelled.push(o.code.clone());
        }
        rest.push(o);
    }
    list.items.extend(rest);
    list.items.sort_by(Item::published_order);
    list.meta = old.meta.clone();
    list.agreements.clone_from(&old.agreements);
}

/// The imported `item` as the existing item `o`: its id, dates and the
/// elements no spreadsheet carries.
fn keep(item: &mut Item, o: &Item, date: crate::model::Date, cancel: bool) {
    item.id = o.id.clone();
    item.effective = o.effective;
    // A catalogue does not print an item's own code where it has
    // sub-items: the existing code, and whether it was assigned, stay.
    if item.code_assigned || (!item.sub.is_empty() && item.code == o.code) {
        item.code = o.code.clone();
        item.code_assigned = o.code_assigned;
    }
    item.former_codes.clone_from(&o.former_codes);
    item.source_documents.clone_from(&o.source_documents);
    item.licensing.clone_from(&o.licensing);
    item.penalty.clone_from(&o.penalty);
    item.inspection.clone_from(&o.inspection);
    item.levy.clone_from(&o.levy);
    item.flowchart.clone_from(&o.flowchart);
    item.levels.clone_from(&o.levels);
    item.basic_code.clone_from(&o.basic_code);
    item.implementation_code.clone_from(&o.implementation_code);
    item.forwarded = o.forwarded;
    item.shared = o.shared;
    item.entrusted_out = o.entrusted_out;
    item.parent.clone_from(&o.parent);
    item.local = o.local;
    if item.grantor.is_none() {
        item.grantor.clone_from(&o.grantor);
    }
    keep_unchanged_cells(item, o);
    merge_implementation(
        &mut item.implementation,
        o.implementation.as_ref(),
        o.category,
    );
    // Bases: the spreadsheet prints no number or level; an unchanged basis
    // keeps them.
    for b in &mut item.basis {
        if let Some(ob) = o
            .basis
            .iter()
            .find(|ob| ob.title == b.title && ob.role == b.role)
        {
            b.number.clone_from(&ob.number);
            b.law.clone_from(&ob.law);
            b.level = ob.level;
            b.level_inferred = ob.level_inferred;
        }
    }
    for r in &mut item.responsibility {
        if let Some(or) = o.responsibility.iter().find(|or| or.stage == r.stage) {
            r.basis.clone_from(&or.basis);
            r.risks.clone_from(&or.risks);
        }
    }
    let mut matched = std::collections::HashSet::new();
    for s in &mut item.sub {
        // A code import assigned matches by name only.
        let Some(os) = o.sub.iter().find(|os| {
            !matched.contains(&os.code)
                && !os.status.is_ended()
                && if s.code_assigned {
                    os.name == s.name
                } else {
                    os.code == s.code
                }
        }) else {
            continue;
        };
        matched.insert(os.code.clone());
        if s.code_assigned {
            s.code = os.code.clone();
            s.code_assigned = os.code_assigned;
        }
        s.effective = os.effective;
        s.former_codes.clone_from(&os.former_codes);
        s.implementation_code.clone_from(&os.implementation_code);
        s.cases.clone_from(&os.cases);
        merge_implementation(
            &mut s.implementation,
            os.implementation.as_ref(),
            o.category,
        );
    }
    // New sub-items with assigned codes: numbered after the item's own.
    let mut next = o.sub.len() + 1;
    for s in item
        .sub
        .iter_mut()
        .filter(|s| s.code_assigned && !matched.contains(&s.code))
    {
        loop {
            let code = format!("{}-{next:02}", o.code);
            next += 1;
            if !o.sub.iter().any(|os| {
                os.code.as_str() == code || os.former_codes.iter().any(|f| f.as_str() == code)
            }) {
                if let Ok(c) = code.parse() {
                    s.code = c;
                }
                break;
            }
        }
    }
    // Sub-items the sheet no longer has: kept as records, the ones in force
    // cancelled from the import's date (codes are never reused).
    for os in &o.sub {
        if matched.contains(&os.code) || item.sub.iter().any(|s| s.code == os.code) {
            continue;
        }
        let mut os = os.clone();
        if cancel && !os.status.is_ended() {
            os.status = Status::Cancelled;
            os.ended = Some(date.max(os.effective.unwrap_or(o.effective)));
        }
        item.sub.push(os);
    }
}

/// Where the imported item's cell reads as the existing item's would be
/// published, the existing values stay: a flat catalogue drops a clause's
/// final stop, a basis's number and level, a stage's own bases.
fn keep_unchanged_cells(item: &mut Item, o: &Item) {
    use crate::model::BasisRole;
    use crate::publish::catalogue::{basis_text, clauses, responsibility_text};
    if [BasisRole::Setting, BasisRole::Implementing]
        .iter()
        .all(|r| basis_text(item, *r) == basis_text(o, *r))
    {
        item.basis.clone_from(&o.basis);
    }
    if responsibility_text(item) == responsibility_text(o) {
        item.responsibility.clone_from(&o.responsibility);
    }
    for (new, old) in [
        (&mut item.accountability, &o.accountability),
        (&mut item.accountability_basis, &o.accountability_basis),
        (&mut item.supervision, &o.supervision),
        (&mut item.remedies, &o.remedies),
    ] {
        if clauses(new) == clauses(old) {
            new.clone_from(old);
        }
    }
}

/// A unit's elements no flat catalogue carries (online, charges, result,
/// electronic licence, the unit when it is the class's own) kept from the
/// existing unit.
fn merge_implementation(
    new: &mut Option<crate::model::Implementation>,
    old: Option<&crate::model::Implementation>,
    category: Category,
) {
    let (Some(new), Some(old)) = (new.as_mut(), old) else {
        return;
    };
    new.online = new.online.or(old.online);
    new.charges = new.charges.clone().or_else(|| old.charges.clone());
    new.result = new.result.clone().or_else(|| old.result.clone());
    new.e_licence = new.e_licence.or(old.e_licence);
    // The same unit, stated or not.
    if new.unit(category) == old.unit(category) {
        new.time_unit = old.time_unit;
    }
}
