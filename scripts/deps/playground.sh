#!/usr/bin/env bash
# Installs the Microsoft 365 Agents Playground (Microsoft's local Teams client emulator) into tools/playground for the
# Teams browser tests, from the committed package-lock.json. Idempotent: quiet and quick when the pinned version is in place.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/tools/playground"
package="@microsoft/m365agentsplayground"
installed="$dir/node_modules/$package/package.json"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "[playground] installing nodejs and npm"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "[playground] node and npm are required (e.g. apt-get install nodejs npm)" >&2
    exit 1
  fi
fi

wanted="$(node -p "require('$dir/package.json').dependencies['$package']")"
if [ -f "$installed" ] && [ "$(node -p "require('$installed').version")" = "$wanted" ]; then
  exit 0
fi

echo "[playground] installing $package $wanted into tools/playground"
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
if [ ! -f "$installed" ]; then
  echo "[playground] npm ci finished but $installed is missing" >&2
  exit 1
fi
