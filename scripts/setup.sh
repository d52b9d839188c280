#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages ReplyDesk needs to build and test:
# the C toolchain and X11/OpenGL headers of the GUI, the tools the tests
# check output with (poppler, qpdf, LibreOffice headless to reopen
# workbooks and documents), two system fonts the renderer tests draw
# with, and PostgreSQL's server programs (the store's tests start their
# own server in a temporary folder; no system service is used), zenity
# for the file dialogs the tests drive on a virtual display. Installs
# only what is missing.
set -euo pipefail

pkgs=(
  gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev
  poppler-utils qpdf libreoffice-calc-nogui libreoffice-writer-nogui
  fonts-lxgw-wenkai fonts-dejavu-core
  xvfb xauth x11-utils xdotool imagemagick zenity zip unzip chromium
  postgresql
)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v go >/dev/null 2>&1; then
  echo "setup: Go is not installed; install Go 1.26 or newer (https://go.dev/dl/)" >&2
  exit 1
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
