#!/bin/sh
# Setup for a fresh machine that has only Node.js and npm: brings Node 24 and the pinned
# pnpm from the npm registry, installs the workspace from the lockfile, and (with --tests)
# the system packages the tests talk to for real: nats-server and Chromium.
# Idempotent and quick when everything is already in place.
set -eu
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
for_tests=0
[ "${1:-}" = "--tests" ] && for_tests=1

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

prefix=/usr/local
if [ ! -w "$prefix/bin" ]; then prefix="$HOME/.local"; mkdir -p "$prefix/bin"; fi

if [ "$(node_major)" -lt 24 ]; then
  echo "setup: found Node $(node --version 2>/dev/null || echo none); installing Node 24 into $prefix"
  npm install --global --prefix "$prefix" --no-fund --no-audit node@24 >/dev/null
  hash -r 2>/dev/null || true
  if [ "$(node_major)" -lt 24 ]; then
    echo "setup: Node 24 is installed in $prefix/bin but an older node comes first on PATH." >&2
    echo "setup: put $prefix/bin first on PATH (export PATH=\"$prefix/bin:\$PATH\") and run again." >&2
    exit 1
  fi
fi

if [ "$(pnpm --version 2>/dev/null || echo none)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION into $prefix"
  npm install --global --prefix "$prefix" --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null
  hash -r 2>/dev/null || true
fi

if [ ! -f node_modules/.modules.yaml ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
  echo "setup: installing dependencies (pnpm install --frozen-lockfile)"
  pnpm install --frozen-lockfile --reporter=append-only | grep -v '^Progress' || true
  [ -f node_modules/.modules.yaml ] || { echo "setup: pnpm install failed" >&2; exit 1; }
  touch node_modules/.modules.yaml
fi

if [ "$for_tests" = 1 ]; then
  missing=""
  command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ] || missing="$missing nats-server"
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing="$missing chromium"
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing Debian packages for the tests:$missing"
      apt-get update -qq >/dev/null
      # shellcheck disable=SC2086
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
      echo "setup: WARNING: missing$missing; the tests that need them will report themselves skipped" >&2
    fi
  fi
fi
echo "setup: ready (node $(node --version), pnpm $(pnpm --version))"
