#!/usr/bin/env bash
# fetch.sh re-obtains the embedded fonts and their license texts exactly as
# they are committed here, converts the one CFF font to TrueType outlines
# (gopdf embeds only glyf TrueType fonts), checks that no font has nested
# composite glyphs (gopdf draws only one level of composites), and verifies
# everything against SHA256SUMS before it replaces a file.
#
#   FandolFang-Regular.ttf   仿宋 body    Debian texlive-lang-chinese, converted by otf2ttf.py
#   NotoSerifSC-Bold.ttf     小标宋 title  npm @expo-google-fonts/noto-serif-sc (700Bold)
#   NotoSerifSC-Regular.ttf  宋体, fallback  npm @expo-google-fonts/noto-serif-sc (400Regular)
#   NotoSansSC-Regular.ttf   黑体          npm @expo-google-fonts/noto-sans-sc (400Regular)
#   LXGWWenKai-Regular.ttf   楷体          Debian fonts-lxgw-wenkai, unmodified
#
# Usage: assets/fonts/fetch.sh [--update]
#   --update  accept new upstream versions: rewrite SHA256SUMS instead of
#             failing when a file differs (then update SOURCES.md too).
# Needs apt-get (Debian 12), npm and fontTools (Debian python3-fonttools).
# Running it twice changes nothing; the conversion takes about 15-20 s.
set -euo pipefail

NPM_VERSION=0.4.3 # @expo-google-fonts/noto-{serif,sans}-sc
here=$(cd "$(dirname "$0")" && pwd)
update=false
[ "${1:-}" = "--update" ] && update=true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Debian packages: installed only when missing.
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
need=()
for p in texlive-lang-chinese fonts-lxgw-wenkai python3-fonttools; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
py=/usr/bin/python3 # Debian's python, which has python3-fonttools
"$py" -c 'import fontTools' 2>/dev/null || py=python3

# 仿宋: FandolFang, CFF -> TrueType.
fandol=$(dpkg -L texlive-lang-chinese | grep '/FandolFang-Regular\.otf$')
fandoc=$(dirname "$(dpkg -L texlive-lang-chinese | grep '/fonts/fandol/README$')")
"$py" "$here/otf2ttf.py" convert "$fandol" "$work/FandolFang-Regular.ttf"

# 楷体: LXGW WenKai, as Debian ships it.
cp /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf "$work/"

# Noto Serif SC and Noto Sans SC: static TTFs of the npm packages.
(
  cd "$work"
  npm pack --silent "@expo-google-fonts/noto-serif-sc@$NPM_VERSION" \
    "@expo-google-fonts/noto-sans-sc@$NPM_VERSION" >/dev/null
  mkdir serif sans
  tar -xzf "expo-google-fonts-noto-serif-sc-$NPM_VERSION.tgz" -C serif
  tar -xzf "expo-google-fonts-noto-sans-sc-$NPM_VERSION.tgz" -C sans
  cp serif/package/700Bold/NotoSerifSC_700Bold.ttf NotoSerifSC-Bold.ttf
  cp serif/package/400Regular/NotoSerifSC_400Regular.ttf NotoSerifSC-Regular.ttf
  cp sans/package/400Regular/NotoSansSC_400Regular.ttf NotoSansSC-Regular.ttf
  cp serif/package/LICENSE_FONT OFL-NotoSerifSC.txt
  cp sans/package/LICENSE_FONT OFL-NotoSansSC.txt
)

# License texts of the Debian fonts.
{
  echo 'LXGW WenKai (霞鹜文楷)'
  echo 'Copyright 2021-2023 LXGW (https://github.com/lxgw/LxgwWenKai)'
  echo 'Copyright 2020 The Klee Project Authors (https://github.com/fontworks-fonts/Klee)'
  echo 'With Reserved Font Names "霞鹜" and "LXGW".'
  echo
  echo 'This Font Software is licensed under the SIL Open Font License, Version 1.1'
  echo '(text from the Debian package fonts-lxgw-wenkai):'
  echo
  awk '/^License: OFL-1.1$/ { if (++n == 2) { f = 1; next } }
       f && /^[^ ]/ { exit }
       f { sub(/^ /, ""); if ($0 == ".") $0 = ""; print }' \
    /usr/share/doc/fonts-lxgw-wenkai/copyright | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
} >"$work/OFL-LXGWWenKai.txt"
{
  cat "$fandoc/README"
  cat <<'EOF'

FandolFang-Regular.ttf is FandolFang-Regular.otf (Fandol v0.3, from the Debian
package texlive-lang-chinese) with its CFF outlines converted to TrueType
outlines by otf2ttf.py (fontTools cu2qu, maximum error 3 font units) for
ReplyDesk; the description string (name ID 10) says so. Nothing else was
changed. The font exception below is extended to this version.

GPL font exception:

As a special exception, if you create a document which uses this font, and
embed this font or unaltered portions of this font into the document, this
font does not by itself cause the resulting document to be covered by the
GNU General Public License. This exception does not however invalidate any
other reasons why the document might be covered by the GNU General Public
License. If you modify this font, you may extend this exception to your
version of the font, but you are not obligated to do so. If you do not wish
to do so, delete this exception statement from your version.

EOF
  zcat "$fandoc/COPYING.gz"
} >"$work/LICENSE-Fandol.txt"

# gopdf resolves one level of composite glyphs only.
if ! "$py" "$here/otf2ttf.py" check "$work"/*.ttf; then
  echo "fetch.sh: a font has nested composite glyphs: decompose them with" >&2
  echo "  otf2ttf.py flatten (and rename the font if its license reserves its name)" >&2
  exit 1
fi

cd "$work"
if $update; then
  sha256sum ./*.ttf ./*.txt | sed "s| \./| |" >SHA256SUMS
elif ! sha256sum --quiet -c "$here/SHA256SUMS"; then
  echo "fetch.sh: upstream files differ from SHA256SUMS; rerun with --update to accept them" >&2
  exit 1
fi
for f in *.ttf *.txt SHA256SUMS; do
  if [ -f "$f" ] && ! cmp -s "$f" "$here/$f"; then
    cp "$f" "$here/$f"
    echo "updated $f"
  fi
done
echo "fonts are up to date in $here"
