"""Malformed and hostile .docx files: each is refused with one line ``Error: …`` and exit 2, in
under 200 MB of memory, writing nothing to the store and resolving no entity."""
from __future__ import annotations

import io
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

import plankg
from conftest import plankg_command
from plankg.store import graph_hash, load_record, plan_graphs

docx = pytest.importorskip("docx", reason="python-docx is a core dependency of the .docx loader")

MEMORY_LIMIT_KB = 200 * 1024
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SECRET_MARKER = "PLANKG-SECRET-7f3a9c"


def valid_docx() -> bytes:
    """A small Word document holding one task table in the Guiyang layout."""
    document = docx.Document()
    document.add_paragraph("附件")
    document.add_paragraph("贵阳市食品安全重点工作任务责任分解表")
    table = document.add_table(rows=1, cols=4)
    for cell, header in zip(table.rows[0].cells, ["主要任务", "工作内容", "牵头单位", "责任单位"]):
        cell.text = header
    for i in range(3):
        cells = table.add_row().cells
        cells[0].text = "（一）夯实基础"
        cells[1].text = f"{i + 1}.加强农贸市场监督检查，抽检合格率达到95%以上。"
        cells[2].text = "市市场监管局、市商务局"
        cells[3].text = "各区政府"
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def rezip(data: bytes, replace: dict[str, bytes | None] | None = None, add: dict[str, bytes] | None = None,
          method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The archive with members replaced (None drops one) and members added."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", method) as target:
        for info in source.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    target.writestr(info.filename, replace[info.filename])
            else:
                target.writestr(info.filename, source.read(info.filename))
        for name, content in add.items():
            target.writestr(name, content)
    return out.getvalue()


def document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


def with_dtd(xml: bytes, dtd: str, *, entity_in_text: str | None = None, padding: int = 0) -> bytes:
    """``xml`` with a DOCTYPE (after ``padding`` bytes of comment) and an entity reference in its first text run."""
    head, sep, rest = xml.partition(b"?>")
    prolog = head + sep + (b"\n<!--" + b"x" * padding + b"-->" if padding else b"")
    root = rest.lstrip()
    root_name = root[1:root.index(b" ")]
    doc = prolog + b"\n<!DOCTYPE " + root_name + b" [" + dtd.encode() + b"]>\n" + root
    if entity_in_text:
        doc = doc.replace("工作内容".encode(), f"工作内容&{entity_in_text};".encode(), 1)
    return doc


LAUGHS = "".join(
    ['<!ENTITY lol "lol">']
    + [f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
)


def _bomb(size: int) -> bytes:
    """A zip whose word/document.xml inflates to ``size`` bytes of spaces (ratio far above 100)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
    return out.getvalue()


def _lying_sizes(size: int) -> bytes:
    """A bomb whose headers declare 1,000 bytes for a member that inflates to ``size``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b" " * size + b">")
    data = bytearray(out.getvalue())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            name_len = int.from_bytes(data[at + (26 if signature == b"PK\x03\x04" else 28):][:2], "little")
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + name_len] == b"word/document.xml":
                data[at + offset:at + offset + 4] = (1000).to_bytes(4, "little")
            start = at + 4
    return bytes(data)


def _too_big_stored() -> bytes:
    """A zip of stored (uncompressed) members adding up to more than 50 MiB: ratio 1, size too big."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body/></w:document>')
        block = os.urandom(1 << 20)
        for i in range(52):
            archive.writestr(f"word/media/filler{i}.bin", block)
    return out.getvalue()


def _dangling(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = archive.read("word/_rels/document.xml.rels")
    rel = (b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
           b'Target="media/missing.png"/></Relationships>')
    return rezip(data, {"word/_rels/document.xml.rels": rels.replace(b"</Relationships>", rel)})


def _xxe(data: bytes, secret: Path, part: str = "word/document.xml", padding: int = 0) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(part)
    dtd = f'<!ENTITY xxe SYSTEM "file://{secret}">'
    return rezip(data, {part: with_dtd(xml, dtd, entity_in_text="xxe" if part == "word/document.xml" else None,
                                      padding=padding)})


CASES = {
    "not-a-zip": lambda ok, secret: b"This is not a zip archive, just text pretending. " * 20,
    "truncated": lambda ok, secret: ok[: len(ok) // 2],
    "missing-document-xml": lambda ok, secret: rezip(ok, {"word/document.xml": None}),
    "malformed-xml": lambda ok, secret: rezip(ok, {"word/document.xml": f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>open'.encode()}),
    "dangling-relationship": lambda ok, secret: _dangling(ok),
    "doc-renamed": lambda ok, secret: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096,
    "empty": lambda ok, secret: b"",
    "over-50-mib": lambda ok, secret: _too_big_stored(),
    "ratio-over-100": lambda ok, secret: _bomb(10 << 20),
    "bomb-200-mib": lambda ok, secret: _bomb(200 << 20),
    "lying-sizes": lambda ok, secret: _lying_sizes(100 << 20),
    "billion-laughs": lambda ok, secret: rezip(ok, {"word/document.xml": with_dtd(document_xml(ok), LAUGHS, entity_in_text="lol9")}),
    "billion-laughs-after-4k": lambda ok, secret: rezip(
        ok, {"word/document.xml": with_dtd(document_xml(ok), LAUGHS, entity_in_text="lol9", padding=5000)}),
    "external-entity": lambda ok, secret: _xxe(ok, secret),
    "external-entity-after-4k": lambda ok, secret: _xxe(ok, secret, padding=5000),
    "external-entity-in-styles": lambda ok, secret: _xxe(ok, secret, part="word/styles.xml"),
}


# Runs plankg in a grandchild: a child's peak memory (ru_maxrss) would include the pytest process
# it was forked from, so a small wrapper forks afresh, execs plankg and reports its wait4 usage.
WRAPPER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as report:
    report.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)
"""


