#!/usr/bin/env bash
# Makes sure the Web Chat bundle is in place (quiet when it already is).
set -euo pipefail
exec bash "$(cd "$(dirname "$0")/.." && pwd)/fetch-webchat.sh"
