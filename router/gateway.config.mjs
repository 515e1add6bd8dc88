// Hive Gateway configuration of the Stay router.
//
// Plain ESM rather than TypeScript: the gateway then loads it as is, with no transpile step at startup.
// The gateway's own CLI flags (--host, --port, --fork) and their generic env vars (HOST, PORT, FORK)
// take precedence over this file; Stay's launchers leave them unset and use the STAY_* variables below.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@graphql-hive/gateway';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

const ROUTER_DIR = dirname(fileURLToPath(import.meta.url));

// Shown in a fresh GraphiQL tab: one request that the router answers from catalog and booking.
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

export const gatewayConfig = defineConfig({
  // Composed at build time by compose.mjs from schema/. The default is anchored to this folder so the
  // router starts from any working directory; the gateway watches the file and reloads it on change.
  supergraph: process.env.STAY_SUPERGRAPH || join(ROUTER_DIR, 'target', 'supergraph.graphql'),

  // Loopback by default: in production a load balancer sits in front and sets STAY_ROUTER_HOST.
  host: process.env.STAY_ROUTER_HOST || '127.0.0.1',
  port: Number(process.env.STAY_ROUTER_PORT || 4000),

  // One process, no cluster workers: a launcher that stops the router by PID then stops all of it.
  // Scale out by running more routers behind the load balancer instead.
  fork: 1,

  // GraphiQL in the browser on the GraphQL endpoint itself (GET with Accept: text/html). This renderer
  // inlines GraphiQL's assets, so the IDE works without reaching a CDN, and it opens on a query editor
  // rather than the gateway's default Laboratory, whose page is more than twice the size.
  graphqlEndpoint: '/graphql',
  graphiql: { title: 'Stay API', defaultQuery: EXAMPLE_QUERY },
  renderGraphiQL,
  playgroundName: 'GraphiQL',

  // Liveness (process up) and readiness (supergraph loaded) probes for launchers and load balancers.
  healthCheckEndpoint: '/healthcheck',
  readinessCheckEndpoint: '/readiness',

  // Subgraphs check the guest's or owner's JWT themselves, so they need the client's token.
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get('authorization'),
    }),
  },

  // No `upstreamRetry`: the gateway then never retries a subgraph call. A blind retry of a mutation could
  // take rooms or charge twice; repeating one safely is the client's call, with its idempotency key.
});
