# Quickstart: `make demo` and `make test`. Both create .venv and install the project first, its
# dependencies from the hash-checked lock requirements/lock.txt (`make lock` regenerates it);
# `make test` also installs the Debian packages the tests use (when it may) and runs pytest with a
# private virtual microphone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every package, with its hashes: pyproject.toml's dependencies, its [test] and [base] extras
# (the tests use Whisper base too) and requirements/tools.in (pip, setuptools), for Python 3.11 on Linux, x86_64 or aarch64.
LOCK := requirements/lock.txt
LOCK_IN := pyproject.toml requirements/tools.in
# `make lock` runs uv from a venv of its own; LOCK_ARGS passes more options, e.g.
# LOCK_ARGS=--upgrade (newest releases the ranges allow) or LOCK_ARGS='--upgrade-package numpy'.
LOCK_VENV := .venv-lock
UV_VERSION := 0.13.8
UV_COMPILE = $(LOCK_VENV)/bin/uv pip compile $(LOCK_IN) --extra test --extra base --python-version 3.11 \
	--only-binary :all: --generate-hashes --quiet

.PHONY: setup demo test lint bench clean samples lock corpus

setup: $(STAMP)

# Installs exactly the lock (pip refuses any file whose hash is not in it, and builds nothing
# from source), then starcoach itself with no dependencies of its own. `pip check` catches a
# dependency added to pyproject.toml but not yet to the lock.
$(STAMP): $(LOCK) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --only-binary :all: -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@$(BIN)/python -m pip check >/dev/null \
		|| { $(BIN)/python -m pip check; echo "$(LOCK) is out of date: run make lock" >&2; exit 1; }
	touch $(STAMP)

# Regenerates $(LOCK) from $(LOCK_IN), keeping the current pins where the ranges still allow
# them, and checks that the same pins have wheels for aarch64 too.
lock:
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet uv==$(UV_VERSION)
	$(UV_COMPILE) --python-platform x86_64-manylinux_2_28 --custom-compile-command 'make lock' \
		$(LOCK_ARGS) -o $(LOCK)
	cp $(LOCK) $(LOCK_VENV)/lock-aarch64.txt
	$(UV_COMPILE) --python-platform aarch64-manylinux_2_28 -o $(LOCK_VENV)/lock-aarch64.txt
	grep -v '^#' $(LOCK) > $(LOCK_VENV)/lock-x86_64.txt
	grep -v '^#' $(LOCK_VENV)/lock-aarch64.txt | cmp -s - $(LOCK_VENV)/lock-x86_64.txt \
		|| { echo "$(LOCK) differs on aarch64: see $(LOCK_VENV)/lock-aarch64.txt" >&2; exit 1; }

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
	$(BIN)/python benchmarks/memory.py

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
	rm -rf $(VENV) $(LOCK_VENV) build dist src/*.egg-info .pytest_cache
