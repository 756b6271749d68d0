# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= demo-store

.PHONY: install demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Dependencies once; the package itself is rebuilt as a wheel every time, so tests run the
# installed wheel and never the source tree.
$(VENV)/.deps: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q ".[test]"
	touch $@

install: $(VENV)/.deps
	$(BIN)/pip install -q --no-deps --force-reinstall .

demo: install
	rm -rf $(STORE)
	$(BIN)/plankg load examples --store $(STORE)
	$(BIN)/plankg query plans --store $(STORE)
	$(BIN)/plankg query agency-tasks --param agency=市市场监管局 --param role=lead --store $(STORE) --limit 5
	$(BIN)/plankg validate --store $(STORE)
	$(BIN)/plankg report --store $(STORE) --output $(STORE)-report.html
	@echo "To browse the demo store (saved queries, SPARQL, a page per plan and agency): $(BIN)/plankg serve --store $(STORE)"

# `make test` skips the long fault and fuzz loops; .ci/run adds them: make test MARKERS="slow or not slow"
MARKERS ?= not slow
test: install
	$(BIN)/pytest -q -m "$(MARKERS)"

# plankg against Oxigraph alone and rdflib, one table of ratios (bench/run.py; N = 300, ~10 min on
# 2 cores). The big run: make bench BENCH_ARGS="--plans 3000" (no rdflib side)
BENCH_ARGS ?=
bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(STORE) $(STORE)-report.html build *.egg-info
