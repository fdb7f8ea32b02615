//! quanze's own JSON catalogue read back: its items and agreements whole.

use std::path::Path;

use serde::Deserialize;

use crate::import::ImportError;
use crate::model::{Agreement, Id, Item};

#[derive(Deserialize)]
struct Catalogue {
    format: String,
    authority: Id,
    sections: Vec<Section>,
    #[serde(default)]
    agreements: Vec<Agreement>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    reconstructed: bool,
}

/// What a JSON catalogue gives.
pub(crate) struct Read {
    pub(crate) items: Vec<Item>,
    pub(crate) agreements: Vec<Agreement>,
    pub(crate) note: Option<String>,
    pub(crate) reconstructed: bool,
    /// Agreement entries left out: the items they name are not in the
    /// catalogue (they ended before its date).
    pub(crate) left_out: Vec<String>,
}

#[derive(Deserialize)]
struct Section {
    items: Vec<Item>,
}

/// The items and agreements of a JSON catalogue, as the list of `holder`:
/// agreements that entrusted the catalogue's authority entrust `holder`.
///
/// # Errors
/// When the file does not read as a quanze catalogue.
pub(crate) fn read(path: &Path, holder: &Id) -> Result<Read, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let c: Catalogue = serde_json::from_str(text).map_err(|e| ImportError::Json {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if c.format != "quanze-catalogue/1" {
        return Err(ImportError::Json {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: format!(
                "format {:?}: expected a quanze catalogue (format \"quanze-catalogue/1\")",
                c.format
            ),
        });
    }
    let items: Vec<Item> = c.sections.into_iter().flat_map(|s| s.items).collect();
    let mut left_out = Vec::new();
    let agreements = c
        .agreements
        .into_iter()
        .map(|mut a| {
            if a.entrusted == c.authority {
                a.entrusted = holder.clone();
            }
            if a.entruster == c.authority {
                a.entruster = holder.clone();
            }
            a.items.retain(|ai| {
                let held = items.iter().any(|i| i.id == ai.item);
                if !held {
                    left_out.push(format!("agreement `{}` lists item `{}`, which the catalogue does not hold (it ended before the catalogue's date): left out", a.id, ai.item));
                }
                held
            });
            a
        })
        .collect();
    Ok(Read {
        items,
        agreements,
        note: c.note,
        reconstructed: c.reconstructed,
        left_out,
    })
}
