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


def rows(entries):
    """The entries as rows of the export."""
    return [[getattr(entry, column) for column in COLUMNS] for entry in entries]


def to_csv(entries):
    """UTF-8 CSV with a BOM, so that spreadsheet programs read the Chinese correctly."""
    buffer = StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADINGS)
    writer.writerows(rows(entries))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(entries):
    """An Excel workbook of the entries."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "查阅日志"
    sheet.append(HEADINGS)
    for row in rows(entries):
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
