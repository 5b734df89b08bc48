// Misbehaving clients get an ID token the provider really issued, rewritten on its way out of
// the token endpoint: claims changed and re-signed with the provider's own published key (so
// only the changed claim is wrong), or signed with a key it never published, or not signed at
// all. Everything before it (login, code, PKCE, client authentication) stays real.
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';

import { misbehaviourFor } from './clients.mjs';

const now = () => Math.floor(Date.now() / 1000);

function base64url(text) {
  return Buffer.from(text).toString('base64url');
}

async function sign(claims, key) {
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
}

function flipSignature(token) {
  const [header, payload, signature] = token.split('.');
  const bytes = Buffer.from(signature, 'base64url');
  bytes[0] ^= 0x01;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}

async function rewrite(mode, token, { keys, clientSecret }) {
  const claims = decodeJwt(token);
  switch (mode) {
    case 'wrong-audience':
      return sign({ ...claims, aud: 'someone-else', azp: undefined }, keys.rsa);
    case 'wrong-issuer':
      return sign({ ...claims, iss: 'http://127.0.0.1:9/not-the-issuer' }, keys.rsa);
    case 'expired':
      return sign({ ...claims, iat: now() - 7200, exp: now() - 3600 }, keys.rsa);
    case 'issued-in-future':
      return sign({ ...claims, iat: now() + 3600, exp: now() + 7200 }, keys.rsa);
    case 'nonce-mismatch':
      return sign({ ...claims, nonce: `not-${claims.nonce}` }, keys.rsa);
    case 'unknown-key':
      return sign(claims, keys.foreign);
    case 'bad-signature':
      return flipSignature(token);
    case 'alg-none':
      return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}.`;
    case 'hs256':
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: keys.rsa.kid })
        .sign(new TextEncoder().encode(clientSecret));
    default:
      throw new Error(`unknown misbehaviour ${mode}`);
  }
}

// Koa middleware around the token endpoint.
export function misbehavingTokens({ keys, clientId, clientSecret }) {
  return async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || ctx.status !== 200 || !ctx.body?.id_token) {
      return;
    }
    const token = ctx.body.id_token;
    const mode = misbehaviourFor(decodeJwt(token).aud, clientId);
    if (mode) {
      decodeProtectedHeader(token);  // a token we cannot read is a bug in the provider, not ours
      ctx.body = { ...ctx.body, id_token: await rewrite(mode, token, { keys, clientSecret }) };
    }
  };
}
