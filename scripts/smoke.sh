#!/usr/bin/env bash
# Starts the built ReplyDesk in a virtual X display with the example reply
# 244 open, waits for its window, takes a screenshot and fails if no
# window appears or the screenshot is blank. It prints what the window
# costs: the time from start to the window shown and to its first paint
# (the window drawn with more than a handful of colours; sampled, so an
# upper bound), for a user's first start (which unpacks the embedded
# fonts) and then for a usual one, and the resident memory once the
# reply's preview is shown (targets: first paint <= 0.7 s, memory
# <= 250 MB).
# Usage: scripts/smoke.sh BINARY [SHOT.png]
set -euo pipefail
bin=$(realpath "$1")
shot=$(realpath -m "${2:-smoke.png}")
seed=$(realpath "$(dirname "$0")/../templates/examples/reply-244.reply.toml")
home=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$home" 2>/dev/null || true' EXIT

export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache"
export REPLYDESK_DB="$home/replydesk.db"
# A display of its own: Xvfb picks a free number and writes it to the
# pipe (-displayfd), so that runs side by side do not meet on one display.
exec 3< <(Xvfb -displayfd 1 -screen 0 1400x900x24 -nolisten tcp 2>/dev/null)
pid=$!
disp=""
read -r -t 10 disp <&3 || true
if [ -z "$disp" ]; then echo "smoke: Xvfb did not start"; exit 1; fi
export DISPLAY=":$disp"
for _ in $(seq 1 100); do
  if xdpyinfo >/dev/null 2>&1; then break; fi
  sleep 0.1
done
if ! xdpyinfo >/dev/null 2>&1; then echo "smoke: Xvfb did not start on $DISPLAY"; exit 1; fi
ms() { echo $(( ($(date +%s%N) - start) / 1000000 )); }
# cpums prints the processor time the app used so far, in ms: on a busy
# machine it says more than the time on the clock.
cpums() { awk -v t="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$app/stat"; }
app=""
cleanup() {
  kill $app "$pid" 2>/dev/null || true
  wait $app "$pid" 2>/dev/null || true
  rm -rf "$home" 2>/dev/null || true
}
trap cleanup EXIT
# launch LABEL starts the app with the seed, waits for its window and its
# first paint, and prints both.
launch() {
  start=$(date +%s%N)
  "$bin" "$seed" >"$home/out.log" 2>&1 &
  app=$!
  win=""
  for _ in $(seq 1 1000); do
    win=$(xdotool search --onlyvisible --name 'ReplyDesk' 2>/dev/null | head -1 || true)
    if [ -n "$win" ]; then break; fi
    if ! kill -0 "$app" 2>/dev/null; then echo "smoke: ReplyDesk exited:"; cat "$home/out.log"; exit 1; fi
    sleep 0.01
  done
  if [ -z "$win" ]; then echo "smoke: no ReplyDesk window after 10 s"; cat "$home/out.log"; exit 1; fi
  echo "smoke: $1: window shown after $(ms) ms, $(cpums) ms of processor time"
  painted=""
  for _ in $(seq 1 200); do
    colours=$(import -silent -window "$win" miff:- 2>/dev/null | identify -format '%k' - 2>/dev/null || echo 0)
    if [ "${colours:-0}" -gt 16 ]; then painted=$(ms); cpu=$(cpums); break; fi
  done
  if [ -z "$painted" ]; then echo "smoke: the window was not painted"; exit 1; fi
  echo "smoke: $1: first paint after $painted ms, $cpu ms of processor time (target 700 ms)"
}
# The first start of a user unpacks the embedded fonts into the cache
# folder; the usual start (the target) finds them there. The first window
# is closed once the preview has had time to unpack every font it uses.
launch "first start"
sleep 4
kill "$app"; wait "$app" 2>/dev/null || true
launch "usual start"
echo "smoke: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
# The preview of reply 244 is typeset and shown within a second or two;
# the memory is read once it has settled.
sleep 4
rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$app/status")
echo "smoke: resident memory with reply 244 open $rss MB (target 250)"
import -window root "$shot"
sd=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "smoke: screenshot $shot, grey standard deviation $sd"
awk -v s="$sd" 'BEGIN { exit !(s > 0.02) }' || { echo "smoke: the screenshot is blank"; exit 1; }
