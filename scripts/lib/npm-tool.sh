#!/usr/bin/env bash
# Shared by scripts/deps/*.sh: installs an npm tool into tools/NAME from its committed package-lock.json.
# Idempotent: quiet and quick when the pinned version is in place. Installs node and npm first when running as
# root on Debian; otherwise says they are needed.
#   npm_tool_install NAME PACKAGE
npm_tool_install() {
  local name="$1" package="$2"
  local root dir installed wanted
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dir="$root/tools/$name"
  installed="$dir/node_modules/$package/package.json"

  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "[$name] installing nodejs and npm"
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
      echo "[$name] node and npm are required (e.g. apt-get install nodejs npm)" >&2
      return 1
    fi
  fi

  wanted="$(node -p "require('$dir/package.json').dependencies['$package']")"
  if [ -f "$installed" ] && [ "$(node -p "require('$installed').version")" = "$wanted" ]; then
    return 0
  fi

  echo "[$name] installing $package $wanted into tools/$name"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  if [ ! -f "$installed" ]; then
    echo "[$name] npm ci finished but $installed is missing" >&2
    return 1
  fi
}
