# Quick start: `make run` (replay seeds/ into data/news.sqlite) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
ARCHIVE ?= seeds

.PHONY: run test lint services bench export clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip >/dev/null
	$(BIN)/python -m pip install -q -e '.[test]'
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

## run: replay the archive (default seeds/) into the database (default data/news.sqlite)
run: $(STAMP)
	$(BIN)/scrapy crawl archive -a path=$(ARCHIVE) -s LOG_LEVEL=WARNING

## services: install PostgreSQL and redis-server when missing (the tests start their own)
services:
	@bash .ci/install-services.sh

## test: install what the tests need and run them
test: $(STAMP) services
	$(BIN)/ruff check .
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

export: $(STAMP)
	$(BIN)/scrapy export -o out.jsonl

bench: $(STAMP)
	$(BIN)/python bench/replay.py 1000

clean:
	rm -rf $(VENV) data build *.egg-info
