// The router's rules, each proven against the real gateway process: started as the platform starts it, in
// front of fake subgraphs built from the real schema, with tokens from a stand-in Keycloak and, when a
// redis-server binary is available, rate-limit counters in a real Redis shared by two routers.

import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { composeSubgraphs, SCHEMA_DIR } from '../compose.mjs';
import { buildManifest, documentId, DOCUMENTS_DIR, publicSchema } from '../persisted.mjs';
import { startFakeSubgraphs } from '../test-support/fake-subgraphs.mjs';
import { startIdentityProvider } from '../test-support/identity-provider.mjs';
import { startGateway, startRedis } from '../test-support/processes.mjs';

const SECRET = randomBytes(32).toString('hex');
const MUTATIONS_PER_MINUTE = 3;
const PARTNER_PER_MINUTE = 5;
// Every anonymous test request of this file comes from 127.0.0.1 and shares this budget (a few dozen fields);
// the anonymous-limit tests send from addresses of their own (127.0.0.0/8 is all loopback on Linux).
const ANONYMOUS_PER_MINUTE = 40;
const MAX_BODY_BYTES = 16 * 1024;
// Per signed-in user, every operation: only tests that reuse one user's token come near it.
const USER_PER_MINUTE = 20;
const TIMEOUT_MS = 1000;
const SLOW_HOTEL = 'hotel-that-answers-late';
// The planner these routers run: the default unless `npm test`'s second pass names the other one.
const PLANNER = process.env.STAY_TEST_ROUTER_PLANNER || 'javascript';

