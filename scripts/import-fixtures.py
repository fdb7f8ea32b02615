#!/usr/bin/env python3
"""Spreadsheets in the layouts bureaus publish, written by an independent
writer (openpyxl for XLSX, Python's codecs for CSV), with the counts each
must import to, worked out here from the rows written.

    python3 scripts/import-fixtures.py OUTDIR

writes OUTDIR/*.xlsx, OUTDIR/*.csv and OUTDIR/expected.json:
{"file name": {"category id": {"items": n, "units": m}, ...}, ...}.
The test `cli/tests/import.rs` (openpyxl_layouts) imports each file and
compares `quanze stats --format json` with these counts.
"""

import csv
import io
import json
import sys
from pathlib import Path

from openpyxl import Workbook

# The list every layout carries: (category id, 中文, [(item, [sub-items], basis, legal, promised)]).
LIST = [
    ("licensing", "行政许可", [
        ("民用爆炸物品销售许可", ["核发", "变更", "延续"],
         "1.《民用爆炸物品安全管理条例》第十八条;2.《广东省民用爆炸物品安全管理条例》第八条",
         "30个工作日", "15个工作日"),
        ("电力设施保护区施工作业许可", [],
         "《电力设施保护条例》第十七条", "20个工作日", "即办"),
        ("无线电台(站)设置许可", ["设置", "变更"],
         "《中华人民共和国无线电管理条例》第二十七条", "二十个工作日", "10个工作日"),
    ]),
    ("penalty", "行政处罚", [
        ("对盗窃电能的处罚", [], "《中华人民共和国电力法》第七十一条", "90日", ""),
        ("对擅自设置无线电台(站)的处罚", [], "《中华人民共和国无线电管理条例》第七十条", "90日", ""),
    ]),
    ("inspection", "行政检查", [
        ("对民用爆炸物品销售企业的监督检查", [], "《民用爆炸物品安全管理条例》第六条", "", ""),
    ]),
]


def expected():
    out = {}
    for cat, _, items in LIST:
        out[cat] = {"items": len(items), "units": sum(max(1, len(subs)) for _, subs, *_ in items)}
    return out


def rows_of(items, with_codes, letters):
    """One row per unit: (seq, code, item, sub, basis, legal, promised)."""
    rows = []
    for n, (name, subs, basis, legal, promised) in enumerate(items, 1):
        code = f"440100-{letters}-{n:03}" if with_codes else ""
        for sub in (subs or [""]):
            rows.append((str(n), code, name, sub, basis, legal, promised))
    return rows


def merged_per_sheet(path):
    """One sheet per category; a title row merged across; a two-row header
    (办理时限 merged over 法定/承诺, the others merged down); no codes; the
    item's cells merged down over its sub-item rows; a note row at the end."""
    wb = Workbook()
    wb.remove(wb.active)
    for cat, zh, items in LIST:
        ws = wb.create_sheet(zh)
        ws.append([f"测试市工业和信息化局{zh}事项清单"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)
        ws.append(["序号", "事项名称", "子项名称", "设定依据", "办理时限", None, "备注"])
        ws.append([None, None, None, None, "法定", "承诺", None])
        for col in (1, 2, 3, 4, 7):
            ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
        ws.merge_cells(start_row=2, start_column=5, end_row=2, end_column=6)
        r = 4
        for n, (name, subs, basis, legal, promised) in enumerate(items, 1):
            span = max(1, len(subs))
            for k, sub in enumerate(subs or [""]):
                ws.append([str(n), name, sub, basis, legal, promised, ""])
            if span > 1:
                for col in (1, 2, 4):
                    ws.merge_cells(start_row=r, start_column=col, end_row=r + span - 1, end_column=col)
            r += span
        ws.append(["注:本清单依据现行法律、法规和规章编制。"])
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
    wb.save(path)


def repeated_one_sheet(path):
    """One sheet with a type column and codes; the item's cells repeated on
    every sub-item row; the header in row 3 under a title and a date line."""
    wb = Workbook()
    ws = wb.active
    ws.title = "权责清单"
    ws.append(["测试市工业和信息化局权责清单"])
    ws.append(["", "", "", "", "", "", "更新日期:2021年12月"])
    ws.append(["序号", "职权编码", "职权名称", "子项", "职权类型", "职权依据", "法定办结时限", "承诺办结时限"])
    for cat, zh, items in LIST:
        letters = {"licensing": "XK", "penalty": "CF", "inspection": "JC"}[cat]
        for seq, code, name, sub, basis, legal, promised in rows_of(items, True, letters):
            ws.append([seq, code, name, sub, zh, basis, legal, promised])
    wb.save(path)


def blank_below_csv(path, encoding):
    """A CSV with section rows (一、行政许可) instead of a type column, the
    item's cells left blank below its first row, no codes."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["序号", "权力名称", "子项名称", "实施依据", "法定时限", "承诺时限"])
    numerals = "一二三四五六七八九十"
    for k, (cat, zh, items) in enumerate(LIST):
        w.writerow([f"{numerals[k]}、{zh}({len(items)}项)"])
        for n, (name, subs, basis, legal, promised) in enumerate(items, 1):
            for j, sub in enumerate(subs or [""]):
                if j == 0:
                    w.writerow([str(n), name, sub, basis, legal, promised])
                else:
                    w.writerow(["", "", sub, "", legal, promised])
    data = buf.getvalue()
    if encoding == "utf-8-sig":
        Path(path).write_bytes(data.encode("utf-8-sig"))
    else:
        Path(path).write_bytes(data.encode(encoding))


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    merged_per_sheet(out / "merged-per-sheet.xlsx")
    repeated_one_sheet(out / "repeated-one-sheet.xlsx")
    blank_below_csv(out / "blank-below-gbk.csv", "gbk")
    blank_below_csv(out / "blank-below-bom.csv", "utf-8-sig")
    counts = expected()
    files = ["merged-per-sheet.xlsx", "repeated-one-sheet.xlsx", "blank-below-gbk.csv", "blank-below-bom.csv"]
    (out / "expected.json").write_text(json.dumps({f: counts for f in files}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
