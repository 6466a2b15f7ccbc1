# kehoach — the commands a newcomer needs are `make ingest` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB := output/kehoach.db
STAMP := $(VENV)/.installed

.PHONY: install ingest test lint format serve eval ocr-eval bench bench-quick bench-stages linearity readme clean fuzz crashtest

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

ingest: $(STAMP)  ## ingest the sample corpus into output/kehoach.db
	$(BIN)/kehoach ingest corpus --db $(DB)

test: $(STAMP)  ## run the test suite
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

serve: $(STAMP)  ## browse the database in Datasette
	test -f $(DB) || $(MAKE) ingest
	$(BIN)/kehoach serve --db $(DB)

eval: $(STAMP)  ## score extraction against the gold annotations (per file, per shape, ablation)
	$(BIN)/kehoach eval --db output/gold.db --gold corpus/gold --ingest --ablation --by-shape

ocr-eval: $(STAMP)  ## OCR quality on corpus/ocr-eval/ (CER, extraction agreement, s/page; needs tesseract-ocr-vie)
	OMP_THREAD_LIMIT=1 $(BIN)/kehoach ocr-eval --dpis 200,300,400 --out output/ocr-eval.json

bench: $(STAMP)  ## the scale benchmark (10k documents, 1M tasks; long): writes BENCHMARKS.md
	timeout 7200 $(BIN)/kehoach bench --scale --out BENCHMARKS.md $(BENCH_ARGS)

bench-quick: $(STAMP)  ## the scale benchmark at small sizes, to output/BENCHMARKS-quick.md
	$(BIN)/kehoach bench --scale --out output/BENCHMARKS-quick.md --documents 200 --small 50 \
		--repeat-documents 40 --repeats 2 --tasks 20000 --sizes 0.01,0.5 --no-dask

bench-stages: $(STAMP)  ## time ingest of the sample corpus, per stage (medians over repeats)
	$(BIN)/kehoach bench corpus --repeats 3

fuzz: $(STAMP)  ## fuzz readers and parser: FUZZ_CASES (default 10000) random and damaged real documents
	FUZZ_CASES=$${FUZZ_CASES:-10000} $(BIN)/pytest -p no:cacheprovider tests/test_fuzz.py --hypothesis-show-statistics

crashtest: $(STAMP)  ## SIGKILL an ingest at KILL_POINTS (default 24) random points; check consistency each time
	KILL_POINTS=$${KILL_POINTS:-24} $(BIN)/pytest -p no:cacheprovider tests/test_crash.py

linearity: $(STAMP)  ## time per MB of documents repeated to 1 MB and 8 MB (a ratio, not a time)
	KEHOACH_LINEAR_MB=1,8 $(BIN)/pytest -q tests/test_linear.py

readme: $(STAMP)  ## regenerate the generated sections: README (CLI help, schema, figures), Datasette metadata
	$(BIN)/cog -r README.md pipeline/datasette/metadata.yml

clean:
	rm -rf output/*.db output/*.db-* $(VENV)
