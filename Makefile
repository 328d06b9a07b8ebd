# Valueflow — the two commands: `make run` and `make test` (see README.md).
GO       ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
# sqlite_omit_load_extension: a mailed file can never make us load code.
# no_emoji: Fyne's 4 MB colour emoji font is left out; Fyne parses it once
# per text style, which cost about 15 MB of memory for glyphs our maps do not
# use (measured with make harness: +67 MB over hello world with it, +52 MB
# without). Emoji typed into a map still show where a system font has them.
TAGS     := sqlite_omit_load_extension,no_emoji
GOFLAGS  := -tags=$(TAGS)
BIN      := bin/valueflow

.PHONY: run test build setup setup-test vet unit fulldisk fuzz bench stress harness package clean

run: setup build
	./$(BIN) $(ARGS)

build:
	$(GO) build $(GOFLAGS) -o $(BIN) .

setup:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test

vet:
	$(GO) vet $(GOFLAGS) ./...
	cd clocale && $(GO) vet ./...

# clocale is a module of its own (it must sort before fyne.io): tested apart.
unit:
	$(GO) test $(GOFLAGS) -count=1 -timeout 15m ./...
	cd clocale && $(GO) test -count=1 ./...

# make test also runs the full-disk tests on a small tmpfs where one can be
# mounted, and fuzzes every target for FUZZTIME (30 s each, issue 10).
test: setup-test vet unit fulldisk fuzz

fulldisk:
	@GO=$(GO) TAGS=$(TAGS) scripts/harness-fulldisk.sh

FUZZTIME ?= 30s
fuzz:
	@GO=$(GO) TAGS=$(TAGS) FUZZTIME=$(FUZZTIME) scripts/harness-fuzz.sh

# Issue 10: crash loop with KILLS kills, fuzzing for FUZZTIME (default 5m)
# per target, full disk on a small tmpfs where one can be mounted.
stress: setup-test
	@GO=$(GO) TAGS=$(TAGS) FUZZTIME=$(if $(filter command line environment,$(origin FUZZTIME)),$(FUZZTIME),5m) scripts/harness-stress.sh

# One table: S..XL timings with the slope from L to XL, and the floor ratios.
bench: setup-test
	@GO=$(GO) TAGS=$(TAGS) scripts/bench.sh

# Start-up time to the first drawn frame and resident memory of an L map
# against a Fyne hello world, under Xvfb (issues 4 and 10).
harness: setup-test build
	@GO=$(GO) TAGS=$(TAGS) scripts/harness.sh

# An installable Linux archive (tar.xz with the binary, icon, .desktop entry
# and the .vflow MIME type); FyneApp.toml stays as it is (BUILD=N sets the
# build number).
FYNE_TOOL := fyne.io/tools/cmd/fyne@v1.7.4
package: setup
	@GO=$(GO) TAGS=$(TAGS) FYNE_TOOL=$(FYNE_TOOL) BUILD=$(BUILD) scripts/package.sh

clean:
	rm -rf bin
