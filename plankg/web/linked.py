"""Linked data: every IRI under ``https://w3id.org/plankg/id/`` that the store holds answers at the
same path here (``/id/plan/<key>``, ``/id/agency/<adcode>/<name>``, tasks, targets, divisions…).

A browser (``Accept: text/html``) gets a page: plans and agencies their own, any other IRI its
statements with links; ``text/turtle``, ``application/ld+json``, ``application/n-triples`` or
``application/rdf+xml`` get the IRI's statements (``PlanGraph.describe``). An IRI the store does
not hold is 404; a plan's graph IRI (``/id/graph/<key>``) redirects to the plan (303).

The request path is mapped back to the IRI segment by segment with the minting rule
(``ontology.iris.iri_segment``): a browser percent-encodes CJK that the IRI keeps as it is, and
keeps ``%2F`` in a name apart from the ``/`` between segments.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from plankg.ontology.iris import is_plan_graph, iri_segment
from plankg.ontology.vocab import ID

from . import formats
from .pool import NotFound

HTML = "text/html"
OFFERED = [HTML, *formats.GRAPH_TYPES]


def iri_of(raw_path: bytes) -> str:
    """The IRI a raw request path (``/id/…`` as sent, percent-encoded) stands for."""
    rest = raw_path.decode("ascii", errors="replace").split("?", 1)[0][len("/id/"):]
    return ID + "/".join(iri_segment(unquote(part, errors="strict")) for part in rest.split("/"))


async def resource(request: Any) -> Any:
    """Answer one IRI as a page or as RDF."""
    from starlette.responses import RedirectResponse, Response

    settings = request.app.state.settings
    try:
        iri = iri_of(request.scope.get("raw_path") or request.url.path.encode())
    except UnicodeDecodeError:
        raise NotFound(f"no resource at {request.url.path}") from None
    rest = iri[len(ID):]
    if rest.startswith("graph/") and is_plan_graph(iri):
        return RedirectResponse("/id/plan/" + rest[len("graph/"):], status_code=303)
    media = formats.negotiate(request.headers.get("accept"), OFFERED) or HTML
    vary = {"Vary": "Accept"}
    try:
        if media != HTML:
            answer = await settings.pool.call("describe", iri=iri, media=media, cap=settings.describe_cap)
            return Response(answer["body"], media_type=formats.with_charset(media), headers=vary)
        parts = rest.split("/")
        if len(parts) == 2 and parts[0] == "plan":
            view = await settings.pool.call("plan_page", key=unquote(parts[1]))
            return _page(request, "plan.html", {"iri": iri, **view}, vary)
        if len(parts) == 3 and parts[0] == "agency":
            view = await settings.pool.call("agency_page", iri=iri)
            return _page(request, "agency.html", {"iri": iri, **view}, vary)
        view = await settings.pool.call("resource_page", iri=iri, cap=1_000)
        return _page(request, "resource.html", view, vary)
    except NotFound:
        raise NotFound(f"the store holds no <{iri}>") from None


def _page(request: Any, template: str, context: dict, headers: dict) -> Any:
    from .pages import render

    response = render(request, template, context)
    response.headers.update(headers)
    return response
