// A real OpenID provider (panva's oidc-provider) on loopback, for the Nicecream History tests.
//
//   node tests/support/oidc/server.mjs [--port 0] [--client-id ID] [--client-secret S]
//                                      [--redirect-uri URI]...
//
// Prints its issuer URL (http://127.0.0.1:<port>) as the first line on stdout once it listens.
// Settings may also come from NICECREAM_TEST_OIDC_PORT, _CLIENT_ID, _CLIENT_SECRET and
// _REDIRECT_URI (comma-separated). Everything here is the real provider: discovery, JWKS, the
// authorization endpoint with PKCE, login and consent, the code, client authentication at the
// token endpoint and the ID token it signs. See README.md for the clients, the accounts and the
// misbehaving modes.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

import { buildProvider } from './provider.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
  },
});

const settings = {
  port: Number(args.port ?? process.env.NICECREAM_TEST_OIDC_PORT ?? 0),
  clientId: args['client-id'] ?? process.env.NICECREAM_TEST_OIDC_CLIENT_ID ?? 'nicecream-test',
  clientSecret:
    args['client-secret'] ??
    process.env.NICECREAM_TEST_OIDC_CLIENT_SECRET ??
    'nicecream-test-secret-0123456789abcdef',
  redirectUris: args['redirect-uri'] ??
    (process.env.NICECREAM_TEST_OIDC_REDIRECT_URI ?? 'http://127.0.0.1:8080/user/google/callback')
      .split(',')
      .filter(Boolean),
};

if (!Number.isInteger(settings.port) || settings.port < 0 || settings.port > 65535) {
  console.error(`--port must be 0..65535, got ${args.port}`);
  process.exit(2);
}

// The issuer must name the port, so listen first and build the provider once the port is known.
let handle = (_req, res) => {
  res.statusCode = 503;
  res.end();
};
const server = createServer((req, res) => handle(req, res));
server.on('error', (error) => {
  console.error(`test OpenID provider: cannot listen on 127.0.0.1:${settings.port}: ${error.message}`);
  process.exit(1);
});
server.listen(settings.port, '127.0.0.1', async () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = await buildProvider({ issuer, ...settings });
  handle = provider.callback();
  console.log(issuer);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
