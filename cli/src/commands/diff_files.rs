//! `quanze diff-files`: two spreadsheets or catalogues compared without a
//! registry.

use std::fmt::Write as _;
use std::process::ExitCode;

use quanze::Date;
use quanze::import::{self, Report};

use crate::args::DiffFilesArgs;
use crate::exit::Failure;
use crate::out::{Ctx, eprint};

pub(crate) fn run(ctx: &Ctx, a: &DiffFilesArgs) -> Result<ExitCode, Failure> {
    let map = match &a.map {
        Some(path) => Some((import::read_mapping(path)?, path.clone())),
        None => None,
    };
    let date = a.as_of.unwrap_or_else(Date::today);
    let c = import::compare_files(&a.old, &a.new, map.as_ref(), date)?;
    // What could not be read goes to standard error: the comparison holds
    // the rest.
    let mut notes = String::new();
    for (side, r) in [(&a.old, &c.old), (&a.new, &c.new)] {
        note(&mut notes, &side.display().to_string(), r);
    }
    if !notes.is_empty() {
        eprint(&quanze::diag::escape_controls(&notes));
    }
    ctx.print_report(
        &quanze::publish::report::comparison(&c.comparison, a.format)?,
        a.format,
    );
    Ok(ExitCode::SUCCESS)
}

fn note(s: &mut String, file: &str, r: &Report) {
    for rej in &r.rejected {
        let _ = writeln!(s, "warning: {file}: left out of the comparison: {rej}");
    }
    for sheet in &r.skipped_sheets {
        let _ = writeln!(s, "note: passed over: {sheet}");
    }
}
