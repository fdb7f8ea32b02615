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
    let mut cat = Catalogue::build(&reg, list, &sel)?;
    cat.unverified = ctx.used_unverified.get();
    let chosen: Vec<&dyn Writer> = if a.format.is_empty() {
        writers()
    } else {
        a.format
            .iter()
            .filter_map(|f| quanze::publish::renderer(*f))
            .collect()
    };
    // Every format is rendered before anything is written: a format that
    // fails leaves no other file behind.
    let rendered = chosen
        .iter()
        .map(|w| Ok((w.extension(), w.catalogue(&cat, a.lang.into())?)))
        .collect::<Result<Vec<_>, Failure>>()?;
    std::fs::create_dir_all(&a.out)
        .map_err(|e| Failure::Io(format!("{}: {e}", a.out.display())))?;
    let mut s = String::new();
    for (extension, bytes) in rendered {
        let path = a.out.join(cat.file_name(extension));
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
