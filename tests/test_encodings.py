"""Encodings of Chinese documents: every supported encoding decodes byte-exactly with no U+FFFD,
directly and through a full load; undecodable bytes are refused naming the byte offset."""
from __future__ import annotations

import codecs

import pytest
from pyoxigraph import Literal

import plankg
from conftest import run_cli
from generate import document
from plankg.errors import InputError
from plankg.loaders import parse_bytes
from plankg.loaders.reading import decode

# encoding name -> how a document's text becomes bytes in it
ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "gbk": lambda t: t.encode("gbk"),
    "gb18030": lambda t: t.encode("gb18030"),
    "gb2312": lambda t: t.encode("gb2312"),
}
# characters outside GB2312 that GBK/GB18030 documents do contain (镕 堃 喆 are in names)
BEYOND_GB2312 = "镕堃喆"


def corpus_text(length: int, extra: str = "") -> str:
    """Text of exactly ``length`` characters drawn from generated plans (CJK, full-width punctuation, digits, %, newlines)."""
    text, i = "", 0
    while len(text) < length:
        text += document(i).text.replace("\t", "") + extra
        i += 1
    return text[:length]


@pytest.mark.parametrize("length", [20, 200, 2000])
@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_decode_is_byte_exact(encoding, length):
    """decode() gives back exactly the text that was encoded, with no replacement character."""
    text = corpus_text(length, extra=BEYOND_GB2312 if encoding not in ("gb2312",) else "")
    data = ENCODINGS[encoding](text)
    decoded = decode(data, "doc.txt")
    assert decoded == text
    assert "\ufffd" not in decoded
    assert len(decoded) == length


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_parse_gives_same_plan_in_every_encoding(encoding):
    """A document parses to the same tasks, agencies and targets whatever its encoding."""
    doc = document(5)
    reference = parse_bytes(doc.text.encode("utf-8"), name="doc.txt", key="doc")
    plan = parse_bytes(ENCODINGS[encoding](doc.text), name="doc.txt", key="doc")
    assert [(t.number, t.text, t.assignments, t.targets) for t in plan.tasks] == \
        [(t.number, t.text, t.assignments, t.targets) for t in reference.tasks]
    assert plan.title == reference.title


def test_full_load_in_every_encoding(tmp_path):
    """Loading one document saved in each encoding gives plan graphs with identical text literals and no U+FFFD."""
    docs = tmp_path / "docs"
    docs.mkdir()
    doc = document(9)
    for encoding, encode in ENCODINGS.items():
        (docs / f"{encoding}.txt").write_bytes(encode(doc.text))
    store = tmp_path / "store"
    result = run_cli("load", str(docs), "--store", str(store), timeout=60)
    assert result.returncode == 0, result.stderr
    with plankg.open(store) as graph:
        texts = {}
        for key in graph.plan_keys():
            from plankg.ontology.mapping import graph_iri

            literals = {q.object.value for q in graph.store.quads_for_pattern(None, None, None, graph_iri(key))
                        if isinstance(q.object, Literal) and q.predicate.value.endswith(("#text", "title", "#agencyName"))}
            assert not any("\ufffd" in value for value in literals)
            texts[key] = literals
    assert set(texts) == set(ENCODINGS)
    assert all(value == texts["utf-8"] for value in texts.values())
    assert any("食品安全" in value for value in texts["gb2312"])


def test_undecodable_bytes_name_the_offset():
    """Bytes valid in neither UTF-8 nor GB18030 raise InputError naming the offset where UTF-8 failed."""
    head = "任务分工表\n".encode("utf-8")  # 16 bytes
    with pytest.raises(InputError, match=r"doc\.txt: undecodable bytes at byte offset 16\b"):
        decode(head + b"\xff\x80\x80 more", "doc.txt")


def test_broken_utf16_names_the_offset():
    """A UTF-16 BOM followed by an unpaired surrogate is refused with the byte offset of the bad unit."""
    data = codecs.BOM_UTF16_LE + "任务".encode("utf-16-le") + b"\x00\xd8" + "表".encode("utf-16-le")
    with pytest.raises(InputError, match=r"doc\.txt: not valid utf-16-le at byte 6\b"):
        decode(data, "doc.txt")


def test_undecodable_file_through_cli(tmp_path):
    """`plankg load` of an undecodable file prints one line with the file and offset, exits 2, and writes nothing."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(document(1).text.encode("utf-8")[:40] + b"\xff\xfe\xfd\x80 tail")
    store = tmp_path / "store"
    result = run_cli("load", str(bad), "--store", str(store), timeout=30)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"Error: {bad}: undecodable bytes at byte offset ")
    offset = int(result.stderr.split("offset ")[1].split()[0])
    assert bad.read_bytes()[offset] >= 0x80
    with plankg.open(store) as graph:
        assert graph.plan_keys() == []
