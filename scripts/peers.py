#!/usr/bin/env python3
"""The same change set as `quanze diff`, computed by a peer from two CSV
exports (one row per unit, keyed by authority and unit), end to end:
read both files, full outer join, classify every unit as added, ended or
changed (any column differs), count.

Usage: peers.py TOOL OLD.csv NEW.csv   (TOOL: duckdb, polars, pandas, daff)
Prints: TOOL seconds added ended changed
"""
import sys
import time

KEY = ["authority", "unit"]
COLUMNS = ["code", "name", "category", "status", "legal_days", "promised_days", "handling", "remarks"]


def run_duckdb(old, new):
    import duckdb
    con = duckdb.connect()
    diff = " OR ".join(f"o.{c} IS DISTINCT FROM n.{c}" for c in COLUMNS)
    q = f"""
      WITH o AS (SELECT * FROM read_csv('{old}', all_varchar=true, header=true)),
           n AS (SELECT * FROM read_csv('{new}', all_varchar=true, header=true))
      SELECT
        count(*) FILTER (WHERE o.unit IS NULL) AS added,
        count(*) FILTER (WHERE n.unit IS NULL) AS ended,
        count(*) FILTER (WHERE o.unit IS NOT NULL AND n.unit IS NOT NULL AND ({diff})) AS changed
      FROM o FULL OUTER JOIN n ON o.authority = n.authority AND o.unit = n.unit
    """
    return con.execute(q).fetchone()


def run_polars(old, new):
    import polars as pl
    o = pl.read_csv(old, infer_schema=False)
    n = pl.read_csv(new, infer_schema=False)
    j = o.join(n, on=KEY, how="full", suffix="_n", coalesce=False)
    added = j.filter(pl.col("unit").is_null()).height
    ended = j.filter(pl.col("unit_n").is_null()).height
    both = j.filter(pl.col("unit").is_not_null() & pl.col("unit_n").is_not_null())
    cond = None
    for c in COLUMNS:
        d = pl.col(c).ne_missing(pl.col(c + "_n"))
        cond = d if cond is None else (cond | d)
    changed = both.filter(cond).height
    return added, ended, changed


def run_pandas(old, new):
    import pandas as pd
    o = pd.read_csv(old, dtype=str, keep_default_na=False)
    n = pd.read_csv(new, dtype=str, keep_default_na=False)
    j = o.merge(n, on=KEY, how="outer", suffixes=("", "_n"), indicator=True)
    added = int((j["_merge"] == "right_only").sum())
    ended = int((j["_merge"] == "left_only").sum())
    both = j[j["_merge"] == "both"]
    diff = None
    for c in COLUMNS:
        d = both[c] != both[c + "_n"]
        diff = d if diff is None else (diff | d)
    changed = int(diff.sum()) if diff is not None else 0
    return added, ended, changed


def run_daff(old, new):
    import csv
    import daff
    def rows(path):
        with open(path, newline="", encoding="utf-8") as f:
            return [r for r in csv.reader(f)]
    a, b = rows(old), rows(new)
    t1, t2 = daff.PythonTableView(a), daff.PythonTableView(b)
    flags = daff.CompareFlags()
    for k in KEY:
        flags.addPrimaryKey(k)
    align = daff.Coopy.compareTables(t1, t2, flags).align()
    out = daff.PythonTableView([])
    daff.TableDiff(align, flags).hilite(out)
    added = ended = changed = 0
    for r in range(1, out.height):
        tag = out.getCell(0, r)
        if tag == "+++":
            added += 1
        elif tag == "---":
            ended += 1
        elif tag in ("->",):
            changed += 1
    return added, ended, changed


def main():
    tool, old, new = sys.argv[1:4]
    fn = {"duckdb": run_duckdb, "polars": run_polars, "pandas": run_pandas, "daff": run_daff}[tool]
    t = time.perf_counter()
    added, ended, changed = fn(old, new)
    print(f"{tool} {time.perf_counter() - t:.3f} {added} {ended} {changed}")


if __name__ == "__main__":
    main()
