// The router's rules, each proven against the real gateway process: started as the platform starts it, in
// front of fake subgraphs built from the real schema, with tokens from a stand-in Keycloak and, when a
// redis-server binary is available, rate-limit counters in a real Redis shared by two routers.

import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
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
const TIMEOUT_MS = 1000;
const SLOW_HOTEL = 'hotel-that-answers-late';

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
  };
  const started = await Promise.allSettled([startGateway(env), startGateway({ ...env, STAY_ROUTER_PROFILE: 'local' })]);
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
    assert.equal(body.data.hotel, null);
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