// A test-only subgraph: a mutation that changes nothing, for the rate limits, taking every shape of date.
const PROBE_SUBGRAPH = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
scalar Date
scalar DateTime
type Mutation { probe(note: String, days: [Date!], at: DateTime): Boolean! }
`;

const workDir = mkdtempSync(join(tmpdir(), 'stay-router-gateway-'));
let idp;
let subgraphs;
let redis;
let production;
let local;

before(async () => {
  const schemaDir = join(workDir, 'schema');
  for (const name of ['catalog', 'booking', 'users']) {
    mkdirSync(schemaDir, { recursive: true });
    symlinkSync(join(SCHEMA_DIR, name), join(schemaDir, name));
  }
  mkdirSync(join(schemaDir, 'probe'));
  writeFileSync(join(schemaDir, 'probe', 'probe.graphqls'), PROBE_SUBGRAPH);

  [idp, redis] = await Promise.all([startIdentityProvider(), startRedis()]);
  subgraphs = await startFakeSubgraphs(schemaDir, ['catalog', 'booking', 'users', 'probe'], {
    delayFor: (body) => (body.includes(SLOW_HOTEL) ? 3 * TIMEOUT_MS : 0),
  });

  const composed = composeSubgraphs(schemaDir, subgraphs.urls);
  assert.equal(composed.errors, undefined, composed.errors?.map((e) => e.message).join('\n'));
  writeFileSync(join(workDir, 'supergraph.graphql'), composed.supergraphSdl);
  const { manifest } = buildManifest(DOCUMENTS_DIR, publicSchema());
  writeFileSync(join(workDir, 'persisted-documents.json'), JSON.stringify(manifest));

  const env = {
    STAY_SUPERGRAPH: join(workDir, 'supergraph.graphql'),
    STAY_PERSISTED_DOCUMENTS: join(workDir, 'persisted-documents.json'),
    STAY_OIDC_ISSUER: idp.issuer,
    STAY_ROUTER_SIGNING_SECRET: SECRET,
    // Without a redis-server here, a port nobody listens on: each router then counts on its own.
    STAY_REDIS_URL: redis?.url ?? 'redis://127.0.0.1:1',
    STAY_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
    STAY_RATE_LIMIT_MUTATIONS_PER_MINUTE: String(MUTATIONS_PER_MINUTE),
    STAY_RATE_LIMIT_PARTNER_PER_MINUTE: String(PARTNER_PER_MINUTE),
    STAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(ANONYMOUS_PER_MINUTE),
    STAY_RATE_LIMIT_USER_PER_MINUTE: String(USER_PER_MINUTE),
    STAY_MAX_BODY_BYTES: String(MAX_BODY_BYTES),
    // Every rule is proven under each planner: `npm test` runs this file once per planner (package.json).
    STAY_ROUTER_PLANNER: PLANNER,
  };
  // The production router trusts no proxy; the local one stands behind a load balancer at 127.0.0.1.
  const started = await Promise.allSettled([
    startGateway(env),
    startGateway({ ...env, STAY_ROUTER_PROFILE: 'local', STAY_TRUSTED_PROXIES: '127.0.0.1' }),
  ]);
  [production, local] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
});

after(async () => {
  await Promise.allSettled([production?.stop(), local?.stop(), redis?.stop(), subgraphs?.close(), idp?.close()]);
  rmSync(workDir, { recursive: true, force: true });
});

/** POSTs a GraphQL request (a JSON body) and returns { status, headers, body }. */
async function post(gateway, body, { token, headers = {} } = {}) {
  const response = await fetch(gateway.graphql, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token && { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/**
 * Sends one HTTP request with node:http, from the local address `from` (any of 127.0.0.0/8), with `body`
 * written as given (a string or Buffer, or an array of chunks sent chunked without a Content-Length).
 * With `end: false` the request is left open after the body: the router must answer from what it has, which
 * is how a client streaming an endless body is refused (and no reset of unread bytes can race the answer).
 * Returns { status, headers, body } with the body parsed as JSON when it is.
 */
function send(gateway, { from = '127.0.0.1', method = 'POST', headers = {}, body, end = true }) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(gateway.graphql, {
      method,
      localAddress: from,
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: kept as text
        }
        if (!end) req.destroy();
        resolve({ status: res.statusCode, headers: res.headers, body: parsed });
      });
    });
    req.on('error', reject);
    for (const chunk of Array.isArray(body) ? body : body === undefined ? [] : [body]) req.write(chunk);
    if (end) req.end();
    else req.flushHeaders();
  });
}

const codes = (body) => (body.errors ?? []).map((e) => e.extensions?.code);
const reachedSubgraphs = (marker) => subgraphs.requests.filter((r) => r.body.includes(marker));
const hotelQuery = (id) => ({ query: 'query Hotel($id: ID!) { hotel(id: $id) { name stars } }', variables: { id } });
const HOTEL_PAGE_ID = documentId(readFileSync(join(DOCUMENTS_DIR, 'HotelPage.graphql'), 'utf8'));
const stay = { checkIn: '2026-12-24', checkOut: '2026-12-27', guests: 2 };

describe('tokens', () => {
  test('a request without a token runs as anonymous', async () => {
    const { status, body } = await post(production, hotelQuery('anonymous-1'));

    assert.equal(status, 200);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal(body.data.hotel.name, 'name-1');
  });

  test('a valid token is accepted and its Authorization header reaches the subgraph unchanged', async () => {
    const token = idp.token();

    const { status, body } = await post(production, hotelQuery('valid-token-1'), { token });

    assert.equal(status, 200);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const [call] = reachedSubgraphs('valid-token-1');
    assert.equal(call.headers.authorization, `Bearer ${token}`);
    assert.match(call.headers['x-stay-signature'], /^t=\d+,v1=[0-9a-f]{64}$/);
  });

  const refused = {
    'a token from another issuer': () => idp.token({ iss: 'http://127.0.0.1:1/realms/stay' }),
    'a token for another audience': () => idp.token({ aud: ['account', 'stay-admin-console'] }),
    'an expired token': () => idp.token({ iat: Math.floor(Date.now() / 1000) - 900, exp: Math.floor(Date.now() / 1000) - 300 }),
    'an HS256 token signed with the realm public key as its secret': () => idp.token({}, { hmacSecret: idp.publicKeyPem }),
    'a token signed by a key the realm does not publish': () =>
      idp.token({}, { signingKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, kid: 'not-in-the-jwks' }),
    'a token that is no JWT at all': () => 'not-a-jwt',
  };
  for (const [what, token] of Object.entries(refused)) {
    test(`${what} is refused with 401 UNAUTHENTICATED, before any subgraph is called`, async () => {
      const marker = `refused-${randomUUID()}`;

      const { status, headers, body } = await post(production, hotelQuery(marker), { token: token() });

      assert.equal(status, 401);
      assert.deepEqual(codes(body), ['UNAUTHENTICATED']);
      assert.equal(body.data, undefined);
      assert.match(headers.get('www-authenticate'), /^Bearer error="invalid_token"/);
      assert.deepEqual(reachedSubgraphs(marker), []);
    });
  }
});

describe('signature of subgraph requests', () => {
  /** Checks one recorded request's X-Stay-Signature against the bytes the subgraph received. */
  function assertSignedBody(call) {
    const [, t, v1] = call.headers['x-stay-signature'].match(/^t=(\d+),v1=([0-9a-f]{64})$/);
    assert.ok(Math.abs(Date.now() / 1000 - Number(t)) < 30, `t=${t} is now`);
    const expected = createHmac('sha256', SECRET).update(Buffer.concat([Buffer.from(`${t}.`), call.rawBody])).digest('hex');
    assert.equal(v1, expected, `signature of ${call.subgraph}'s body ${call.body}`);
    return v1;
  }

  test('every subgraph request is signed over the exact body received, and the signature follows the variables', async () => {
    const query = 'query Page($id: ID!) { hotel(id: $id) { name availability(checkIn: "2026-12-24", checkOut: "2026-12-27", guests: 2) { available } } }';
    const first = `Zürich-café-${randomUUID()}`;
    const second = `Zürich-café-${randomUUID()}`;

    const answers = [await post(production, { query, variables: { id: first } }), await post(production, { query, variables: { id: second } })];

    for (const { body } of answers) assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const firstCalls = reachedSubgraphs(first);
    const secondCalls = reachedSubgraphs(second);
    assert.deepEqual(firstCalls.map((c) => c.subgraph).sort(), ['booking', 'catalog'], 'the hotel from catalog, its availability from booking');
    const firstSignatures = firstCalls.map(assertSignedBody);
    const secondSignatures = secondCalls.map(assertSignedBody);
    const firstCatalog = firstCalls.find((c) => c.subgraph === 'catalog');
    const secondCatalog = secondCalls.find((c) => c.subgraph === 'catalog');
    assert.notEqual(firstCatalog.body, secondCatalog.body);
    assert.equal(firstCatalog.body.replace(first, second), secondCatalog.body, 'only the variables differ');
    assert.notDeepEqual(firstSignatures, secondSignatures);
  });
});

