"""The review workbook: one plan's tasks, assignments and targets as an editable ``.xlsx``.

One sheet per kind (``plankg.corrections.COLUMNS``, header in row 1, frozen), drop-down lists
for roles, comparators and actions, columns wide enough for Chinese text. A hidden sheet
``plankg`` keeps the plan's key and every row as it was written, so that reading the workbook
back can tell what the person changed from what the store holds now (``corrections.changes``).
Only this module reads or writes workbooks (openpyxl, imported here and nowhere else).
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from plankg.corrections import COLUMNS, COMPARATORS, ROLES, SheetRow
from plankg.errors import InputError

META_SHEET = "plankg"
WIDTHS = {"row_id": 24, "task": 10, "section": 28, "line": 7, "text": 70, "agency": 26, "role": 13, "action": 9,
          "indicator": 20, "comparator": 11, "value": 10, "unit": 8, "period": 9, "deadline": 12}


def write_workbook(path: str | os.PathLike, key: str, title: str, rows: dict[str, list[dict[str, str]]]) -> Path:
    """Write the review workbook of plan ``key`` to ``path`` (whole: written beside it, then renamed)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise InputError(f"{path}: a review workbook is an .xlsx file")
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: no such directory")
    book = Workbook()
    book.remove(book.active)
    lists = {"role": ROLES, "comparator": COMPARATORS, "action": ("delete", "add")}
    for sheet, columns in COLUMNS.items():
        ws = book.create_sheet(sheet)
        ws.append(list(columns))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows[sheet]:
            ws.append([_cell(column, row.get(column, "")) for column in columns])
        ws.freeze_panes = "A2"
        last = max(ws.max_row, 2) + 500  # room for added rows
        for i, column in enumerate(columns, 1):
            letter = ws.cell(row=1, column=i).column_letter
            ws.column_dimensions[letter].width = WIDTHS.get(column, 12)
            if column == "text":
                for cell in ws[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column in lists:
                check = DataValidation(type="list", formula1='"' + ",".join(lists[column]) + '"', allow_blank=True)
                check.error = f"{column}: one of {', '.join(lists[column])}"
                ws.add_data_validation(check)
                check.add(f"{letter}2:{letter}{last}")
            if column in ("deadline", "task"):
                for r in range(2, last):
                    ws.cell(row=r, column=i).number_format = "@"
    meta = book.create_sheet(META_SHEET)
    meta.append(["key", key])
    meta.append(["title", title])
    meta.append(["note", "written by plankg review; plankg correct reads the sheets against these rows"])
    for sheet in COLUMNS:
        for row in rows[sheet]:
            meta.append([sheet, row["row_id"], json.dumps(row, ensure_ascii=False, sort_keys=True)])
    meta.sheet_state = "hidden"
    tmp = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        book.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _cell(column: str, text: str):
    """Lines and values as numbers (so Excel neither warns nor sorts them as text); the rest as text."""
    if column == "line" and text.isdigit():
        return int(text)
    if column == "value" and text:
        number = float(text)
        if _number_text(number) == text:
            return int(number) if number.is_integer() else number
    return text


def _number_text(value) -> str:
    from decimal import Decimal

    from plankg.corrections import number_text

    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(Decimal(repr(value)))
    return str(value)


class Edited:
    """What a person's workbook holds: its plan key, the rows as written by ``review`` and the
    rows as they are now, with the file's sha256."""

    def __init__(self, key: str, original: dict[str, dict[str, dict[str, str]]], rows: list[SheetRow], sha256: str) -> None:
        self.key = key
        self.original = original
        self.rows = rows
        self.sha256 = sha256


def read_workbook(path: str | os.PathLike) -> Edited:
    """Read an edited review workbook; a file that is not one (damaged, another kind of
    workbook, sheets or headers missing) raises ``InputError`` naming the file."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        import io

        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise InputError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # openpyxl's InvalidFileException and what a damaged zip member raises
        raise InputError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None
    try:
        if META_SHEET not in book.sheetnames:
            raise InputError(f"{path}: not a plankg review workbook (no {META_SHEET} sheet; write one with plankg review)")
        key = ""
        original: dict[str, dict[str, dict[str, str]]] = {sheet: {} for sheet in COLUMNS}
        for n, cells in enumerate(book[META_SHEET].iter_rows(values_only=True), 1):
            cells = list(cells) + [None, None, None]
            if cells[0] == "key":
                key = str(cells[1] or "")
            elif cells[0] in original:
                try:
                    original[cells[0]][str(cells[1])] = json.loads(cells[2])
                except (TypeError, ValueError):
                    raise InputError(f"{path}: {META_SHEET} row {n}: damaged (plankg review writes it; do not edit it)") from None
        if not key:
            raise InputError(f"{path}: {META_SHEET} sheet names no plan key (plankg review writes it; do not edit it)")
        rows: list[SheetRow] = []
        for sheet, columns in COLUMNS.items():
            if sheet not in book.sheetnames:
                raise InputError(f"{path}: sheet {sheet!r} is missing")
            found = list(book[sheet].iter_rows(values_only=True))
            header = [str(c).strip() if c is not None else "" for c in (found[0] if found else ())]
            if header[:len(columns)] != list(columns):
                raise InputError(f"{path}: {sheet} row 1: the header must be {', '.join(columns)}")
            for n, cells in enumerate(found[1:], 2):
                values = {c: _text(cells[i] if i < len(cells) else None) for i, c in enumerate(columns)}
                if any(values.values()):
                    rows.append(SheetRow(sheet, n, values))
    finally:
        book.close()
    return Edited(key, original, rows, hashlib.sha256(data).hexdigest())


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_text(value)
    if hasattr(value, "isoformat"):  # a date Excel made of a deadline typed as a date
        return value.isoformat()[:10]
    return str(value).strip()
