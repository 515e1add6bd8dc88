// Rate limits per caller, counted in Redis so that every router behind the load balancer shares them. They count
// what a request does, not requests: the cost of an operation is the number of its root fields, each alias
// a field of its own (`mutation { a: createBooking(...) b: createBooking(...) }` costs 2; 16 aliased mutations
// cost 16), fragments followed, @skip/@include applied, `__typename` free, at least 1.
//   - each signed-in user (token `sub`): STAY_RATE_LIMIT_MUTATIONS_PER_MINUTE mutation fields a minute, and
//     STAY_RATE_LIMIT_USER_PER_MINUTE root fields a minute of every operation (an account is free to make, so
//     a token must not buy unlimited uncached reads);
//   - each partner (token with the partner role, keyed by its client `azp`): STAY_RATE_LIMIT_PARTNER_PER_MINUTE
//     root fields a minute, queries and mutations alike;
//   - each anonymous caller (no token), by client address (src/client-address.mjs; an IPv6 caller by its /64):
//     STAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE root fields a minute, every operation, since hotel pages and
//     availability are read from the databases uncached. A persisted document sent without a token is
//     anonymous: the partner budget needs the partner's token, and so does anything only partners may do.
// Over a limit the operation does not run: 429 with extensions.code RATE_LIMITED, Retry-After and
// extensions.retryAfter (seconds), with the request's `cost` and the budget's `limit`. A request that costs
// more than what is left is refused whole, runs nothing and is given its points back: it spends nothing.
//
// Counting is rate-limiter-flexible's fixed one-minute window per key (an atomic INCR + EXPIRE in one Lua
// script, so concurrent routers never lose a count). If Redis cannot answer within 300 ms, each router
// counts in its own memory until Redis is back: the limits then hold per router instead of failing open.

import { getOperationAST, GraphQLError, Kind } from 'graphql';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { isPartner } from './authentication.mjs';
import { addressKey, clientAddress } from './client-address.mjs';

const WINDOW_SECONDS = 60;
export const KEY_PREFIX = 'stay:router:rate';

/** The value of an @skip / @include `if` argument: a literal, or a variable of the request. */
function conditionOf(directive, variables) {
  const argument = directive.arguments?.find((a) => a.name.value === 'if');
  if (!argument) return undefined;
  if (argument.value.kind === Kind.VARIABLE) return variables?.[argument.value.name.value];
  return argument.value.kind === Kind.BOOLEAN ? argument.value.value : undefined;
}

/** False when @skip(if: true) or @include(if: false) leaves the selection out (as graphql-js decides it). */
function isIncluded(node, variables) {
  for (const directive of node.directives ?? []) {
    const condition = conditionOf(directive, variables);
    if (directive.name.value === 'skip' && condition === true) return false;
    if (directive.name.value === 'include' && condition === false) return false;
  }
  return true;
}

/**
 * What an operation does: its type and the number of root fields it runs, counted as graphql-js executes them
 * (by response name, so an alias is a field of its own and a field selected twice under one name runs once).
 *
 * @returns {{ operation: 'query' | 'mutation' | 'subscription' | undefined, fields: number }}
 */
export function operationCost(document, operationName, variables) {
  const operation = getOperationAST(document, operationName);
  if (!operation) return { operation: undefined, fields: 1 };
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const responseNames = new Set();
  const visited = new Set();
  const collect = (selectionSet) => {
    for (const selection of selectionSet.selections) {
      if (!isIncluded(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') responseNames.add((selection.alias ?? selection.name).value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD && !visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return { operation: operation.operation, fields: Math.max(1, responseNames.size) };
}

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

function rateLimited(res, cost, limit) {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new GraphQLError(`Rate limit exceeded: this operation costs ${cost} of ${limit} a minute; try again in ${seconds} s`, {
    extensions: { code: 'RATE_LIMITED', retryAfter: seconds, cost, limit, http: { status: 429, headers: { 'Retry-After': String(seconds) } } },
  });
}

/** The TCP peer of the request: the gateway's server context carries Node's IncomingMessage as `req`. */
function peerOf(context) {
  return context?.req?.socket?.remoteAddress ?? context?.req?.connection?.remoteAddress;
}

/**
 * Gateway plugin. Counts in onExecute, once the operation is parsed and valid and its variables checked, so
 * refused documents (bad token, limits, unknown id, bad input) cost nothing; what runs is counted by its cost.
 *
 * @param {{ redisUrl: string | null, mutationsPerMinute: number, partnerPerMinute: number, anonymousPerMinute: number, userPerMinute: number,
 *           trustedProxies: import('node:net').BlockList | null, log: object }} options
 */
export function useRateLimits({ redisUrl, mutationsPerMinute, partnerPerMinute, anonymousPerMinute, userPerMinute, trustedProxies, log }) {
  const redis = redisUrl ? connect(redisUrl, log) : null;
  if (!redis) log.warn('STAY_REDIS_URL not set: rate limits count per router process (local profile only)');
  const perUserMutations = limiter(redis, 'user-mutations', mutationsPerMinute);
  const perPartner = limiter(redis, 'partner', partnerPerMinute);
  const perAddress = limiter(redis, 'anonymous', anonymousPerMinute);
  const perUser = limiter(redis, 'user', userPerMinute);

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue;
      const claims = context?.jwt?.payload;
      const { operation, fields } = operationCost(args.document, args.operationName, args.variableValues);
      const charges = [];
      const charge = (limiter, key) => charges.push({ limiter, key, outcome: limiter.consume(key, fields) });
      const byAddress = () => {
        const address = clientAddress(peerOf(context), context?.request?.headers?.get('x-forwarded-for') ?? null, trustedProxies);
        charge(perAddress, addressKey(address));
      };
      if (!claims) {
        byAddress();
      } else if (isPartner(claims)) {
        // Keycloak always sets azp; a partner token without one still has a budget, its subject's.
        charge(perPartner, String(claims.azp ?? claims.sub ?? 'partner-without-client'));
        if (operation === 'mutation' && claims.sub) charge(perUserMutations, String(claims.sub));
      } else if (claims.sub) {
        charge(perUser, String(claims.sub));
        if (operation === 'mutation') charge(perUserMutations, String(claims.sub));
      } else {
        byAddress(); // a verified token without a subject is nobody's: counted as anonymous
      }

      const outcomes = await Promise.allSettled(charges.map((c) => c.outcome));
      const refusedAt = outcomes.findIndex((o) => o.status === 'rejected');
      if (refusedAt < 0) return;
      const refused = outcomes[refusedAt].reason;
      if (!(refused instanceof RateLimiterRes)) throw refused; // neither Redis nor memory counted
      // Nothing runs, so nothing is spent: every budget this request was counted against gets its points back.
      await Promise.allSettled(charges.map(({ limiter, key }) => limiter.reward(key, fields)));
      setResultAndStopExecution({ errors: [rateLimited(refused, fields, charges[refusedAt].limiter.points)] });
    },
    onDispose() {
      redis?.disconnect();
    },
  };
}
