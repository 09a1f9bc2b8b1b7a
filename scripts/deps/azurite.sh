#!/usr/bin/env bash
# Installs Azurite (the Azure Storage emulator) into tools/azurite for the storage tests, from the
# committed package-lock.json. Idempotent: quiet and quick when the pinned version is in place.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/tools/azurite"
bin="$dir/node_modules/.bin/azurite-blob"
installed="$dir/node_modules/azurite/package.json"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "[azurite] installing nodejs and npm"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "[azurite] node and npm are required (e.g. apt-get install nodejs npm)" >&2
    exit 1
  fi
fi

wanted="$(node -p "require('$dir/package.json').dependencies.azurite")"
if [ -x "$bin" ] && [ -f "$installed" ] \
  && [ "$(node -p "require('$installed').version")" = "$wanted" ]; then
  exit 0
fi

echo "[azurite] installing azurite $wanted into tools/azurite"
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
if [ ! -x "$bin" ]; then
  echo "[azurite] npm ci finished but $bin is missing" >&2
  exit 1
fi
