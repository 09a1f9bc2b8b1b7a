#!/usr/bin/env bash
# Installs the Microsoft 365 Agents Playground (Microsoft's local Teams client emulator) into tools/playground for
# the Teams browser tests.
set -euo pipefail
source "$(dirname "$0")/../lib/npm-tool.sh"
npm_tool_install playground @microsoft/m365agentsplayground
