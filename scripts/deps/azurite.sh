#!/usr/bin/env bash
# Installs Azurite (the Azure Storage emulator) into tools/azurite for the storage tests.
set -euo pipefail
source "$(dirname "$0")/../lib/npm-tool.sh"
npm_tool_install azurite azurite
