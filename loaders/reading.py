"""Bytes -> text: BOM first, then strict UTF-8, then strict GB18030 (NOTES.md, "Encodings").

Decoding is strict so that no U+FFFD ever reaches the graph; what decodes under none of them is
refused with the byte offset where UTF-8 gave up.
"""
from __future__ import annotations

import codecs
import re

from plankg.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, where: str) -> str:
    """Decode a document's bytes; ``where`` names the file in errors."""
    if not data.strip():
        raise InputError(f"{where}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{where}: not valid {encoding} at byte {exc.start + len(bom)}") from None
            return _checked(text, where)
    try:
        return _checked(data.decode("utf-8"), where)
    except UnicodeDecodeError as utf8_error:
        try:
            return _checked(data.decode("gb18030"), where)
        except UnicodeDecodeError:
            raise InputError(
                f"{where}: undecodable bytes at byte offset {utf8_error.start} (tried UTF-8 and GB18030)"
            ) from None


def _checked(text: str, where: str) -> str:
    m = _CONTROL.search(text)
    if m:
        raise InputError(f"{where}: binary content (control character U+{ord(m.group()):04X} at character {m.start()})")
    return text
