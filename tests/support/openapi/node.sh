#!/usr/bin/env bash
# Runs node with this folder's npm packages (swagger-parser, ajv, Redocly) installed, installing them on
# first use: tests/support/openapi/node.sh <script or node arguments...>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ ! -d "$here/node_modules/ajv-formats" || ! -d "$here/node_modules/@redocly/cli" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
exec node "$@"
