# The two commands a fresh machine needs:  make demo  and  make test.
SHELL := /bin/bash
INDEX ?= corpus-index
# The sample's files (corpus-sample/generate/ holds the generator, not release files).
SAMPLE := corpus-sample/releases corpus-sample/email corpus-sample/documents corpus-sample/bad
# Tesseract's OpenMP threads must be off before libtesseract loads (tests OCR in-process).
export OMP_THREAD_LIMIT := 1

.PHONY: deps build release demo test bench sample clean

deps:
	@bash scripts/install-deps.sh

build: deps
	swift build

release: deps
	swift build -c release

# Ingest the sample release (bad/ holds files that must be rejected: exit 2 is expected)
# and show a few searches.
demo: release
	@status=0; .build/release/corpus ingest --index $(INDEX) $(SAMPLE) || status=$$?; \
	  [ $$status -eq 0 ] || [ $$status -eq 2 ] || exit $$status
	@echo; echo '$$ corpus search '"'"'vendor:"Clearview AI" agency:NYPD date:2018-10..2018-12'"'"' --sort date --limit 5'
	@.build/release/corpus search --index $(INDEX) 'vendor:"Clearview AI" agency:NYPD date:2018-10..2018-12' --sort date --limit 5
	@echo; echo '$$ corpus search '"'"'from:gmail.com OR from:yahoo.com'"'"' --limit 3'
	@.build/release/corpus search --index $(INDEX) 'from:gmail.com OR from:yahoo.com' --limit 3
	@echo; echo '$$ corpus search '"'"'agency:ICE "facial recognition"'"'"' --limit 3'
	@.build/release/corpus search --index $(INDEX) 'agency:ICE "facial recognition"' --limit 3

test: deps
	swift build
	swift test --disable-swift-testing

# Ingest speed and memory against peers on the same files (BENCH_SCALE, BENCH_RUNS).
bench: release
	@bash scripts/install-deps.sh --bench
	@bash bench/run.sh

# Regenerate corpus-sample/ (needs Python with reportlab and Pillow; not needed to build or test).
sample:
	pip install -q -r corpus-sample/generate/requirements.txt
	python3 corpus-sample/generate/generate.py

clean:
	rm -rf .build $(INDEX)
