// The registered clients. All share one secret and the redirect URIs; the suffix of the client id
// picks how the provider behaves towards it, so tests running in parallel never change each
// other's provider.
export const variants = [
  { suffix: '', alg: 'RS256', auth: 'client_secret_basic' },
  { suffix: '.es256', alg: 'ES256', auth: 'client_secret_basic' },
  { suffix: '.post', alg: 'RS256', auth: 'client_secret_post' },
  // Honest provider, dishonest ID token: see misbehaviour.mjs.
  { suffix: '.wrong-audience', misbehaviour: 'wrong-audience' },
  { suffix: '.wrong-issuer', misbehaviour: 'wrong-issuer' },
  { suffix: '.expired', misbehaviour: 'expired' },
  { suffix: '.issued-in-future', misbehaviour: 'issued-in-future' },
  { suffix: '.nonce-mismatch', misbehaviour: 'nonce-mismatch' },
  { suffix: '.unknown-key', misbehaviour: 'unknown-key' },
  { suffix: '.bad-signature', misbehaviour: 'bad-signature' },
  { suffix: '.alg-none', misbehaviour: 'alg-none' },
  { suffix: '.hs256', misbehaviour: 'hs256' },
];

// Native clients: oidc-provider then lets a loopback redirect URI use any port (RFC 8252 7.3),
// so a server under test may listen wherever it likes as long as host and path match.
export function clientMetadata({ clientId, clientSecret, redirectUris }) {
  return variants.map((variant) => ({
    client_id: clientId + variant.suffix,
    client_secret: clientSecret,
    application_type: 'native',
    redirect_uris: redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: variant.auth ?? 'client_secret_basic',
    id_token_signed_response_alg: variant.alg ?? 'RS256',
  }));
}

export function misbehaviourFor(clientId, baseClientId) {
  const variant = variants.find((v) => baseClientId + v.suffix === clientId);
  return variant?.misbehaviour;
}
