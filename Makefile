# ReplyDesk — make run opens the app, make test runs every test.

GO       ?= go
BIN      := bin/replydesk
TESTTAGS := ci

.PHONY: all setup build run test smoke windows windows-test windows-pkg arm64 arm64-test deb loong64 loong64-test package bench bench-compare lint fonts clean

all: build

setup:
	@scripts/setup.sh
	@$(GO) mod download

# Without the symbol table and DWARF (-s -w), as the Windows and arm64
# builds: 72 MB instead of 86; a panic still prints its stack with files
# and lines.
build: setup
	$(GO) build -ldflags "-s -w" -o $(BIN) ./cmd/replydesk

run: build
	./$(BIN)

# Every package, headless (the ci tag gives Fyne its test driver), then
# again under the race detector (it needs cgo) every package whose code
# or tests start goroutines: a go statement, WaitGroup.Go, a timer's
# function, parallel or synctest tests. The list is found in the sources,
# so a package that starts its first goroutine is covered without an edit
# here; code those goroutines call in other packages (layout, sheet…) is
# checked through them.
GOROUTINES := (^|[^[:alnum:]_.])go (func|[[:alpha:]_][[:alnum:]_.]*[(])|[.]Go[(]|AfterFunc[(]|[.]Parallel[(][)]|synctest[.]
RACEPKGS = $(shell grep -rlE --include='*.go' '$(GOROUTINES)' cmd internal | xargs -n1 dirname | sort -u | sed 's|^|./|')
test: setup
	CGO_ENABLED=0 $(GO) test -tags $(TESTTAGS) -count=1 -timeout 20m ./...
	$(GO) test -tags $(TESTTAGS) -race -count=1 -timeout 30m $(RACEPKGS)

# The real binary in a virtual display: a window appears and is not blank.
smoke: build
	scripts/smoke.sh $(BIN) bin/smoke.png

# The Windows executables: replydesk.exe, cross-built with MinGW for the
# GUI subsystem (no console window beside the desktop window; started
# from a console with a command it attaches to it to print), and its
# console twin replydesk-cli.exe for cmd.exe, PowerShell and scripts
# (waited for, exit status kept): a 2 MB pure-Go program that runs
# replydesk.exe beside it and relays its output. pecheck reads the
# subsystem of each from its PE header.
WINENV := CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 CGO_ENABLED=1
windows: setup
	@command -v x86_64-w64-mingw32-gcc >/dev/null || { sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 >/dev/null; }
	$(WINENV) $(GO) build -ldflags "-s -w -H=windowsgui" -o bin/replydesk.exe ./cmd/replydesk
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) build -ldflags "-s -w" -o bin/replydesk-cli.exe ./cmd/replydesk-cli
	$(GO) run ./packaging/pecheck bin/replydesk.exe=gui bin/replydesk-cli.exe=console

# The console twin and the program under Wine: Chinese output, exit
# codes, and the seed's PDF byte for byte the Linux build's.
windows-test: windows build
	scripts/wine-cli.sh bin $(BIN)

# The Windows zip (the two executables and a README.txt in Notepad's
# habits: CRLF, UTF-8 with BOM) and the per-user MSI installer, checked
# table by table (packaging/windows/msi.sh). zip at level 6: level 9
# takes twice as long (27 s against 13 s) for a zip 0.3 % smaller.
VERSION := $(shell sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)
WINZIP  := dist/ReplyDesk-$(VERSION)-windows-x64.zip
WINMSI  := dist/ReplyDesk-$(VERSION)-windows-x64.msi
windows-pkg: windows
	mkdir -p dist && rm -rf dist/win && mkdir -p dist/win/ReplyDesk
	convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 dist/replydesk.ico
	packaging/windows/msi.sh $(VERSION) bin dist/replydesk.ico $(WINMSI)
	cp bin/replydesk.exe bin/replydesk-cli.exe dist/win/ReplyDesk/
	{ printf '\357\273\277'; sed 's/$$/\r/' packaging/windows/README.txt; } > dist/win/ReplyDesk/README.txt
	rm -f $(WINZIP) && cd dist/win && zip -q -6 -X -r ../$(notdir $(WINZIP)) ReplyDesk
	unzip -tq $(WINZIP) && rm -rf dist/win
	ls -l $(WINZIP) $(WINMSI)

# The installable Linux archive (.tar.xz with icon and desktop entry) made
# by fyne package. fyne reads FyneApp.toml beside the main package and
# counts its Build up: it gets a copy of the one at the top of the repo,
# with the icon path made relative to it, and the copy is removed after.
# It packs the program make build made, stripped as in the .debs (fyne's
# own build would compile the whole GUI again with other C flags), and
# its archive is unpacked again below, so it compresses at xz's fastest.
FYNE_TOOL := fyne.io/tools/cmd/fyne@v1.7.4
package: build
	@command -v fyne >/dev/null || $(GO) install $(FYNE_TOOL)
	rm -rf dist/pkgbin && mkdir -p dist/pkgbin
	strip --strip-all -o dist/pkgbin/replydesk $(BIN)
	sed 's#"assets/#"../../assets/#' FyneApp.toml > cmd/replydesk/FyneApp.toml
	cd cmd/replydesk && PATH="$$PATH:$$($(GO) env GOPATH)/bin" XZ_OPT=-0 \
		fyne package -os linux --executable ../../dist/pkgbin/replydesk; \
		status=$$?; rm -f FyneApp.toml; exit $$status
	mv cmd/replydesk/*.tar.xz dist/ && rm -rf dist/pkgbin
	# The desktop entry passes the file it is opened with (打开方式): a
	# reply, a 交办清单 or a letter in Word, as on the command line; it is
	# offered for all three.
	rm -rf dist/pkg && mkdir dist/pkg && tar -xJf dist/ReplyDesk.tar.xz -C dist/pkg
	sed -i -e 's/^Exec=replydesk$$/Exec=replydesk %f/' \
		-e '/^Exec=/a MimeType=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;application/vnd.openxmlformats-officedocument.wordprocessingml.document;application/toml;' \
		dist/pkg/replydesk/usr/local/share/applications/app.replydesk.desktop
	grep -q '^Exec=replydesk %f$$' dist/pkg/replydesk/usr/local/share/applications/app.replydesk.desktop
	XZ_OPT=-T0 tar -cJf dist/ReplyDesk.tar.xz -C dist/pkg replydesk && rm -rf dist/pkg

# linux/arm64 (UOS, Kylin on Phytium and Kunpeng machines): the cgo GUI
# cross-built with Debian's aarch64 compiler against the arm64 X11/GL
# libraries (multiarch), then run under qemu-user against the amd64 build.
ARM64BIN := bin/linux-arm64/replydesk
ARM64ENV := CC=aarch64-linux-gnu-gcc GOOS=linux GOARCH=arm64 CGO_ENABLED=1 \
	PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig
arm64: setup
	scripts/setup-arm64.sh
	$(ARM64ENV) $(GO) build -ldflags "-s -w" -o $(ARM64BIN) ./cmd/replydesk

arm64-test: arm64 build
	scripts/qemu-cli.sh aarch64 $(ARM64BIN) $(BIN)

# The .debs for amd64 and arm64 (packaging/linux/deb.sh, which checks
# each one's contents and that its program is built for its processor),
# checked with lintian (about 20 s a package on a quiet machine; in CI it
# runs beside the slower xz of make package).
DEBS := dist/replydesk_$(VERSION)_amd64.deb dist/replydesk_$(VERSION)_arm64.deb
deb: build arm64
	packaging/linux/deb.sh amd64 $(BIN) $(VERSION) dist/replydesk_$(VERSION)_amd64.deb
	packaging/linux/deb.sh arm64 $(ARM64BIN) $(VERSION) dist/replydesk_$(VERSION)_arm64.deb
	packaging/linux/lintian.sh $(DEBS)

# LoongArch (loong64): Go builds the command line for it without cgo (the
# window needs cgo and a loongarch64 cross compiler, which Debian 12 does
# not have); the ci tag gives the toolkit its test driver in place of
# GLFW. Not shipped and not in CI (a cold build for one more
# architecture takes minutes): loong64-test renders the seed under qemu.
loong64: setup
	GOOS=linux GOARCH=loong64 CGO_ENABLED=0 $(GO) build -tags ci -ldflags "-s -w" -o bin/linux-loong64/replydesk ./cmd/replydesk

loong64-test: loong64 build
	scripts/setup-arm64.sh
	scripts/qemu-cli.sh loongarch64 bin/linux-loong64/replydesk $(BIN)

bench: setup
	CGO_ENABLED=0 $(GO) test -tags $(TESTTAGS) -run '^$$' -bench . -benchmem ./...

# ReplyDesk against typst on the same reply, cold process and warm
# recompile (scripts/bench-compare.sh; typst from npm into a cache folder).
bench-compare: setup
	scripts/bench-compare.sh

lint:
	@files=$$(gofmt -l .); if [ -n "$$files" ]; then echo "not gofmt-formatted:"; echo "$$files"; exit 1; fi
	$(GO) vet -tags $(TESTTAGS) ./...

# The fonts re-obtained, then compressed for embedding (assets/pack.go;
# it needs the zstd program).
fonts:
	assets/fonts/fetch.sh
	cd assets && $(GO) generate

clean:
	rm -rf bin dist
