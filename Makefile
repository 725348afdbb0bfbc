# One task runner for developers and CI. `make help` lists the recipes.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: help install install-test run assess serve test lint typecheck unit evaluate holdout bench bench-http docs clean

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

evaluate: $(STAMP)  ## Run the development vignettes in every available mode
	$(BIN)/popliteal evaluate --mode full
	$(BIN)/popliteal evaluate --mode interview
	$(BIN)/popliteal evaluate --mode narrative

holdout: $(STAMP)  ## Measure the held-out published cases in every mode (never tune to them)
	$(BIN)/popliteal evaluate vignettes/holdout --mode full
	$(BIN)/popliteal evaluate vignettes/holdout --mode interview
	$(BIN)/popliteal evaluate vignettes/holdout --mode narrative

docs: $(STAMP)  ## Regenerate docs/reference/knowledge-base.md from the knowledge base
	$(BIN)/popliteal kb reference --output docs/reference/knowledge-base.md

bench: $(TEST_STAMP)  ## Benchmarks (pytest-benchmark)
	$(BIN)/pytest -p no:cacheprovider tests/benchmarks --benchmark-only --benchmark-columns=min,median,mean,max,rounds

bench-http: $(TEST_STAMP)  ## Load test `popliteal serve` with wrk: the answer step beside a bare endpoint
	$(BIN)/python bench/wrk_answer.py

clean:  ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .benchmarks
