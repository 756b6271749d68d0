"""Agency-name resolution, beside the divisions it places bodies in: a name as written in a plan, plus the plan's division, resolves to one
agency per body per division (``agency/<adcode>/<normalised-name>``), with its canonical full name,
its kind (a concept of ``agency-kinds.ttl``) and the division whose affairs it handles.

How a name resolves (the rules; the abbreviations are data in ``agency-aliases.tsv``):

1. Collectives are kept as written and typed ``pk:Collective``: ``各区政府`` and
   ``各区（市、县）政府`` list as members the governments of the plan division's districts
   (counties, county-level cities) that the scope names; ``市食安委各成员单位`` and
   ``各有关部门`` have no member list.
2. Bodies that are not local government — customs (``广州海关``), enterprises
   (``中国铁路广州局集团有限公司``), development-zone committees (``高新开发区管委会``) and
   central bodies (``国家…``, ``中国…``) — take the plan's division as their area.
3. A division's name at the start (``云岩区市场监管局``, ``贵州省农业厅``) places the body there.
4. A level word (``市`` ``区`` ``县`` ``省`` ``州``) places it in the plan's division or the
   division of that level above it (``省…`` -> the province); ``区…`` in a city's plan is the
   collective of its districts' bodies.
5. The rest is looked up in the alias table (``人社局`` -> ``人力资源和社会保障局``); its kind is
   the table's, or the kind whose longest ``skos:hiddenLabel`` fragment the canonical name holds.

The plan's division unknown, a body goes under ``agency/unknown/…`` with no pk:jurisdiction.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from plankg.divisions import COUNTY, PREFECTURE, PROVINCE, Divisions, divisions

KIND_NS = "https://w3id.org/plankg/id/agency-kind/"
UNKNOWN = "unknown"

_COLLECTIVE_SCOPE = re.compile(r"各(?P<scope>(?:[区县市州旗盟乡镇、]|街道|地区)+(?:\([^)]*\))?)(?P<body>.+)")
_MEMBER_UNITS = re.compile(r"(?P<body>.*?)(?P<which>各|有关|相关)?(?P<unit>成员|委员)单位")
_DEPARTMENTS = re.compile(r"(?:[省市区县]直)?(?:各级)?各?(?:有关|相关)?(?:各)?(?:部门|单位|机构)")
_ZONE = re.compile(r"(开发区|经济区|新区|高新区|产业园|工业园|园区|保税区|航空港|试验区|示范区|自贸区|合作区|片区|港区)")
_ZONE_BODY = re.compile(r"(管委会|管理委员会|党工委|工委|管理局|管理办公室)$")
_ENTERPRISE = re.compile(r"(有限公司|有限责任公司|股份公司|集团|公司|分公司|(?<!人民)银行|分行|支行)$")
_LEVEL_WORDS = "省市区县州"
# after a level word, what shows the word is part of another word (市场, 区域, 市直, 县级 …)
_NOT_LEVEL = {"市": ("场", "民", "级", "直"), "区": ("域", "级", "直", "划"), "县": ("域", "级", "直"),
              "省": ("级", "直"), "州": ()}


@dataclass(frozen=True)
class Agency:
    """One body in one division: ``code`` None means the division is unknown."""

    code: str | None
    key: str  # the normalised name: the IRI's last segment
    label: str  # skos:prefLabel, the canonical full name
    kind: str  # local name of a concept of the agency-kind scheme
    collective: bool = False
    members: tuple["Agency", ...] = ()

    @property
    def division(self) -> str:
        return self.code or UNKNOWN


def normalise(name: str) -> str:
    """NFKC without whitespace, brackets made full-width again: the form names are compared in."""
    text = "".join(unicodedata.normalize("NFKC", name).split())
    return text.replace("(", "（").replace(")", "）")


def _plain(name: str) -> str:
    """NFKC without whitespace (ASCII brackets), for the rules' regular expressions."""
    return "".join(unicodedata.normalize("NFKC", name).split())


# ---------------------------------------------------------------------------------------------
# shipped data

@dataclass(frozen=True)
class Alias:
    canonical: str
    kind: str | None
    label: str | None


