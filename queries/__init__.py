"""Saved SPARQL queries, in four parts: the catalogue of ``queries/*.rq`` (``catalogue``), typed
parameters (``parameters``), safe binding of values as RDF terms (``binding``) and running
(``engine``); this package's names are the public API of all four.
"""
from __future__ import annotations

from .binding import bind, bind_as_values
from .catalogue import CATALOGUE_TAG, PARAM_TYPES, Param, SavedQuery, catalogue, describe, get, parse_saved_query
from .engine import Result, is_federated, run, run_sparql
from .parameters import coerce, complete, parse_params

__all__ = [
    "CATALOGUE_TAG", "PARAM_TYPES", "Param", "Result", "SavedQuery", "bind", "bind_as_values", "catalogue", "coerce",
    "complete", "describe", "get", "is_federated", "parse_params", "parse_saved_query", "run", "run_sparql",
]
