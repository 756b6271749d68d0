"""The shipped concept schemes and their rules: topics (``ontology/topics.ttl``) tagged on tasks by
their keywords, and indicators (``ontology/indicators.ttl``) that make targets of different plans
comparable. Both depend on a task or target alone, so they go into the plan's own graph; the
schemes themselves (labels, rules) go into the reference graph (``vocabulary_quads``).

No jieba here: rules match words that ``plankg.words`` has already found.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from plankg.ontology import vocab as v

SCHEME_FILES = ("topics.ttl", "indicators.ttl")
TOPIC_BASE = v.ID + "topic/"
INDICATOR_BASE = v.ID + "indicator/"
SCHEME_BASE = v.ID + "scheme/"
_SKOS = v.PREFIXES["skos"]


@dataclass(frozen=True)
class TopicRule:
    iri: str
    topic: str
    any_keyword: frozenset[str]


@dataclass(frozen=True)
class IndicatorRule:
    iri: str
    concept: str
    order: int
    contains: tuple[str, ...]
    unit: str | None


@dataclass(frozen=True)
class Schemes:
    triples: tuple  # every triple of the shipped scheme files
    topic_rules: tuple[TopicRule, ...]
    indicator_rules: tuple[IndicatorRule, ...]
    labels: dict[str, str]  # concept IRI -> zh prefLabel


def _read(name: str) -> list:
    from importlib.resources import files

    data = files("plankg.ontology").joinpath(name).read_bytes()
    return [t for t in parse(data, format=RdfFormat.TURTLE)]


@lru_cache(maxsize=1)
def schemes() -> Schemes:
    """The topic and indicator schemes with their rules, read once from the package data."""
    triples = [t for name in SCHEME_FILES for t in _read(name)]
    by_subject: dict[str, dict[str, list]] = {}
    for t in triples:
        by_subject.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)
    types = {s: {o.value for o in p.get(v.RDF_TYPE.value, [])} for s, p in by_subject.items()}
    topic_rules, indicator_rules, labels = [], [], {}
    for s, props in sorted(by_subject.items()):
        kinds = types[s]
        if v.PK + "TopicRule" in kinds:
            topic_rules.append(TopicRule(s, props[v.PK + "topic"][0].value,
                                         frozenset(o.value for o in props.get(v.PK + "anyKeyword", []))))
        elif v.PK + "IndicatorRule" in kinds:
            unit = props.get(v.PK + "unitEquals")
            indicator_rules.append(IndicatorRule(
                s, props[v.PK + "indicatorConcept"][0].value, int(props[v.PK + "order"][0].value),
                tuple(sorted(o.value for o in props.get(v.PK + "textContains", []))), unit[0].value if unit else None,
            ))
        elif _SKOS + "Concept" in kinds:
            zh = [o.value for o in props.get(_SKOS + "prefLabel", []) if getattr(o, "language", None) == "zh"]
            labels[s] = zh[0] if zh else s
    indicator_rules.sort(key=lambda r: (r.order, r.iri))
    return Schemes(tuple(triples), tuple(topic_rules), tuple(indicator_rules), labels)


def concept_terms() -> list[str]:
    """Words the schemes name (zh labels without brackets, topic keywords, indicator phrases):
    plankg's jieba dictionary keeps each of them whole."""
    s = schemes()
    terms = [label for label in s.labels.values() if "（" not in label]
    for rule in s.topic_rules:
        terms += sorted(rule.any_keyword)
    for rule in s.indicator_rules:
        terms += [c for c in rule.contains if len(c) >= 2]
    return list(dict.fromkeys(terms))


@dataclass(frozen=True)
class TopicTag:
    """A topic a task gets, the rule that gave it and the keywords that made the rule fire."""

    topic: str
    rule: str
    matched: tuple[str, ...]


def tag_topics(words) -> list[TopicTag]:
    """The topics whose rules fire on ``words`` — a task's keywords and the dictionary words inside
    them (``plankg.words.expand``) — first rule per topic, in IRI order."""
    words = set(words)
    tags: dict[str, TopicTag] = {}
    for rule in schemes().topic_rules:
        matched = tuple(sorted(words & rule.any_keyword))
        if matched and rule.topic not in tags:
            tags[rule.topic] = TopicTag(rule.topic, rule.iri, matched)
    return [tags[t] for t in sorted(tags)]


def indicator_concept(indicator: str | None, phrase: str, unit: str | None) -> str | None:
    """The indicator concept a target measures, by the first rule that matches, or None."""
    text = indicator or phrase
    for rule in schemes().indicator_rules:
        if rule.unit is not None and rule.unit != unit:
            continue
        if all(c in text for c in rule.contains):
            return rule.concept
    return None


def vocabulary_quads(graph: NamedNode = v.REFERENCE_GRAPH) -> list[Quad]:
    """The shipped schemes as quads of ``graph``."""
    return [Quad(t.subject, t.predicate, t.object, graph) for t in schemes().triples]


def version_literal() -> Literal:
    """A digest of the shipped schemes: the reference graph holds it while it holds these schemes."""
    import hashlib

    lines = sorted(f"{t.subject} {t.predicate} {t.object} ." for t in schemes().triples)
    return Literal(hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16])


_VERSION_PREDICATE = NamedNode(v.PREFIXES["dcterms"] + "hasVersion")
_SCHEMES = (NamedNode(SCHEME_BASE + "topics"), NamedNode(SCHEME_BASE + "indicators"))


def scheme_version_quads(graph: NamedNode) -> list[Quad]:
    """The quads that say ``graph`` holds this version of the shipped schemes."""
    version = version_literal()
    return [Quad(s, _VERSION_PREDICATE, version, graph) for s in _SCHEMES]


# the subjects the shipped schemes own in the reference graph, by IRI prefix
SCHEME_PREFIXES = (TOPIC_BASE, INDICATOR_BASE, SCHEME_BASE)
