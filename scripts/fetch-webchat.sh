#!/usr/bin/env bash
# Fetches the Web Chat bundle (botframework-webchat 4.18.1) into
# src/CoachBot.Channels/wwwroot/lib/webchat.js. The file is ignored by git and never committed.
# Only package/dist/webchat.js is taken from the package. Safe to run twice at the same time:
# the file is written to a temporary name and moved into place.
set -euo pipefail
version="4.18.1"
root="$(cd "$(dirname "$0")/.." && pwd)"
dest_dir="$root/src/CoachBot.Channels/wwwroot/lib"
dest="$dest_dir/webchat.js"

if [ -s "$dest" ] && [ "${1:-}" != "--force" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-webchat: npm is not installed; install Node.js and npm, then run scripts/fetch-webchat.sh" >&2
  exit 1
fi

work="$(mktemp -d -t coachbot-webchat.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"
tarball="$(npm pack "botframework-webchat@$version" --silent 2>/dev/null | tail -n 1)"
if [ -z "$tarball" ] || [ ! -s "$work/$tarball" ]; then
  echo "fetch-webchat: npm pack botframework-webchat@$version failed" >&2
  exit 1
fi
tar -xzf "$tarball" package/dist/webchat.js
if [ ! -s package/dist/webchat.js ]; then
  echo "fetch-webchat: package/dist/webchat.js is missing from the package" >&2
  exit 1
fi
mkdir -p "$dest_dir"
tmp="$dest_dir/.webchat.js.$$"
cp package/dist/webchat.js "$tmp"
mv -f "$tmp" "$dest"
echo "fetch-webchat: botframework-webchat $version -> src/CoachBot.Channels/wwwroot/lib/webchat.js"
