#!/usr/bin/env bash
# Builds the per-user Windows installer with Debian's msitools and checks
# its tables. Usage: packaging/windows/msi.sh VERSION BINDIR ICON OUT.msi
#
# wixl builds the database from replydesk.wxs with ASCII tokens (ZH_*) where
# the user reads Chinese (wixl leaves the database code page at 0, where
# Chinese is lost); msibuild then sets the code page to UTF-8 (65001) and
# imports the tables again with the tokens replaced from strings.tsv.
set -euo pipefail
version=$1 bindir=$2 icon=$3 out=$4
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in wixl msibuild msiinfo; do
  command -v "$tool" >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends msitools wixl >/dev/null; break; }
done

wixl -a x64 -D Version="$version" -D Bin="$bindir" -D Icon="$icon" -o "$out" "$here/replydesk.wxs"
printf '\r\n\r\n65001\t_ForceCodepage\r\n' > "$work/_ForceCodepage.idt"
msibuild "$out" -i "$work/_ForceCodepage.idt"
for table in Property Shortcut Registry LaunchCondition; do
  msiinfo export "$out" "$table" > "$work/$table.idt"
  grep -q 'ZH_' "$work/$table.idt" || continue
  while IFS=$'\t' read -r token text; do
    case $token in ''|'#'*) continue ;; esac
    sed -i "s|$token|$text|g" "$work/$table.idt"
  done < "$here/strings.tsv"
  msibuild "$out" -i "$work/$table.idt"
done

# Structural checks: nothing of the tokens is left, the code page is
# UTF-8, the install is per user (no ALLUSERS; msicheck reads the
# summary's no-elevation bit), the shortcuts, file types, components and
# files are there, every registry value is under HKEY_CURRENT_USER.
fail() { echo "msi: $*" >&2; exit 1; }
for table in Property Shortcut Registry LaunchCondition; do
  msiinfo export "$out" "$table" > "$work/$table.txt"
  ! grep -q 'ZH_' "$work/$table.txt" || fail "$table still has a ZH_ token"
done
msiinfo export "$out" _ForceCodepage | grep -q '^65001' || fail "code page is not 65001"
grep -q $'^ProductName\tReplyDesk 答复函起草台' "$work/Property.txt" || fail "ProductName"
! grep -q '^ALLUSERS' "$work/Property.txt" || fail "ALLUSERS is set: the install would need administrator rights"
go run ./packaging/msicheck "$out"
for sc in StartMenuShortcut DesktopShortcut; do
  grep -q "^$sc"$'\t'".*"$'\t''ReplyDesk 答复函起草台'$'\t'"$sc"$'\t''\[INSTALLDIR\]replydesk.exe' "$work/Shortcut.txt" || fail "shortcut $sc"
done
for key in 'Software\\Classes\\.reply.toml' 'Software\\Classes\\.toml\\OpenWithProgids' 'Software\\Classes\\.xlsx\\OpenWithProgids' \
  'Software\\Classes\\.docx\\OpenWithProgids' 'Software\\Classes\\ReplyDesk.Reply\\shell\\open\\command'; do
  grep -q $'\t1\t'"$key"$'\t' "$work/Registry.txt" || fail "registry key HKCU\\$key"
done
# Only .reply.toml is made ReplyDesk's: no default value (an empty name
# column) for any other extension's key, so .toml, .xlsx and .docx keep
# the program they open in.
! grep -P '\t1\tSoftware\\Classes\\\.(?!reply\.toml\t)[^\\\t]+\t\t' "$work/Registry.txt" ||
  fail "an extension other than .reply.toml is given to ReplyDesk"
! grep -q $'\t2\t' "$work/Registry.txt" || fail "a registry value outside HKCU"
msiinfo export "$out" Component > "$work/Component.txt"
msiinfo export "$out" File > "$work/File.txt"
for c in Program StartMenuShortcut DesktopShortcut FileTypes; do
  grep -q "^$c"$'\t' "$work/Component.txt" || fail "component $c"
done
grep -q 'replydesk.exe' "$work/File.txt" && grep -q 'replydesk-cli.exe' "$work/File.txt" || fail "files"
grep -q 'LocalAppDataFolder' <(msiinfo export "$out" Directory) || fail "not installed under %LOCALAPPDATA%"
echo "msi: $out ($(stat -c %s "$out") bytes): per user, UTF-8 strings, 2 shortcuts, $(($(wc -l < "$work/Registry.txt") - 3)) registry values, $(($(wc -l < "$work/Component.txt") - 3)) components"
