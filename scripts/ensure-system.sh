#!/usr/bin/env bash
# Makes sure the system parts the tests use are present: Debian's PostgreSQL server binaries and Chromium.
# As root on Debian it installs what is missing (and says so); otherwise it stops with a clear message.
# It never downloads a browser build of its own.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Fonts so screenshots show real glyphs (Chromium falls back to boxes without any font).
fc-list 2>/dev/null | grep -qi "dejavu\|liberation" || missing+=(fonts-dejavu-core)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages needed by the tests: ${missing[*]} (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts a cluster on install; the tests run their own throwaway one, so stop the system one.
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for c in /etc/postgresql/*/main; do
      [ -d "$c" ] || continue
      v=$(basename "$(dirname "$c")")
      pg_ctlcluster "$v" main stop >/dev/null 2>&1 || true
    done
  fi
  echo "Installed: ${missing[*]}."
else
  echo "Missing system packages: ${missing[*]}."
  echo "Install them with: sudo apt-get install ${missing[*]}"
  echo "(The tests need Debian's PostgreSQL binaries for the throwaway database cluster and /usr/bin/chromium for browser tests.)"
  exit 1
fi
