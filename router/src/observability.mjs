// What the router shows of itself: traces to the trace viewer and Prometheus metrics on a loopback port of their own,
// each off unless its setting asks for it (README "Observability"). Its log is JSON lines with the gateway's own
// LOG_JSON=1, which the platform and the Dockerfile set: the CLI reads it before this configuration is loaded.

import { createServer } from 'node:http';
import { openTelemetrySetup } from '@graphql-hive/gateway/opentelemetry/setup';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { Counter, register } from 'prom-client';

/** An error code as the subgraphs and the router spell them; anything else is counted as OTHER, not as itself. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,49}$/;

/** Zipkin's collector endpoint under the viewer's base URL, e.g. http://127.0.0.1:9411 -> …/api/v2/spans. */
export function spansEndpoint(viewer) {
  const url = new URL(viewer);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`STAY_TRACES_URL must be the trace viewer's http(s) URL, not ${viewer}`);
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/v2/spans`;
  return url.toString();
}

/**
 * Starts OpenTelemetry's SDK with a Zipkin exporter when STAY_TRACES_URL names a viewer (Zipkin's server takes
 * Zipkin's JSON, not OTLP); returns the gateway's `openTelemetry` option, or undefined: no spans, nothing exported.
 * The router continues a client's traceparent and sends its own to the subgraphs.
 */
export function tracing({ tracesUrl, traceSampling }) {
  if (!tracesUrl) return undefined;
  openTelemetrySetup({
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: 'router' },
    traces: { exporter: new ZipkinExporter({ url: spansEndpoint(tracesUrl), serviceName: 'router' }), batching: { scheduledDelayMillis: 500 } },
    samplingRate: traceSampling,
  });
  return { traces: true, inheritContext: true, propagateContext: true };
}

/** The gateway's Prometheus plugin: per-operation latency and errors, and the subgraph calls, by subgraph. */
export function prometheusOptions() {
  return {
    endpoint: false, // served by serveMetrics on its own loopback port, never on the public API port
    metrics: {
      graphql_envelop_request_duration: true,
      graphql_envelop_error_result: true,
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_execute: true,
      graphql_yoga_http_duration: true,
      graphql_gateway_fetch_duration: true,
      graphql_gateway_subgraph_execute_duration: true,
      graphql_gateway_subgraph_execute_errors: true,
    },
    labels: { subgraphName: true },
  };
}

/** `stay_router_graphql_errors_total{code}`: every error the router answers, by its `extensions.code`. */
export function useErrorCodeMetrics() {
  const errors = register.getSingleMetric('stay_router_graphql_errors_total')
    ?? new Counter({ name: 'stay_router_graphql_errors_total', help: 'GraphQL errors answered by the router, by code', labelNames: ['code'] });
  return {
    onResultProcess({ result }) {
      for (const each of Array.isArray(result) ? result : [result]) {
        for (const error of each?.errors ?? []) {
          const code = error?.extensions?.code;
          errors.inc({ code: typeof code === 'string' && ERROR_CODE.test(code) ? code : code == null ? 'NONE' : 'OTHER' });
        }
      }
    },
  };
}

/**
 * Serves the Prometheus registry on 127.0.0.1:`port` (STAY_ROUTER_METRICS_PORT), at /metrics only; no port, no server.
 * Loopback only, like the subgraphs' management ports: the scraper runs beside the router.
 */
export function serveMetrics(port) {
  if (!port) return undefined;
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' || request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': register.contentType }).end(await register.metrics());
  });
  server.on('error', (error) => {
    // a JSON line like the gateway's own; the router goes on serving the API without its metrics
    process.stderr.write(`${JSON.stringify({ level: 'error', msg: `metrics cannot listen on 127.0.0.1:${port}`, error: String(error) })}\n`);
  });
  server.listen(port, '127.0.0.1');
  server.unref();
  return server;
}
