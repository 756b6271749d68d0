"""Checks on a DOCX/XLSX zip before any library opens it (docs/design.md, "Other libraries").

python-docx and openpyxl trust the archive: a small file can expand to gigabytes. The declared
sizes in the central directory are checked first; zipfile then refuses to inflate a member past
its declared size, so the checks hold for what is actually read.
"""
from __future__ import annotations

import io
import zipfile
import zlib

from plankg.errors import InputError

MAX_TOTAL = 50 * 1024 * 1024  # uncompressed bytes in the whole archive
MAX_RATIO = 100  # uncompressed / compressed, per member
RATIO_FLOOR = 64 * 1024  # members smaller than this cannot hurt, whatever their ratio


def open_zip(data: bytes, where: str) -> zipfile.ZipFile:
    """Open an Office zip after checking it is a zip, not truncated and not a bomb."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError):
        raise InputError(f"{where}: not a valid zip archive (truncated or corrupt)") from None
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if total > MAX_TOTAL:
            raise InputError(f"{where}: refused: expands to more than {MAX_TOTAL // (1024 * 1024)} MiB (zip bomb?)")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(
                f"{where}: refused: member {info.filename} has compression ratio above {MAX_RATIO} (zip bomb?)"
            )
    return archive


def office_kind(archive: zipfile.ZipFile) -> str | None:
    """``docx`` or ``xlsx`` by the members the archive holds, else None."""
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def require_member(archive: zipfile.ZipFile, member: str, where: str, what: str) -> None:
    if member not in archive.namelist():
        raise InputError(f"{where}: not {what} (no {member} in the archive)")


def refuse_dtd(archive: zipfile.ZipFile, where: str) -> None:
    """OOXML parts never declare a DTD; one that does, in any XML part and at any offset, is an
    entity-expansion or external-entity attack. Sizes were checked first, so reading is bounded."""
    markers = (b"<!DOCTYPE", b"<!ENTITY")
    for member in archive.namelist():
        if not member.lower().endswith((".xml", ".rels")):
            continue
        tail = b""
        try:
            with archive.open(member) as stream:
                while chunk := stream.read(1 << 16):
                    window = (tail + chunk).upper()
                    if any(m in window for m in markers):
                        raise InputError(f"{where}: refused: {member} declares a DTD (entity expansion is not allowed)")
                    tail = window[-16:]
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError):
            raise InputError(f"{where}: damaged archive (cannot read {member})") from None