def _data_text(name: str) -> str:
    from importlib.resources import files

    return files("plankg.ontology").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def aliases() -> dict[tuple[str, str], Alias]:
    """(level word or "", form) -> Alias, from ``agency-aliases.tsv``."""
    table: dict[tuple[str, str], Alias] = {}
    for number, line in enumerate(_data_text("agency-aliases.tsv").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + [""] * 5
        form, canonical, kind, level, label = (c.strip() for c in cells[:5])
        if not form or not canonical:
            raise ValueError(f"agency-aliases.tsv line {number}: form and canonical are required")
        table[(level, normalise(form))] = Alias(normalise(canonical), kind or None, label or None)
    return table


@lru_cache(maxsize=1)
def kinds() -> dict[str, dict]:
    """Kind local name -> {"label": zh prefLabel, "fragments": hidden labels, "broader": …}."""
    from pyoxigraph import RdfFormat, parse

    skos = "http://www.w3.org/2004/02/skos/core#"
    out: dict[str, dict] = {}
    for triple in parse(_data_text("agency-kinds.ttl"), format=RdfFormat.TURTLE):
        s = triple.subject.value
        if not s.startswith(KIND_NS):
            continue
        entry = out.setdefault(s[len(KIND_NS):], {"label": None, "fragments": [], "broader": None})
        p, o = triple.predicate.value, triple.object
        if p == skos + "prefLabel" and getattr(o, "language", None) == "zh":
            entry["label"] = o.value
        elif p == skos + "hiddenLabel":
            entry["fragments"].append(o.value)
        elif p == skos + "broader":
            entry["broader"] = o.value[len(KIND_NS):]
    return out


@lru_cache(maxsize=1)
def _fragments() -> list[tuple[str, str]]:
    """(fragment, kind), longest fragment first."""
    pairs = [(f, k) for k, entry in kinds().items() for f in entry["fragments"]]
    return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))


def kind_of(*names: str) -> str:
    """The kind whose longest fragment occurs in the first name that has one; else ``other``."""
    for name in names:
        for fragment, kind in _fragments():
            if fragment in name:
                return kind
    return "other"


def kind_iri(kind: str) -> str:
    return KIND_NS + kind


# ---------------------------------------------------------------------------------------------
# resolution

