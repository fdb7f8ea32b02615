//! `quanze schema`: the JSON Schemas of the registry files.

use std::process::ExitCode;

use crate::args::SchemaArgs;
use crate::exit::Failure;
use crate::out::{Ctx, print};

pub(crate) fn run(_ctx: &Ctx, a: &SchemaArgs) -> Result<ExitCode, Failure> {
    let schemas = quanze::schema::all();
    if let Some(dir) = &a.out {
        std::fs::create_dir_all(dir).map_err(|e| Failure::Io(format!("{}: {e}", dir.display())))?;
        for (name, text) in &schemas {
            quanze::write_atomic(&dir.join(format!("{name}.schema.json")), text.as_bytes())?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let kind = a.kind.as_deref().unwrap_or("items");
    match schemas.iter().find(|(n, _)| *n == kind) {
        Some((_, text)) => {
            print(text);
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let names: Vec<&str> = schemas.iter().map(|(n, _)| *n).collect();
            Err(Failure::Usage(format!(
                "unknown file kind `{kind}`; expected one of {}",
                names.join(", ")
            )))
        }
    }
}
