# Quickstart: `make demo` and `make test`. Both create .venv and install the project first;
# `make test` also installs the Debian packages the tests use (when it may) and runs pytest with a
# private virtual microphone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench clean samples

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: setup
	$(BIN)/starcoach analyze samples/clean_star.flac

test: setup
	@bash scripts/install-test-packages
	bash scripts/with-virtual-mic $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src tests benchmarks samples
	$(BIN)/mypy src

bench: setup
	$(BIN)/python benchmarks/transcribe.py
	$(BIN)/python benchmarks/accuracy.py

samples: setup
	$(BIN)/python samples/make_samples.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
