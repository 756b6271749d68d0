"""Bytes -> text: BOM first, then strict UTF-8, then strict GB18030 (docs/design.md, "Other libraries").

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


def decode(data: bytes, where: str, hint: str | None = None) -> str:
    """Decode a document's bytes; ``where`` names the file in errors.

    ``hint`` is an encoding the document declares (an HTML ``charset``): tried after strict UTF-8
    and before GB18030, and only where it decodes every byte, because declarations lie.
    """
    return _checked(decode_any(data, where, hint), where)


def decode_any(data: bytes, where: str, hint: str | None = None) -> str:
    """Like ``decode`` but control characters are left in (markup readers drop them themselves)."""
    if not data.strip():
        raise InputError(f"{where}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{where}: not valid {encoding} at byte {exc.start + len(bom)}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        for encoding in (_hinted(hint), "gb18030"):
            if encoding:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    pass
        raise InputError(
            f"{where}: undecodable bytes at byte offset {utf8_error.start} (tried UTF-8 and GB18030)"
        ) from None


def _hinted(hint: str | None) -> str | None:
    """A declared encoding worth trying before GB18030: only the Big5 family.

    The GB family is GB18030 itself, and a single-byte declaration (``iso-8859-1`` on a page of
    GBK bytes is common) would decode anything into nonsense.
    """
    try:
        name = codecs.lookup((hint or "").strip() or "-").name
    except LookupError:
        return None
    return name if name in ("big5", "big5hkscs", "cp950") else None


def _checked(text: str, where: str) -> str:
    m = _CONTROL.search(text)
    if m:
        raise InputError(f"{where}: binary content (control character U+{ord(m.group()):04X} at character {m.start()})")
    return text
