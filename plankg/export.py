"""Writing plan graphs out as RDF: a registry of the formats ``plankg export`` offers, each with
whether it keeps the named graphs, and the JSON-LD writer (compacted with
``ontology/context.jsonld``)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RdfExport:
    """One RDF format of ``export``: its name, whether named graphs survive, how it is written."""

    name: str
    keeps_graphs: bool
    write: Callable[[list, object], int]


def _pyoxigraph(format_name: str, keeps_graphs: bool, prefixed: bool) -> Callable[[list, object], int]:
    def write(quads: list, stream) -> int:
        from pyoxigraph import RdfFormat, serialize

        from plankg.ontology.vocab import PREFIXES

        items = quads if keeps_graphs else list(dict.fromkeys(q.triple for q in quads))
        serialize(items, stream, getattr(RdfFormat, format_name), prefixes=PREFIXES if prefixed else None)
        return len(items)

    return write


def write_jsonld(quads: list, stream) -> int:
    """The quads as JSON-LD, their named graphs kept, compacted with ``ontology/context.jsonld``.

    pyoxigraph writes only expanded JSON-LD, so rdflib (a dependency already, for validate)
    compacts it; it is imported here only, keeping every other command's start-up fast."""
    import json
    from importlib.resources import files

    import rdflib
    from pyoxigraph import RdfFormat, serialize

    context = json.loads(files("plankg.ontology").joinpath("context.jsonld").read_text(encoding="utf-8"))
    dataset = rdflib.Dataset()
    if quads:
        dataset.parse(data=serialize(quads, format=RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    text = dataset.serialize(format="json-ld", context=context["@context"], auto_compact=True, ensure_ascii=False)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        stream.write(data)
    except TypeError:  # a text stream
        stream.write(data.decode("utf-8"))
    return len(quads)


RDF_EXPORTS = {
    e.name: e for e in (
        RdfExport("nq", True, _pyoxigraph("N_QUADS", True, False)),
        RdfExport("trig", True, _pyoxigraph("TRIG", True, True)),
        RdfExport("ttl", False, _pyoxigraph("TURTLE", False, True)),
        RdfExport("nt", False, _pyoxigraph("N_TRIPLES", False, False)),
        RdfExport("jsonld", True, write_jsonld),
    )
}
# the RDF formats, then ``csv``: a saved query's rows (``export --what``)
EXPORT_FORMATS = (*RDF_EXPORTS, "csv")
