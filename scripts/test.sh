#!/usr/bin/env bash
# `npm test`: every check and every test, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system.sh

echo "== check: typecheck, lint, format"
npm run --silent check

echo "== unit and integration tests (SQLite and a throwaway PostgreSQL cluster)"
npx vitest run

echo "== web build"
npm run --silent build

echo "== end-to-end tests in Chromium"
npx playwright test -c e2e/playwright.config.ts
