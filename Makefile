# Two commands do everything: `make run` and `make test`. Each bootstraps .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

LOCALES := bot/locale
CATALOGS := $(wildcard $(LOCALES)/*/LC_MESSAGES/newsbot.po)
# The bot's texts are looked for in these (bot/i18n.py says how they are marked).
TEXT_SOURCES := bot digests

.PHONY: run test lint bench clean locales

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The install compiles the catalogs; this recompiles one after its .po changed.
$(LOCALES)/%/LC_MESSAGES/newsbot.mo: $(LOCALES)/%/LC_MESSAGES/newsbot.po | $(STAMP)
	$(BIN)/pybabel compile --statistics -D newsbot -i $< -o $@

run: $(STAMP) $(CATALOGS:.po=.mo)
	$(BIN)/newsbot run

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint $(CATALOGS:.po=.mo)
	$(BIN)/pytest -q

# After changing texts: extract them into the template, merge it into every catalog (then
# translate what is new or marked fuzzy in each .po), and compile.
locales: $(STAMP)
	$(BIN)/pybabel extract --project newsbot --version 0.1.0 --add-comments TRANSLATORS: \
		--keyword 'NC_:1c,2' \
		--copyright-holder 'newsbot contributors' \
		--add-location file --sort-by-file -o $(LOCALES)/newsbot.pot $(TEXT_SOURCES)
	$(BIN)/pybabel update -D newsbot -d $(LOCALES) -i $(LOCALES)/newsbot.pot --ignore-obsolete
	$(BIN)/pybabel compile --statistics -D newsbot -d $(LOCALES)

# Every benchmark, one after another (about 70 minutes: retention's 400 days and the 30-day soak
# most of it); figures go to bench/RESULTS.md by hand.
bench: $(STAMP)
	$(BIN)/python bench/summarise.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/languages.py
	$(BIN)/python bench/sentences.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/allegations.py
	$(BIN)/python bench/commands.py
	$(BIN)/python bench/broadcast.py
	$(BIN)/python bench/burst.py
	$(BIN)/python bench/realtime.py
	$(BIN)/python bench/retention.py
	$(BIN)/python bench/soak.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
