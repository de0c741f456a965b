"""The journal for auditors: CSV and Excel, with the hash columns that make it checkable."""

from io import BytesIO
from io import StringIO
from openpyxl import Workbook

import csv


COLUMNS = (
    "id",
    "at",
    "actor",
    "action",
    "record",
    "path",
    "address",
    "detail",
    "prev_hash",
    "hash",
)
HEADINGS = (
    "序号",
    "时间(UTC)",
    "操作人",
    "操作",
    "记录UID",
    "路径",
    "来源地址",
    "详情",
    "前一条哈希",
    "本条哈希",
)


# A cell that begins with one of these is a formula to a spreadsheet program.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows(entries):
    """The entries as rows of the export."""
    return [[getattr(entry, column) for column in COLUMNS] for entry in entries]


def as_text(value):
    """A CSV cell that no spreadsheet program evaluates (OWASP: a leading apostrophe)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(entries):
    """UTF-8 CSV with a BOM, so that spreadsheet programs read the Chinese correctly."""
    buffer = StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADINGS)
    writer.writerows([as_text(cell) for cell in row] for row in rows(entries))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(entries):
    """An Excel workbook of the entries."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "查阅日志"
    sheet.append(HEADINGS)
    for number, row in enumerate(rows(entries), start=2):
        for column, value in enumerate(row, start=1):
            # Every cell a string cell: openpyxl would store "=…" as a live formula.
            cell = sheet.cell(row=number, column=column)
            cell.value = "" if value is None else str(value)
            cell.data_type = "s"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
