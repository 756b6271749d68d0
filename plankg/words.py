"""Words of task texts: a domain dictionary for jieba, stopwords, a fixed IDF, and per-task
tokens, keywords and similarity terms.

Data files (shipped in ``plankg.ontology``, jieba's own formats):

- ``jieba-dict.txt``: one ``WORD TAG`` per line, a jieba user dictionary. Tag ``nt`` marks an
  agency name or short form (市场监管局, 公安机关, 食安办, …; the full names seen in the seeds
  included), ``nz`` a policy term that must stay one word (明厨亮灶, 互联网+, 双随机、一公开,
  四个最严, 餐厨废弃物, 瘦肉精, 12315, …). The labels and keyword patterns of the shipped topic
  and indicator schemes (``topics.ttl``, ``indicators.ttl``) are added as words too.
- ``stopwords.txt``: plan boilerplate that never makes a keyword (加强, 推进, 落实, 工作, …).
- ``idf-extra.txt``: ``WORD IDF`` lines that extend (and override) jieba's ``analyse/idf.txt``;
  a dictionary word found in neither gets ``DOMAIN_IDF``, any other word jieba's median.

Everything here is a function of a task's text and its plan's agency names only, so a plan's
words (and the graph made from them) depend on that plan alone. jieba is imported and its
dictionary built only when text is segmented (``tokenizer()``): a private ``jieba.Tokenizer``,
never the global one, with jieba's logging silenced. Reading the IDF needs no jieba import.
"""
from __future__ import annotations

import math
import re
import threading
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files

KEYWORDS_PER_TASK = 10
DICT_FREQ = 20000  # jieba frequency of every dictionary word: above the common words inside them
SUBWORD_MIN_FREQ = 300  # a word inside a compound counts when jieba's dictionary knows it this often
DOMAIN_IDF = 12.0  # a dictionary word jieba's idf.txt does not know: rarer than jieba's median

# what jieba segments as one block (its re_han_default); a dictionary word with any other
# character (双随机、一公开) can only stay whole if it is cut out before jieba sees the text
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_HAS_WORD_CHAR = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9]")
_ASCII_OR_DIGITS = re.compile(r"[0-9A-Za-z.%+\-]+")
_PLACE_NAME = re.compile(r"[\u4E00-\u9FD5]{2,}[省市县区州]")  # 贵阳市, 广州市: where, not what


@dataclass(frozen=True)
class Lexicon:
    """The shipped word lists, read without jieba."""

    words: tuple[tuple[str, str], ...]  # (word, tag) in file order, then concept terms
    agency_terms: frozenset[str]
    domain_terms: frozenset[str]  # every dictionary word
    stopwords: frozenset[str]
    idf_extra: dict[str, float]

    @cached_property  # asked for once per task text: computed once (the dataclass is frozen, not slotted)
    def protected(self) -> tuple[str, ...]:
        """Dictionary words jieba cannot keep whole (they hold punctuation), longest first."""
        return tuple(sorted((w for w, _ in self.words if not _JIEBA_BLOCK.fullmatch(w)), key=lambda w: (-len(w), w)))


def _data(name: str) -> str:
    return files("plankg.ontology").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The dictionary, stopwords and IDF extensions shipped with plankg (read once)."""
    from plankg.concepts import concept_terms

    words: dict[str, str] = {}
    for line in _data("jieba-dict.txt").splitlines():
        parts = line.strip().rsplit(" ", 1)
        if parts and parts[0]:
            words.setdefault(parts[0], parts[1] if len(parts) == 2 else "nz")
    for term in concept_terms():
        words.setdefault(term, "nz")
    stopwords = frozenset(w.strip() for w in _data("stopwords.txt").splitlines() if w.strip())
    idf_extra = {}
    for line in _data("idf-extra.txt").splitlines():
        if line.strip():
            word, value = line.rsplit(" ", 1)
            idf_extra[word.strip()] = float(value)
    return Lexicon(
        words=tuple(words.items()),
        agency_terms=frozenset(w for w, tag in words.items() if tag == "nt"),
        domain_terms=frozenset(words),
        stopwords=stopwords,
        idf_extra=idf_extra,
    )


# ---------------------------------------------------------------------------------------------
# IDF

@lru_cache(maxsize=1)
def _jieba_idf() -> tuple[dict[str, float], float]:
    """jieba's shipped ``analyse/idf.txt`` and its median, found without importing jieba."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ImportError("jieba is not installed (pip install jieba)")
    table: dict[str, float] = {}
    with open(Path(spec.origin).parent / "analyse" / "idf.txt", encoding="utf-8") as stream:
        for line in stream:
            word, _, value = line.rstrip("\n").partition(" ")
            if value:
                table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2]