describe('persisted documents', () => {
  const partnerToken = () => idp.token({ azp: 'acme-travel', realm_access: { roles: ['partner'] } });

  test('a partner runs a listed document by its id', async () => {
    const { status, body } = await post(production, { documentId: HOTEL_PAGE_ID, variables: { id: 'partner-page-1', ...stay } }, { token: partnerToken() });

    assert.equal(status, 200);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal(body.data.hotel.id, 'partner-page-1');
    assert.equal(body.data.hotel.availability[0].available, 1);
  });

  test('a partner sending a document of its own is refused with PERSISTED_QUERY_ONLY', async () => {
    const { status, body } = await post(production, hotelQuery('partner-own-1'), { token: partnerToken() });

    assert.equal(status, 403);
    assert.deepEqual(codes(body), ['PERSISTED_QUERY_ONLY']);
    assert.deepEqual(reachedSubgraphs('partner-own-1'), []);
  });

  test('a guest may still send a document of its own', async () => {
    const { body } = await post(production, hotelQuery('guest-own-1'), { token: idp.token() });

    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal(body.data.hotel.name, 'name-1');
  });

  test('an unknown document id is refused with PERSISTED_QUERY_NOT_FOUND', async () => {
    const { status, body } = await post(production, { documentId: `sha256:${'0'.repeat(64)}`, variables: { id: 'x', ...stay } }, { token: partnerToken() });

    assert.equal(status, 400);
    assert.deepEqual(codes(body), ['PERSISTED_QUERY_NOT_FOUND']);
  });
});

