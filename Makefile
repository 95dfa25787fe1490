# The two commands a fresh machine needs:  make demo  and  make test.
SHELL := /bin/bash
INDEX ?= corpus-index
PORT ?= 8080
# The sample's files (corpus-sample/generate/ holds the generator, not release files).
SAMPLE := corpus-sample/releases corpus-sample/email corpus-sample/documents corpus-sample/bad
# Tesseract's OpenMP threads must be off before libtesseract loads (tests OCR in-process).
export OMP_THREAD_LIMIT := 1

.PHONY: deps build release install demo test check accuracy realmail realmsg bench fuzz killtest screenshots load replica shards sample clean

deps:
	@bash scripts/install-deps.sh

build: deps
	swift build

# The Swift runtime and Foundation linked in statically: `corpus` then starts in about
# half the time (the dynamic loader resolves a handful of libraries, not twenty).
release: deps
	swift build -c release --static-swift-stdlib

# Both executables side by side (corpus finds corpus-extract beside it); nothing else is
# needed at run time but the Debian libraries (make deps). PREFIX=/usr/local by default.
PREFIX ?= /usr/local
install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/bash-completion/completions $(PREFIX)/share/zsh/site-functions
	install -m 755 .build/release/corpus .build/release/corpus-extract $(PREFIX)/bin/
	.build/release/corpus --generate-completion-script bash > $(PREFIX)/share/bash-completion/completions/corpus
	.build/release/corpus --generate-completion-script zsh > $(PREFIX)/share/zsh/site-functions/_corpus

# Ingest the sample release into a new $(INDEX) (rebuilt each time, so that it matches this
# build's index layout; bad/ holds files that must be rejected: exit 2 is expected) and
# show a few searches.
demo: release
	@rm -rf $(INDEX)
	@status=0; .build/release/corpus ingest --index $(INDEX) $(SAMPLE) || status=$$?; \
	  [ $$status -eq 0 ] || [ $$status -eq 2 ] || exit $$status
	@echo; echo '$$ corpus search '"'"'vendor:"Clearview AI" agency:NYPD date:2018-10..2018-12'"'"' --sort date --limit 5'
	@.build/release/corpus search --index $(INDEX) 'vendor:"Clearview AI" agency:NYPD date:2018-10..2018-12' --sort date --limit 5
	@echo; echo '$$ corpus search '"'"'from:gmail.com OR from:yahoo.com'"'"' --limit 3'
	@.build/release/corpus search --index $(INDEX) 'from:gmail.com OR from:yahoo.com' --limit 3
	@echo; echo '$$ corpus search '"'"'agency:ICE "facial recognition"'"'"' --limit 3'
	@.build/release/corpus search --index $(INDEX) 'agency:ICE "facial recognition"' --limit 3
	@if [ -f .corpus-serve.pid ]; then kill $$(cat .corpus-serve.pid) 2>/dev/null || true; rm -f .corpus-serve.pid; fi
	@nohup .build/release/corpus serve --index $(INDEX) --port $(PORT) > .corpus-serve.log 2>&1 & echo $$! > .corpus-serve.pid; sleep 1; \
	  if kill -0 $$(cat .corpus-serve.pid) 2>/dev/null; then \
	    echo; echo "Reading room on the sample: http://127.0.0.1:$(PORT)/   (stop it with: kill $$(cat .corpus-serve.pid))"; \
	  else echo; cat .corpus-serve.log; echo "(the reading room did not start; try: make demo PORT=8081)"; rm -f .corpus-serve.pid; fi

test:
	@bash scripts/install-deps.sh --test
	swift build
	swift test --disable-swift-testing

# The parsing, query, index, extraction and reading-room tests, without the end-to-end
# runs of the binary: about ten seconds after a build.
check: deps
	swift build --build-tests
	swift test --skip-build --disable-swift-testing --skip EndToEndTests

# Splitting and field accuracy on layout-randomised printed releases from the evaluation
# seeds (accuracy/generate.py), ingested with the release build, scored per medium and
# per layout factor against the generator's truth; exit 1 below issue 12's thresholds.
ACCURACY_SEEDS ?= 1000-1039
accuracy: release
	@ACCURACY_CHECK=1 bash accuracy/run.sh $(ACCURACY_SEEDS)

# Every message of other projects' mail test suites (fetched from Debian and PyPI into
# ~/.cache/corpus-realmail, never into the repository) ingested with the release build and
# compared field by field with Python's email package; exit 1 below issue 13's thresholds.
realmail: release
	@bash scripts/install-deps.sh --realmail
	@REALMAIL_CHECK=1 bash realmail/run.sh

