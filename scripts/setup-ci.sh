#!/usr/bin/env bash
# Installs, in one apt run, the Debian packages the steps of .ci/run
# after the tests need: MinGW for the Windows executable, Wine to run it,
# msitools and wixl for the installer, the aarch64 cross compiler with
# the arm64 X11/OpenGL libraries and qemu-user-static (the list of
# scripts/setup-arm64.sh), and lintian for the .debs. Each of those steps
# still installs what it lacks itself when run alone; together here they
# cost one package-list update instead of five. Installs only what is
# missing.
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=(gcc-mingw-w64-x86-64 wine wine64 msitools wixl lintian $(scripts/setup-arm64.sh --list))
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && { echo "setup-ci: all ${#pkgs[@]} packages installed"; exit 0; }
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup-ci: installing ${missing[*]}"
dpkg --print-foreign-architectures | grep -qx arm64 || $sudo dpkg --add-architecture arm64
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup-ci: done"
