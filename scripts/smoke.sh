#!/usr/bin/env bash
# Starts the built ReplyDesk in a virtual X display, waits for its window,
# takes a screenshot and fails if no window appears or the screenshot is
# blank. Usage: scripts/smoke.sh BINARY [SHOT.png]
set -euo pipefail
bin=$(realpath "$1")
shot=$(realpath -m "${2:-smoke.png}")
home=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$home" 2>/dev/null || true' EXIT

export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache"
export REPLYDESK_DB="$home/replydesk.db"
Xvfb :97 -screen 0 1400x900x24 >/dev/null 2>&1 &
pid=$!
export DISPLAY=:97
sleep 1
start=$(date +%s%N)
"$bin" >"$home/out.log" 2>&1 &
app=$!
cleanup() {
  kill "$app" "$pid" 2>/dev/null || true
  wait "$app" "$pid" 2>/dev/null || true
  rm -rf "$home" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  if xwininfo -root -tree 2>/dev/null | grep -q 'ReplyDesk'; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then echo "smoke: ReplyDesk exited:"; cat "$home/out.log"; exit 1; fi
  sleep 0.1
done
if ! xwininfo -root -tree | grep -q 'ReplyDesk'; then echo "smoke: no ReplyDesk window after 10 s"; cat "$home/out.log"; exit 1; fi
echo "smoke: window after $(( ($(date +%s%N) - start) / 1000000 )) ms"
sleep 2
import -window root "$shot"
sd=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "smoke: screenshot $shot, grey standard deviation $sd"
awk -v s="$sd" 'BEGIN { exit !(s > 0.02) }' || { echo "smoke: the screenshot is blank"; exit 1; }