# The real Outlook .msg files of Apache POI's, Email::Outlook::Message's and msg_parser's test
# data (downloaded into ~/.cache/corpus-realmail) compared field by field with msgconvert;
# exit 1 below msg.py's thresholds.
realmsg: release
	@bash scripts/install-deps.sh --realmsg
	@REALMAIL_CHECK=1 bash realmail/run.sh msg

# Every parser of untrusted bytes under libFuzzer and AddressSanitizer, FUZZ_SECONDS each
# (FUZZ_TARGETS picks some): executions, coverage and crashes per target; a crash is saved
# as a regression test (Tests/FuzzRegressionTests/Crashes).
FUZZ_SECONDS ?= 60
fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

# An ingest killed (SIGKILL) at 20 random moments resumes to exactly the records of one
# uninterrupted run; a disk that fills during an ingest (a small tmpfs: needs root) ends it
# with a message saying so and keeps every earlier commit.
killtest: release
	@bash scripts/killtest.sh

# Ingest speed and memory against peers on the same files (BENCH_SCALE, BENCH_RUNS).
bench: release
	@bash scripts/install-deps.sh --bench
	@bash bench/run.sh

# Screenshots of the reading room on the sample, with headless Chromium (into screenshots/).
screenshots: release
	@bash scripts/screenshots.sh

# 30 s of load on /api/search over loopback with wrk.
load: release
	@bash scripts/load.sh

# A read replica with Xapian's replication (scripts/replica.sh), on the sample: the index is
# served to replicas, a copy pulled (only the changes, after an ingest with changesets), and
# both asked the same question.
replica: release
	@rm -rf bench/work/replica && mkdir -p bench/work/replica
	@XAPIAN_MAX_CHANGESETS=10 .build/release/corpus ingest --index bench/work/replica/index corpus-sample/releases > /dev/null
	@set -e; served=$$(bash scripts/replica.sh start bench/work/replica/index); trap 'bash scripts/replica.sh stop bench/work/replica/index' EXIT; \
	  echo "serving bench/work/replica/index to replicas at $$served"; \
	  bash scripts/replica.sh pull $$served bench/work/replica/copy; \
	  XAPIAN_MAX_CHANGESETS=10 .build/release/corpus ingest --index bench/work/replica/index corpus-sample/email > /dev/null; \
	  bash scripts/replica.sh pull $$served bench/work/replica/copy; \
	  for index in bench/work/replica/index bench/work/replica/copy; do \
	    echo "$$ corpus search --index $$index vendor:clearview --limit 0"; .build/release/corpus search --index $$index vendor:clearview --limit 0; \
	  done; echo "corpus serve --index bench/work/replica/copy serves the copy."

# Four shards of the sample served by xapian-tcpsrv on loopback (scripts/shard-servers.sh),
# asked the same question as one index.
shards: release
	@rm -rf bench/work/shards && mkdir -p bench/work/shards
	@.build/release/corpus ingest --index bench/work/shards/one $(SAMPLE) > /dev/null || [ $$? -eq 2 ]
	@for k in 1 2 3 4; do .build/release/corpus ingest --index bench/work/shards/shard$$k --shard $$k/4 $(SAMPLE) > /dev/null || [ $$? -eq 2 ]; done
	@printf 'auto shard1\nauto shard2\nauto shard3\nauto shard4\n' > bench/work/shards/local.stub
	@echo "$$ corpus shards join --index bench/work/shards/local.stub" && .build/release/corpus shards join --index bench/work/shards/local.stub
	@set -e; bash scripts/shard-servers.sh start bench/work/shards/remote.stub bench/work/shards/shard1 bench/work/shards/shard2 bench/work/shards/shard3 bench/work/shards/shard4; \
	  trap 'bash scripts/shard-servers.sh stop bench/work/shards/remote.stub' EXIT; cat bench/work/shards/remote.stub; \
	  for index in bench/work/shards/one bench/work/shards/remote.stub; do \
	    echo "$$ corpus search --index $$index 'vendor:clearview from:gmail.com' --sort date --limit 3"; \
	    .build/release/corpus search --index $$index 'vendor:clearview from:gmail.com' --sort date --limit 3; \
	  done

# Regenerate corpus-sample/ (needs Python with reportlab and Pillow; not needed to build or test).
sample:
	pip install -q -r corpus-sample/generate/requirements.txt
	python3 corpus-sample/generate/generate.py

clean:
	rm -rf .build $(INDEX)
