"""Documents in traditional characters: parse a simplified shadow, give names back as written.

Many published copies of plans are traditional-character mirrors (牽頭, 負責, 責任單位). Every rule
of the loaders is written in simplified characters, so such a document is converted character
for character (OpenCC's TSCharacters table, first candidate) — the shadow has the same length —
parsed, and every string of the resulting plan is mapped back through the pairs this document
itself showed, so agencies, texts and titles keep the characters they were written in.

Some mirrors gloss characters with their pinyin (``實施內(nèi)容``, ``民衛(wèi)局``): the glosses are taken
out before parsing (a header word or a name must read whole) and put back into every string of
the plan that the document wrote with them, so names stay as written.

Mirror sites also run texts through an article spinner that swaps words for near-synonyms; the one
that hides a role is 负责 → 卖力 (``牵头卖力``, ``按职责分工卖力``), read back as the role word.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from plankg.records import Plan

from .blocks import Block, map_text

MIN_SHARE = 0.03  # traditional-only characters among the Chinese ones that make a document traditional
MIN_COUNT = 5
_CJK = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """Traditional -> simplified, one character for one (multi-character entries are left out)."""
    from importlib import resources

    try:
        text = resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    table = {}
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1 and source != target:
            table[ord(source)] = target
    # a converter to traditional characters writes the capital numeral for 一 in running text too
    # (``(壹)``, ``第壹责任人``): read as 一, so the list counts on from it
    table[ord("壹")] = "一"
    return table


class Shadow:
    """The simplified shadow of a traditional document, and the way back for parsed strings."""

    def __init__(self, table: dict[int, str]) -> None:
        self.table = table
        self.back: dict[int, str] = {}

    def __call__(self, text: str) -> str:
        converted = text.translate(self.table)
        for original, simple in zip(text, converted):
            if original != simple:
                self.back.setdefault(ord(simple), original)
        return converted

    def blocks(self, blocks: list[Block]) -> list[Block]:
        return map_text(blocks, self)

    def restore(self, plan: Plan) -> Plan:
        """Every string of the plan in the document's own characters again."""
        back = lambda s: s.translate(self.back) if s else s  # noqa: E731
        plan.title = back(plan.title)
        for section in plan.sections:
            section.label = back(section.label)
        for task in plan.tasks:
            task.text = back(task.text)
            task.assignments = [replace(a, agency=back(a.agency), written=back(a.written)) for a in task.assignments]
            task.targets = [replace(t, text=back(t.text), indicator=back(t.indicator), unit=back(t.unit)) for t in task.targets]
        return plan


# a pinyin gloss right after a character: lower-case Latin letters, tone marks allowed
PINYIN_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\)")
_GLOSS_OPTIONAL = r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\))?"
MIN_GLOSSES = 3


class Glosses:
    """A text with pinyin glosses: the text without them, and the way back for parsed strings."""

    def __init__(self, original: str) -> None:
        self.original = original

    def __call__(self, text: str) -> str:
        return PINYIN_GLOSS.sub("", text)

    def blocks(self, blocks: list[Block]) -> list[Block]:
        return map_text(blocks, self)

    def _written(self, text: str | None) -> str | None:
        """``text`` as the document wrote it, glosses and all, when it is found there."""
        if not text or len(text) > 2000:
            return text
        pattern = "".join(re.escape(ch) + (_GLOSS_OPTIONAL if _CJK.match(ch) else "") for ch in text)
        found = re.search(pattern, self.original)
        return found.group(0) if found else text

    def restore(self, plan: Plan) -> Plan:
        back = self._written
        plan.title = back(plan.title)
        for task in plan.tasks:
            task.text = back(task.text)
            task.assignments = [replace(a, agency=back(a.agency), written=back(a.written)) for a in task.assignments]
            task.targets = [replace(t, text=back(t.text), indicator=back(t.indicator)) for t in task.targets]
        return plan


def glosses_for(text: str) -> Glosses | None:
    """Glosses when the text carries pinyin after its characters, else None."""
    return Glosses(text) if len(PINYIN_GLOSS.findall(text[:200_000])) >= MIN_GLOSSES else None


# 卖力 where a role word stands: after 牵头/分工/职责…, or closing a bracket or clause
SPUN_ROLE = re.compile(r"(?<=牵头|分工|职责|分别|共同|具体)卖力|卖力(?=[）)，,；;。])")


def role_words_unspun(text: str) -> str:
    """A spun text's role words as the rules know them (same length, so positions hold)."""
    return SPUN_ROLE.sub("负责", text) if "卖力" in text else text


# a name a published template redacted (``**县农牧局``, ``中共**县委员会``): its stars stand for the place's
# characters, read as one that names nothing (``囗``) and written back as stars
REDACTED_NAME = re.compile(r"\*{2,3}(?=[县市区乡镇州省])|(?<=[县市区])\*{2,3}(?=[乡镇街])")
REDACTION = {ord("*"): "囗"}
MIN_REDACTED = 3


def shadow_for(sample: str) -> Shadow | None:
    """A shadow when ``sample`` is written in traditional characters or redacts its place names, else None."""
    redacted = REDACTION if len(REDACTED_NAME.findall(sample)) >= MIN_REDACTED else {}
    table = _table()
    chinese = _CJK.findall(sample)
    traditional = sum(1 for ch in chinese if ord(ch) in table)
    if not table or traditional < MIN_COUNT or traditional < MIN_SHARE * len(chinese):
        return Shadow(dict(redacted)) if redacted else None
    return Shadow(table | redacted)
