# One task runner for developers and CI. `make help` lists the recipes.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: help install install-test run assess serve test lint typecheck unit evaluate report fit bench bench-http docs clean

help:  ## List the recipes
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)  ## Create .venv and install popliteal

install-test: $(TEST_STAMP)  ## Install popliteal with its test dependencies

run: serve  ## Install and start the main job: the web app and REST API (popliteal serve)

serve: $(STAMP)  ## Install and serve the web app and REST API on http://127.0.0.1:8000
	$(BIN)/popliteal serve

assess: $(STAMP)  ## Install and run an assessment in the terminal
	$(BIN)/popliteal assess

test: $(TEST_STAMP) lint typecheck  ## Install test dependencies and run the whole test suite
	$(BIN)/pytest -p no:cacheprovider

lint: $(TEST_STAMP)  ## ruff
	$(BIN)/ruff check src tests

typecheck: $(TEST_STAMP)  ## strict mypy on the package
	$(BIN)/mypy src/popliteal

unit: $(TEST_STAMP)  ## Only the fast tests
	$(BIN)/pytest -p no:cacheprovider tests/unit tests/generative

SETS := vignettes/dev vignettes/real/train vignettes/real/test

evaluate: $(STAMP)  ## The dev set and both parts of the real-case corpus, side by side, in every mode
	$(BIN)/popliteal evaluate $(SETS) --each --mode full
	$(BIN)/popliteal evaluate $(SETS) --each --mode interview
	$(BIN)/popliteal evaluate $(SETS) --each --mode narrative

report: $(STAMP)  ## HTML reports with calibration and confusion figures for the training part, in report/
	$(BIN)/popliteal evaluate vignettes/real/train --mode full --report report/train-full

fit: $(STAMP)  ## Refit the likelihoods from the real training cases and recount coverage
	$(BIN)/popliteal kb fit
	$(BIN)/popliteal corpus coverage --write

docs: $(STAMP)  ## Regenerate docs/reference/knowledge-base.md from the knowledge base
	$(BIN)/popliteal kb reference --output docs/reference/knowledge-base.md

bench: $(TEST_STAMP)  ## Benchmarks (pytest-benchmark)
	$(BIN)/pytest -p no:cacheprovider tests/benchmarks --benchmark-only --benchmark-columns=min,median,mean,max,rounds

bench-http: $(TEST_STAMP)  ## Load test `popliteal serve` with wrk: the answer step beside a bare endpoint
	$(BIN)/python bench/wrk_answer.py

clean:  ## Remove the virtual environment and caches
	rm -rf $(VENV) report .pytest_cache .mypy_cache .ruff_cache .hypothesis .benchmarks
