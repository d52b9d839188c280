# ReplyDesk — make run opens the app, make test runs every test.

GO       ?= go
BIN      := bin/replydesk
TESTTAGS := ci

.PHONY: all setup build run test test-race bench lint fonts clean

all: build

setup:
	@scripts/setup.sh
	@$(GO) mod download

build: setup
	$(GO) build -o $(BIN) ./cmd/replydesk

run: build
	./$(BIN)

# Every package, headless (the ci tag gives Fyne its test driver), then the
# packages that run work in parallel again under the race detector.
test: setup
	CGO_ENABLED=0 $(GO) test -tags $(TESTTAGS) -count=1 ./...
	$(GO) test -tags $(TESTTAGS) -race -count=1 ./internal/fonts/... ./internal/render/... ./internal/layout/...

bench: setup
	CGO_ENABLED=0 $(GO) test -tags $(TESTTAGS) -run '^$$' -bench . -benchmem ./...

lint:
	gofmt -l . | tee /dev/stderr | (! read)
	$(GO) vet -tags $(TESTTAGS) ./...

fonts:
	assets/fonts/fetch.sh

clean:
	rm -rf bin
