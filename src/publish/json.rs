//! JSON for machines, with a published schema
//! (`docs/schema/catalogue.schema.json`), and the verification of a
//! published JSON catalogue against the registry.

use crate::history::ItemVersion;
use crate::model::List;
use crate::model::Registry;
use crate::publish::catalogue::{Catalogue, Selection};
use crate::publish::format::{Format, RenderError, Renderer, UnitReport};
use crate::publish::report::json;
use crate::publish::show::Lang;
use crate::query::audit::Finding;
use crate::query::crosswalk::{Comparison, CrosswalkRow};
use crate::query::diff::ChangeSet;
use crate::query::stats::Stats;

/// The JSON writer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Renderer for Json {
    fn table(&self, t: &crate::publish::upstream::Table) -> Result<String, RenderError> {
        json(&t.json)
    }

    fn format(&self) -> Format {
        Format::Json
    }

    fn catalogue(&self, c: &Catalogue, _lang: Lang) -> Result<Vec<u8>, RenderError> {
        json(c).map(String::into_bytes)
    }

    fn stats(
        &self,
        s: &Stats,
        _registry: &crate::model::Registry,
        _lang: Lang,
    ) -> Result<String, RenderError> {
        json(s)
    }

    fn changeset(&self, cs: &ChangeSet) -> Result<String, RenderError> {
        json(cs)
    }

    fn findings(&self, list: &[Finding]) -> Result<String, RenderError> {
        json(&list)
    }

    fn crosswalk(&self, rows: &[CrosswalkRow]) -> Result<String, RenderError> {
        json(&rows)
    }

    fn comparison(&self, c: &Comparison) -> Result<String, RenderError> {
        json(c)
    }

    fn unit_changes(&self, u: &UnitReport<'_>) -> Result<String, RenderError> {
        let v: Vec<serde_json::Value> = u
            .lists
            .iter()
            .map(|l| {
                serde_json::json!({
                    "authority": l.authority,
                    "from": u.from,
                    "to": u.to,
                    "added": l.added,
                    "removed": l.removed,
                    "changed": l.changed.iter().map(|c| serde_json::json!({
                        "unit": c.unit,
                        "columns": l.column_names(c).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                    "unchanged": l.common - l.changed.len(),
                })
            })
            .collect();
        json(&v)
    }

    fn log(&self, list: &List) -> Result<String, RenderError> {
        let entries: Vec<serde_json::Value> = list
            .log
            .iter()
            .map(|e| {
                let ops: serde_json::Map<String, serde_json::Value> =
                    crate::publish::text::op_counts(&e.entry)
                        .into_iter()
                        .map(|(k, n)| (k.id().to_owned(), n.into()))
                        .collect();
                serde_json::json!({
                    "version": e.entry.version,
                    "date": e.entry.date,
                    "reason": e.entry.reason,
                    "decided_by": e.entry.decided_by,
                    "answers": e.entry.answers,
                    "ops": ops,
                    "hash": e.own_hash(),
                })
            })
            .collect();
        json(&serde_json::json!({ "authority": list.authority, "entries": entries }))
    }

    fn history(&self, versions: &[ItemVersion<'_>]) -> Result<String, RenderError> {
        let v: Vec<serde_json::Value> = versions
            .iter()
            .map(|v| {
                serde_json::json!({
                    "version": v.version,
                    "date": v.date,
                    "decided_by": v.decided_by,
                    "ops": v.ops.iter().map(|k| k.id()).collect::<Vec<_>>(),
                    "item": v.item,
                })
            })
            .collect();
        json(&v)
    }
}

/// What the verification of a published catalogue found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyOutcome {
    /// The file is exactly the catalogue the registry gives at its version.
    Matches {
        /// The version.
        version: String,
        /// The entry hash it carries.
        entry_hash: Option<String>,
    },
    /// The file differs; the key paths (`sections[0].items[3].name`) that differ.
    Differs(Vec<String>),
}

fn differences(path: &str, a: &serde_json::Value, b: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    if a == b {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match y.get(k) {
                    Some(w) => differences(&p, v, w, out),
                    None => out.push(format!("{p} (only in the file)")),
                }
            }
            for k in y.keys() {
                if !x.contains_key(k) {
                    out.push(format!("{path}.{k} (missing from the file)"));
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                differences(&format!("{path}[{i}]"), v, w, out);
            }
        }
        _ => out.push(path.to_owned()),
    }
}

/// Why a file could not be verified as a published catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The file is not JSON.
    #[error("not JSON: {0}")]
    NotJson(String),
    /// The file is JSON, but not a quanze catalogue.
    #[error("not a quanze catalogue: {0}")]
    NotACatalogue(String),
    /// A field holds a value that does not read.
    #[error("field `{field}`: {message}")]
    BadField {
        /// The field.
        field: &'static str,
        /// Why.
        message: String,
    },
    /// The registry has no list of the catalogue's authority.
    #[error("the registry has no list for `{0}`")]
    UnknownList(String),
    /// The registry has no state at the catalogue's version and date.
    #[error(transparent)]
    History(#[from] crate::history::Error),
}

/// Checks a published JSON catalogue against the registry: rebuilds the
/// catalogue of its authority at its version and date and compares them.
///
/// # Errors
/// When the file is not a quanze catalogue, or its authority or version is
/// not in the registry.
pub fn verify(registry: &Registry, text: &str) -> Result<VerifyOutcome, VerifyError> {
    let file: serde_json::Value =
        serde_json::from_str(text).map_err(|e| VerifyError::NotJson(e.to_string()))?;
    let field = |k: &str| {
        file.get(k)
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| VerifyError::NotACatalogue(format!("no `{k}`")))
    };
    if field("format")? != "quanze-catalogue/1" {
        return Err(VerifyError::NotACatalogue(
            "not of format quanze-catalogue/1".to_owned(),
        ));
    }
    let authority = field("authority")?;
    let list = registry
        .list(&authority)
        .ok_or(VerifyError::UnknownList(authority))?;
    let version = field("version")?;
    let bad = |field: &'static str| {
        move |e: crate::model::ParseError| VerifyError::BadField {
            field,
            message: e.to_string(),
        }
    };
    let as_of = field("as_of")?.parse().map_err(bad("as_of"))?;
    let at = if list.log.is_empty() {
        None
    } else {
        Some(version.parse().map_err(bad("version"))?)
    };
    let rebuilt = Catalogue::build(
        registry,
        list,
        &Selection {
            at,
            as_of: Some(as_of),
        },
    )?;
    // A catalogue is plain data: it always serializes.
    let expected = serde_json::to_value(&rebuilt).unwrap_or_default();
    let mut diffs = Vec::new();
    differences("", &file, &expected, &mut diffs);
    Ok(if diffs.is_empty() {
        VerifyOutcome::Matches {
            version,
            entry_hash: rebuilt.entry_hash,
        }
    } else {
        VerifyOutcome::Differs(diffs)
    })
}
