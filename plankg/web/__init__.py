"""``plankg serve``'s web app (Starlette on uvicorn, Jinja2 templates): the saved queries as pages
and a JSON/CSV API, a SPARQL 1.1 Protocol endpoint with a vendored YASGUI, and linked-data pages
for the IRIs under ``https://w3id.org/plankg/id/`` (docs/web.md).

One module one job: ``app`` (routes, middleware, errors), ``pages`` (HTML), ``api`` (JSON/CSV
rows and ``/openapi.json``), ``openapi`` (the description from the catalogue), ``sparql`` (the
protocol), ``linked`` (``/id/…``), ``querystring`` (parameters and paging from a query string),
``formats`` (content negotiation and result serialisations), ``pool`` (killable worker processes
that run every query with a time limit), ``worker`` (one such process), ``jobs`` (what a worker
runs, through ``plankg.api.PlanGraph``), ``views`` (query rows shaped for the templates).
Starlette, uvicorn and Jinja2 are imported only here, so ``plankg --help`` never loads them.
"""
