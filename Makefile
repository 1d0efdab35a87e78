# newsgraph developer targets. `make test` is the README's test command.
GO      ?= go
SHARED  ?= ../shared/data
CORPUS  ?= $(if $(wildcard $(SHARED)/articles/wikinews.jsonl),$(SHARED)/articles/wikinews.jsonl,examples)
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: all build test bench eval lint fmt fuzz world screenshots load duckdb-check gazetteer parser-model event-confidence event-codes ner-model actors-phoenix peers

all: build test

# A static binary (no cgo): it copies to any Linux machine and starts with
# less memory than one linked against libc.
build:
	CGO_ENABLED=0 $(GO) build -o bin/newsgraph ./cmd/newsgraph

# The test suite; services (PostgreSQL, NATS, Chromium) are used when present
# and their tests skip with a message when absent.
test:
	$(GO) test ./...

# Go benchmarks of the hot paths, then whole-pipeline throughput over a corpus.
bench: build
	$(GO) test -run '^$$' -bench . -benchtime 1s ./internal/... | grep -E '^(Benchmark|ok|pkg)'
	@echo "--- pipeline throughput over $(CORPUS)"
	./bin/newsgraph annotate $(CORPUS) > /dev/null

# Quality of every stage on the development sets in $(SHARED).
eval: build
	./bin/newsgraph eval sentences --gold $(SHARED)/gmb-dev.conll
	./bin/newsgraph eval ner --gold $(SHARED)/gmb-dev.conll
	./bin/newsgraph eval ner --pipeline --gold $(SHARED)/gum-news.jsonl
	./bin/newsgraph eval parser --gold $(SHARED)/ud-dev.conllu
	./bin/newsgraph eval actors --petr $(SHARED)/petr2-gsr.jsonl --plover $(SHARED)/plover-gsr-dev.jsonl --docs $(SHARED)/articles/wikinews.jsonl
	./bin/newsgraph eval geo --gold $(SHARED)/geovirus.jsonl
	./bin/newsgraph eval dates --gold $(SHARED)/tbaq.jsonl
	./bin/newsgraph eval amounts
	./bin/newsgraph eval quotes --gold $(SHARED)/polnear-dev.jsonl
	./bin/newsgraph eval events --gold $(SHARED)/plover-gsr-dev.jsonl
	./bin/newsgraph eval events --gold $(SHARED)/petr2-gsr.jsonl
	./bin/newsgraph eval confidence --docs $(SHARED)/articles/voa-stories.jsonl --judgments internal/event/testdata/voa-judged-judgments.jsonl
	./bin/newsgraph eval recall --docs $(SHARED)/articles/voa-stories.jsonl --gold internal/event/testdata/voa-recall-gold.jsonl
	./bin/newsgraph eval recall --docs $(SHARED)/articles/voa-stories.jsonl --gold internal/event/testdata/voa-dev-recall-gold.jsonl

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

# Every fuzz target for FUZZTIME each (parsers of outside input, annotators).
FUZZTIME ?= 20s
fuzz:
	@for f in $$(grep -rl --include='*_test.go' '^func Fuzz' internal); do \
	  pkg=./$$(dirname $$f); \
	  for t in $$(grep -o '^func Fuzz[A-Za-z0-9_]*' $$f | cut -d' ' -f2); do \
	    echo "== $$pkg $$t"; $(GO) test $$pkg -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) || exit 1; \
	  done; \
	done

# Generated data (need npm): the world outline of the workbench map and the
# place gazetteer. Their outputs are committed.
world:
	$(GO) run ./internal/server/gen

gazetteer:
	$(GO) run ./internal/geo/gen

# Browser tests with screenshots under artifacts/screenshots (needs Chromium).
screenshots:
	$(GO) test -count=1 -run 'Browser|Seed' ./internal/server/...

# DuckDB reads the exports of the example articles and prints the column
# types it infers (npm @duckdb/node-api; not part of make test).
DUCKDIR ?= /tmp/newsgraph-duckdb
duckdb-check:
	rm -rf $(DUCKDIR) && mkdir -p $(DUCKDIR)
	$(GO) run ./cmd/newsgraph ingest --db $(DUCKDIR)/x.db examples/
	$(GO) run ./cmd/newsgraph export --db $(DUCKDIR)/x.db --format parquet > $(DUCKDIR)/events.parquet
	$(GO) run ./cmd/newsgraph export --db $(DUCKDIR)/x.db --format csv > $(DUCKDIR)/events.csv
	$(GO) run ./cmd/newsgraph export --db $(DUCKDIR)/x.db --format gdelt-events > $(DUCKDIR)/events.gdelt.tsv
	$(GO) run ./cmd/newsgraph export --db $(DUCKDIR)/x.db --format gkg > $(DUCKDIR)/gkg.tsv
	cd scripts/duckdb && npm install --no-audit --no-fund --silent && node check.mjs $(DUCKDIR)

# API load tests on 100,000 events on loopback: the events mix (50 clients,
# 10 s), then each counting endpoint alone (events, actor, dyad, map,
# places; 4 clients, 5 s each) with its CPU time per request.
load:
	$(GO) test -count=1 -run LoadEvents ./internal/server/ -load -load.db=/tmp/newsgraph-load.db
	$(GO) test -count=1 -run LoadEndpoints ./internal/server/ -load -load.db=/tmp/newsgraph-load.db -load.clients=4 -load.duration=5s -v

# Trained models and derived tables (outputs committed; inputs in $(SHARED)).
parser-model:
	$(GO) run ./cmd/newsgraph train parser --conllu $(SHARED)/ud-train.conllu --lexicon $(SHARED)/gmb-train.conll --dev $(SHARED)/ud-dev.conllu --out internal/syntax/data/syntax.model.zst

# The event records' confidence, learned from the development VOA stories'
# records judged by hand (docs/EVENTS-JUDGED.md; needs $(SHARED)).
event-confidence:
	$(GO) run ./cmd/newsgraph train confidence --docs $(SHARED)/articles/voa-stories.jsonl --judgments internal/event/testdata/voa-dev-judgments.jsonl --out internal/event/data/confidence.tsv

event-codes:
	$(GO) run ./internal/event/internal/gencodes -cameo $(SHARED)/cameo-codes.csv -plover $(SHARED)/CAMEO2PLOVER-2021.txt -out internal/event/data/codes.tsv
	$(GO) run ./internal/event/internal/genverbs -in $(SHARED)/dict/petrarch2/CAMEO.2.0.txt -codes internal/event/data/codes.tsv -have internal/event/data/verbs.txt -out internal/event/data/verbs-cameo.txt

ner-model:
	$(GO) generate ./internal/ner

# People, organisations and agent nouns from PETRARCH2's Phoenix
# dictionaries (MIT) into internal/actor/data/*-phoenix.txt.
PHOENIX ?= $(SHARED)/dict/petrarch2
actors-phoenix:
	$(GO) run ./internal/actor/gen -phoenix $(PHOENIX) -out internal/actor/data

# Our entity tagger and prose's on the same text, in one run (own module).
peers:
	cd bench/peers && $(GO) run ./nerpeer --gold ../../$(SHARED)/gmb-dev.conll
