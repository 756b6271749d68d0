"""Property-based tests of every loader: arbitrary bytes, arbitrary text and table-shaped text
through ``loaders.parse_bytes`` raise nothing but plankg's declared errors, and every graph
produced survives N-Quads serialise -> parse, and a store write -> read, unchanged.

Arbitrary bytes go through every supported suffix; arbitrary and table-shaped text through the
three text readers (txt, csv/tsv, html); mutated valid files through the binary readers (docx,
xlsx, pdf). `make test` runs a quick, derandomised 100 examples per case; the slow-marked runs
take PLANKG_SLOW_SIZE ("modest" -> 1000 per case, a third for the slow table and mutant cases, so
at least 1000 per loader).
"""
from __future__ import annotations

import io
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import BlankNode, RdfFormat, Store, parse, serialize

from generate import slow_size
from plankg import loaders
from plankg.errors import PlankgError
from plankg.enrich import enrich
from plankg.ontology.mapping import graph_iri, plan_quads
from plankg.store import LoadInfo, record_quads, write_plan

SUFFIXES = sorted(loaders.SUPPORTED_SUFFIXES)
QUICK = settings(max_examples=100, derandomize=True, database=None, deadline=timedelta(seconds=5),
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=slow_size(1000, 100), database=None, deadline=timedelta(seconds=5),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# text without surrogates (which no decoder can produce)
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=600)
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PIECE = st.sampled_from([
    "市", "局", "委", "办", "政府", "各区", "（", "）", "(", ")", "、", "，", ",", "；", "。", "：", "\n", "\t", " ",
    "牵头", "负责", "配合", "协办", "按职责分工负责", "等", "及", "和", "1.", "（一）", "一、", "十六、", "%", "％",
    "达到", "以上", "不低于", "左右", "年底前", "2025年", "11月底前", "每年", "率", "全覆盖", "动态清零", "万元",
    "[bookmark: _GoBack]", "-20-", "\"", "\\", "<", ">", "{", "}", "'", "#", "\u3000", "\u00a0", "\u200b",
])
CELL = st.lists(st.one_of(PIECE, CJK, st.integers(0, 120).map(str)), min_size=1, max_size=30).map("".join)
HEADERS = st.sampled_from([
    ["主要任务", "工作内容", "牵头单位", "责任单位"], ["一级标题", "主要内容", "责任单位"],
    ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"], ["重点任务", "具体措施", "责任单位", "责任人"],
])


@st.composite
def table_text(draw) -> str:
    """Text in the seeds' layout: a title, a header row, then sections, numbered tasks and agency cells."""
    lines = ["附件", draw(CELL) + "任务分工表"]
    lines += ["\t" + h for h in draw(HEADERS)]
    for s in range(draw(st.integers(0, 4))):
        lines.append(f"\t{'一二三四'[s]}、" + draw(CELL))
        for t in range(draw(st.integers(0, 5))):
            lines.append(f"\t{t + 1}." + draw(CELL))
            lines += ["\t" + draw(CELL) for _ in range(draw(st.integers(0, 3)))]
            lines.append(draw(st.sampled_from(["", "\t", "\n"])))
    return "\n".join(lines)


# lines in the shapes real documents take (tables a cell per line, labels, notes, site artefacts,
# role sentences, targets), shuffled into documents no one wrote
REAL_LINES = st.sampled_from([
    "| 乡镇 | 改厕任务(户) | 污水治理(个) | 责任人 |", "| 青山镇 | 120 | 3 | 王明 |", "|", "| 市安监局", "第一组",
    "序号\t工作任务\t责任单位\t\t完成时限", "\t\t牵头单位\t配合单位\t", "一、垃圾污水治理", "项 目", "分值", "监考单位", "186",
    "区发改局区统计局", "临溪县确保古镇游客中心项目开工建设;", "（X牵头，有关部门按职责分工负责，年内持续推进）",
    "由市科技局、市知识产权局,各县政府负责。", "县政府", "责任领导", "各乡(镇、场)", "[接上页]省水利厅:负责",
    "X(以下均需X配合,不再列出)", "达到 27.30%", "0.26、0.67、1.5亿元", "│县(市)、区│目标任务水│", "├──┼──┤",
    "序号 |", "工 作 任 务 |", "负责部门 |", "时间进度 |", "1 |", "省发展改革委,住房城乡建设厅、交通运输厅 |", "2014-2017年滚动实施 |",
    "以下均需各乡镇落实,不再列出", "审阅有1", "关部门和单位", "(20", "2、23分)", "二、责任单位", "县信访局负责全县来信登记。",
    "村(社居委)主要以排查为主,", "县区每季度通报一次", "由其主管部门负责解决,地方党委、政府积极配合;", "镇区、村居负责维护",
    "受理率、办结率全部达到100%", "省级、市级示范点各2个", "“零”上访", "至少有1名", "大于5万亩,小于10万亩的,得1.6分",
    "16.新增企业20家以上。", "(二)加快企业培育。", "", "牵头单位：", "配合单位:县财政局", "完成时限：2024年12月底前",
])


