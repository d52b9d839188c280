#!/usr/bin/env bash
# Installs what cross-building the linux/arm64 GUI needs on a Debian
# amd64 machine, and what runs the arm64 binary here: Debian's aarch64
# cross compiler, the arm64 X11/OpenGL headers and libraries (multiarch:
# dpkg --add-architecture arm64) and qemu-user-static. Installs only what
# is missing.
set -euo pipefail
pkgs=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static
  libgl1-mesa-dev:arm64 libx11-dev:arm64 libxcursor-dev:arm64 libxrandr-dev:arm64
  libxinerama-dev:arm64 libxi-dev:arm64 libxxf86vm-dev:arm64)
# --list prints the packages (scripts/setup-ci.sh installs them with the
# others CI needs, in one go).
[ "${1:-}" = --list ] && { echo "${pkgs[*]}"; exit 0; }
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup-arm64: installing ${missing[*]}"
dpkg --print-foreign-architectures | grep -qx arm64 || $sudo dpkg --add-architecture arm64
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
