"""The module boundaries the code keeps: examples in docstrings run, IRIs come from one module."""
from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["plankg.ontology.iris"])
def test_docstring_examples_run(name):
    """The examples written in a module's docstrings give what they show."""
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
