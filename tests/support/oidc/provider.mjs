// The oidc-provider configuration: what is real and what the tests steer.
import { randomBytes } from 'node:crypto';

import Provider from 'oidc-provider';

import { findAccount } from './accounts.mjs';
import { clientMetadata } from './clients.mjs';
import { interactionRoutes, policy } from './interactions.mjs';
import { makeKeys } from './keys.mjs';
import { misbehavingTokens } from './misbehaviour.mjs';

export async function buildProvider({ issuer, clientId, clientSecret, redirectUris }) {
  const keys = await makeKeys();
  const provider = new Provider(issuer, {
    clients: clientMetadata({ clientId, clientSecret, redirectUris }),
    jwks: { keys: [keys.rsa.jwk, keys.ec.jwk] },
    findAccount,
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'picture'],
    },
    // Like Google: the profile claims travel in the ID token, not only at the userinfo endpoint.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: {
      policy: policy(),
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    renderError(ctx, out) {
      ctx.type = 'json';
      ctx.body = out;
    },
  });
  provider.use(interactionRoutes(provider));
  provider.use(misbehavingTokens({ keys, clientId, clientSecret }));
  return provider;
}
