//! JSON Schemas of the registry files, generated from the types (feature
//! `schema`). Editors that understand `#:schema` comments (Taplo, Even Better
//! TOML) validate registry files against them while people type.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema, schema_for};

use crate::model::Entry;
use crate::model::{Agreement, AuthoritiesFile, DocumentsFile, ItemsFile, ListMeta, Statistics};
use crate::model::{Code, Date, DocNumber, Id, Version};

macro_rules! string_schema {
    ($ty:ty, $name:literal, $schema:tt) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

string_schema!(Id, "Id", {
    "type": "string",
    "description": "A stable id: a-z, 0-9 and '-', 1 to 64 characters, safe as a file name.",
    "pattern": "^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$"
});
string_schema!(Code, "Code", {
    "type": "string",
    "description": "A public item or sub-item code (事项编码).",
    "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
});
string_schema!(DocNumber, "DocNumber", {
    "type": "string",
    "description": "A document number (文号), e.g. 粤府令第270号.",
    "pattern": "^\\S(.*\\S)?$"
});
string_schema!(Date, "Date", {
    "type": "string",
    "description": "A date written YYYY-MM-DD, quoted.",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
});
string_schema!(Version, "Version", {
    "type": "string",
    "description": "A semantic version without build metadata.",
    "pattern": "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$"
});

/// TOML has no null: an optional key is absent, never null. schemars
/// describes `Option<T>` as `anyOf: [T, null]`; this folds that back to `T`.
fn drop_null(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            let folded = match map.get("anyOf") {
                Some(Value::Array(alts)) if alts.len() == 2 => {
                    let is_null = |a: &Value| a.get("type").and_then(Value::as_str) == Some("null");
                    match (is_null(&alts[0]), is_null(&alts[1])) {
                        (false, true) => Some(alts[0].clone()),
                        (true, false) => Some(alts[1].clone()),
                        _ => None,
                    }
                }
                _ => None,
            };
            if let Some(Value::Array(types)) = map.get("type") {
                let rest: Vec<Value> = types
                    .iter()
                    .filter(|t| t.as_str() != Some("null"))
                    .cloned()
                    .collect();
                if rest.len() == 1 && types.len() == 2 {
                    map.insert("type".to_owned(), rest[0].clone());
                }
            }
            if let Some(Value::Object(inner)) = folded {
                map.remove("anyOf");
                for (k, val) in inner {
                    map.entry(k).or_insert(val);
                }
            }
            for val in map.values_mut() {
                drop_null(val);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// A TOML file kind's schema: without nulls, which TOML cannot write.
fn pretty(schema: &Schema) -> String {
    let mut value = schema.as_value().clone();
    drop_null(&mut value);
    to_text(&value)
}

/// A JSON output's schema, nulls kept.
fn pretty_json(schema: &Schema) -> String {
    to_text(schema.as_value())
}

fn to_text(value: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// Every file kind with its schema as pretty JSON, in a fixed order:
/// `authorities`, `documents`, `list`, `items`, `agreement`, `statistics`,
/// `changelog`, `laws`, `laws-changelog`, `calendar`, and `catalogue` (the JSON catalogue that `quanze publish`
/// writes).
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        ("authorities", pretty(&schema_for!(AuthoritiesFile))),
        ("documents", pretty(&schema_for!(DocumentsFile))),
        ("list", pretty(&schema_for!(ListMeta))),
        ("items", pretty(&schema_for!(ItemsFile))),
        ("agreement", pretty(&schema_for!(Agreement))),
        ("statistics", pretty(&schema_for!(Statistics))),
        ("changelog", pretty(&schema_for!(Entry))),
        ("laws", pretty(&schema_for!(crate::model::LawsFile))),
        (
            "laws-changelog",
            pretty(&schema_for!(crate::model::LawEntry)),
        ),
        ("calendar", pretty(&schema_for!(crate::model::Calendar))),
        (
            "catalogue",
            pretty_json(&schema_for!(crate::publish::catalogue::Catalogue)),
        ),
    ]
}