def idf(word: str) -> float:
    """The fixed IDF of ``word``: idf-extra.txt, else jieba's idf.txt, else the domain or median value."""
    lex = lexicon()
    if word in lex.idf_extra:
        return lex.idf_extra[word]
    table, median = _jieba_idf()
    if word in table:
        return table[word]
    return DOMAIN_IDF if word in lex.domain_terms else median


# ---------------------------------------------------------------------------------------------
# segmentation

_TOKENIZER = None
_TOKENIZER_LOCK = threading.Lock()


def tokenizer():
    """A private jieba Tokenizer with plankg's dictionary (built once per process, ~0.5 s)."""
    global _TOKENIZER
    with _TOKENIZER_LOCK:
        if _TOKENIZER is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            logging.getLogger("jieba").setLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.initialize()
            for word, tag in lexicon().words:
                if _JIEBA_BLOCK.fullmatch(word):
                    tk.add_word(word, freq=DICT_FREQ, tag=tag)
            _TOKENIZER = tk
        return _TOKENIZER


def segment(text: str, whole: tuple[str, ...] = ()) -> list[str]:
    """The words of ``text`` in order (punctuation and spaces dropped). Occurrences of ``whole``
    and of the dictionary words jieba cannot keep whole are cut out first, longest first, and
    come back as one word each."""
    spans = _whole_spans(text, tuple(sorted(set(whole) | set(lexicon().protected), key=lambda w: (-len(w), w))))
    out: list[str] = []
    at = 0
    tk = None
    for start, end in spans + [(len(text), len(text))]:
        if start > at:
            tk = tk or tokenizer()
            out += [w for w in tk.lcut(text[at:start], HMM=True) if _HAS_WORD_CHAR.search(w)]
        if end > start:
            out.append(text[start:end])
        at = end
    return out


