// The router's traces, metrics and logs (src/observability.mjs), against the real gateway process: spans reach a
// stand-in Zipkin in the client's trace, the subgraphs get the trace's context, Prometheus answers on the loopback
// metrics port only, with per-operation latency and errors by code, and with LOG_JSON=1 every log line is JSON.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { composeSubgraphs, SCHEMA_DIR } from '../compose.mjs';
import { spansEndpoint } from '../src/observability.mjs';
import { loadSettings } from '../src/settings.mjs';
import { startFakeSubgraphs } from '../test-support/fake-subgraphs.mjs';
import { freePort, startGateway } from '../test-support/processes.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'stay-router-observability-'));
const received = []; // Zipkin v2 spans the stand-in viewer was sent
let zipkin;
let subgraphs;
let gateway;
let metricsPort;

/** Polls `probe` until it returns a truthy value, for at most `ms`: spans are exported in batches. */
async function waitFor(what, probe, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`waited ${ms} ms for ${what}`);
}

before(async () => {
  zipkin = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/api/v2/spans') {
        const raw = Buffer.concat(chunks);
        const text = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
        received.push(...JSON.parse(text));
        res.writeHead(202).end();
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise((resolve) => zipkin.listen(0, '127.0.0.1', resolve));

  const schemaDir = join(workDir, 'schema');
  mkdirSync(schemaDir, { recursive: true });
  for (const name of ['catalog', 'booking', 'users']) symlinkSync(join(SCHEMA_DIR, name), join(schemaDir, name));
  subgraphs = await startFakeSubgraphs(schemaDir, ['catalog', 'booking', 'users']);
  const composed = composeSubgraphs(schemaDir, subgraphs.urls);
  assert.equal(composed.errors, undefined);
  writeFileSync(join(workDir, 'supergraph.graphql'), composed.supergraphSdl);

  metricsPort = await freePort();
  gateway = await startGateway({
    STAY_ROUTER_PROFILE: 'local',
    STAY_SUPERGRAPH: join(workDir, 'supergraph.graphql'),
    STAY_ROUTER_SIGNING_SECRET: randomBytes(32).toString('hex'),
    STAY_TRACES_URL: `http://127.0.0.1:${zipkin.address().port}`,
    STAY_ROUTER_METRICS_PORT: String(metricsPort),
    LOG_JSON: '1', // as the platform and the Dockerfile start it
  });
});

after(async () => {
  await Promise.allSettled([gateway?.stop(), subgraphs?.close(), new Promise((resolve) => zipkin?.close(resolve))]);
  rmSync(workDir, { recursive: true, force: true });
});

async function post(body, headers = {}) {
  const response = await fetch(gateway.graphql, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const metrics = () => fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((r) => r.text());

describe('traces', () => {
  test("continue the client's traceparent, reach the viewer, and go on to the subgraphs", async () => {
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const answer = await post({ query: 'query TracedHotel { hotel(id: "h-1") { name } }', operationName: 'TracedHotel' }, { traceparent });
    assert.equal(answer.status, 200);

    const spans = await waitFor('the router spans of the trace', () => {
      const ours = received.filter((span) => span.traceId === traceId);
      return ours.some((span) => span.kind === 'CLIENT') && ours.length >= 2 ? ours : null;
    });
    assert.ok(spans.every((span) => span.localEndpoint?.serviceName === 'router'));
    const sent = subgraphs.requests.find((request) => request.body.includes('TracedHotel') || request.headers.traceparent?.includes(traceId));
    assert.ok(sent, 'a subgraph was called');
    assert.match(sent.headers.traceparent, new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`), 'the subgraph call carries the trace on');
  });

  test('a traceparent that is not one starts a trace of its own rather than failing the request', async () => {
    const before = new Set(received.map((span) => span.traceId));
    const answer = await post({ query: '{ hotel(id: "h-2") { name } }' }, { traceparent: `00-${'z'.repeat(32)}-${'0'.repeat(16)}-01\u00e9`.slice(0, 60) });
    assert.equal(answer.status, 200);
    const fresh = await waitFor('a new trace', () => received.find((span) => !before.has(span.traceId) && /^[0-9a-f]{32}$/.test(span.traceId)));
    assert.notEqual(fresh.traceId, 'z'.repeat(32));
  });
});

describe('metrics', () => {
  test('per-operation latency and errors by code, on the loopback metrics port only', async () => {
    await post({ query: 'query MetricHotel { hotel(id: "h-3") { name } }', operationName: 'MetricHotel' });
    await post({ query: '{ nope }' });
    const text = await waitFor('the operation in the metrics', async () => {
      const body = await metrics();
      return body.includes('operationName="MetricHotel"') ? body : null;
    });
    assert.match(text, /graphql_envelop_request_duration_bucket\{[^}]*operationName="MetricHotel"/);
    assert.match(text, /stay_router_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} [1-9]/);

    const onTheApiPort = await fetch(`${gateway.url}/metrics`);
    assert.notEqual(onTheApiPort.status, 200, 'no metrics on the API port');
    const elsewhere = await fetch(`http://127.0.0.1:${metricsPort}/metrics/../admin`);
    assert.equal(elsewhere.status, 404);
  });
});

describe('logs', () => {
  test('every line the router writes is one JSON object', async () => {
    const lines = gateway.output().split('\n').filter((line) => line.trim() !== '');
    assert.ok(lines.length > 0);
    for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), `not JSON: ${line}`);
  });
});

describe('settings', () => {
  const base = { STAY_ROUTER_PROFILE: 'local' };
  test('are off by default: nothing exported, no metrics port', () => {
    assert.deepEqual(loadSettings(base).observability, { tracesUrl: null, traceSampling: 1, metricsPort: null });
  });
  for (const [name, value] of [
    ['STAY_TRACES_URL', 'file:///etc/passwd'],
    ['STAY_TRACES_URL', 'zipkin:9411'],
    ['STAY_TRACE_SAMPLING', '2'],
    ['STAY_TRACE_SAMPLING', '-0.5'],
    ['STAY_TRACE_SAMPLING', 'all'],
    ['STAY_ROUTER_METRICS_PORT', '70000'],
    ['STAY_ROUTER_METRICS_PORT', '4000; rm'],
  ]) {
    test(`refuse ${name}=${value}`, () => {
      assert.throws(() => loadSettings({ ...base, [name]: value }), new RegExp(name));
    });
  }
  test('take a sampling rate between 0 and 1', () => {
    assert.equal(loadSettings({ ...base, STAY_TRACE_SAMPLING: '0.25' }).observability.traceSampling, 0.25);
  });
  test("send spans to Zipkin's collector path under the viewer's URL", () => {
    assert.equal(spansEndpoint('http://127.0.0.1:9411'), 'http://127.0.0.1:9411/api/v2/spans');
    assert.equal(spansEndpoint('http://traces.internal/zipkin/'), 'http://traces.internal/zipkin/api/v2/spans');
    assert.throws(() => spansEndpoint('ftp://x'));
  });
});
