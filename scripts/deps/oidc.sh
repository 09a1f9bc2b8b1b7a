#!/usr/bin/env bash
# Installs oidc-provider (a certified OpenID Connect provider) into tools/oidc for the coach sign-in browser tests.
set -euo pipefail
source "$(dirname "$0")/../lib/npm-tool.sh"
npm_tool_install oidc oidc-provider
