#!/usr/bin/env bash
# The reliability suite of docs/reliability.md at its documented sizes, in
# release builds, printing the figures of each part.
#
#   scripts/reliability.sh                           # the full run (about 12 minutes here)
#   QUANZE_TAMPER_STRIDE=29 QUANZE_FUZZ_INPUTS=300000 scripts/reliability.sh   # what CI runs
#
# The parts: 200 writers killed with SIGKILL at random moments, 100 rounds
# of 2 and of 4 writers at once, 500 reads during writes
# (cli/tests/reliability.rs); every byte of the bundled change log changed
# (tests/tamper.rs); 1,000,000 fuzz inputs over every loader
# (src/fuzz.rs); 8 hostile payloads in every text field through every
# command and format (cli/tests/injection.rs). The default `cargo test`
# runs each part small.
# QUANZE_RELIABILITY_SEED and QUANZE_FUZZ_SEED choose other random runs;
# QUANZE_FUZZ_INPUTS another number of fuzz inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
export QUANZE_RELIABILITY=full

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
part() { # name, then the cargo test arguments
  local name="$1"; shift
  printf '\n==> %s\n' "$name"
  if ! cargo test --release --quiet --all-features "$@" -- --nocapture >"$log" 2>&1; then
    cat "$log"
    echo "reliability: $name FAILED" >&2
    exit 1
  fi
  grep -o 'reliability: .*' "$log"
}

part "writers killed, writers at once, readers during writes" -p quanze-cli --test reliability
part "every byte of the bundled change log changed" -p quanze --test tamper
part "fuzzing every loader" -p quanze --lib fuzz::
part "hostile text in every field, every command, every format" -p quanze-cli --test injection
