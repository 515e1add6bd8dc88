// The router's settings, read once from the environment and checked before the gateway starts:
// a production router with a missing or unsafe setting refuses to start rather than serve unprotected.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROUTER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Shared with the subgraphs' local profile; never accepted outside the local profile. */
export const LOCAL_SIGNING_SECRET = 'stay-local-dev-signing-secret';

/** HMAC-SHA256 keys shorter than this are guessable offline from one signed request. */
const MIN_SECRET_LENGTH = 32;

const LIMITS = {
  maxDepth: ['STAY_MAX_DEPTH', 12],
  maxTokens: ['STAY_MAX_TOKENS', 2000],
  maxAliases: ['STAY_MAX_ALIASES', 15],
  requestTimeoutMs: ['STAY_REQUEST_TIMEOUT_MS', 10000],
  mutationsPerMinute: ['STAY_RATE_LIMIT_MUTATIONS_PER_MINUTE', 30],
  partnerPerMinute: ['STAY_RATE_LIMIT_PARTNER_PER_MINUTE', 600],
};

/**
 * Reads the STAY_* variables. Throws an Error naming the variable when one is missing or malformed.
 *
 * @returns {{
 *   local: boolean,
 *   oidc: { issuer: string, jwksUrl: string, audience: string } | null,
 *   signingSecret: string,
 *   redisUrl: string | null,
 *   persistedDocumentsFile: string,
 *   limits: { maxDepth: number, maxTokens: number, maxAliases: number, requestTimeoutMs: number,
 *             mutationsPerMinute: number, partnerPerMinute: number },
 * }}
 */
export function loadSettings(env = process.env) {
  const local = env.STAY_ROUTER_PROFILE === 'local';
  const problems = [];

  const issuer = env.STAY_OIDC_ISSUER?.replace(/\/+$/, '') || null;
  if (!issuer && !local) problems.push('STAY_OIDC_ISSUER is required (the Keycloak realm URL, e.g. http://127.0.0.1:8180/realms/stay)');
  const oidc = issuer && {
    issuer,
    jwksUrl: env.STAY_OIDC_JWKS_URL || `${issuer}/protocol/openid-connect/certs`,
    audience: env.STAY_API_AUDIENCE || 'stay-api',
  };

  let signingSecret = env.STAY_ROUTER_SIGNING_SECRET;
  if (!signingSecret && local) signingSecret = LOCAL_SIGNING_SECRET;
  if (!local) {
    if (!signingSecret) problems.push('STAY_ROUTER_SIGNING_SECRET is required (the HMAC key the subgraphs share)');
    else if (signingSecret === LOCAL_SIGNING_SECRET) problems.push('STAY_ROUTER_SIGNING_SECRET is the local-development secret');
    else if (signingSecret.length < MIN_SECRET_LENGTH) problems.push(`STAY_ROUTER_SIGNING_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }

  const redisUrl = env.STAY_REDIS_URL || null;
  if (!redisUrl && !local) problems.push('STAY_REDIS_URL is required (rate-limit counters are shared by every router)');
  if (redisUrl && !/^rediss?:\/\/[^/]/.test(redisUrl)) problems.push(`STAY_REDIS_URL must look like redis://host:port, got "${redisUrl}"`);

  const limits = {};
  for (const [key, [name, fallback]] of Object.entries(LIMITS)) {
    const raw = env[name];
    if (raw == null || raw === '') {
      limits[key] = fallback;
    } else if (/^[1-9]\d*$/.test(raw.trim())) {
      limits[key] = Number(raw.trim());
    } else {
      problems.push(`${name} must be a positive whole number, got "${raw}"`);
    }
  }

  if (problems.length > 0) {
    throw new Error(`The router is not configured (profile ${local ? 'local' : 'production'}):\n  - ${problems.join('\n  - ')}`);
  }
  return {
    local,
    oidc: oidc || null,
    signingSecret,
    redisUrl,
    persistedDocumentsFile: resolve(env.STAY_PERSISTED_DOCUMENTS || join(ROUTER_DIR, 'target', 'persisted-documents.json')),
    limits,
  };
}
