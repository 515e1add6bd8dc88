// A stand-in for Keycloak's realm `stay`: an RSA key pair made for the test run, its public half served as
// a JWKS on 127.0.0.1, and access tokens shaped like Keycloak's (iss, aud, sub, azp, exp, realm_access.roles).

import { createHmac, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { createServer } from 'node:http';

const KID = 'stay-test-rs256';
const base64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export async function startIdentityProvider() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' }] };
  const server = createServer((req, res) => {
    if (req.url === '/realms/stay/protocol/openid-connect/certs') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}/realms/stay`;

  /**
   * A signed access token. `claims` override the defaults (a guest of the web app, valid 5 minutes);
   * `hmacSecret` signs it HS256 with that secret instead of RS256 with the realm's private key;
   * `signingKey` signs it RS256 with another private key, `kid` names another key.
   */
  function token(claims = {}, { hmacSecret, signingKey = privateKey, kid = KID } = {}) {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: hmacSecret ? 'HS256' : 'RS256', typ: 'JWT', kid };
    const payload = {
      iss: issuer,
      aud: ['stay-api', 'account'],
      sub: randomUUID(),
      azp: 'stay-web',
      iat: now,
      exp: now + 300,
      realm_access: { roles: ['guest'] },
      ...claims,
    };
    const signingInput = `${base64url(header)}.${base64url(payload)}`;
    const signature = hmacSecret
      ? createHmac('sha256', hmacSecret).update(signingInput).digest('base64url')
      : sign('sha256', Buffer.from(signingInput), signingKey).toString('base64url');
    return `${signingInput}.${signature}`;
  }

  return {
    issuer,
    token,
    /** The realm's public key as PEM: what an attacker could use as an HS256 "secret". */
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
