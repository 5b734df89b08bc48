#!/usr/bin/env bash
# Starts the test OpenID provider on loopback in the background and prints, for `eval`:
#   export NICECREAM_TEST_OIDC_ISSUER=http://127.0.0.1:<port>
#   export NICECREAM_TEST_OIDC_PID=<pid>   (kill it when done)
#   export NICECREAM_TEST_OIDC_CLIENT_ID=... _CLIENT_SECRET=... _REDIRECT_URI=...
# Usage: eval "$(tests/support/oidc/start.sh [--port N])"
# Its log goes to $NICECREAM_TEST_OIDC_LOG (default: a file under /tmp, named on stderr).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    *) echo "start.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [[ ! -d "$here/node_modules/oidc-provider" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

client_id="${NICECREAM_TEST_OIDC_CLIENT_ID:-nicecream-test}"
client_secret="${NICECREAM_TEST_OIDC_CLIENT_SECRET:-nicecream-test-secret-0123456789abcdef}"
redirect_uri="${NICECREAM_TEST_OIDC_REDIRECT_URI:-http://127.0.0.1:8080/user/google/callback}"
log="${NICECREAM_TEST_OIDC_LOG:-$(mktemp /tmp/nicecream-test-oidc.XXXXXX.log)}"
out="$(mktemp /tmp/nicecream-test-oidc.XXXXXX.out)"

NICECREAM_TEST_OIDC_CLIENT_ID="$client_id" \
NICECREAM_TEST_OIDC_CLIENT_SECRET="$client_secret" \
NICECREAM_TEST_OIDC_REDIRECT_URI="$redirect_uri" \
  nohup node "$here/server.mjs" --port "$port" >"$out" 2>"$log" </dev/null &
pid=$!

# Node's fetch, so the script needs nothing but Node.
discovery_answers() {
  node -e 'fetch(process.argv[1] + "/.well-known/openid-configuration", { signal: AbortSignal.timeout(2000) })
             .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}

issuer=""
for _ in $(seq 1 200); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start.sh: the test OpenID provider exited; its log ($log):" >&2
    cat "$log" >&2
    exit 1
  fi
  issuer="$(head -n 1 "$out")"
  if [[ -n "$issuer" ]] && discovery_answers "$issuer"; then
    break
  fi
  issuer=""
  sleep 0.1
done
rm -f "$out"
if [[ -z "$issuer" ]]; then
  kill "$pid" 2>/dev/null || true
  echo "start.sh: the test OpenID provider did not answer discovery within 20 s; log: $log" >&2
  exit 1
fi

echo "start.sh: test OpenID provider $issuer (pid $pid, log $log)" >&2
echo "export NICECREAM_TEST_OIDC_ISSUER=$issuer"
echo "export NICECREAM_TEST_OIDC_PID=$pid"
echo "export NICECREAM_TEST_OIDC_CLIENT_ID=$client_id"
echo "export NICECREAM_TEST_OIDC_CLIENT_SECRET=$client_secret"
echo "export NICECREAM_TEST_OIDC_REDIRECT_URI=$redirect_uri"
