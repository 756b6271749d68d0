"""Quads for what ``plankg.enrich`` read out of a plan's words: per task its tokens (the word index
``tasks-search`` matches), its keywords and its topics; per target its indicator concept.

All of it depends on the plan alone (its text and agency names, plus the shipped dictionary and
schemes), so it belongs in the plan's own graph and keeps that graph a pure function of the
document. The corpus-wide similarities live in the analysis graph (``plankg.similarity``).

    task  pk:token "学校食堂" , … ;            # every word of the text (agency mentions left out)
          pk:keyword "明厨亮灶" , … ;          # up to 10 content words by fixed tf·idf
          pk:vectorNorm 31.4 ;                # length of its fixed-IDF word vector (similarity)
          pk:topic topic:school-canteens .    # shortcut of the qualified assignment below
    task/<n>/topic/<slug>  a pk:TopicAssignment ;
          pk:task task ; pk:topic topic:school-canteens ;
          pk:rule <…/topic/school-canteens/rule/1> ; pk:matchedKeyword "学校食堂" .
    task/<n>/target/<k>  pk:indicatorConcept indicator:mingchu-liangzao-coverage .
"""
from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from plankg.records import Plan

from . import vocab as v
from .iris import target_iri, task_iri, topic_iri
from .vocab import decimal_literal


def annotation_quads(plan: Plan, plan_node: NamedNode, graph: NamedNode) -> Iterator[Quad]:
    """Tokens, keywords, topics and indicator concepts of every task of an enriched ``plan``."""
    token, keyword = v.pk("token"), v.pk("keyword")  # (a task has dozens of tokens: the predicates looked up once)
    for task in plan.tasks:
        t = task_iri(plan_node, task.order)
        words = task.annotations
        yield from [Quad(t, token, Literal(word), graph) for word in words.tokens]
        if words.norm > 0:
            yield Quad(t, v.pk("vectorNorm"), decimal_literal(f"{words.norm:.9f}"), graph)
        yield from [Quad(t, keyword, Literal(word), graph) for word in words.keywords]
        for tag in words.topics:
            topic = NamedNode(tag.topic)
            node = topic_iri(t, tag.topic)
            yield Quad(t, v.pk("topic"), topic, graph)
            yield Quad(node, v.RDF_TYPE, v.pk("TopicAssignment"), graph)
            yield Quad(node, v.pk("task"), t, graph)
            yield Quad(node, v.pk("topic"), topic, graph)
            yield Quad(node, v.pk("rule"), NamedNode(tag.rule), graph)
            for word in tag.matched:
                yield Quad(node, v.pk("matchedKeyword"), Literal(word), graph)
        for k, target in enumerate(task.targets, 1):
            if target.concept is not None:
                yield Quad(target_iri(t, k), v.pk("indicatorConcept"), NamedNode(target.concept), graph)
