#!/usr/bin/env bash
# Installs oidc-provider (a certified OpenID Connect provider) into tools/oidc for the coach sign-in browser tests,
# from the committed package-lock.json. Idempotent: quiet and quick when the pinned version is in place.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/tools/oidc"
installed="$dir/node_modules/oidc-provider/package.json"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "[oidc] installing nodejs and npm"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "[oidc] node and npm are required (e.g. apt-get install nodejs npm)" >&2
    exit 1
  fi
fi

wanted="$(node -p "require('$dir/package.json').dependencies['oidc-provider']")"
if [ -f "$installed" ] && [ "$(node -p "require('$installed').version")" = "$wanted" ]; then
  exit 0
fi

echo "[oidc] installing oidc-provider $wanted into tools/oidc"
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
if [ ! -f "$installed" ]; then
  echo "[oidc] npm ci finished but $installed is missing" >&2
  exit 1
fi
