# Valueflow — the two commands: `make run` and `make test` (see README.md).
GO       ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
# sqlite_omit_load_extension: a mailed file can never make us load code.
TAGS     := sqlite_omit_load_extension
GOFLAGS  := -tags=$(TAGS)
BIN      := bin/valueflow
SAMPLE   := $(HOME)/Documents/Valueflow/Voorbeeld-zorgpad.vflow

.PHONY: run test build setup setup-test vet unit bench stress package clean

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

unit:
	$(GO) test $(GOFLAGS) -count=1 -timeout 15m ./...

test: setup-test vet unit

bench: setup-test
	$(GO) test $(GOFLAGS) -run '^$$' -bench . -benchtime 2s ./...

# An installable Linux archive (tar.xz with the binary, icon and .desktop entry).
FYNE_TOOL := fyne.io/tools/cmd/fyne@v1.7.4
package: setup
	$(GO) run $(FYNE_TOOL) package --os linux --release --tags $(TAGS) --name Valueflow --icon icons/valueflow.png
	@ls -l Valueflow.tar.xz

clean:
	rm -rf bin
