"""Each word of the role vocabulary (``loaders/role_words.py``) is read as its role by every reader
that takes its tuple: a task table's header, a bracket and a label, a mark after a name and a
``由X…，Y…`` sentence, in documents of our own wording (fictional 青溪县)."""
from __future__ import annotations

from pathlib import Path

import pytest

from plankg.loaders import load_document
from plankg.loaders.role_words import HELPING, LEADING, ROLE_OF_WORD, either

L, R, C = "lead", "responsible", "cooperating"

# one document per reader, ``{lead}`` and ``{word}`` standing for a leading and a helping word
READERS = {
    "table header": (
        "青溪县2024年重点任务分工表\n"
        "序号\t工作任务\t{lead}单位\t{word}单位\n"
        "1\t推进政务服务一网通办，年底前完成事项梳理。\t县政务服务中心\t县财政局\n"
        "2\t完善企业开办一窗通办机制。\t县市场监管局\t县税务局\n"
    ),
    "bracket and label": (
        "青溪县2024年重点工作\n"
        "1.推进政务服务一网通办。（县政务服务中心{lead}，县财政局{word}）\n"
        "2.完善企业开办一窗通办机制。\n"
        "{lead}单位：县市场监管局 {word}单位：县税务局\n"
    ),
    "mark after a name": (
        "青溪县2024年重点任务分工表\n"
        "序号\t工作任务\t责任单位\n"
        "1\t推进政务服务一网通办。\t县政务服务中心（{lead}）、县财政局（{word}）\n"
        "2\t完善企业开办一窗通办机制。\t县市场监管局（{lead}）、县税务局（{word}）\n"
    ),
    "sentence": (
        "青溪县2024年重点工作\n"
        "1.全县营商环境评价工作由县政务服务中心{lead}，县财政局{word}。\n"
        "2.企业开办一窗通办由县市场监管局{lead}，县税务局{word}。\n"
    ),
}
EXPECTED = [("县政务服务中心", L), ("县财政局", C), ("县市场监管局", L), ("县税务局", C)]


def test_either_keeps_the_words_in_order():
    """The alternation lists the groups' words in the order given, single words too."""
    assert either(LEADING, "负责", ("协办",)) == "牵头|承办|主办|负责|协办"


def test_every_word_has_the_role_of_its_group():
    """Leading words lead, helping words cooperate, 负责 is responsible."""
    assert {ROLE_OF_WORD[w] for w in LEADING} == {L}
    assert {ROLE_OF_WORD[w] for w in HELPING} == {C}
    assert ROLE_OF_WORD["负责"] == R


@pytest.mark.parametrize("lead", LEADING)
@pytest.mark.parametrize("word", HELPING)
@pytest.mark.parametrize("reader", READERS)
def test_every_reader_knows_every_word(tmp_path: Path, reader, lead, word):
    """Each reader gives the leading word's body the lead and the helping word's body cooperation."""
    path = tmp_path / "plan.txt"
    path.write_text(READERS[reader].format(lead=lead, word=word), encoding="utf-8")
    assert [(a.agency, a.role) for t in load_document(path).tasks for a in t.assignments] == EXPECTED
