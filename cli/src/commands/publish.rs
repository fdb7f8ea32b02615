//! `quanze publish`: the catalogues of a list, in every format asked for.

use std::process::ExitCode;

use quanze::publish::catalogue::{Catalogue, Selection, Writer, writers};

use crate::args::PublishArgs;
use crate::exit::Failure;
use crate::out::{Ctx, print};

pub(crate) fn run(ctx: &Ctx, a: &PublishArgs) -> Result<ExitCode, Failure> {
    let reg = ctx.one(&a.authority)?;
    let list = ctx.list(&reg, &a.authority)?;
    let sel = Selection {
        at: a.at.clone(),
        as_of: a.as_of,
    };
    let cat = Catalogue::build(&reg, list, &sel)?;
    let all = writers();
    let chosen = chosen(&all, &a.format)?;
    std::fs::create_dir_all(&a.out)
        .map_err(|e| Failure::Io(format!("{}: {e}", a.out.display())))?;
    let mut s = String::new();
    for w in chosen {
        let bytes = w.render(&cat, a.lang.into())?;
        let path = a.out.join(cat.file_name(w.extension()));
        quanze::write_atomic(&path, &bytes)?;
        s.push_str(&format!(
            "wrote {} ({} bytes)\n",
            path.display(),
            bytes.len()
        ));
    }
    print(&s);
    Ok(ExitCode::SUCCESS)
}

/// The writers of the formats named (all when none is).
fn chosen<'a>(
    all: &'a [Box<dyn Writer>],
    names: &[String],
) -> Result<Vec<&'a dyn Writer>, Failure> {
    if names.is_empty() {
        return Ok(all.iter().map(AsRef::as_ref).collect());
    }
    names
        .iter()
        .map(|f| {
            all.iter()
                .find(|w| w.name() == f.as_str())
                .map(AsRef::as_ref)
                .ok_or_else(|| {
                    let known: Vec<&str> = all.iter().map(|w| w.name()).collect();
                    let hint = if f == "xlsx" {
                        " (xlsx needs a build with `--features xlsx`)"
                    } else {
                        ""
                    };
                    Failure::Usage(format!(
                        "unknown format `{f}`; this build has {}{hint}",
                        known.join(", ")
                    ))
                })
        })
        .collect()
}