def _whole_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Non-overlapping spans of ``terms`` in ``text``, a longer term winning over a shorter one."""
    taken: list[tuple[int, int]] = []
    for term in terms:
        if not term:
            continue
        start = text.find(term)
        while start != -1:
            end = start + len(term)
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
            start = text.find(term, start + 1)
    return sorted(taken)


# ---------------------------------------------------------------------------------------------
# per-task words

def expand(words: list[str], skip: set[str] = frozenset()) -> list[str]:
    """``words`` with, after each compound, the dictionary words of three or more characters
    inside it (食用农产品质量安全 -> + 食用农产品, 农产品质量安全): a compound implies its parts.
    Agency names are not opened."""
    lex = lexicon()
    out = []
    for word in words:
        out.append(word)
        if len(word) < 3 or word in skip or word in lex.agency_terms:
            continue
        out += _domain_parts(word)
    return out


@lru_cache(maxsize=65536)
def _domain_parts(word: str) -> tuple[str, ...]:
    """The dictionary words of three or more characters inside ``word``, sorted; cached, as words recur."""
    lex = lexicon()
    parts = {word[i:j] for i in range(len(word)) for j in range(i + 3, len(word) + 1) if (i, j) != (0, len(word))}
    return tuple(sorted(p for p in parts if p in lex.domain_terms and p not in lex.agency_terms))


def search_words(words: list[str], skip: set[str] = frozenset()) -> list[str]:
    """``words`` with, after each word of three or more characters, the two- and three-character
    common words inside it, as jieba's search mode indexes them (应急预案 -> + 应急, 预案): so
    应急响应 and 应急预案 share 应急, 刑事处罚 has 处罚. A common word is one jieba's dictionary
    counts at least ``SUBWORD_MIN_FREQ`` times: rare entries (化处 in 无害化处理) stay out.
    Agency names are not opened."""
    lex = lexicon()
    out = []
    for word in words:
        out.append(word)
        if len(word) < 3 or word in skip or word in lex.agency_terms:
            continue
        out += _common_parts(word)
    return out


@lru_cache(maxsize=65536)
def _common_parts(word: str) -> tuple[str, ...]:
    """The two- and three-character common words inside ``word``, in order; cached, as words recur."""
    freq = tokenizer().FREQ
    return tuple(
        part for n in (2, 3) for i in range(len(word) - n + 1)
        if (part := word[i:i + n]) != word and freq.get(part, 0) >= SUBWORD_MIN_FREQ
    )


def is_vector_term(word: str) -> bool:
    """Whether ``word`` counts as content for keywords and similarity: not a stopword, not an
    agency name or short form, at least two characters, and, unless it is a dictionary word
    (12315), neither a bare number or code nor a place name (贵阳市)."""
    lex = lexicon()
    if word in lex.stopwords or word in lex.agency_terms or len(word) < 2:
        return False
    if word not in lex.domain_terms and (_ASCII_OR_DIGITS.fullmatch(word) or _PLACE_NAME.fullmatch(word)):
        return False
    return True


def vector(terms) -> dict[str, float]:
    """The fixed-IDF vector of a task from its set of words: each content word weighs its IDF."""
    return {w: idf(w) for w in sorted(set(terms)) if is_vector_term(w)}


def norm(vec: dict[str, float]) -> float:
    return math.sqrt(sum(x * x for _, x in sorted(vec.items())))


@dataclass(frozen=True)
class TaskWords:
    """The words of one task: ``tokens`` (distinct, in order of first use; agency names of the
    plan left out), ``keywords`` (best first, with their tf·idf scores)."""

    tokens: tuple[str, ...]
    keywords: tuple[tuple[str, float], ...]


def agency_names(plan) -> tuple[str, ...]:
    """Every agency name of a plan, as assigned and as written."""
    names = {a.agency for t in plan.tasks for a in t.assignments} | {a.written for t in plan.tasks for a in t.assignments}
    return tuple(sorted(n for n in names if n))


def task_words(text: str, plan_agencies: tuple[str, ...] = (), fragments_of: tuple[str, ...] = ()) -> TaskWords:
    """Tokens and keywords of one task text. The tokens are the words (with the dictionary words
    and search-mode words inside compounds, see ``expand`` and ``search_words``); mentions of
    ``plan_agencies`` (full agency names) are cut out whole and left out of them. Keywords are the
    content words by tf·idf; none is part of a name in ``plan_agencies`` or ``fragments_of`` (the
    plan's names as written and the task's own), so no 监管 from 市场监管局, no 宣传 from 市委宣传部."""
    words = segment(text, whole=tuple(plan_agencies))
    mention = set(plan_agencies)
    names = tuple(sorted(set(plan_agencies) | set(fragments_of)))
    tokens = tuple(dict.fromkeys(w for w in search_words(expand(words, mention), mention) if w not in mention))
    counts = Counter(w for w in words if w not in mention and is_vector_term(w))
    first = {w: i for i, w in reversed(list(enumerate(words)))}
    scored = []
    joined = "\n".join(names)  # `word in joined` is `any(word in name …)`: a word never holds a newline
    for word, count in counts.items():
        if word in joined:
            continue
        scored.append((word, round(count * idf(word), 6)))
    scored.sort(key=lambda item: (-item[1], first[item[0]], item[0]))
    return TaskWords(tokens=tokens, keywords=tuple(scored[:KEYWORDS_PER_TASK]))


def plan_words(plan) -> dict[int, TaskWords]:
    """``task.order`` -> its words, for every task of a plan."""
    names = agency_names(plan)
    full = tuple(sorted({a.agency for t in plan.tasks for a in t.assignments if a.agency}))
    out = {}
    for task in plan.tasks:
        own = tuple(sorted({a.agency for a in task.assignments} | {a.written for a in task.assignments}))
        out[task.order] = task_words(task.text, full, tuple(sorted(set(names) | set(own))))
    return out


def query_words(text: str) -> list[str]:
    """The words a search text stands for, as the token index holds them."""
    return list(dict.fromkeys(segment(text)))
