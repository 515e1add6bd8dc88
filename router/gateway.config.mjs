// Hive Gateway configuration of the Stay router.
//
// Plain ESM rather than TypeScript: the gateway then loads it as is, with no transpile step at startup.
// The gateway's own CLI flags (--host, --port, --fork) and their generic env vars (HOST, PORT, FORK)
// take precedence over this file; Stay's launchers leave them unset and use the STAY_* variables below.
// Every rule lives in src/, one file per concern; this file only wires them in. README.md lists them.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@graphql-hive/gateway';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { jwtOptions, useAuthentication } from './src/authentication.mjs';
import { useRedactedSubgraphErrors } from './src/errors.mjs';
import { limitPlugins } from './src/limits.mjs';
import { prometheusOptions, serveMetrics, tracing, useErrorCodeMetrics } from './src/observability.mjs';
import { loadManifest, persistedDocumentsOptions } from './src/persisted-documents.mjs';
import { useRateLimits } from './src/rate-limits.mjs';
import { useRequestSizeLimit } from './src/request-size.mjs';
import { useCheckedScalars } from './src/scalars.mjs';
import { loadSettings } from './src/settings.mjs';
import { useUpstreamSignature } from './src/upstream-signature.mjs';

const ROUTER_DIR = dirname(fileURLToPath(import.meta.url));

// Throws, and so stops the gateway before it listens, when a production setting is missing or unsafe.
const settings = loadSettings();
const { limits } = settings;

// Before the gateway makes its first span: the OpenTelemetry SDK and its exporter, when STAY_TRACES_URL is set.
const openTelemetry = tracing(settings.observability);

// Hive's Rust planner, when STAY_ROUTER_PLANNER asks for it. Imported here rather than named by the CLI's
// --hive-router-runtime flag, which falls back to the JavaScript planner without a word when the package cannot
// load: an import that fails stops the router at startup. Only then, so a platform without its native binary
// (it ships for glibc Linux and macOS) still runs the JavaScript planner.
const rustPlanner = settings.planner === 'rust' ? (await import('@graphql-hive/router-runtime')).unifiedGraphHandler : null;

// Shown in a fresh GraphiQL tab (local profile): one request that the router answers from catalog and booking.
const EXAMPLE_QUERY = `query PropertyPage($id: ID!) {
  hotel(id: $id) {
    name
    stars
    address { city country }
    availability(checkIn: "2026-12-24", checkOut: "2026-12-27", guests: 2) {
      roomType { id }
      available
      totalPrice { amount currency }
      cancellationPolicy { freeCancellationUntil penaltyPercent }
    }
  }
}
`;

serveMetrics(settings.observability.metricsPort);

export const gatewayConfig = defineConfig({
  // Composed at build time by compose.mjs from schema/. The default is anchored to this folder so the
  // router starts from any working directory; the gateway watches the file and reloads it on change.
  supergraph: process.env.STAY_SUPERGRAPH || join(ROUTER_DIR, 'target', 'supergraph.graphql'),

  // Loopback by default: in production a load balancer sits in front and sets STAY_ROUTER_HOST.
  host: process.env.STAY_ROUTER_HOST || '127.0.0.1',
  port: Number(process.env.STAY_ROUTER_PORT || 4000),
  // HTTP only: the API has no subscriptions, and a WebSocket session would be one more way in to guard.
  disableWebsockets: true,

  // One process, no cluster workers: a launcher that stops the router by PID then stops all of it.
  // Scale out by running more routers behind the load balancer instead.
  fork: 1,

  graphqlEndpoint: '/graphql',
  // STAY_ROUTER_PLANNER: the gateway's JavaScript query planner (the default) or Hive's Rust one. Every rule holds
  // under both (npm test runs the gateway tests once per planner); test/planners.test.mjs compares their answers,
  // and README "Query planner" says where they differ and what each costs.
  ...(rustPlanner ? { unifiedGraphHandler: rustPlanner } : {}),
  // Local profile only: GraphiQL in the browser on the GraphQL endpoint itself (GET with Accept: text/html).
  // This renderer inlines GraphiQL's assets, so the IDE works without reaching a CDN, and it opens on a query
  // editor rather than the gateway's default Laboratory, whose page is more than twice the size.
  graphiql: settings.local ? { title: 'Stay API', defaultQuery: EXAMPLE_QUERY } : false,
  renderGraphiQL,
  playgroundName: 'GraphiQL',
  landingPage: settings.local,
  // Introspection (__schema, __type) answers only in the local profile; production clients get the SDL
  // from target/api-schema.graphql instead.
  disableIntrospection: !settings.local,
  // "Did you mean ...?" hints would spell out the schema that introspection hides.
  blockFieldSuggestions: true,
  // One operation per HTTP request: a JSON array of operations is refused, so a batch cannot multiply
  // the work a single request (and a single rate-limit count) stands for.
  batching: false,

  // Liveness (process up) and readiness (supergraph loaded) probes for launchers and load balancers.
  healthCheckEndpoint: '/healthcheck',
  readinessCheckEndpoint: '/readiness',

  // Keycloak access tokens: optional, but verified when present (src/authentication.mjs).
  jwt: jwtOptions(settings.oidc),

  // Partners run only these; everyone else may also send their own documents (src/persisted-documents.mjs).
  persistedDocuments: persistedDocumentsOptions(loadManifest(settings.persistedDocumentsFile, { buildIfMissing: settings.local })),

  // Subgraphs check the guest's or owner's JWT themselves, so they need the client's token.
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get('authorization'),
    }),
  },

  // Each subgraph call gets STAY_REQUEST_TIMEOUT_MS to answer; past it the field fails with a timeout error.
  upstreamTimeout: limits.requestTimeoutMs,
  // No `upstreamRetry`: the gateway then never retries a subgraph call. A blind retry of a mutation could
  // take rooms or charge twice; repeating one safely is the client's call, with its idempotency key.

  // Traces (when STAY_TRACES_URL is set) and Prometheus metrics (served on STAY_ROUTER_METRICS_PORT, loopback
  // only): src/observability.mjs, README "Observability". JSON log lines: LOG_JSON=1 in the environment.
  ...(openTelemetry ? { openTelemetry } : {}),
  prometheus: prometheusOptions(),

  plugins: ({ log }) => [
    // Counts every error answered, by code; the metrics server starts with the first plugin list, once.
    useErrorCodeMetrics(),
    // First: a body over STAY_MAX_BODY_BYTES is refused before it is read, parsed or checked any further.
    useRequestSizeLimit({ maxBytes: limits.maxBodyBytes }),
    useAuthentication(),
    useRedactedSubgraphErrors(),
    ...limitPlugins(limits),
    // Before the rate limits: a Date of "tomorrow" is refused as BAD_USER_INPUT, runs nothing and costs nothing.
    useCheckedScalars(),
    useRateLimits({
      redisUrl: settings.redisUrl,
      mutationsPerMinute: limits.mutationsPerMinute,
      partnerPerMinute: limits.partnerPerMinute,
      anonymousPerMinute: limits.anonymousPerMinute,
      userPerMinute: limits.userPerMinute,
      trustedProxies: settings.trustedProxies,
      log,
    }),
    // Last, so that it signs the request exactly as it leaves.
    useUpstreamSignature({ secret: settings.signingSecret }),
  ],
});
