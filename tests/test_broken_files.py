"""Broken and hostile files: each is one ``Error: <file>: <reason>`` line, exit 2, nothing stored,
while the good files of the same load still load."""
from __future__ import annotations

import io
import random
import zipfile

import pytest

import plankg
from plankg.errors import InputError
from plankg.loaders import parse_bytes

from conftest import SEEDS, run_cli


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("XX县2023年重点工作")
    document.add_paragraph("1.推进道路改造。（县交通运输局负责）")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _bomb() -> bytes:
    """A .docx whose document.xml inflates from about 60 KiB to 60 MiB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(60):
                member.write(chunk)
    return buffer.getvalue()


def _entities() -> bytes:
    """A .docx whose document.xml declares nested entities (billion laughs)."""
    xml = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
           b"<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>")
    good = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    members = {n: good.read(n) for n in good.namelist()}
    members["word/document.xml"] = xml
    return _zip(members)


def _scanned_pdf() -> bytes | None:
    try:
        from reportlab.pdfgen import canvas
    except ImportError:
        return None
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 300, 400, fill=1)  # ink but no characters, as a scan's page is
    page.showPage()
    page.save()
    return buffer.getvalue()


CORPUS: list[tuple[str, object, str]] = [
    ("not_a_zip.docx", "这不是一个压缩包，只是文字。".encode("utf-8"), "not a valid .docx file (not a zip archive)"),
    ("truncated.docx", lambda: _docx_bytes()[:3000], "not a valid zip archive (truncated or corrupt)"),
    ("empty.docx", b"", "empty file"),
    ("empty.html", b"  \n", "empty file"),
    ("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "legacy binary Office/WPS format (OLE2, .doc/.wps/.xls): save it as .docx"),
    ("legacy.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "save it as .docx"),
    ("noise.txt", lambda: random.Random(7).randbytes(4096), "undecodable bytes"),
    ("notable.html", "<html><body><p>关于召开会议的通知</p><p>请各单位准时参加。</p></body></html>".encode("utf-8"), "no task table found"),
    ("bomb.docx", _bomb, "refused: expands to more than 50 MiB"),
    ("entities.docx", _entities, "declares a DTD"),
    ("nodocument.docx", lambda: _zip({"hello.txt": b"hi"}), "not a Word document (no word/document.xml in the archive)"),
    ("noworkbook.xlsx", lambda: _zip({"hello.txt": b"hi"}), "not an Excel workbook (no xl/workbook.xml in the archive)"),
    ("scanned.pdf", _scanned_pdf, "PDF has no text layer (needs OCR)"),
    ("damaged.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4, "PDF"),
]


def _content(spec) -> bytes | None:
    return spec() if callable(spec) else spec


@pytest.mark.parametrize("name, spec, reason", CORPUS, ids=[c[0] for c in CORPUS])
def test_broken_file_raises_input_error(name, spec, reason):
    """Each broken file is refused with InputError naming the file and the reason, never a traceback."""
    data = _content(spec)
    if data is None:
        pytest.skip("reportlab is not installed: no PDF can be written")
    with pytest.raises(InputError) as caught:
        parse_bytes(data, name=name, key="k", where=f"dir/{name}")
    assert caught.value.message.startswith(f"dir/{name}: ")
    assert reason in caught.value.message


def test_broken_corpus_through_the_cli(tmp_path):
    """One `plankg load` of the whole corpus plus a good seed: one error line per broken file, exit 2,
    only the good plan stored."""
    folder = tmp_path / "docs"
    folder.mkdir()
    broken = []
    for name, spec, _ in CORPUS:
        data = _content(spec)
        if data is not None:
            (folder / name).write_bytes(data)
            broken.append(folder / name)
    good = folder / SEEDS[0].name
    good.write_bytes(SEEDS[0].read_bytes())
    store = tmp_path / "store"
    result = run_cli("load", *map(str, [*broken, good]), "--store", str(store))
    assert result.returncode == 2
    errors = result.stderr.splitlines()
    assert len(errors) == len(broken) and "Traceback" not in result.stderr
    for path, line in zip(broken, errors):
        reason = next(r for n, _, r in CORPUS if n == path.name)
        assert line.startswith(f"Error: {path}: ") and reason in line, line
    assert result.stdout.splitlines()[-1] == f"1 loaded, 0 skipped, {len(broken)} failed"
    with plankg.open(store) as graph:
        assert graph.plan_keys() == [SEEDS[0].stem]


def test_ratio_check_spares_small_members():
    """A small, very compressible member (styles, settings) is no bomb: a real .docx still loads."""
    plan = parse_bytes(_docx_bytes(), name="ok.docx", key="ok")
    assert [(a.agency, a.role) for t in plan.tasks for a in t.assignments] == [("县交通运输局", "responsible")]