describe('document limits', () => {
  test('a document deeper than STAY_MAX_DEPTH (12) is refused with MAX_DEPTH_EXCEEDED', async () => {
    // Each fragment spread is a level: a chain of 12 spreads under hotel is valid GraphQL, and too deep.
    const fragments = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Hotel { ${i === 11 ? 'name' : `...F${i + 1}`} }`);
    const query = `query Deep { hotel(id: "deep-1") { ...F0 } } ${fragments.join(' ')}`;

    const { body } = await post(production, { query });

    assert.deepEqual(codes(body), ['MAX_DEPTH_EXCEEDED']);
    assert.match(body.errors[0].message, /depth limit of 12/);
    assert.deepEqual(reachedSubgraphs('deep-1'), []);
  });

  test('15 aliases run, 16 are refused with MAX_ALIASES_EXCEEDED', async () => {
    const aliased = (n, id) => ({ query: `{ hotel(id: "${id}") { ${Array.from({ length: n }, (_, i) => `a${i}: name`).join(' ')} } }` });

    const allowed = await post(production, aliased(15, 'aliases-15'));
    const refused = await post(production, aliased(16, 'aliases-16'));

    assert.equal(allowed.body.errors, undefined, JSON.stringify(allowed.body.errors));
    assert.deepEqual(codes(refused.body), ['MAX_ALIASES_EXCEEDED']);
    assert.deepEqual(reachedSubgraphs('aliases-16'), []);
  });

  test('a document of more than STAY_MAX_TOKENS (2000) tokens is refused with MAX_TOKENS_EXCEEDED', async () => {
    const query = `{ hotel(id: "tokens-1") { ${'name '.repeat(2000)} } }`;

    const { body } = await post(production, { query });

    assert.deepEqual(codes(body), ['MAX_TOKENS_EXCEEDED']);
  });

  test('introspection is refused in production and answered in the local profile', async () => {
    const query = { query: '{ __schema { queryType { name } } }' };

    const inProduction = await post(production, query);
    const inLocal = await post(local, query);

    assert.deepEqual([...new Set(codes(inProduction.body))], ['GRAPHQL_VALIDATION_FAILED']);
    assert.match(inProduction.body.errors[0].message, /introspection has been disabled/);
    assert.equal(inProduction.body.data, undefined);
    assert.equal(inLocal.body.data.__schema.queryType.name, 'Query');
  });

  test('a misspelt field gets no suggestion of the real one', async () => {
    const { body } = await post(production, { query: '{ hotel(id: "typo-1") { nam } }' });

    assert.deepEqual(codes(body), ['GRAPHQL_VALIDATION_FAILED']);
    assert.doesNotMatch(body.errors[0].message, /Did you mean|"name"/);
  });

  test('a batch of operations in one request is refused', async () => {
    const response = await fetch(production.graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([hotelQuery('batch-1'), hotelQuery('batch-2')]),
    });
    const body = await response.json();

    assert.equal(body.data, undefined);
    assert.ok(body.errors.length > 0);
    assert.deepEqual(reachedSubgraphs('batch-'), []);
  });

  test('GraphiQL is served in the local profile only, and no WebSocket is accepted', async () => {
    const page = (gateway) => fetch(gateway.graphql, { headers: { accept: 'text/html' } });
    const upgrade = await new Promise((resolve) => {
      const req = httpRequest(production.graphql, {
        headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': randomBytes(16).toString('base64'), 'sec-websocket-protocol': 'graphql-transport-ws' },
      });
      req.on('upgrade', (res, socket) => {
        socket.destroy();
        resolve(res.statusCode);
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.end();
    });

    assert.doesNotMatch(await (await page(production)).text(), /<html/i);
    assert.match(await (await page(local)).text(), /GraphiQL/);
    assert.notEqual(upgrade, 101);
  });

  test('a subgraph slower than STAY_REQUEST_TIMEOUT_MS is cut off, and the error names it without its address', async () => {
    const started = Date.now();

    const { status, body } = await post(production, hotelQuery(SLOW_HOTEL));

    assert.ok(Date.now() - started < 2 * TIMEOUT_MS, `answered after ${Date.now() - started} ms`);
    assert.equal(status, 504);
    if (PLANNER === 'rust') {
      // The one answer the planners shape differently (test/planners.test.mjs): the Rust one leaves out `data`
      // and the error's path.
      assert.equal(body.data, undefined);
    } else {
      assert.equal(body.data.hotel, null);
      assert.deepEqual(body.errors[0].path, ['hotel']);
    }
    assert.deepEqual(codes(body), ['GATEWAY_TIMEOUT']);
    assert.equal(body.errors[0].extensions.serviceName, 'catalog');
    assert.doesNotMatch(JSON.stringify(body), /127\.0\.0\.1|"query"/, 'no subgraph URL or subgraph query');
  });
});

describe('rate limits shared through Redis', () => {
  const probe = (note) => ({ query: 'mutation Probe($note: String) { probe(note: $note) }', variables: { note } });

  test('a user over STAY_RATE_LIMIT_MUTATIONS_PER_MINUTE is refused with RATE_LIMITED, counted across routers', async (t) => {
    if (!redis) return t.skip('no redis-server binary on this machine');
    const user = randomUUID();
    const token = idp.token({ sub: user });

    const runs = [];
    for (const gateway of [production, production, local, local]) runs.push(await post(gateway, probe(`user-${user}`), { token }));
    const otherUser = await post(production, probe('other-user'), { token: idp.token() });

    assert.deepEqual(runs.map((r) => r.status), [200, 200, 200, 429]);
    for (const run of runs.slice(0, 3)) assert.equal(run.body.data.probe, true);
    assert.deepEqual(codes(runs[3].body), ['RATE_LIMITED']);
    assert.ok(Number(runs[3].headers.get('retry-after')) > 0);
    assert.equal(reachedSubgraphs(`user-${user}`).length, MUTATIONS_PER_MINUTE);
    assert.equal(otherUser.body.data.probe, true, 'another user has a limit of their own');
  });

  test('a partner over STAY_RATE_LIMIT_PARTNER_PER_MINUTE is refused, whatever it runs', async (t) => {
    if (!redis) return t.skip('no redis-server binary on this machine');
    const azp = `partner-${randomUUID()}`;
    const token = () => idp.token({ azp, realm_access: { roles: ['partner'] } });
    const page = { documentId: HOTEL_PAGE_ID, variables: { id: 'partner-limit', ...stay } };

    const runs = [];
    for (let i = 0; i <= PARTNER_PER_MINUTE; i++) runs.push(await post(i % 2 ? local : production, page, { token: token() }));

    assert.deepEqual(runs.map((r) => r.status), [...Array(PARTNER_PER_MINUTE).fill(200), 429]);
    assert.deepEqual(codes(runs.at(-1).body), ['RATE_LIMITED']);
    const guest = await post(production, page, { token: idp.token({ azp }) });
    assert.equal(guest.status, 200, 'the limit is for tokens with the partner role only');
  });
});

describe('custom scalars checked at the router', () => {
  const availability = 'query Stay($id: ID!, $checkIn: Date!, $checkOut: Date!) { hotel(id: $id) { name availability(checkIn: $checkIn, checkOut: $checkOut, guests: 2) { available } } }';
  const invalidDates = ['tomorrow', '0000-01-01', '99999-01-01', '1899-12-31', '2027-02-29', '2026-13-01', '2026-12-24T00:00:00Z', ' 2026-12-24', '2026-12-24\u0000', '２０２６-１２-２４', '', 20261224, true, { year: 2026 }, ['2026-12-24']];

  test('an invalid Date in the variables is refused with BAD_USER_INPUT naming the variable, before any subgraph is called', async () => {
    for (const [i, checkIn] of invalidDates.entries()) {
      const marker = `bad-date-${i}-${randomUUID()}`;

      const { status, body } = await post(production, { query: availability, variables: { id: marker, checkIn, checkOut: '2026-12-27' } });

      const what = `checkIn ${JSON.stringify(checkIn)}`;
      assert.equal(status, 400, what);
      assert.deepEqual(codes(body), ['BAD_USER_INPUT'], `${what}: ${JSON.stringify(body)}`);
      assert.equal(body.errors[0].extensions.variable, 'checkIn', what);
      assert.equal(body.errors[0].extensions.reason, 'INVALID_DATE', what);
      assert.match(body.errors[0].message, /\$checkIn/, what);
      assert.equal(body.data, undefined, what);
      assert.deepEqual(reachedSubgraphs(marker), [], what);
    }
  });

  test('real days from 1900 to 9999, leap days included, reach the subgraphs unchanged', async () => {
    for (const [checkIn, checkOut] of [['2028-02-29', '2028-03-01'], ['1900-01-01', '1900-01-02'], ['9999-12-30', '9999-12-31']]) {
      const marker = `good-date-${randomUUID()}`;

      const { body } = await post(production, { query: availability, variables: { id: marker, checkIn, checkOut } });

      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      assert.equal(body.data.hotel.availability[0].available, 1);
      assert.ok(reachedSubgraphs(marker).some((call) => call.subgraph === 'booking' && call.body.includes(`"${checkIn}"`)));
    }
  });

  test('every invalid Date of a request is reported, with its place inside an input object', async () => {
    const query = 'mutation Open($input: SetRoomInventoryInput!) { setRoomInventory(input: $input) { __typename } }';
    const input = { roomTypeId: 'rt-1', from: '2026-02-30', to: 'next week', rooms: 1 };

    const { body } = await post(production, { query, variables: { input } }, { token: idp.token() });

    assert.deepEqual(codes(body), ['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    assert.deepEqual(body.errors.map((e) => [e.extensions.variable, e.extensions.field]), [['input', 'from'], ['input', 'to']]);
    assert.deepEqual(subgraphs.requests.filter((r) => r.body.includes('next week')), []);
  });

  test('Date and DateTime literals, list items and default values are checked too', async () => {
    const refused = {
      'an inline argument': `{ hotel(id: "lit-1") { availability(checkIn: "tomorrow", checkOut: "2026-12-27", guests: 2) { available } } }`,
      'an inline number': `{ hotel(id: "lit-2") { availability(checkIn: 20261224, checkOut: "2026-12-27", guests: 2) { available } } }`,
      'a list where one day is expected': `{ hotel(id: "lit-6") { availability(checkIn: ["2026-12-24"], checkOut: "2026-12-27", guests: 2) { available } } }`,
      'a list item': `mutation { probe(note: "lit-3", days: ["2026-12-24", "2026-02-30"]) }`,
      'a DateTime without offset': `mutation { probe(note: "lit-4", at: "2026-12-24T15:00:00") }`,
      'a default value': `query D($checkIn: Date! = "0000-01-01") { hotel(id: "lit-5") { availability(checkIn: $checkIn, checkOut: "2026-12-27", guests: 2) { available } } }`,
    };
    for (const [what, query] of Object.entries(refused)) {
      const { body } = await post(production, { query }, { token: idp.token() });

      assert.deepEqual(codes(body), ['BAD_USER_INPUT'], `${what}: ${JSON.stringify(body)}`);
      assert.match(body.errors[0].extensions.reason, /^INVALID_DATE(_TIME)?$/, what);
    }
    assert.deepEqual(reachedSubgraphs('lit-'), []);
    const inline = await post(production, { query: refused['an inline argument'] });
    assert.equal(inline.body.errors[0].extensions.argument, 'checkIn');
  });

  test('a DateTime variable and a list of Dates are checked item by item', async () => {
    const query = 'mutation P($note: String, $days: [Date!], $at: DateTime) { probe(note: $note, days: $days, at: $at) }';
    const token = idp.token();

    const good = await post(production, { query, variables: { note: `dt-${randomUUID()}`, days: ['2026-12-24', '2026-12-25'], at: '2026-12-24T15:00:00.5+05:30' } }, { token });
    const badItem = await post(production, { query, variables: { note: 'dt-bad-1', days: ['2026-12-24', '2026-12-32'] } }, { token });
    const badTime = await post(production, { query, variables: { note: 'dt-bad-2', at: '2026-12-24T25:00:00Z' } }, { token });

    assert.equal(good.body.errors, undefined, JSON.stringify(good.body.errors));
    assert.deepEqual([badItem.body.errors[0].extensions.variable, badItem.body.errors[0].extensions.field], ['days', '1']);
    assert.deepEqual([badTime.body.errors[0].extensions.variable, badTime.body.errors[0].extensions.reason], ['at', 'INVALID_DATE_TIME']);
    assert.deepEqual(reachedSubgraphs('dt-bad-'), []);
  });

  test('a persisted document gets the same check of its variables', async () => {
    const partner = idp.token({ azp: `scalars-${randomUUID()}`, realm_access: { roles: ['partner'] } });

    const { body } = await post(production, { documentId: HOTEL_PAGE_ID, variables: { id: 'persisted-bad-date', ...stay, checkOut: '2026-04-31' } }, { token: partner });

    assert.deepEqual(codes(body), ['BAD_USER_INPUT']);
    assert.equal(body.errors[0].extensions.variable, 'checkOut');
    assert.deepEqual(reachedSubgraphs('persisted-bad-date'), []);
  });
});

describe('anonymous callers, limited by address', () => {
  // A loopback address of its own for each test, so each starts with a full budget.
  let nextAddress = 10;
  const ownAddress = () => `127.0.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 2}`;
  const hotels = (n, marker) => ({ query: `{ ${Array.from({ length: n }, (_, i) => `h${i}: hotel(id: "${marker}-${i}") { name }`).join(' ')} }` });
  const json = (body) => JSON.stringify(body);

  test('an anonymous caller pays for every root field, aliases included, and is refused over its budget', async () => {
    const from = ownAddress();
    const marker = `anon-${randomUUID()}`;

    // 15 aliased hotels cost 15: two such requests fit in 40, a third does not.
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await send(production, { from, body: json(hotels(15, `${marker}-${i}`)) }));

    assert.deepEqual(runs.map((r) => r.status), [200, 200, 429]);
    assert.deepEqual(codes(runs[2].body), ['RATE_LIMITED']);
    assert.ok(Number(runs[2].headers['retry-after']) > 0);
    assert.equal(runs[2].body.errors[0].extensions.retryAfter, Number(runs[2].headers['retry-after']));
    assert.deepEqual(reachedSubgraphs(`${marker}-2`), [], 'the refused request ran nothing');
    assert.deepEqual([runs[2].body.errors[0].extensions.cost, runs[2].body.errors[0].extensions.limit], [15, ANONYMOUS_PER_MINUTE]);
    // The refused request spent nothing: 10 fields are left, and not one more.
    const rest = await send(production, { from, body: json(hotels(10, `${marker}-rest`)) });
    const oneMore = await send(production, { from, body: json(hotels(1, `${marker}-one-more`)) });
    assert.deepEqual([rest.status, oneMore.status], [200, 429]);
  });

  test('the budget is shared by the routers and by every kind of operation', async (t) => {
    if (!redis) return t.skip('no redis-server binary on this machine: each router would count on its own');
    const from = ownAddress();
    const marker = `anon-shared-${randomUUID()}`;

    const runs = [];
    for (const gateway of [production, local, production]) runs.push(await send(gateway, { from, body: json(hotels(15, marker)) }));

    assert.deepEqual(runs.map((r) => r.status), [200, 200, 429]);
  });

  test('without trusted proxies X-Forwarded-For is ignored: a new address per request does not reset the budget', async () => {
    const from = ownAddress();

    const runs = [];
    for (let i = 0; i < 3; i++) {
      runs.push(await send(production, { from, headers: { 'x-forwarded-for': `203.0.113.${i + 1}` }, body: json(hotels(15, `xff-${randomUUID()}`)) }));
    }

    assert.deepEqual(runs.map((r) => r.status), [200, 200, 429]);
  });

  test('behind a trusted proxy the caller is the address it forwards, and what the client wrote to its left is ignored', async (t) => {
    if (!redis) return t.skip('no redis-server binary on this machine');
    const client = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    const spoofed = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    const counter = new Redis(redis.url);
    t.after(() => counter.disconnect());

    // The local router trusts 127.0.0.1 only: from there X-Forwarded-For is read, from 127.0.x.y it is not.
    const viaProxy = await send(local, { from: '127.0.0.1', headers: { 'x-forwarded-for': `${spoofed}, ${client}` }, body: json(hotels(3, `proxied-${randomUUID()}`)) });
    const untrustedPeer = ownAddress();
    const direct = await send(local, { from: untrustedPeer, headers: { 'x-forwarded-for': client }, body: json(hotels(2, `direct-${randomUUID()}`)) });

    assert.equal(viaProxy.status, 200);
    assert.equal(direct.status, 200);
    assert.equal(await counter.get(`stay:router:rate:anonymous:${client}`), '3');
    assert.equal(await counter.get(`stay:router:rate:anonymous:${spoofed}`), null);
    assert.equal(await counter.get(`stay:router:rate:anonymous:${untrustedPeer}`), '2');
  });

  test('a persisted document sent without a token is anonymous: limited by address, never by the partner budget', async () => {
    const from = ownAddress();
    const azp = `partner-${randomUUID()}`;
    const partner = idp.token({ azp, realm_access: { roles: ['partner'] } });
    const page = (marker) => json({ documentId: HOTEL_PAGE_ID, variables: { id: marker, ...stay } });

    const anonymous = [];
    for (let i = 0; i <= ANONYMOUS_PER_MINUTE; i++) anonymous.push(await send(production, { from, body: page(`tokenless-${i}`) }));
    const withToken = await send(production, { from, headers: { authorization: `Bearer ${partner}` }, body: page('tokenless-partner') });

    assert.deepEqual(anonymous.map((r) => r.status), [...Array(ANONYMOUS_PER_MINUTE).fill(200), 429]);
    assert.deepEqual(codes(anonymous.at(-1).body), ['RATE_LIMITED']);
    assert.equal(withToken.status, 200, 'the partner, with its token, has a budget of its own');
  });

  test('a partner token holds its bearer to the persisted documents and the partner budget, from any address', async () => {
    const azp = `partner-${randomUUID()}`;
    const token = () => idp.token({ azp, realm_access: { roles: ['partner'] } });
    const page = json({ documentId: HOTEL_PAGE_ID, variables: { id: 'partner-any-address', ...stay } });

    const own = await send(production, { from: ownAddress(), headers: { authorization: `Bearer ${token()}` }, body: json(hotelQuery('partner-own-doc')) });
    const runs = [];
    for (let i = 0; i <= PARTNER_PER_MINUTE; i++) runs.push(await send(production, { from: ownAddress(), headers: { authorization: `Bearer ${token()}` }, body: page }));

    assert.equal(own.status, 403);
    assert.deepEqual(codes(own.body), ['PERSISTED_QUERY_ONLY']);
    assert.deepEqual(runs.map((r) => r.status), [...Array(PARTNER_PER_MINUTE).fill(200), 429], 'a new address does not reset a partner budget');
  });
});

describe('request body size', () => {
  // Without the cap the router would wait for the rest of a body that never comes: a time limit, not a hang.
  const padded = (bytes, marker = 'body-size') => JSON.stringify({ query: 'query Pad($pad: ID!) { hotel(id: $pad) { name } }', variables: { pad: `${marker}-${'x'.repeat(bytes)}` } });

  test('a body over STAY_MAX_BODY_BYTES is refused with 413 PAYLOAD_TOO_LARGE, one under it runs', { timeout: 10_000 }, async () => {
    const under = await send(production, { body: padded(MAX_BODY_BYTES - 200) });
    // A declared length over the cap is answered at once, before a byte of the body is read.
    const over = await send(production, { headers: { 'content-length': String(MAX_BODY_BYTES + 1) }, end: false });
    const huge = await send(production, { headers: { 'content-length': String(1 << 30) }, end: false });

    assert.equal(under.status, 200, JSON.stringify(under.body).slice(0, 300));
    assert.equal(under.body.data.hotel.name, 'name-1');
    for (const refused of [over, huge]) {
      assert.equal(refused.status, 413);
      assert.deepEqual(codes(refused.body), ['PAYLOAD_TOO_LARGE']);
      assert.equal(refused.body.errors[0].extensions.maxBytes, MAX_BODY_BYTES);
    }
  });

  test('a chunked body without a Content-Length is counted as it arrives, and refused once past the cap', { timeout: 10_000 }, async () => {
    const body = padded(2 * MAX_BODY_BYTES, 'chunked');
    const chunks = Array.from({ length: MAX_BODY_BYTES / 4096 + 1 }, (_, i) => body.slice(i * 4096, (i + 1) * 4096));

    // Never ended: the router answers as soon as it has read more than the cap.
    const { status, body: answer } = await send(production, { body: chunks, end: false });

    assert.equal(status, 413);
    assert.deepEqual(codes(answer), ['PAYLOAD_TOO_LARGE']);
    assert.equal(reachedSubgraphs('chunked-').length, 0);
  });

  test('a compressed body is not inflated: a small gzip bomb gets nowhere', { timeout: 10_000 }, async () => {
    // The gateway's contentEncoding setting is off, so request bodies are never decompressed; were it turned on,
    // the cap would still count the inflated bytes (src/request-size.mjs reads the body as the parser gets it).
    const bomb = gzipSync(padded(64 * MAX_BODY_BYTES, 'gzip-bomb'));

    const refused = await send(production, { headers: { 'content-encoding': 'gzip' }, body: bomb });

    assert.ok(bomb.length < MAX_BODY_BYTES, `the bomb is ${bomb.length} bytes on the wire`);
    assert.ok(refused.status >= 400 && refused.status < 500, `answered ${refused.status}`);
    assert.equal(refused.body.data, undefined);
    assert.equal(reachedSubgraphs('gzip-bomb').length, 0);
  });

  test('a Content-Length that is no number gets no further', { timeout: 10_000 }, async () => {
    for (const declared of ['1e9', '-1', '0x10']) {
      const { status } = await send(production, { headers: { 'content-length': declared }, end: false });

      assert.ok([400, 413].includes(status), `Content-Length ${declared}: ${status}`);
    }
  });
});

describe('mutations counted by field', () => {
  const aliased = (n, note) => ({ query: `mutation { ${Array.from({ length: n }, (_, i) => `p${i}: probe(note: "${note}")`).join(' ')} }` });

  test('one request with more aliased mutations than the budget is refused whole, and runs none of them', async (t) => {
    if (!redis) return t.skip('no redis-server binary on this machine');
    const token = idp.token({ sub: randomUUID() });
    const note = `aliased-${randomUUID()}`;

    const { status, body } = await post(production, aliased(MUTATIONS_PER_MINUTE + 1, note), { token });

    assert.equal(status, 429);
    assert.deepEqual(codes(body), ['RATE_LIMITED']);
    assert.deepEqual(reachedSubgraphs(note), []);
  });

  test('aliased mutations add up across requests and routers, through fragments too', async (t) => {
    if (!redis) return t.skip('no redis-server binary on this machine');
    const token = idp.token({ sub: randomUUID() });
    const note = `fragments-${randomUUID()}`;
    const viaFragment = { query: `mutation { ...Two } fragment Two on Mutation { a: probe(note: "${note}") b: probe(note: "${note}") }` };

    const first = await post(production, viaFragment, { token });
    const second = await post(local, aliased(2, `${note}-second`), { token });

    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body.data, { a: true, b: true });
    assert.equal(second.status, 429, '2 + 2 fields are more than 3');
    assert.deepEqual(reachedSubgraphs(`${note}-second`), []);
    const third = await post(production, aliased(1, `${note}-third`), { token });
    assert.equal(third.status, 200, 'the third field of the budget is still there');
  });

  test('sixteen aliased mutations in one request cost sixteen', async (t) => {
    if (!redis) return t.skip('no redis-server binary on this machine');
    const sub = randomUUID();
    const counter = new Redis(redis.url);
    t.after(() => counter.disconnect());
    const sixteen = { query: `mutation { probe(note: "sixteen") ${Array.from({ length: 15 }, (_, i) => `p${i}: probe(note: "sixteen")`).join(' ')} }` };

    const refused = await post(production, sixteen, { token: idp.token({ sub }) });
    const one = await post(production, { query: 'mutation { probe(note: "after-sixteen") }' }, { token: idp.token({ sub }) });

    assert.equal(refused.status, 429);
    assert.equal(refused.body.errors[0].extensions.cost, 16);
    assert.equal(refused.body.errors[0].extensions.limit, MUTATIONS_PER_MINUTE);
    assert.equal(one.status, 200, 'the refused request ran nothing and spent nothing');
    assert.equal(await counter.get(`stay:router:rate:user-mutations:${sub}`), '1');
  });

  test('replaying the same signed-in mutation request counts every replay', async (t) => {
    if (!redis) return t.skip('no redis-server binary on this machine');
    const token = idp.token({ sub: randomUUID() });
    const replayed = JSON.stringify(aliased(1, `replay-${randomUUID()}`));

    const runs = [];
    for (let i = 0; i <= MUTATIONS_PER_MINUTE; i++) runs.push(await send(i % 2 ? local : production, { headers: { authorization: `Bearer ${token}` }, body: replayed }));

    assert.deepEqual(runs.map((r) => r.status), [...Array(MUTATIONS_PER_MINUTE).fill(200), 429]);
  });
});

describe('signed-in users, limited on every operation', () => {
  const hotels = (n, marker) => ({ query: `{ ${Array.from({ length: n }, (_, i) => `h${i}: hotel(id: "${marker}-${i}") { name }`).join(' ')} }` });

  test('a token does not buy unlimited reads: a user pays for every root field of its queries too', async (t) => {
    if (!redis) return t.skip('no redis-server binary on this machine: each router would count on its own');
    const sub = randomUUID();
    const marker = `user-reads-${randomUUID()}`;

    const first = await post(production, hotels(15, `${marker}-a`), { token: idp.token({ sub }) });
    const second = await post(local, hotels(15, `${marker}-b`), { token: idp.token({ sub }) });
    const otherUser = await post(production, hotels(15, `${marker}-c`), { token: idp.token() });

    assert.deepEqual([first.status, second.status, otherUser.status], [200, 429, 200]);
    assert.deepEqual(codes(second.body), ['RATE_LIMITED']);
    assert.equal(second.body.errors[0].extensions.limit, USER_PER_MINUTE);
    assert.deepEqual(reachedSubgraphs(`${marker}-b`), []);
  });

  test('a token without a subject is counted as anonymous, by its address', async (t) => {
    if (!redis) return t.skip('no redis-server binary on this machine');
    const from = '127.0.9.9';
    const counter = new Redis(redis.url);
    t.after(() => counter.disconnect());
    const token = idp.token({ sub: undefined });

    const { status } = await send(production, { from, headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(hotels(3, `no-sub-${randomUUID()}`)) });

    assert.equal(status, 200);
    assert.equal(await counter.get(`stay:router:rate:anonymous:${from}`), '3');
  });

  test('a partner is held to its own budget, not a user budget', async () => {
    const azp = `partner-${randomUUID()}`;
    const sub = randomUUID();
    const page = { documentId: HOTEL_PAGE_ID, variables: { id: 'partner-not-user', ...stay } };

    const runs = [];
    for (let i = 0; i < PARTNER_PER_MINUTE; i++) runs.push(await post(production, page, { token: idp.token({ azp, sub, realm_access: { roles: ['partner'] } }) }));
    const sameSubAsGuest = await post(production, hotels(15, `partner-sub-${randomUUID()}`), { token: idp.token({ sub }) });

    assert.deepEqual(runs.map((r) => r.status), Array(PARTNER_PER_MINUTE).fill(200));
    assert.equal(sameSubAsGuest.status, 200, 'the partner runs did not spend a user budget');
  });
});
