# Two commands do everything: `make run` and `make test`. Each bootstraps .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsbot run

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

# Every benchmark, one after another (about 40 minutes, retention's 400 days most of it);
# figures go to bench/RESULTS.md by hand.
bench: $(STAMP)
	$(BIN)/python bench/summarise.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/languages.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/allegations.py
	$(BIN)/python bench/commands.py
	$(BIN)/python bench/broadcast.py
	$(BIN)/python bench/retention.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
