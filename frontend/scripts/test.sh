#!/usr/bin/env bash
# The console's checks, in the order CI runs them: type check, schema drift (generated GraphQL
# types vs gateway/schema.graphql), component tests, then browser tests in Debian's Chromium
# against the real garrison binary ($GARRISON_BIN) with demo data.
set -euo pipefail

GARRISON_BIN="${GARRISON_BIN:-/var/tmp/garrison-target/debug/garrison}"
# Resolve a relative path before changing directory: the tests start the binary from elsewhere.
case "$GARRISON_BIN" in /*) ;; *) GARRISON_BIN="$PWD/$GARRISON_BIN" ;; esac
export GARRISON_BIN

cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/build.sh

echo "== console: type check"
npm run --silent typecheck

echo "== console: generated GraphQL types match gateway/schema.graphql"
if ! npm run --silent codegen:check; then
  echo "error: src/gql/ is out of date with gateway/schema.graphql; run 'npm run codegen' in frontend/ and commit the result" >&2
  exit 1
fi

echo "== console: component tests"
npx vitest run

echo "== console: browser tests"
if [ ! -x "$GARRISON_BIN" ]; then
  echo "error: the browser tests need the garrison binary at GARRISON_BIN=$GARRISON_BIN; build it with 'cargo build -p garrison-gateway' (or 'make build')" >&2
  exit 1
fi
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "error: the browser tests need Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium}; install it with frontend/scripts/ci-deps.sh" >&2
  exit 1
fi
npx vitest run --config vitest.e2e.config.ts
