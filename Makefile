# Quickstart: `make demo` and `make test`. Both create .venv and install the project first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench clean samples corpus

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: setup
	$(BIN)/starcoach analyze samples/clean_star.flac

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src tests benchmarks samples

bench: setup
	$(BIN)/python benchmarks/transcribe.py
	$(BIN)/python benchmarks/accuracy.py

samples: setup
	$(BIN)/python samples/make_samples.py

CORPUS_STAMP := $(VENV)/.corpus-installed

$(CORPUS_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,corpus]'
	touch $(CORPUS_STAMP)

# The development corpus (about a hundred answers, not committed) into samples/corpus/.
corpus: $(CORPUS_STAMP)
	$(BIN)/python samples/corpus.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
