// The router's settings, read once from the environment and checked before the gateway starts:
// a production router with a missing or unsafe setting refuses to start rather than serve unprotected.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTrustedProxies } from './client-address.mjs';

const ROUTER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Shared with the subgraphs' local profile; never accepted outside the local profile. */
export const LOCAL_SIGNING_SECRET = 'stay-local-dev-router-signing-secret';

/**
 * Every signing secret this repository has ever published: in code, tests, compose.yaml, .env.example and the
 * docs. Anyone can read them, so a production router refuses each of them. test/settings.test.mjs scans the
 * repository for values given to STAY_ROUTER_SIGNING_SECRET (and secrets handed to RouterSignature in Java
 * tests) and fails when one is missing here; add it rather than weaken the scan.
 */
export const PUBLISHED_SIGNING_SECRETS = Object.freeze([
  LOCAL_SIGNING_SECRET,
  'stay-local-dev-signing-secret', // the local secret before it had 32 characters
  'stay-compose-local-dev-signing-secret', // compose.yaml before it read the secret from the environment
  'a-secret-shared-by-router-and-subgraphs', // devstack's ExternalEnginesTest
  'a-production-secret-of-at-least-32-characters', // this router's settings test, before it made its own
  'a-test-secret-of-some-length', // common's RouterSignatureTest
  'somebody-elses-secret-value', // common's RouterSignatureTest
  'not-the-shared-router-secret', // users' RouterOnlyIT
  'a-test-secret-of-thirty-two-characters-or-more', // common's RouterSignatureTest
  'somebody-elses-secret-value-of-the-same-length', // common's RouterSignatureTest
  'not-the-shared-router-secret-but-long-enough', // common's RouterOnlyContract
  'dXf3s9Q2mB7vR1kL8pZ4wY6tN0cH5jE2aG9uK3iO', // common's ProductionReadinessTest
  'REPLACE-ME-with-the-output-of-openssl-rand-hex-32', // .env.example
]);

/**
 * Words that mark a value as a placeholder or a development value, whatever surrounds them: a secret that
 * says it is one of those was copied from a file, not generated.
 */
const PLACEHOLDER_WORDS = /replace[-_ ]?me|change[-_ ]?me|changeit|placeholder|example|local[-_]dev|not[-_ ]a[-_ ]secret|secret[-_ ]here|your[-_ ]secret/i;

/** HMAC-SHA256 keys shorter than this are guessable offline from one signed request. */
const MIN_SECRET_LENGTH = 32;
/** "aaaa…" or "0101…" is 32 characters long and still no secret: random keys use many distinct characters. */
const MIN_DISTINCT_CHARACTERS = 10;

/**
 * Why `secret` cannot sign requests outside the local profile, or null when it can. Published values are
 * compared ignoring case and surrounding spaces, so a copy with a changed case is still caught.
 */
export function signingSecretProblem(secret) {
  if (!secret) return 'STAY_ROUTER_SIGNING_SECRET is required (the HMAC key the subgraphs share)';
  const normalised = secret.trim().toLowerCase();
  if (normalised === LOCAL_SIGNING_SECRET) return 'STAY_ROUTER_SIGNING_SECRET is the local-development secret';
  if (PUBLISHED_SIGNING_SECRETS.some((published) => published.toLowerCase() === normalised)) {
    return 'STAY_ROUTER_SIGNING_SECRET is a value published in the Stay repository: generate one (openssl rand -hex 32)';
  }
  if (PLACEHOLDER_WORDS.test(secret)) return 'STAY_ROUTER_SIGNING_SECRET is a placeholder or development value: generate one (openssl rand -hex 32)';
  if (secret.length < MIN_SECRET_LENGTH) return `STAY_ROUTER_SIGNING_SECRET must be at least ${MIN_SECRET_LENGTH} characters`;
  if (new Set(secret).size < MIN_DISTINCT_CHARACTERS) {
    return `STAY_ROUTER_SIGNING_SECRET must use at least ${MIN_DISTINCT_CHARACTERS} distinct characters (generate one: openssl rand -hex 32)`;
  }
  return null;
}

// The JavaScript planner until the Rust one answers every request alike (README "Query planner").
const DEFAULT_PLANNER = 'javascript';

