// Signing keys, made fresh at every start. The provider publishes `rsa` and `ec` in its JWKS;
// `foreign` is never published, so a token it signs names a key the client cannot find.
import { exportJWK, generateKeyPair } from 'jose';

async function keyPair(alg, kid, options = {}) {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...options });
  const jwk = { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, jwk };
}

export async function makeKeys() {
  return {
    rsa: await keyPair('RS256', 'rsa-1', { modulusLength: 2048 }),
    ec: await keyPair('ES256', 'ec-1'),
    foreign: await keyPair('RS256', 'foreign-1', { modulusLength: 2048 }),
  };
}
