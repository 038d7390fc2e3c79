#!/usr/bin/env bash
# Builds the console into frontend/dist for the gateway to serve. Installs dependencies with
# `npm ci` only when node_modules is missing or package-lock.json changed since the last
# install, so repeat runs (every `make run`) stay fast.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

stamp=node_modules/.garrison-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -d node_modules ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "== console: npm ci"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

echo "== console: production build into frontend/dist"
npm run --silent build
