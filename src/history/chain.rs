//! The checks of a change log as a sequence: versions that increase by
//! at least the bump their operations require, dates that do not go back,
//! and the hash chain.

use std::path::Path;

use crate::model::{Bump, Entry, HashAlg, LoggedEntry, LoggedLawEntry, Version, canonical};

/// An entry of a hash-chained log: a list's change log, or the laws log.
pub(crate) trait Link {
    fn version(&self) -> &Version;
    fn previous(&self) -> Option<&str>;
    fn text(&self) -> &str;
    fn file(&self) -> &Path;
    fn hash(&self, alg: HashAlg) -> String {
        alg.hash(&canonical(self.text()))
    }
}

impl Link for LoggedEntry {
    fn version(&self) -> &Version {
        &self.entry.version
    }
    fn previous(&self) -> Option<&str> {
        self.entry.previous.as_deref()
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn file(&self) -> &Path {
        &self.file
    }
}

impl Link for LoggedLawEntry {
    fn version(&self) -> &Version {
        &self.entry.version
    }
    fn previous(&self) -> Option<&str> {
        self.entry.previous.as_deref()
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn file(&self) -> &Path {
        &self.file
    }
}

/// Checks that versions strictly increase, dates do not decrease, and each
/// entry's declared bump covers what its operations require. Returns, per
/// entry index, the problems found.
pub(crate) fn version_problems(entries: &[&Entry]) -> Vec<(usize, String, &'static str)> {
    let mut out = Vec::new();
    for (n, pair) in entries.windows(2).enumerate() {
        let (prev, next) = (pair[0], pair[1]);
        match Bump::between(&prev.version, &next.version) {
            None => out.push((
                n + 1,
                format!(
                    "version {} does not follow {}: versions must increase",
                    next.version, prev.version
                ),
                "version",
            )),
            Some(declared) => {
                let required = next.required_bump();
                if declared < required {
                    let culprit = next
                        .op
                        .iter()
                        .find(|o| o.kind().bump() == required)
                        .map(|o| o.kind().id())
                        .unwrap_or("");
                    out.push((
                        n + 1,
                        format!(
                            "version {} is a {declared} bump from {}, but `{culprit}` requires a {required} bump",
                            next.version, prev.version
                        ),
                        "version",
                    ));
                }
            }
        }
        if next.date < prev.date {
            out.push((
                n + 1,
                format!(
                    "version {} is dated {}, before version {} ({})",
                    next.version, next.date, prev.version, prev.date
                ),
                "date",
            ));
        }
    }
    out
}

/// Checks the hash chain: each entry's `previous` must be the hash of the
/// entry before it, and `head` the hash of the last. Returns the index of the
/// first broken link (`entries.len()` for the head) and a message.
pub(crate) fn chain_problem<E: Link>(entries: &[E], head: Option<&str>) -> Option<(usize, String)> {
    chain_problem_in(entries, head, "list.toml")
}

/// `chain_problem` for a log whose head is sealed in `head_file`.
pub(crate) fn chain_problem_in<E: Link>(
    entries: &[E],
    head: Option<&str>,
    head_file: &str,
) -> Option<(usize, String)> {
    // A copied entry file would otherwise blame the entry it copies (whose
    // hash no longer links to the copy's place): name the copy.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (n, e) in entries.iter().enumerate() {
        if let Some(&first) = seen.get(e.text()) {
            let name = e
                .file()
                .file_name()
                .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
            return Some((
                n,
                format!(
                    "entry file {name} is a copy of entry {}: each entry is written once, under its own version",
                    entries[first].version()
                ),
            ));
        }
        seen.insert(e.text(), n);
    }
    for (n, e) in entries.iter().enumerate() {
        let expected_prev = n.checked_sub(1).map(|p| &entries[p]);
        match (e.previous(), expected_prev) {
            (Some(_), None) => {
                return Some((n, "the first entry must not have `previous`".to_owned()));
            }
            (None, Some(p)) => {
                return Some((
                    n,
                    format!(
                        "entry {} has no `previous` hash of entry {}",
                        e.version(),
                        p.version()
                    ),
                ));
            }
            (Some(h), Some(p)) => {
                let Some(alg) = HashAlg::of(h) else {
                    return Some((
                        n,
                        format!(
                            "`previous` must be written `sha256:<hex>` or `sm3:<hex>`, found {h:?}"
                        ),
                    ));
                };
                if p.hash(alg) != h {
                    // Which side of the broken link changed: an entry whose
                    // own seal (the next `previous`, or `head`) still holds
                    // is as it was written, so the entry before it changed
                    // or an entry between them was removed; otherwise this
                    // entry (its `previous`, say) was edited.
                    let sealed = match entries.get(n + 1) {
                        Some(next) => next.previous(),
                        None => head,
                    };
                    let intact = sealed
                        .and_then(|seal| HashAlg::of(seal).map(|a| e.hash(a) == seal))
                        .unwrap_or(false);
                    if !intact {
                        return Some((
                            n,
                            format!(
                                "entry {} has been changed after it was written: its `previous` is not the hash of entry {}, and its own hash is no longer the one that seals it",
                                e.version(),
                                p.version()
                            ),
                        ));
                    }
                    return Some((
                        n - 1,
                        format!(
                            "entry {} has been changed after it was written, or an entry after it was removed: its hash is no longer the `previous` recorded by entry {}",
                            p.version(),
                            e.version()
                        ),
                    ));
                }
            }
            (None, None) => {}
        }
    }
    let last = entries.last()?;
    let Some(head) = head else {
        return Some((
            entries.len(),
            format!("{head_file} has no `head` hash sealing the last entry"),
        ));
    };
    let Some(alg) = HashAlg::of(head) else {
        return Some((
            entries.len(),
            format!("`head` must be written `sha256:<hex>` or `sm3:<hex>`, found {head:?}"),
        ));
    };
    if last.hash(alg) != head {
        return Some((
            entries.len() - 1,
            format!(
                "entry {} has been changed after it was written, or the `head` in {head_file} has: the entry's hash is no longer `head` (nothing else seals the last entry, so which of the two changed cannot be told)",
                last.version()
            ),
        ));
    }
    None
}
