"""Which format a document is in, from its bytes first and its suffix second.

Files are misnamed often (an ``.xls`` that is HTML, a ``.doc`` that is really DOCX), so magic
bytes decide; the suffix only separates text from CSV and names what a legacy binary should be
converted to.
"""
from __future__ import annotations

import re
from pathlib import Path

from plankg.errors import InputError

from . import zipguard

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|table|meta|div|p[\s>])", re.I | re.S)
_HTML_ANYWHERE = re.compile(rb"<(html|body|table)[\s>]", re.I)
_LEGACY_TARGET = {".xls": ".xlsx", ".et": ".xlsx"}
FORMATS = ("txt", "csv", "html", "docx", "xlsx", "pdf")


def sniff(data: bytes, name: str, where: str) -> str:
    """One of ``FORMATS``, or ``InputError`` naming what the file is and what to do with it."""
    suffix = Path(name).suffix.lower()
    if not data.strip():
        raise InputError(f"{where}: empty file")
    if data.startswith(OLE2):
        target = _LEGACY_TARGET.get(suffix, ".docx")
        return _refuse(where, f"legacy binary Office/WPS format (OLE2, .doc/.wps/.xls): save it as {target} and load that")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        archive = zipguard.open_zip(data, where)
        kind = zipguard.office_kind(archive)
        if kind is None:
            if suffix == ".xlsx":
                zipguard.require_member(archive, "xl/workbook.xml", where, "an Excel workbook")
            if "content.xml" in archive.namelist():
                return _refuse(where, "OpenDocument file: save it as .docx or .xlsx and load that")
            zipguard.require_member(archive, "word/document.xml", where, "a Word document")
        return kind or "docx"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.lstrip().startswith(b"{\\rtf"):
        return _refuse(where, "RTF file: save it as .docx and load that")
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head) or (suffix in (".html", ".htm", ".xhtml", ".shtml") and _HTML_ANYWHERE.search(data)):
        return "html"
    if suffix in (".docx", ".xlsx"):
        return _refuse(where, f"not a valid {suffix} file (not a zip archive)")
    if suffix in (".csv", ".tsv"):
        return "csv"
    return "txt"


def _refuse(where: str, reason: str) -> str:
    raise InputError(f"{where}: {reason}")
