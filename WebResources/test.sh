#!/usr/bin/env bash
# Web resource tests: installs what they need, builds dist/, runs the Vitest unit tests and the
# headless-Chromium browser tests, and writes OUTDIR/counts as one line "PASSED FAILED" (summed over
# both runners). Exits non-zero when anything fails. Usage: WebResources/test.sh [OUTDIR]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/test-output}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$here"

passed=0
failed=0
status=0
write_counts() { echo "$passed $failed" >"$out/counts"; }
# Until the runners have reported, a run that stops early counts as one failure.
echo "0 1" >"$out/counts"
die() { echo "web tests: $*" >&2; failed=$((failed + 1)); write_counts; exit 1; }

# --- what the tests need ---------------------------------------------------------------------
command -v node >/dev/null && command -v npm >/dev/null || die "Node.js and npm are required (node >= 20)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "node $(node --version) is too old: playwright-core needs node >= 20"

lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.ls-lock-sha256 2>/dev/null)" != "$lock_sum" ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
  echo "$lock_sum" >node_modules/.ls-lock-sha256
fi

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "== installing Debian's chromium (no browser download: the tests drive the system one)"
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) >"$out/apt-chromium.log" 2>&1 \
      || die "apt-get install chromium failed (see $out/apt-chromium.log)"
  else
    die "$CHROMIUM_PATH is missing; install Debian's chromium package (apt-get install -y chromium)"
  fi
fi
export CHROMIUM_PATH

# --- build ------------------------------------------------------------------------------------
echo "== type check and build"
if ! npx --no-install tsc -p tsconfig.json --noEmit; then
  echo "web tests: the TypeScript type check failed" >&2
  failed=$((failed + 1)); status=1
fi
node build.mjs || die "the build failed"

# --- unit tests (Vitest, jsdom, xrm-mock) ----------------------------------------------------
echo "== unit tests (Vitest)"
rm -f "$out/vitest.json"
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json" || status=1
if [ -f "$out/vitest.json" ]; then
  read -r p f < <(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0))' "$out/vitest.json")
  passed=$((passed + p)); failed=$((failed + f))
else
  failed=$((failed + 1)); status=1
fi
write_counts

# --- browser tests (playwright-core driving /usr/bin/chromium) ---------------------------------
echo "== browser tests (headless Chromium)"
rm -f "$out/browser.json"
node browser-tests/run.mjs --results "$out/browser.json" || status=1
if [ -f "$out/browser.json" ]; then
  read -r p f < <(node -e 'const r=require(process.argv[1]); console.log(r.passed, r.failed)' "$out/browser.json")
  passed=$((passed + p)); failed=$((failed + f))
else
  failed=$((failed + 1)); status=1
fi
mkdir -p "$out/screenshots" && cp -f test-output/*.png "$out/screenshots/" 2>/dev/null || true

write_counts
[ "$failed" -eq 0 ] || status=1
echo "web resources: $passed passed, $failed failed (screenshots in $here/test-output)"
exit $status
