# The two commands: `make demo` (the main job on the bundled sample mailbox) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_HOME := $(CURDIR)/.demo

.PHONY: demo test lint dovecot cyrus chromium bench bench-people clean

DEMO_STAMP := $(VENV)/.demo-stamp
PIP := $(BIN)/pip install -q --disable-pip-version-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip

# The demo needs the tool alone; the tests add their own tools and the optional back ends.
# Compiled once here: an editable install leaves that to the first run, which cannot write the
# caches where PYTHONDONTWRITEBYTECODE is set (containers), and then pays ~0.1 s on every command.
$(DEMO_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) -e .
	$(BIN)/python -m compileall -q tracker cli.py migrations
	touch $(DEMO_STAMP)

$(STAMP): pyproject.toml | $(BIN)/python
	$(PIP) -e '.[test,postgres,notify]'
	$(BIN)/python -m compileall -q tracker cli.py migrations
	touch $(STAMP) $(DEMO_STAMP)

## demo: import the bundled sample mailbox into a throw-away SQLite database, print the status
demo: $(DEMO_STAMP)
	@rm -rf $(DEMO_HOME) && mkdir -m 700 -p $(DEMO_HOME)
	@install -m 600 tracker/sample/demo-config.toml $(DEMO_HOME)/config.toml
	OBJECTION_TRACKER_HOME=$(DEMO_HOME) $(BIN)/objection-tracker import tracker/sample/demo.mbox
	@echo
	OBJECTION_TRACKER_HOME=$(DEMO_HOME) $(BIN)/objection-tracker status
	@echo
	@echo "That was the sample mailbox (its database is in .demo/). Next, with your own mailbox:"
	@echo "  OBJECTION_TRACKER_HOME=.demo $(BIN)/objection-tracker why instagram:anna.photos   # why a state"
	@echo "  $(BIN)/objection-tracker init      # your config, then add [[mailboxes]] to it"
	@echo "  $(BIN)/objection-tracker sync && $(BIN)/objection-tracker status"
	@echo "The README's 'Install' and 'First sync' say more; docs/guide.md the rest."

## test: install everything the tests need (Python packages, Dovecot, Cyrus, Chromium) and run them all
test: $(STAMP) dovecot cyrus chromium
	$(BIN)/ruff check .
	$(BIN)/pytest -q

# Each checks first and needs root only to install what is missing (see README: Development).
dovecot:
	@bash tests/tools/install-dovecot.sh

cyrus:
	@bash tests/tools/install-cyrus.sh

chromium:
	@bash tests/tools/install-chromium.sh

lint: $(STAMP)
	$(BIN)/ruff check .

## bench: the sync benchmark on every shape (bench/mailshapes.SHAPES: Authentication-Results,
## campaign headers, unlisted subjects, footers) at 20,000 and 100,000 messages, SQLite and
## PostgreSQL, with start-up ratios (prints figures, asserts nothing). One shape:
## make bench BENCH_ARGS="--messages 20000 --shape no-auth-results --db sqlite"
bench: $(STAMP) dovecot
	$(BIN)/python bench/sync_bench.py $(BENCH_ARGS)

## bench-people: 50 mailboxes x 2,000 messages on PostgreSQL, --jobs 1 vs 8, two runs together
bench-people: $(STAMP) dovecot
	$(BIN)/python bench/people_bench.py

clean:
	rm -rf $(VENV) $(DEMO_HOME) *.egg-info .pytest_cache .ruff_cache .hypothesis
