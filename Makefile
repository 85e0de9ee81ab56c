# Two commands set everything up on a fresh machine with python3, pip and make:
#   make demo   builds .venv, extracts the events of data/articles, writes build/timeline.html
#   make test   builds .venv with the test extras and runs the whole suite (notebooks included)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_HTML := build/timeline.html

.PHONY: demo test test-fast lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test,parquet,image,dask]'
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	@mkdir -p build
	$(BIN)/timeline render data/articles -o $(DEMO_HTML) --title "Timeline of the bundled articles" \
		--timelinejs build/timeline.json
	@echo "Open $(abspath $(DEMO_HTML)) in a browser."

test: $(VENV)/.installed-test
	$(BIN)/python -m ruff check timeline tests benchmarks
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not slow"

lint: $(VENV)/.installed-test
	$(BIN)/python -m ruff check timeline tests benchmarks
	$(BIN)/python -m ruff format --check timeline tests benchmarks

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_tagger.py
	$(BIN)/python benchmarks/bench_plot.py
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_memory.py
	$(BIN)/python benchmarks/bench_languages.py

clean:
	rm -rf build .pytest_cache .ruff_cache
