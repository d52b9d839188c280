# ReplyDesk — make run opens the app, make test runs every test.

GO       ?= go
BIN      := bin/replydesk
TESTTAGS := ci

.PHONY: all setup build run test smoke windows bench lint fonts clean

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

# The real binary in a virtual display: a window appears and is not blank.
smoke: build
	scripts/smoke.sh $(BIN) bin/smoke.png

# The Windows executable, cross-built with MinGW.
windows: setup
	@command -v x86_64-w64-mingw32-gcc >/dev/null || { sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 >/dev/null; }
	CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 CGO_ENABLED=1 \
		$(GO) build -ldflags "-s -w -H=windowsgui" -o bin/replydesk.exe ./cmd/replydesk

bench: setup
	CGO_ENABLED=0 $(GO) test -tags $(TESTTAGS) -run '^$$' -bench . -benchmem ./...

lint:
	gofmt -l . | tee /dev/stderr | (! read)
	$(GO) vet -tags $(TESTTAGS) ./...

fonts:
	assets/fonts/fetch.sh

clean:
	rm -rf bin
