// Rate limits per caller, counted in Redis so that every router behind the load balancer shares them:
//   - each signed-in user (token `sub`): STAY_RATE_LIMIT_MUTATIONS_PER_MINUTE mutations a minute;
//   - each partner (token with the partner role, keyed by its client, `azp`): STAY_RATE_LIMIT_PARTNER_PER_MINUTE
//     operations a minute, queries and mutations alike.
// Over a limit the operation does not run: 429 with extensions.code RATE_LIMITED and Retry-After.
//
// Counting is rate-limiter-flexible's fixed one-minute window per key (an atomic INCR + EXPIRE in one Lua
// script, so concurrent routers never lose a count). If Redis cannot answer within 300 ms, each router
// counts in its own memory until Redis is back: the limits then hold per router instead of failing open.

import { getOperationAST } from 'graphql';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { isPartner } from './authentication.mjs';
import { refusal } from './errors.mjs';

const WINDOW_SECONDS = 60;
const KEY_PREFIX = 'stay:router:rate';

function limiter(redis, name, perMinute) {
  const inMemory = new RateLimiterMemory({ keyPrefix: `${KEY_PREFIX}:${name}`, points: perMinute, duration: WINDOW_SECONDS });
  if (!redis) return inMemory;
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${KEY_PREFIX}:${name}`,
    points: perMinute,
    duration: WINDOW_SECONDS,
    // Fail over to the in-memory counter at once while disconnected, rather than wait on a dead socket.
    rejectIfRedisNotReady: true,
    insuranceLimiter: inMemory,
  });
}

function connect(redisUrl, log) {
  const redis = new Redis(redisUrl, {
    connectionName: 'stay-router',
    // Never queue commands while disconnected, never retry one: a request waits 300 ms at most.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 300,
    connectTimeout: 2000,
    // On shutdown, wait at most this long for the socket to close (its 2 s default would delay the exit).
    disconnectTimeout: 200,
  });
  let reachable = null;
  redis.on('ready', () => {
    if (reachable !== true) log.info(`rate-limit counters in Redis at ${redis.options.host}:${redis.options.port}`);
    reachable = true;
  });
  redis.on('error', (e) => {
    if (reachable !== false) log.warn(`Redis unreachable (${e.message}): rate limits count per router until it is back`);
    reachable = false;
  });
  return redis;
}

function rateLimited(res) {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return refusal('RATE_LIMITED', `Rate limit exceeded: try again in ${seconds} s`, 429, { 'Retry-After': String(seconds) });
}

/**
 * Gateway plugin. Counts in onExecute, once the operation is parsed and valid, so refused documents
 * (bad token, limits, unknown id) cost nothing, and a request counts once however many fields it selects.
 *
 * @param {{ redisUrl: string | null, mutationsPerMinute: number, partnerPerMinute: number, log: object }} options
 */
export function useRateLimits({ redisUrl, mutationsPerMinute, partnerPerMinute, log }) {
  const redis = redisUrl ? connect(redisUrl, log) : null;
  if (!redis) log.warn('STAY_REDIS_URL not set: rate limits count per router process (local profile only)');
  const perUserMutations = limiter(redis, 'user-mutations', mutationsPerMinute);
  const perPartner = limiter(redis, 'partner', partnerPerMinute);

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const claims = args.contextValue?.jwt?.payload;
      if (!claims) return; // anonymous callers run queries only; the subgraphs refuse their mutations
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      const counters = [];
      if (isPartner(claims) && claims.azp) counters.push(perPartner.consume(String(claims.azp)));
      if (operation === 'mutation' && claims.sub) counters.push(perUserMutations.consume(String(claims.sub)));

      const outcomes = await Promise.allSettled(counters);
      const refused = outcomes.find((o) => o.status === 'rejected');
      if (!refused) return;
      if (!(refused.reason instanceof RateLimiterRes)) throw refused.reason; // neither Redis nor memory counted
      setResultAndStopExecution({ errors: [rateLimited(refused.reason)] });
    },
    onDispose() {
      redis?.disconnect();
    },
  };
}
