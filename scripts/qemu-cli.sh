#!/usr/bin/env bash
# Runs a build for another architecture (aarch64: linux/arm64,
# loongarch64: linux/loong64) under qemu-user: its command line answers
# in Chinese with the exit codes of the amd64 build, and the seed reply it
# renders is byte for byte the PDF the amd64 build makes.
# Usage: scripts/qemu-cli.sh QEMU-ARCH BINARY AMD64-BINARY
set -euo pipefail
qarch=$1
arm=$(realpath "$2")
amd=$(realpath "$3")
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" XDG_CACHE_HOME="$work/home/.cache"
export REPLYDESK_DB="$work/replydesk.db"
mkdir -p "$HOME"
# The arm64 C library comes from multiarch (libc6:arm64), so no -L
# prefix: with one, qemu looks every path up under it first, and the
# scan of the installed fonts takes minutes.
run() { "qemu-$qarch-static" "$arm" "$@"; }

start=$(date +%s)
set +e; run check "$root/templates/examples/reply-244.reply.toml" >"$work/out" 2>&1; code=$?; set -e
[ "$code" -eq 0 ] && grep -q '未发现问题' "$work/out" || { echo "qemu-$qarch: check exited $code:"; cat "$work/out"; exit 1; }
sed 's/^phone = .*/phone = ""/' "$root/templates/examples/reply-244.reply.toml" > "$work/nophone.reply.toml"
set +e; run check "$work/nophone.reply.toml" >"$work/out" 2>&1; code=$?; set -e
[ "$code" -eq 1 ] && grep -q '联系电话' "$work/out" || { echo "qemu-$qarch: check of a reply without phone exited $code:"; cat "$work/out"; exit 1; }
run render "$root/templates/examples/reply-244.reply.toml" -o "$work/arm64.pdf"
"$amd" render "$root/templates/examples/reply-244.reply.toml" -o "$work/amd64.pdf"
cmp "$work/arm64.pdf" "$work/amd64.pdf"
echo "qemu-$qarch: check 0/1 and the seed's PDF byte-identical to amd64's ($(stat -c %s "$work/amd64.pdf") bytes) in $(( $(date +%s) - start )) s"
