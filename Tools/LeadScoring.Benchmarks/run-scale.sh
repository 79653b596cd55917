#!/usr/bin/env bash
# The scale runs of docs/benchmarks.md: replay and decay at 10k, 100k and 1M (and, when asked, batch
# recalculation at 100k and 1M), one after another
# (never two at once: the machine has 2 cores). Logs go to docs/bench-results/.
set -euo pipefail
cd "$(dirname "$0")/../.."
source eng/xrmsdk.sh
dotnet build Tools/LeadScoring.Benchmarks -c Release -p:XrmSdk="$XrmSdk" --nologo -v q
bench="dotnet Tools/LeadScoring.Benchmarks/bin/Release/net10.0/LeadScoring.Benchmarks.dll"
out=docs/bench-results
mkdir -p "$out"
run() { local name=$1; shift; echo "== $name: $*"; $bench scale "$@" | tee "$out/scale-$name.txt"; }
if [[ " ${*:-replay decay} " == *" replay "* ]]; then
  run replay-10k replay --leads 1000 --events 10000
  run replay-100k replay --leads 10000 --events 100000
  run replay-1m replay --leads 100000 --events 1000000
fi
if [[ " ${*:-replay decay} " == *" decay "* ]]; then
  run decay-10k decay --leads 10000
  run decay-100k decay --leads 100000
  run decay-1m decay --leads 1000000
fi
if [[ " ${*:-replay decay} " == *" recalculate "* ]]; then
  run recalculate-100k recalculate --leads 100000
  run recalculate-1m recalculate --leads 1000000
fi
