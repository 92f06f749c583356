#!/usr/bin/env bash
# npm test: everything, fail fast — typecheck, lint, unit, integration on PostgreSQL, integration on PGlite, e2e.
# Needs PostgreSQL on 127.0.0.1:5432 (or TEST_PG_URL) and Debian chromium at /usr/bin/chromium (or CHROMIUM_PATH).
# On a clean machine, `bash .ci/run` provides both and then runs this.
set -uo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1
export VITE_CONFIG_NATIVE_IGNORE_WARNING=true
TEST_PG_URL="${TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export TEST_PG_URL

summary=()
started_all=$SECONDS

print_summary() {
  echo
  echo "──────── test summary ────────"
  for line in "${summary[@]}"; do echo "  $line"; done
  echo "  total $((SECONDS - started_all)) s"
}

fail() {
  summary+=("FAIL  $1")
  print_summary
  echo
  echo "✗ $1 failed${2:+: $2}" >&2
  exit 1
}

step() {
  local name="$1"; shift
  echo
  echo "════════ $name ════════"
  local t0=$SECONDS
  if "$@"; then
    summary+=("ok    $name ($((SECONDS - t0)) s)")
  else
    fail "$name" "see the output above"
  fi
}

# Preconditions, with the fix in the message.
if ! node -e '
  const postgres = require("postgres");
  const sql = postgres(process.env.TEST_PG_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
  sql`select 1`.then(() => sql.end()).then(() => process.exit(0), (e) => { console.error(String(e.message || e)); process.exit(1); });
' ; then
  fail "PostgreSQL check" "cannot connect to $TEST_PG_URL. Start PostgreSQL (e.g. pg_ctlcluster 15 main start) or run: bash .ci/run"
fi
summary+=("ok    PostgreSQL reachable at ${TEST_PG_URL%%\?*}")
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  fail "chromium check" "no browser at $chromium. Install it: apt-get install -y chromium (or run: bash .ci/run)"
fi

step "typecheck" npx tsc --noEmit
step "lint (Biome)" npx biome lint .
step "unit" npx vitest run --project unit
step "integration (PostgreSQL)" npx vitest run --project integration
step "integration (PGlite)" env QOLDAU_TEST_DRIVER=pglite npx vitest run --project integration
# The timing comparisons, alone: nothing else running on the machine's cores during them.
step "timing (PostgreSQL)" npx vitest run --project timing
step "timing (PGlite)" env QOLDAU_TEST_DRIVER=pglite npx vitest run --project timing
step "e2e (Playwright, chromium)" npx playwright test

print_summary
echo
echo "✓ all tests passed"
