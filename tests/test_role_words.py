"""Each word of the role vocabulary (``loaders/role_words.py``) is read as its role by every reader
that takes its tuple: a task table's header, a label, a bracket, a mark after a name and a
``由X…，Y…`` sentence, in documents of our own wording (fictional 青溪县)."""
from __future__ import annotations

from pathlib import Path

import pytest

from plankg.loaders import load_document
from plankg.loaders.role_words import HELPING, LEADING, ROLE_OF_WORD, either

L, R, C = "lead", "responsible", "cooperating"


def _roles(folder: Path, text: str) -> list[tuple[str, str]]:
    path = folder / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return [(a.agency, a.role) for t in load_document(path).tasks for a in t.assignments]


def test_either_keeps_the_words_in_order():
    """The alternation lists the groups' words in the order given, single words too."""
    assert either(LEADING, "负责", ("协办",)) == "牵头|承办|主办|负责|协办"


def test_every_word_has_the_role_of_its_group():
    """Leading words lead, helping words cooperate, 负责 is responsible."""
    assert {ROLE_OF_WORD[w] for w in LEADING} == {L}
    assert {ROLE_OF_WORD[w] for w in HELPING} == {C}
    assert ROLE_OF_WORD["负责"] == R


@pytest.mark.parametrize("word", HELPING)
def test_helping_word_in_a_table_header(tmp_path, word):
    """``X单位`` headed by a helping word is a cooperating column."""
    assert _roles(tmp_path, (
        "青溪县2024年重点任务分工表\n"
        f"序号\t工作任务\t牵头单位\t{word}单位\n"
        "1\t推进政务服务一网通办，年底前完成事项梳理。\t县政务服务中心\t县财政局\n"
        "2\t完善企业开办一窗通办机制。\t县市场监管局\t县税务局\n"
    )) == [("县政务服务中心", L), ("县财政局", C), ("县市场监管局", L), ("县税务局", C)]


@pytest.mark.parametrize("word", HELPING)
def test_helping_word_in_a_bracket_and_a_label(tmp_path, word):
    """``（X牵头，Y协办）`` and ``协办单位：Y`` both make Y cooperate."""
    assert _roles(tmp_path, (
        "青溪县2024年重点工作\n"
        f"1.推进政务服务一网通办。（县政务服务中心牵头，县财政局{word}）\n"
        "2.完善企业开办一窗通办机制。\n"
        f"牵头单位：县市场监管局 {word}单位：县税务局\n"
    )) == [("县政务服务中心", L), ("县财政局", C), ("县市场监管局", L), ("县税务局", C)]


@pytest.mark.parametrize("word", HELPING)
def test_helping_word_as_a_mark_after_a_name(tmp_path, word):
    """``Y（协办）`` in an agency cell marks Y alone as cooperating."""
    assert _roles(tmp_path, (
        "青溪县2024年重点任务分工表\n"
        "序号\t工作任务\t责任单位\n"
        f"1\t推进政务服务一网通办。\t县政务服务中心（牵头）、县财政局（{word}）\n"
        f"2\t完善企业开办一窗通办机制。\t县市场监管局（牵头）、县税务局（{word}）\n"
    )) == [("县政务服务中心", L), ("县财政局", C), ("县市场监管局", L), ("县税务局", C)]


@pytest.mark.parametrize("lead", LEADING)
@pytest.mark.parametrize("word", HELPING)
def test_role_words_in_a_sentence(tmp_path, lead, word):
    """``由X承办，Y协办`` words each body's role, whichever leading and helping words it uses."""
    assert _roles(tmp_path, (
        "青溪县2024年重点工作\n"
        f"1.全县营商环境评价工作由县发展改革局{lead}，县统计局{word}。\n"
        f"2.企业开办一窗通办由县市场监管局{lead}，县税务局{word}。\n"
    )) == [("县发展改革局", L), ("县统计局", C), ("县市场监管局", L), ("县税务局", C)]
