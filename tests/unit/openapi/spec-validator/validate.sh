#!/usr/bin/env bash
# Validates docs/openapi.json with @apidevtools/swagger-parser, installing it on first use.
# Usage: tests/unit/openapi/spec-validator/validate.sh [path/to/openapi.json]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
document="${1:-$here/../../../../docs/openapi.json}"

if [[ ! -d "$here/node_modules/@apidevtools/swagger-parser" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
node "$here/validate.mjs" "$document"
