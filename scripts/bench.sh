#!/usr/bin/env bash
# Builds, generates synthetic registries, runs quanze's benchmarks and the
# peers on the same change, and prints one table per size.
#
#   scripts/bench.sh                 # sizes 10k and 100k, with the peers
#   SIZES="10k 100k 1m" scripts/bench.sh
#   PEERS=none SIZES=10k scripts/bench.sh   # quanze only (what CI runs)
#
# Registries are generated once into .bench/ (seed 42) and reused.
# Peers (DuckDB, polars, pandas, daff) are installed from PyPI into
# .bench/venv. daff runs only up to 100k items (it is pure Python).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES="${SIZES:-10k 100k}"
PEERS="${PEERS:-duckdb polars pandas daff}"
mkdir -p .bench

cargo build --release --quiet --example synth
cargo bench --quiet --bench scale --no-run 2>/dev/null

if [ "$PEERS" != "none" ] && [ ! -x .bench/venv/bin/python ]; then
  python3 -m venv .bench/venv
  .bench/venv/bin/pip install --quiet --disable-pip-version-check duckdb polars pandas daff
fi

peak() { # the "Maximum resident set size" of a /usr/bin/time -v log, in MiB
  awk -F: '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
for size in $SIZES; do
  case "$size" in
    10k) args="2 5000 10" ;;
    100k) args="20 5000 10" ;;
    1m) args="200 5000 10" ;;
    *) echo "unknown size $size (10k, 100k, 1m)"; exit 2 ;;
  esac
  dir=".bench/$size"
  if [ ! -f "$dir/authorities.toml" ]; then
    rm -rf "$dir"
    ./target/release/examples/synth "$dir" $args 42
  fi
  echo
  echo "== $size: $args (authorities, items each, adjustments each)"
  /usr/bin/time -v -o .bench/time.log cargo bench --quiet --bench scale -- "$dir" "$dir-csv" 2>/dev/null
  echo "(quanze process peak: $(peak .bench/time.log) MiB)"
  [ "$PEERS" = "none" ] && continue
  for tool in $PEERS; do
    if [ "$tool" = daff ] && [ "$size" = 1m ]; then
      echo "daff: not run at 1m (pure Python)"
      continue
    fi
    out=$(/usr/bin/time -v -o .bench/time.log .bench/venv/bin/python scripts/peers.py "$tool" "$dir-csv/old.csv" "$dir-csv/new.csv")
    set -- $out
    printf "peer %-24s %9s s   (added %s, ended %s, changed %s units)   %6s MiB peak\n" "$1 (CSV diff)" "$2" "$3" "$4" "$5" "$(peak .bench/time.log)"
  done
done
