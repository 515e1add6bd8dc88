// Who is calling: the Keycloak access token, checked by Hive Gateway's JWT plugin
// (@graphql-mesh/plugin-jwt-auth over @graphql-yoga/plugin-jwt), and what the rest of the router reads from it.
//
// No token: an anonymous caller (hotel pages, search). A token: it must verify, or nothing runs and the
// answer is 401 with extensions.code UNAUTHENTICATED, whatever was wrong with it.

import { createRemoteJwksSigningKeyProvider, extractFromHeader } from '@graphql-hive/gateway';
import { refusal } from './errors.mjs';

/** Keycloak signs access tokens with RS256; no other algorithm is accepted, HS256 and "none" included. */
const ALGORITHMS = ['RS256'];

function unauthenticated() {
  return refusal('UNAUTHENTICATED', 'The access token is invalid or expired: send a valid one, or none', 401, {
    'WWW-Authenticate': 'Bearer error="invalid_token"',
  });
}

/**
 * Options of the gateway's `jwt` setting. With `oidc` null (local profile without Keycloak) anonymous
 * requests still work and any token is refused, since nothing could verify it.
 */
export function jwtOptions(oidc) {
  const common = {
    // A request without a token goes on as anonymous; an invalid one is refused.
    reject: { missingToken: false, invalidToken: true },
    // The verified claims land in context.jwt.payload, read by the partner and rate-limit rules.
    extendContext: 'jwt',
    // The subgraphs verify the forwarded Authorization header themselves; no unsigned claims copy in the body.
    forward: { payload: false, token: false },
  };
  if (!oidc) {
    return {
      ...common,
      signingKeyProviders: [() => null],
      tokenLookupLocations: [
        ({ request }) => {
          // No STAY_OIDC_ISSUER: nothing could verify the token.
          if (request?.headers.has('authorization')) throw unauthenticated();
        },
      ],
    };
  }
  return {
    ...common,
    signingKeyProviders: [
      // Keys by `kid` from Keycloak's JWKS, kept 10 minutes; an unknown kid (key rotation) fetches it again,
      // at most 10 times a minute, so tokens with made-up kids cannot hammer Keycloak.
      createRemoteJwksSigningKeyProvider({
        jwksUri: oidc.jwksUrl,
        cache: true,
        cacheMaxAge: 10 * 60 * 1000,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
        timeout: 5000,
      }),
    ],
    tokenLookupLocations: [extractFromHeader({ name: 'authorization', prefix: 'Bearer' })],
    // jsonwebtoken checks the signature with the key of the token's kid, then exp and nbf, then these.
    tokenVerification: { algorithms: ALGORITHMS, issuer: oidc.issuer, audience: oidc.audience },
  };
}

const payloadByRequest = new WeakMap();

/** The verified claims of the request's token, or undefined for an anonymous request. */
export function tokenClaims(request) {
  return payloadByRequest.get(request);
}

/** Realm roles of a verified token: guest, owner, admin, partner. */
export function rolesOf(claims) {
  const roles = claims?.realm_access?.roles;
  return Array.isArray(roles) ? roles : [];
}

export function isPartner(claims) {
  return rolesOf(claims).includes('partner');
}

/**
 * Runs after the JWT plugin (the gateway adds its built-in plugins first). It remembers the verified
 * claims per request for hooks that only see the request, and turns every refusal of a presented token
 * (malformed header, bad signature, wrong algorithm, issuer or audience, expired, unknown key) into one
 * 401 UNAUTHENTICATED answer. The JWT plugin's own errors carry no code, and a token whose key is not in
 * the JWKS would otherwise surface as a 500. The router log keeps the precise reason.
 */
export function useAuthentication() {
  return {
    onRequestParse({ request, serverContext }) {
      const claims = serverContext?.jwt?.payload;
      if (claims) payloadByRequest.set(request, claims);
    },
    onResultProcess({ request, serverContext, setResult }) {
      if (serverContext?.jwt || !request.headers.has('authorization')) return;
      // A token was presented and not accepted: the JWT plugin stopped the request before it was parsed.
      setResult({ errors: [unauthenticated()] });
    },
  };
}
