#!/usr/bin/env bash
# Runs the Windows console twin (replydesk-cli.exe, which runs
# replydesk.exe beside it) under Wine: the output reaches the terminal in
# Chinese, the exit codes are those of the Linux build (0 checked, 1
# errors found, 2 bad use), a new reply has CR LF line ends, and the seed
# reply rendered is byte for byte the PDF the Linux build makes.
# Usage: scripts/wine-cli.sh WINDOWS-BIN-FOLDER LINUX-BINARY
set -euo pipefail
bindir=$(realpath "$1")
linux=$(realpath "$2")
root=$(pwd)
work=$(mktemp -d)
trap 'wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT

if ! command -v wine >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends wine wine64 >/dev/null
fi
# Wine 8.0 lacks ProcessPrng, which Go's runtime calls at start: a
# stand-in bcryptprimitives.dll in the prefix's system32 (where the
# runtime looks) provides it.
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" scripts/wine/processprng.c -ladvapi32
cp "$bindir/replydesk.exe" "$bindir/replydesk-cli.exe" "$work/"
cp templates/examples/reply-244.reply.toml "$work/第244号 答复.reply.toml"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree,mshtml="
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" XDG_CACHE_HOME="$work/home/.cache"
export REPLYDESK_DB="$work/replydesk.db"
mkdir -p "$HOME"
start=$(date +%s)
wineboot -i >/dev/null 2>&1 || true
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
echo "wine-cli: prefix ready in $(( $(date +%s) - start )) s"

cd "$work"
expect() { # expect CODE PATTERN -- command...
  local want=$1 pat=$2; shift 3
  set +e; out=$(wine "$@" 2>&1); code=$?; set -e
  out=$(printf '%s' "$out" | tr -d '\r')
  if [ "$code" -ne "$want" ] || ! printf '%s' "$out" | grep -q -- "$pat"; then
    echo "wine-cli: $* exited $code (want $want), output:"; printf '%s\n' "$out"; exit 1
  fi
  echo "wine-cli: $* → $code, “$(printf '%s' "$out" | grep -m1 -- "$pat")”"
}
expect 0 '用法' -- ./replydesk-cli.exe --help
expect 0 '用法' -- ./replydesk.exe --help
expect 2 '未知的子命令' -- ./replydesk-cli.exe 不存在
expect 0 '' -- ./replydesk-cli.exe check "第244号 答复.reply.toml"
sed 's/^date = .*/date = 2023-02-30/' "第244号 答复.reply.toml" > bad.reply.toml
expect 2 '日期写法不对' -- ./replydesk-cli.exe check bad.reply.toml
sed 's/^phone = .*/phone = ""/' "第244号 答复.reply.toml" > nophone.reply.toml
expect 1 '电话' -- ./replydesk-cli.exe check nophone.reply.toml
# A new reply printed on Windows has Windows line ends (CR LF) and
# checks as a reply (its blanks are errors: exit 1).
wine ./replydesk-cli.exe new --style 提案答复 > new.reply.toml
lf=$(grep -c '' new.reply.toml); crlf=$(grep -c $'\r$' new.reply.toml)
[ "$lf" -gt 20 ] && [ "$crlf" -eq "$lf" ] || { echo "wine-cli: new wrote $crlf CR LF line ends of $lf"; exit 1; }
expect 1 '未填写' -- ./replydesk-cli.exe check new.reply.toml
echo "wine-cli: new --style 提案答复 → $lf lines, all CR LF"
expect 0 '' -- ./replydesk-cli.exe render "第244号 答复.reply.toml" -o "答复 244.pdf"
"$linux" render "$root/templates/examples/reply-244.reply.toml" -o linux.pdf
cmp "答复 244.pdf" linux.pdf
echo "wine-cli: the seed's PDF is byte-identical to the Linux build's ($(stat -c %s linux.pdf) bytes)"
