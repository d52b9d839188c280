#!/usr/bin/env bash
# Times ReplyDesk and typst on the same reply (the example reply in
# templates/examples), so that "faster than typst" is measured here, not
# asserted: a cold process (start, fonts, typeset, PDF written) and a warm
# recompile (in one process, fonts loaded), for each.
#
# typst is the typst.ts Node compiler from npm
# (@myriaddreamin/typst-ts-node-compiler), installed into a cache folder
# outside the repository; its fonts are Debian's fonts-noto-cjk. The reply
# is written as a self-contained .typ file, its page set up as the
# gbt9704-gongwen template sets one (packaging/benchcompare).
#
# Usage: scripts/bench-compare.sh [RUNS]     (make bench-compare)
# Environment: REPLYDESK_BENCH_CACHE, the cache folder (default
# ~/.cache/replydesk-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-10}
reply=templates/examples/reply-244.reply.toml
typst_pkg=@myriaddreamin/typst-ts-node-compiler@0.7.0
cache=${REPLYDESK_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/replydesk-bench}
noto=/usr/share/fonts/opentype/noto
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

need() { command -v "$1" >/dev/null || { echo "bench-compare: $1 is missing ($2)" >&2; exit 1; }; }
need go "Go toolchain"
need node "Node.js, for the typst compiler"
need npm "npm, to install the typst compiler"

if ! ls "$noto"/NotoSerifCJK-Regular.ttc >/dev/null 2>&1; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null
fi

if [ ! -d "$cache/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
	mkdir -p "$cache"
	npm install --silent --no-audit --no-fund --prefix "$cache" "$typst_pkg" >/dev/null
fi

go build -o "$work/replydesk" ./cmd/replydesk
go run ./packaging/benchcompare typ "$reply" "$work/reply.typ"

# The typst side: cold is one process compiling once; warm compiles the
# same source again, and a source changed each time (another number).
cat >"$work/typst.js" <<'EOF'
const { NodeCompiler } = require(process.env.TYPST_MODULE);
const fs = require('fs');
const [, , src, out, mode, n] = process.argv;
const source = fs.readFileSync(src, 'utf8');
const c = NodeCompiler.create({ fontArgs: [{ fontPaths: [process.env.NOTO] }] });
const pdf = (s) => c.pdf({ mainFileContent: s });
fs.writeFileSync(out, pdf(source));
if (mode === 'warm') {
	const ms = (f) => { const t = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t) / 1e6; };
	const stat = (xs) => { xs.sort((a, b) => a - b); return `中位 ${xs[xs.length >> 1].toFixed(2)}ms，最快 ${xs[0].toFixed(2)}ms`; };
	const same = [], changed = [];
	for (let i = 0; i < n; i++) same.push(ms(() => pdf(source)));
	for (let i = 0; i < n; i++) changed.push(ms(() => pdf(source.replaceAll('第244号', `第${1000 + i}号`))));
	console.log(`typst 热编译+PDF（未改动）：${stat(same)}（${n} 次，PDF ${fs.statSync(out).size >> 10} KB）`);
	console.log(`typst 热编译+PDF（改动编号）：${stat(changed)}（${n} 次）`);
}
EOF
export TYPST_MODULE="$cache/node_modules/@myriaddreamin/typst-ts-node-compiler" NOTO="$noto"

# cold CMD... runs CMD $runs times and prints the median and fastest wall
# time in milliseconds.
cold() {
	local ts=()
	for _ in $(seq "$runs"); do
		local t0 t1
		t0=$(date +%s%N)
		"$@" >/dev/null
		t1=$(date +%s%N)
		ts+=($(((t1 - t0) / 1000)))
	done
	printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {printf "中位 %.1fms，最快 %.1fms（%d 次）\n", a[int((NR+1)/2)]/1000, a[1]/1000, NR}'
}

echo "同一件答复（$reply），$(nproc) 核，$(date -u +%Y-%m-%d)"
echo "ReplyDesk 冷启动（整个进程：启动、字体、排版、写出 PDF）：$(cold "$work/replydesk" render "$reply" -o "$work/replydesk.pdf")"
echo "typst 冷启动（整个进程：node、字体、编译、写出 PDF）：$(cold node "$work/typst.js" "$work/reply.typ" "$work/typst.pdf" cold 0)"
go run ./packaging/benchcompare warm "$reply" 200
node "$work/typst.js" "$work/reply.typ" "$work/typst.pdf" warm 200
echo "页数：ReplyDesk $(pdfinfo "$work/replydesk.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')，typst $(pdfinfo "$work/typst.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')"
