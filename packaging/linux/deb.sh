#!/usr/bin/env bash
# Builds the .deb of ReplyDesk for one architecture with dpkg-deb: the
# program in /usr/bin, the desktop entry (with the file types it opens),
# the icon, the reply file type (application/x-replydesk-reply for
# *.reply.toml) and the documentation Debian policy asks for. dpkg's
# triggers of desktop-file-utils and shared-mime-info register the entry
# and the type; no maintainer scripts are needed.
# Usage: packaging/linux/deb.sh ARCH BINARY VERSION OUT.deb
set -euo pipefail
arch=$1 bin=$2 version=$3 out=$4
here=$(dirname "$0")
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

install -D -m 0755 "$bin" "$root/usr/bin/replydesk"
strip=strip
[ "$arch" = arm64 ] && strip=aarch64-linux-gnu-strip
"$strip" --strip-all "$root/usr/bin/replydesk"
# The program is built for the package's processor.
machine=$(LC_ALL=C readelf -h "$root/usr/bin/replydesk" | sed -n 's/^ *Machine: *//p')
case $arch:$machine in
  amd64:*X86-64*|arm64:AArch64) ;;
  *) echo "deb: $bin is built for $machine, not $arch" >&2; exit 1 ;;
esac
install -D -m 0644 "$here/app.replydesk.desktop" "$root/usr/share/applications/app.replydesk.desktop"
install -D -m 0644 "$here/replydesk-mime.xml" "$root/usr/share/mime/packages/replydesk.xml"
install -D -m 0644 assets/icon.png "$root/usr/share/icons/hicolor/512x512/apps/app.replydesk.png"
install -D -m 0644 "$here/copyright" "$root/usr/share/doc/replydesk/copyright"
mkdir -p "$root/DEBIAN"
printf 'replydesk (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- ReplyDesk <replydesk@localhost>  %s\n' \
  "$version" "$version" "$(date -R -d @"${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")" \
  | gzip -9n > "$root/usr/share/doc/replydesk/changelog.gz"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" "$here/control.in" > "$root/DEBIAN/control"
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
mkdir -p "$(dirname "$out")"
# gzip: seconds where xz takes more than a minute for the 100 MB program,
# and every dpkg reads it (UOS and Kylin ship dpkg 1.19/1.20: no zstd).
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$out" >/dev/null

# What the package holds and says, checked.
info=$(dpkg-deb --info "$out")
contents=$(dpkg-deb --contents "$out")
grep -q "Architecture: $arch" <<<"$info" || { echo "deb: $out is not $arch" >&2; exit 1; }
for f in ./usr/bin/replydesk ./usr/share/applications/app.replydesk.desktop \
  ./usr/share/mime/packages/replydesk.xml ./usr/share/icons/hicolor/512x512/apps/app.replydesk.png; do
  grep -q " $f\$" <<<"$contents" || { echo "deb: $out lacks $f" >&2; exit 1; }
done
echo "deb: $out ($(stat -c %s "$out") bytes, $arch, $size KB installed)"
