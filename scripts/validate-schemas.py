#!/usr/bin/env python3
"""Validates registry TOML files against the JSON Schemas in docs/schema/
with an independent validator (the `jsonschema` package, Draft 2020-12).

Usage: validate-schemas.py [--catalogue FILE.json]... DIR... (registry roots).
Exits 1 on any error.
Run by .ci/run in a virtual environment that it creates.
"""
import json
import pathlib
import sys
import tomllib

import jsonschema

SCHEMAS = pathlib.Path(__file__).resolve().parent.parent / "docs" / "schema"


def kind_of(root: pathlib.Path, path: pathlib.Path):
    rel = path.relative_to(root).parts
    if rel == ("authorities.toml",):
        return "authorities"
    if rel == ("documents.toml",):
        return "documents"
    if rel == ("calendar.toml",):
        return "calendar"
    if rel == ("laws", "laws.toml"):
        return "laws"
    if len(rel) == 3 and rel[:2] == ("laws", "changelog"):
        return "laws-changelog"
    if len(rel) == 2 and rel[1] == "list.toml":
        return "list"
    if len(rel) == 3 and rel[1] in ("items", "agreements", "statistics", "changelog"):
        return {"items": "items", "agreements": "agreement", "statistics": "statistics", "changelog": "changelog"}[rel[1]]
    return None


def main() -> int:
    validators = {}
    for f in SCHEMAS.glob("*.schema.json"):
        schema = json.loads(f.read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[f.name.removesuffix(".schema.json")] = jsonschema.Draft202012Validator(schema)
    checked = errors = 0
    args = sys.argv[1:]
    roots = []
    while args:
        arg = args.pop(0)
        if arg == "--catalogue":
            path = pathlib.Path(args.pop(0))
            data = json.loads(path.read_text(encoding="utf-8"))
            checked += 1
            for e in validators["catalogue"].iter_errors(data):
                errors += 1
                where = "/".join(str(p) for p in e.absolute_path)
                print(f"{path}: {where}: {e.message}")
        else:
            roots.append(arg)
    for arg in roots:
        root = pathlib.Path(arg)
        for path in sorted(root.rglob("*.toml")):
            kind = kind_of(root, path)
            if kind is None:
                continue
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
            checked += 1
            for e in validators[kind].iter_errors(data):
                errors += 1
                where = "/".join(str(p) for p in e.absolute_path)
                print(f"{path}: {where}: {e.message}")
    print(f"schema check: {checked} files, {errors} errors")
    return 1 if errors or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