def run_measured(*args: str, timeout: float = 120) -> tuple[int, str, str, int]:
    """Run plankg; return its exit code, stdout, stderr and peak resident memory in KiB."""
    import signal
    import sys
    import tempfile

    with tempfile.NamedTemporaryFile("r", suffix=".rusage") as report:
        process = subprocess.Popen([sys.executable, "-c", WRAPPER, report.name, plankg_command(), *args],
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, start_new_session=True)
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise
        peak = int(report.read() or 0)
    return process.returncode, out, err, peak


def store_text(path: Path) -> str:
    """Every literal of every graph in the store, joined (to look for resolved entities)."""
    from pyoxigraph import Literal

    with plankg.open(path) as graph:
        return "\n".join(q.object.value for q in graph.store.quads_for_pattern(None, None, None, None)
                         if isinstance(q.object, Literal))


def snapshot(path: Path) -> tuple[dict, dict]:
    with plankg.open(path) as graph:
        hashes = {g.value: graph_hash(graph.store, g) for g in plan_graphs(graph.store)}
        records = {k: load_record(graph.store, k) for k in graph.plan_keys()}
    return hashes, records


@pytest.fixture(scope="module")
def ok_docx() -> bytes:
    return valid_docx()


def test_valid_docx_loads(tmp_path, ok_docx):
    """The unmodified document the hostile cases start from loads (exit 0), so each refusal is the damage's doing."""
    path = tmp_path / "plan.docx"
    path.write_bytes(ok_docx)
    code, out, err, _ = run_measured("load", str(path), "--store", str(tmp_path / "store"))
    assert code == 0, err
    assert "3 tasks" in out


# Known gaps of the .docx guard (loaders/zipguard.refuse_dtd reads only the first 4 KiB of
# word/document.xml): the entity is not resolved, but the file is loaded instead of refused.
GAPS: dict[str, str] = {}  # hostile cases the loader does not refuse yet (none since every XML part is scanned)
# built only for the subprocess test: inflating them in the test process would weigh on it
BIG = {"over-50-mib", "ratio-over-100", "bomb-200-mib", "lying-sizes"}


def _refused(case: str, ok_docx: bytes, store: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET_MARKER, encoding="utf-8")
    path = tmp_path / f"{case}.docx"
    path.write_bytes(CASES[case](ok_docx, secret))
    before = snapshot(store)
    code, out, err, peak_kb = run_measured("load", str(path), "--store", str(store))
    assert peak_kb < MEMORY_LIMIT_KB, f"peak memory {peak_kb // 1024} MiB"
    assert SECRET_MARKER not in out + err and SECRET_MARKER not in store_text(store), "an external entity was resolved"
    assert "Traceback" not in err
    if case in GAPS and code == 0:
        pytest.xfail(GAPS[case])  # loaded without resolving the entity; refusing it is the loader's open issue
    assert code == 2, (code, out, err)
    assert err.count("\n") == 1 and err.startswith(f"Error: {path}: "), err
    assert snapshot(store) == before


@pytest.mark.parametrize("case", sorted(BIG | set(GAPS)))
def test_hostile_docx_is_refused(case, ok_docx, store_copy, tmp_path):
    """The bomb (or entity) file alone is refused with one 'Error:' line naming it, exit 2, peak memory under 200 MB, nothing written, no entity resolved."""
    _refused(case, ok_docx, store_copy, tmp_path)


def test_hostile_docx_folder_is_refused(ok_docx, store_copy, tmp_path):
    """A folder of every other hostile .docx loads nothing: one 'Error: <file>: …' line each, exit 2, peak memory under 200 MB, no entity resolved."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET_MARKER, encoding="utf-8")
    folder = tmp_path / "hostile"
    folder.mkdir()
    cases = sorted(set(CASES) - BIG - set(GAPS))
    for case in cases:
        (folder / f"{case}.docx").write_bytes(CASES[case](ok_docx, secret))
    before = snapshot(store_copy)
    code, out, err, peak_kb = run_measured("load", str(folder), "--store", str(store_copy))
    assert peak_kb < MEMORY_LIMIT_KB, f"peak memory {peak_kb // 1024} MiB"
    assert SECRET_MARKER not in out + err and SECRET_MARKER not in store_text(store_copy)
    assert "Traceback" not in err
    assert code == 2, (code, out, err)
    lines = err.splitlines()
    assert sorted(line.split(": ")[1] for line in lines) == sorted(str(folder / f"{c}.docx") for c in cases), err
    assert all(line.startswith("Error: ") for line in lines)
    assert out.splitlines()[-1] == f"0 loaded, 0 skipped, {len(cases)} failed"
    assert snapshot(store_copy) == before


@pytest.mark.parametrize("case", [
    pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=GAPS[c])) if c in GAPS else c
    for c in sorted(CASES) if c not in BIG])
def test_parse_bytes_refuses_hostile_docx(case, ok_docx, tmp_path):
    """loaders.parse_bytes refuses the hostile file with InputError naming it (the API path, no CLI)."""
    from plankg.errors import InputError
    from plankg.loaders import parse_bytes

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET_MARKER, encoding="utf-8")
    with pytest.raises(InputError, match=f"^{case}.docx: "):
        parse_bytes(CASES[case](ok_docx, secret), name=f"{case}.docx", key="k")