@st.composite
def real_lines(draw) -> str:
    """Lines of real documents' shapes in any order and number."""
    return "\n".join(draw(st.lists(REAL_LINES, min_size=1, max_size=30)))


def encoded(text: str, how: int) -> bytes:
    if how == 1:
        return text.encode("gb18030")
    if how == 2:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if how == 3:
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode("utf-8")


def check(data: bytes, suffix: str) -> None:
    """parse_bytes raises only PlankgError; a plan's graph round-trips through N-Quads and a store write."""
    try:
        plan = loaders.parse_bytes(data, name="doc" + suffix, key="doc")
    except PlankgError as error:
        assert error.message and "\n" not in error.message.strip(), error.message
        return
    quads = list(dict.fromkeys(plan_quads(enrich(plan))))
    assert quads, "a parsed plan has quads"
    assert not any(isinstance(t, BlankNode) for q in quads for t in (q.subject, q.object))
    canonical = sorted(str(q) for q in quads)

    stream = io.BytesIO()
    serialize(quads, stream, RdfFormat.N_QUADS)
    back = list(parse(stream.getvalue(), format=RdfFormat.N_QUADS))
    assert sorted(str(q) for q in back) == canonical

    # The real write path (``plankg.store.write_plan``) stores what pyoxigraph's own quad API
    # stores. (Both keep Oxigraph's canonical lexical form of typed literals; that a parse emits
    # canonical forms is test_load_reliability's concern.)
    store, direct = Store(), Store()
    write_plan(store, plan.key, quads, record_quads(plan.key, LoadInfo(
        path="/doc", byte_hash=plan.source_hash, loader_version="t", layout=plan.layout,
        loaded_at="2020-01-01T00:00:00+00:00")))
    direct.extend(quads)
    g = graph_iri("doc")
    stored = sorted(str(q) for q in store.quads_for_pattern(None, None, None, g))
    assert stored == sorted(str(q) for q in direct.quads_for_pattern(None, None, None, g))
    assert len(stored) == len(quads)


def _bytes_case(suffix):
    @given(data=st.binary(max_size=4096))
    def run(data):
        check(data, suffix)
    return run


def _text_case(suffix):
    @given(text=TEXT, how=st.integers(0, 3))
    def run(text, how):
        check(encoded(text, how), suffix)
    return run


def _table_case(suffix):
    @given(text=table_text(), how=st.integers(0, 3))
    def run(text, how):
        check(encoded(text, how), suffix)
    return run


def _lines_case(suffix):
    @given(text=real_lines(), how=st.integers(0, 3))
    def run(text, how):
        check(encoded(text, how), suffix)
    return run


def _paragraphs_case(suffix):
    """The real lines' shapes as a web page's paragraphs (a line each, some closed by ``<br>``), the way a
    table flattened into a page reaches the text-table readers."""
    @given(text=real_lines(), breaks=st.lists(st.booleans(), max_size=40))
    def run(text, breaks):
        import html

        lines = text.split("\n")
        closes = [("<br>" if i < len(breaks) and breaks[i] else "</p><p>") for i in range(len(lines))]
        page = "<html><body><p>" + "".join(html.escape(line) + close for line, close in zip(lines, closes)) + "</p></body></html>"
        check(page.encode("utf-8"), suffix)
    return run


SMALL_TABLE = (
    "贵阳市食品安全重点工作任务责任分解表",
    ["主要任务", "工作内容", "牵头单位", "责任单位"],
    [["（一）夯实基础", "1.加强农贸市场监督检查，抽检合格率达到95%以上。", "市市场监管局、市商务局", "各区政府"],
     ["", "2.完善学校食堂工作机制，2025年底前完成。", "市教育局", "各区（市、县）政府"],
     ["（二）强化监管", "1.推进餐饮服务标准化建设。", "市市场监管局", "市卫生健康局、市商务局"]],
)
_BASES: dict[str, bytes | None] = {}