const LIMITS = {
  maxDepth: ['STAY_MAX_DEPTH', 12],
  maxTokens: ['STAY_MAX_TOKENS', 2000],
  maxAliases: ['STAY_MAX_ALIASES', 15],
  requestTimeoutMs: ['STAY_REQUEST_TIMEOUT_MS', 10000],
  mutationsPerMinute: ['STAY_RATE_LIMIT_MUTATIONS_PER_MINUTE', 30],
  partnerPerMinute: ['STAY_RATE_LIMIT_PARTNER_PER_MINUTE', 600],
  anonymousPerMinute: ['STAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE', 300],
  userPerMinute: ['STAY_RATE_LIMIT_USER_PER_MINUTE', 600],
  maxBodyBytes: ['STAY_MAX_BODY_BYTES', 128 * 1024],
};

/** The query planners the router can run: Hive's Rust planner, or the gateway's own JavaScript one. */
export const PLANNERS = ['rust', 'javascript'];

/**
 * Reads the STAY_* variables. Throws an Error naming the variable when one is missing or malformed.
 *
 * @returns {{
 *   local: boolean,
 *   oidc: { issuer: string, jwksUrl: string, audience: string } | null,
 *   signingSecret: string,
 *   redisUrl: string | null,
 *   trustedProxies: import('node:net').BlockList | null,
 *   persistedDocumentsFile: string,
 *   limits: { maxDepth: number, maxTokens: number, maxAliases: number, requestTimeoutMs: number,
 *             mutationsPerMinute: number, partnerPerMinute: number, anonymousPerMinute: number, userPerMinute: number,
 *             maxBodyBytes: number },
 *   planner: 'rust' | 'javascript',
 *   observability: { tracesUrl: string | null, traceSampling: number, metricsPort: number | null },
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
    const problem = signingSecretProblem(signingSecret);
    if (problem) problems.push(problem);
  }

  const redisUrl = env.STAY_REDIS_URL || null;
  if (!redisUrl && !local) problems.push('STAY_REDIS_URL is required (rate-limit counters are shared by every router)');
  if (redisUrl && !/^rediss?:\/\/[^/]/.test(redisUrl)) problems.push(`STAY_REDIS_URL must look like redis://host:port, got "${redisUrl}"`);

  // Only these peers' X-Forwarded-For is read (src/client-address.mjs); unset, nobody's is.
  const { trusted: trustedProxies, problems: proxyProblems } = parseTrustedProxies(env.STAY_TRUSTED_PROXIES);
  problems.push(...proxyProblems);

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

  // STAY_ROUTER_PLANNER: which planner turns a client's operation into subgraph calls (README: "Query planner").
  const planner = (env.STAY_ROUTER_PLANNER || DEFAULT_PLANNER).trim();
  if (!PLANNERS.includes(planner)) problems.push(`STAY_ROUTER_PLANNER must be one of ${PLANNERS.join(', ')}, got "${planner}"`);

  // Traces and metrics (src/observability.mjs): nothing exported and no metrics port unless set.
  const tracesUrl = env.STAY_TRACES_URL?.trim() || null;
  if (tracesUrl && !/^https?:\/\/[^/]/.test(tracesUrl)) problems.push(`STAY_TRACES_URL must be the trace viewer's http(s) URL, got "${tracesUrl}"`);
  const rawSampling = env.STAY_TRACE_SAMPLING?.trim() || '1';
  const traceSampling = Number(rawSampling);
  if (!/^(0|1|0?\.\d+|1\.0*)$/.test(rawSampling)) problems.push(`STAY_TRACE_SAMPLING must be a number from 0 to 1, got "${rawSampling}"`);
  const rawMetricsPort = env.STAY_ROUTER_METRICS_PORT?.trim() || null;
  const metricsPort = rawMetricsPort && /^[1-9]\d{0,4}$/.test(rawMetricsPort) && Number(rawMetricsPort) <= 65535 ? Number(rawMetricsPort) : null;
  if (rawMetricsPort && metricsPort == null) problems.push(`STAY_ROUTER_METRICS_PORT must be a port number, got "${rawMetricsPort}"`);

  if (problems.length > 0) {
    throw new Error(`The router is not configured (profile ${local ? 'local' : 'production'}):\n  - ${problems.join('\n  - ')}`);
  }
  return {
    local,
    oidc: oidc || null,
    signingSecret,
    redisUrl,
    trustedProxies,
    persistedDocumentsFile: resolve(env.STAY_PERSISTED_DOCUMENTS || join(ROUTER_DIR, 'target', 'persisted-documents.json')),
    limits,
    planner,
    observability: { tracesUrl, traceSampling, metricsPort },
  };
}
