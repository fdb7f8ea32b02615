//! `quanze apply`: an operations file recorded as a new change-log entry.

use std::process::ExitCode;

use quanze::record::{Adjustment, apply, read_ops_file};

use crate::args::ApplyArgs;
use crate::exit::Failure;
use crate::out::{Ctx, print};

pub(crate) fn run(ctx: &Ctx, a: &ApplyArgs) -> Result<ExitCode, Failure> {
    let file = read_ops_file(&a.file)?;
    // The shared files only: documents named by number alone are taken
    // from documents.toml.
    let shared = quanze::Registry::load_with(
        &ctx.root,
        &quanze::LoadOptions::default().only(Vec::<String>::new()),
    )?
    .registry;
    let adj = Adjustment {
        version: file.version.clone(),
        date: file.date,
        decided_by: file.decisions(&shared)?,
        reason: file.reason.clone(),
        ops: file.op.clone(),
        hash: a.hash.into(),
        answers: file.answers.clone(),
    };
    let rec = apply(&ctx.root, &a.authority, &adj, a.dry_run)?;
    print(&recorded_text(&rec, a.dry_run));
    crate::out::eprint(&super::upstream::open_effects_note(
        ctx,
        &a.authority,
        file.date,
    ));
    Ok(ExitCode::SUCCESS)
}

/// What `apply` and `adjust` say they recorded (or would record).
pub(crate) fn recorded_text(rec: &quanze::record::Recorded, dry_run: bool) -> String {
    let mut s = String::new();
    if dry_run {
        s.push_str(&format!(
            "dry run: nothing written. The operations require a {} bump.\n",
            rec.required
        ));
        if let Some(why) = &rec.refusal {
            s.push_str(&format!("as given, it would be refused: {why}\n"));
        }
        for d in &rec.problems {
            s.push_str(&d.render_styled());
            s.push('\n');
        }
        let errors = rec.problems.iter().filter(|d| d.is_error()).count();
        if errors > 0 {
            s.push_str(&format!(
                "as given, it would be refused: the list would have {errors} error(s)\n"
            ));
        }
        if rec.pending {
            s.push_str(
                "a transaction an interrupted writer left is pending; the next write finishes it (this dry run read through it)\n",
            );
        }
        s.push('\n');
        s.push_str(&rec.text);
    } else {
        s.push_str(&format!(
            "recorded version {} ({} bump required); wrote {}\n",
            rec.entry.version,
            rec.required,
            rec.files.join(", ")
        ));
        // The warnings the list has after the write (errors refuse it).
        for d in &rec.problems {
            s.push_str(&d.render_styled());
            s.push('\n');
        }
        if !rec.problems.is_empty() {
            s.push_str(&format!(
                "the list has {} warning(s) (docs/format.md#validation-rules)\n",
                rec.problems.len()
            ));
        }
    }
    s
}
