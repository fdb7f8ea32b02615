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
    // The catalogue's list must have a history that verifies: a catalogue
    // never "matches" a registry whose log was edited.
    let authority = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| {
            v.get("authority")
                .and_then(|a| a.as_str())
                .map(str::to_owned)
        });
    let trusted = match authority.as_deref().and_then(|a| reg.list(a)) {
        Some(list) => ctx.verified(&reg, list)?,
        None => true,
    };
    let outcome = verify(&reg, &text).map_err(|e| match Failure::from(e) {
        Failure::Usage(m) => Failure::Usage(format!("{}: {m}", file.display())),
        other => other,
    })?;
    match outcome {
        VerifyOutcome::Matches {
            version,
            entry_hash,
        } if trusted => {
            print(&format!(
                "{} matches the registry at version {version} (entry {})\n",
                file.display(),
                entry_hash.as_deref().unwrap_or("-")
            ));
            Ok(ExitCode::SUCCESS)
        }
        VerifyOutcome::Matches { version, .. } => {
            print(&format!(
                "{} is what the registry gives at version {version}, but the registry's history does not verify, so it cannot be said to match\n",
                file.display()
            ));
            Ok(ExitCode::from(PROBLEMS))
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