class Resolver:
    """Resolves written agency names in the context of one plan's division."""

    def __init__(self, plan_code: str | None, table: Divisions | None = None) -> None:
        self.table = table or divisions()
        self.plan = self.table.get(plan_code)
        self.code = self.plan.adcode if self.plan else None
        self._cache: dict[str, Agency] = {}

    def resolve(self, name: str) -> Agency:
        key = normalise(name)
        if key not in self._cache:
            self._cache[key] = self._resolve(key)
        return self._cache[key]

    # -- steps ---------------------------------------------------------------------------------
    def _resolve(self, n: str) -> Agency:
        if not n:  # nothing but spaces: no body to name (loaders never give one)
            return Agency(self.code, "_", "_", "other")
        plain = _plain(n)
        collective = self._collective(n, plain)
        if collective is not None:
            return collective
        other = self._non_local(n)
        if other is not None:
            return other
        placed = self._place(n)
        if placed is not None:
            code, word, rest = placed
            return self._body(code, word, rest, n)
        return self._body(self.code, "", n, n, bare=True)

    def _div_name(self, code: str | None) -> str:
        d = self.table.get(code)
        return d.name if d else ""

    def _collective(self, n: str, plain: str) -> Agency | None:
        m = _COLLECTIVE_SCOPE.fullmatch(plain)
        if m and not _DEPARTMENTS.fullmatch(m["body"]) and not _MEMBER_UNITS.fullmatch(m["body"]):
            return self._scoped(n, m["scope"], m["body"], self.plan)
        m = _MEMBER_UNITS.fullmatch(plain)
        if m:
            body = m["body"]
            committee = self.resolve(body) if body else None
            which = m["which"] or ""
            suffix = f"{which}{m['unit']}单位"
            if committee is not None:
                key, label, code = committee.key + suffix, committee.label + suffix, committee.code
            else:
                key, label, code = suffix, self._div_name(self.code) + suffix, self.code
            return Agency(code, key, label, "member-units", collective=True)
        if _DEPARTMENTS.fullmatch(plain) or (plain.startswith("各") and len(plain) > 1):
            body = plain.lstrip("各")
            kind = "departments" if _DEPARTMENTS.fullmatch(plain) else kind_of(body)
            if kind == "other":
                kind = "departments"
            prefix = self._div_name(self.code)
            label = prefix + (n[1:] if n[:1] in _LEVEL_WORDS and n[1:2] == "直" else n)
            return Agency(self.code, n, label, kind, collective=True)
        return None

    def _scoped(self, n: str, scope: str, body: str, parent) -> Agency:
        """``各区政府``: the collective, with the bodies of the scoped child divisions as members."""
        words = set(re.sub(r"街道|地区", "", scope)) & set("区县市州旗盟")
        if "地区" in scope:
            words.add("地区")
        members = []
        template = self._lookup(next(iter(sorted(words)), ""), body)
        kind = (template.kind if template and template.kind else None) or kind_of(
            template.canonical if template else body, body)
        if parent is not None:
            for child in self.table.children.get(parent.adcode, []):
                d = self.table.get(child)
                if d.level_char not in words:
                    continue
                alias = self._lookup(d.level_char, body)
                canonical = alias.canonical if alias else normalise(body)
                label = (alias.label.format(div=d.name) if alias and alias.label else d.name + canonical)
                members.append(Agency(d.adcode, d.level_char + canonical, label, kind))
        label = self._div_name(self.code) + n
        return Agency(self.code, n, label, kind, collective=True, members=tuple(members))

    def _non_local(self, n: str) -> Agency | None:
        """Customs, enterprises, development-zone committees, central bodies: the plan's division."""
        if "海关" in n:
            kind = "customs"
        elif "人民银行" in n:
            kind = "financial-regulation"
        elif _ENTERPRISE.search(n):
            kind = "enterprise"
        elif _ZONE.search(n) and _ZONE_BODY.search(n):
            kind = "development-zone"
        elif n.startswith(("国家", "中国", "中央", "国务院")):
            kind = kind_of(n)
            if kind == "other":
                kind = "vertical-bodies"
        else:
            return None
        key = n.replace("管委会", "管理委员会") if kind == "development-zone" else n
        label = key
        if kind == "development-zone" and self.plan is not None and self.table.prefix(key, self.code) is None:
            label = (self.plan.short[0] if self.plan.short else self.plan.name) + key
        return Agency(self.code, key, label, kind)

    def _place(self, n: str) -> tuple[str | None, str, str] | None:
        """(division code, level word, rest) from a division name or a level word at the start."""
        found = self.table.prefix(n, self.code)
        if found is not None:
            code, rest = found
            d = self.table.get(code)
            if self._lookup(d.level_char, rest) is None and kind_of(rest) == "other":
                for short in d.short:  # 广州 + 市场监管局: the short name, then a level word
                    tail = n[len(short):] if n.startswith(short) else ""
                    if tail.startswith(d.level_char) and self._lookup(d.level_char, tail[len(d.level_char):]):
                        return code, d.level_char, tail[len(d.level_char):]
                    if tail and self._lookup(d.level_char, tail):
                        return code, d.level_char, tail
            return code, d.level_char, rest
        word = n[:1]
        if word not in _LEVEL_WORDS or len(n) < 2 or n[1:2] in "（(":
            return None
        if n[1:2] in _NOT_LEVEL[word] and self._lookup(word, n[1:]) is None:  # 市场…, but 市民政局
            return None
        rest = n[1:]
        plan = self.plan
        if plan is None:
            return None, word, rest
        if word == "省":
            return self.table.at_level(plan.adcode, PROVINCE), word, rest
        if word == "市":
            if plan.level == COUNTY and not plan.name.endswith("市"):
                return (self.table.at_level(plan.adcode, PREFECTURE) or plan.adcode), word, rest
            return plan.adcode, word, rest
        if word == "州":
            above = self.table.at_level(plan.adcode, PREFECTURE)
            return (above if above and self.table.get(above).level_char == "州" else plan.adcode), word, rest
        # 区 / 县
        return plan.adcode, word, rest

    def _lookup(self, word: str, form: str) -> Alias | None:
        table = aliases()
        return table.get((word, form)) or table.get(("", form))

    def _body(self, code: str | None, word: str, rest: str, n: str, *, bare: bool = False) -> Agency:
        """A body named by ``rest`` at the level ``word`` of division ``code``."""
        d = self.table.get(code)
        if word in ("区", "县") and d is not None and d.level in (PREFECTURE, PROVINCE) and not bare:
            # 区卫生健康委 in a city's plan: the district bodies, as a collective
            return self._scoped(n, word, rest, d)
        alias = self._lookup(word or (d.level_char if d else ""), rest) if rest else None
        if bare and alias is None:
            kind = kind_of(n)
            return Agency(code, n, n, kind)
        if bare:
            word = d.level_char if d else ""
        if not rest:  # the division's name alone: its government
            alias = self._lookup("", "人民政府")
        canonical = alias.canonical if alias else rest
        kind = (alias.kind if alias and alias.kind else None) or kind_of(canonical, rest)
        division_name = d.name if d else word
        if alias and alias.label:
            label = alias.label.format(div=division_name)
        else:
            label = (d.name if d else word) + canonical
        return Agency(code, word + canonical, label, kind)


@lru_cache(maxsize=64)
def resolver(plan_code: str | None) -> Resolver:
    """The resolver for plans of one division (cached: resolution is a pure function)."""
    return Resolver(plan_code)


def resolve(name: str, plan_code: str | None) -> Agency:
    """The agency a written name means in a plan of division ``plan_code``."""
    return resolver(plan_code).resolve(name)
