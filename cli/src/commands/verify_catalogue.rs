//! `quanze verify-catalogue`: whether a published JSON catalogue matches
//! the registry at its version.

use std::process::ExitCode;

use quanze::publish::catalogue::{VerifyOutcome, verify};

use crate::args::VerifyCatalogueArgs;
use crate::exit::{Failure, PROBLEMS};
use crate::out::{Ctx, print};

pub(crate) fn run(ctx: &Ctx, a: &VerifyCatalogueArgs) -> Result<ExitCode, Failure> {
    let reg = ctx.load_clean(&[])?;
    let file = &a.file;
    let text = std::fs::read_to_string(file)
        .map_err(|e| Failure::Io(format!("{}: {e}", file.display())))?;
    let outcome = verify(&reg, &text).map_err(|e| match Failure::from(e) {
        Failure::Usage(m) => Failure::Usage(format!("{}: {m}", file.display())),
        other => other,
    })?;
    match outcome {
        VerifyOutcome::Matches {
            version,
            entry_hash,
        } => {
            print(&format!(
                "{} matches the registry at version {version} (entry {})\n",
                file.display(),
                entry_hash.as_deref().unwrap_or("-")
            ));
            Ok(ExitCode::SUCCESS)
        }
        VerifyOutcome::Differs(paths) => {
            let mut s = format!(
                "{} does not match the registry; it differs at:\n",
                file.display()
            );
            for p in paths.iter().take(50) {
                s.push_str(&format!("  {p}\n"));
            }
            if paths.len() > 50 {
                s.push_str(&format!("  … and {} more\n", paths.len() - 50));
            }
            print(&s);
            Ok(ExitCode::from(PROBLEMS))
        }
    }
}