def base_file(fmt: str) -> bytes | None:
    """A small valid document in a binary format (docx, xlsx, pdf), or None when it cannot be built here."""
    if fmt not in _BASES:
        import tempfile
        from pathlib import Path

        try:
            import fixtures_gen

            if fmt == "pdf" and fixtures_gen.pdf_font() is None:
                raise ImportError("reportlab")
            with tempfile.TemporaryDirectory() as tmp:
                path = fixtures_gen.write(fixtures_gen.SeedTable(*SMALL_TABLE), fmt, Path(tmp) / "base")
                _BASES[fmt] = path.read_bytes()
        except ImportError:
            _BASES[fmt] = None
    return _BASES[fmt]


def _mutant_case(fmt):
    base = base_file(fmt)
    if base is None:
        pytest.skip(f"cannot build a valid .{fmt} here to mutate")
    flips = st.lists(st.tuples(st.integers(0, len(base) - 1), st.integers(0, 255)), min_size=1, max_size=8)

    @given(flips=flips, cut=st.one_of(st.none(), st.integers(0, len(base))))
    def run(flips, cut):
        data = bytearray(base)
        for at, value in flips:
            data[at] = value
        check(bytes(data[:cut] if cut is not None else data), "." + fmt)
    return run


# Text reaches three readers whatever the suffix (sniff: txt, csv, html); binary formats are
# reached by mutating a valid file. Arbitrary bytes go through every suffix.
TEXT_SUFFIXES = [s for s in (".txt", ".csv", ".tsv", ".html") if s in SUFFIXES]
MUTANT_FORMATS = [f for f in ("docx", "xlsx", "pdf") if f".{f}" in SUFFIXES]
QUICK_CASES = ([("bytes", s) for s in SUFFIXES] + [("text", s) for s in TEXT_SUFFIXES]
               + [("table", s) for s in TEXT_SUFFIXES] + [("mutant", f) for f in MUTANT_FORMATS] + [("lines", ".txt")]
               + ([("paragraphs", ".html")] if ".html" in SUFFIXES else []))
BUILDERS = {"bytes": _bytes_case, "text": _text_case, "table": _table_case, "mutant": _mutant_case, "lines": _lines_case,
            "paragraphs": _paragraphs_case}


def _settings(kind: str, target: str, examples: int) -> settings:
    # the table strategy is the slow one: full size for .txt, a third for the other text readers;
    # a mutated binary file is parsed by a heavy library, so it gets a third too
    if (kind == "table" and target != ".txt") or kind == "mutant":
        examples = max(examples // 3, 30)
    return settings(QUICK if examples <= 100 else SLOW, max_examples=examples)


@pytest.mark.parametrize("kind, target", QUICK_CASES, ids=[f"{k}{t}" for k, t in QUICK_CASES])
def test_loader_properties_quick(kind, target):
    """100 derandomised examples: only declared errors, and lossless graphs (N-Quads and store)."""
    _settings(kind, target, 100)(BUILDERS[kind](target))()


@pytest.mark.slow
@pytest.mark.parametrize("kind, target", QUICK_CASES, ids=[f"{k}{t}" for k, t in QUICK_CASES])
def test_loader_properties_long(kind, target):
    """PLANKG_SLOW_SIZE examples (1000 when modest; a third for the slow strategies): only declared errors, lossless graphs."""
    _settings(kind, target, slow_size(1000, 100))(BUILDERS[kind](target))()


def test_every_loader_gets_1000_examples_when_modest():
    """With PLANKG_SLOW_SIZE=modest every supported suffix gets at least 1000 examples per run (bytes alone)."""
    counted = {s: 0 for s in SUFFIXES}
    for kind, target in QUICK_CASES:
        suffix = target if target.startswith(".") else "." + target
        counted[suffix] += _settings(kind, target, 1000).max_examples
    assert min(counted.values()) >= 1000, counted


def test_table_strategy_reaches_the_parser():
    """The table-shaped strategy yields documents that parse into plans (so the round trip is exercised)."""
    parsed = []

    @QUICK
    @given(text=table_text())
    def run(text):
        try:
            parsed.append(loaders.parse_bytes(text.encode("utf-8"), name="doc.txt", key="doc"))
        except PlankgError:
            pass

    run()
    assert len(parsed) >= 20
    assert sum(len(p.tasks) for p in parsed) >= 50
