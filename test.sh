#!/usr/bin/env bash
# Runs every test suite of the product and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
source eng/xrmsdk.sh || exit 1

results="$PWD/TestResults"
rm -rf "$results"
status=0

echo "== .NET tests (xUnit) =="
dotnet test LeadScoring.sln --nologo -p:XrmSdk="$XrmSdk" \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results/dotnet" || status=1

passed=0; failed=0
for trx in "$results"/dotnet/*.trx; do
  [ -f "$trx" ] || continue
  # A skipped test says why (e.g. no solution schemas beside the clone, no XRM_SDK_DIR).
  awk '/outcome="NotExecuted"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1 }
       want && /<Message>/ { gsub(/.*<Message>|<\/Message>.*/, ""); print "skipped: " name ": " $0; want = 0 }' "$trx"
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

if [ -x WebResources/test.sh ]; then
  echo "== Web resource tests (Vitest + headless Chromium) =="
  if WebResources/test.sh "$results/web"; then :; else status=1; fi
  if [ -f "$results/web/counts" ]; then
    read -r wp wf <"$results/web/counts"; passed=$((passed + wp)); failed=$((failed + wf))
  fi
fi

# A build failure runs no test at all: count it as a failure so the summary cannot read green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit $status
