# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# headless browser of the report tests (Debian package, installed when missing)
BROWSER := /usr/bin/chromium

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pressx run corpus --out outputs

$(BROWSER):
	apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium

test: $(STAMP) $(BROWSER)
	$(BIN)/ruff check pipeline models tests bench
	$(BIN)/ruff format --check pipeline models tests bench
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) outputs/*/ outputs/*.parquet
