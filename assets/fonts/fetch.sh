#!/usr/bin/env bash
# Re-obtains the embedded fonts exactly as they are committed here, from
# Debian's packages and the npm registry, and converts the one CFF font to
# TrueType outlines (gopdf embeds only glyf TrueType fonts).
#
#   FandolFang-Regular.ttf   仿宋 body     Debian texlive-lang-chinese, converted by otf2ttf.py
#   NotoSerifSC-Bold.ttf     小标宋 title   npm @expo-google-fonts/noto-serif-sc 0.4.3 (700Bold)
#   NotoSerifSC-Regular.ttf  宋体 folios    npm @expo-google-fonts/noto-serif-sc 0.4.3 (400Regular)
#   NotoSansSC-Regular.ttf   黑体           npm @expo-google-fonts/noto-sans-sc 0.4.3 (400Regular)
#   LXGWWenKai-Regular.ttf   楷体           Debian fonts-lxgw-wenkai, unmodified
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  texlive-lang-chinese fonts-lxgw-wenkai python3-fonttools >/dev/null

fandol=$(dpkg -L texlive-lang-chinese | grep '/FandolFang-Regular.otf$')
/usr/bin/python3 "$here/otf2ttf.py" "$fandol" "$work/FandolFang-Regular.ttf"
cp /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf "$work/"

cd "$work"
npm pack --silent @expo-google-fonts/noto-serif-sc@0.4.3 @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null
mkdir serif sans
tar -xzf expo-google-fonts-noto-serif-sc-0.4.3.tgz -C serif
tar -xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz -C sans
cp serif/package/700Bold/NotoSerifSC_700Bold.ttf NotoSerifSC-Bold.ttf
cp serif/package/400Regular/NotoSerifSC_400Regular.ttf NotoSerifSC-Regular.ttf
cp sans/package/400Regular/NotoSansSC_400Regular.ttf NotoSansSC-Regular.ttf

for f in FandolFang-Regular NotoSerifSC-Bold NotoSerifSC-Regular NotoSansSC-Regular LXGWWenKai-Regular; do
  cp "$f.ttf" "$here/$f.ttf"
done
cd "$here" && sha256sum -c SHA256SUMS
