#!/usr/bin/env bash
# Measures clsv beside less on this machine, in one go: time to the first complete screen at
# 80x24, bytes of that screen and of one key, peak memory (examples/bench_screen.rs, the
# project's own pty harness), and clsv on generated packs of 1k, 10k and 100k members.
# Prints one JSON line per measurement; the line of clsv on the default pack has its ratio to
# less (the two run in turn, so that they share the machine's ups and downs). --quick: 3 runs
# and the 1k pack only (CI runs this so that the script cannot rot); without it: 60 runs of
# less and clsv (the two differ by less than the machine's noise between single runs), 20 of
# each generated pack, every size.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=20
beside_less_runs=60
sizes="1000 10000 100000"
if [ "${1:-}" = "--quick" ]; then
    runs=3
    beside_less_runs=3
    sizes="1000"
fi

cargo build --release --quiet --bin clsv --example bench_screen --example gen_pack
release="${CARGO_TARGET_DIR:-target}/release"
clsv="$release/clsv"
bench="$release/examples/bench_screen"
gen_pack="$release/examples/gen_pack"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $beside_less_runs runs beside less, $runs of each pack"
"$clsv" print --width 80 > "$work/clsv.txt"
# In turn, one run of each per round; clsv's line gives its ratio to less's.
"$bench" --runs "$beside_less_runs" --wait Denumirea --key j -- less "$work/clsv.txt" -- "$clsv"
for members in $sizes; do
    "$gen_pack" --members "$members" "$work/pack-$members" > /dev/null
    "$bench" --runs "$runs" --wait Denumirea --key 2 -- "$clsv" --content "$work/pack-$members"
done
echo "{\"binary\":\"$clsv\",\"bytes\":$(stat -c %s "$clsv")}"
