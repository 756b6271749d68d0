"""The words plans give roles with, one tuple per kind, that the loaders' patterns are built from.

The same words turn up in headers (``协办单位``), labels (``协办单位：``), brackets (``（X协办）``),
marks (``X（协办）``) and sentences (``由X承办，Y协办``); a word added here reaches every reader
that takes its tuple instead of a dozen patterns edited by hand. The roles are the gold README's
("Roles") and the corpus README's additions.
"""
from __future__ import annotations

LEADING = ("牵头", "承办", "主办")  # 牵头/承办 lead; 主办 read like 承办
# words that only ever mean helping another body's work (会办: the partner of 主办)
HELPING = ("配合", "协办", "会办", "协助")
JOINING = ("参与", "参加")  # taking part in the work: cooperating
# working together: cooperating as a label's or a header's stem, an ordinary verb in running text
WORKING_WITH = ("协同", "协作")
# the words of a 承办/协办 block (``承办单位：X`` ⏎ ``协办单位：Y``), a layout of its own
BLOCK_WORDS = ("承办", "协办", "会办")
# the stems of a role label (``X单位``, ``X部门``): every kind above, the responsible ones and 支持
LABEL_STEMS = LEADING + HELPING + JOINING + WORKING_WITH + ("责任", "主责", "实施", "落实", "负责", "支持")

ROLE_OF_WORD: dict[str, str] = {
    **dict.fromkeys(LEADING, "lead"),
    "负责": "responsible",
    **dict.fromkeys(HELPING + JOINING + WORKING_WITH, "cooperating"),
}


def either(*groups: str | tuple[str, ...]) -> str:
    """The words of ``groups`` (tuples or single words), in order, as a regex alternation.

    >>> either(LEADING, "负责")
    '牵头|承办|主办|负责'
    """
    return "|".join(word for group in groups for word in ((group,) if isinstance(group, str) else group))
