import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildSchema } from 'graphql';
import { composeSubgraphs, subgraphUrls } from '../compose.mjs';

const COMPOSE_SCRIPT = fileURLToPath(new URL('../compose.mjs', import.meta.url));
const run = promisify(execFile);

const workDir = mkdtempSync(join(tmpdir(), 'stay-compose-'));
after(() => rmSync(workDir, { recursive: true, force: true }));

/** Writes { subgraph: { file: sdl } } under a fresh folder and returns it. */
function schemaFolder(name, subgraphs) {
  const root = join(workDir, name);
  for (const [subgraph, files] of Object.entries(subgraphs)) {
    mkdirSync(join(root, subgraph), { recursive: true });
    for (const [file, sdl] of Object.entries(files)) writeFileSync(join(root, subgraph, file), sdl);
  }
  return root;
}

const FED = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n';

// catalog and booking both define Money.amount, as a String in one and a Float in the other:
// neither is @shareable and the types differ, so no router could plan a query for it.
const conflictingMoney = {
  catalog: { 'catalog.graphqls': `${FED} type Query { price: Money } type Money { amount: String! }` },
  booking: { 'booking.graphqls': `${FED} type Query { deposit: Money } type Money { amount: Float! }` },
  users: { 'users.graphqls': `${FED} type User @key(fields: "id") { id: ID! }` },
};

describe('composition of the Stay subgraphs', () => {
  test('the real schemas compose into a public API where booking adds availability to Hotel', () => {
    const result = composeSubgraphs();

    assert.equal(result.errors, undefined, result.errors?.map((e) => e.message).join('\n'));
    const api = buildSchema(result.publicSdl);
    assert.ok(api.getType('Hotel').getFields().availability, 'Hotel.availability');
    assert.ok(api.getType('User').getFields().displayName, 'User.displayName');
    assert.doesNotMatch(result.publicSdl, /join__|link__/, 'no federation internals in the public API');
  });

  test('each subgraph is routed to the URL its environment variable gives', () => {
    const urls = subgraphUrls({ STAY_BOOKING_URL: 'http://booking.internal:8080/graphql' });

    const result = composeSubgraphs(undefined, urls);

    assert.match(result.supergraphSdl, /name: "booking", url: "http:\/\/booking\.internal:8080\/graphql"/);
    assert.match(result.supergraphSdl, /name: "catalog", url: "http:\/\/127\.0\.0\.1:4001\/graphql"/);
  });

  test('a field two subgraphs define with different types fails composition with an error naming it', () => {
    const dir = schemaFolder('conflict', conflictingMoney);

    const result = composeSubgraphs(dir, subgraphUrls({}));

    assert.equal(result.supergraphSdl, undefined);
    assert.ok(result.errors.length > 0);
    assert.ok(result.errors.some((e) => e.message.includes('Money.amount')), result.errors.map((e) => e.message).join('\n'));
  });

  test('a subgraph folder without a schema file is reported by name', () => {
    const dir = schemaFolder('missing', { ...conflictingMoney, users: { 'README.md': '' } });

    assert.throws(() => composeSubgraphs(dir, subgraphUrls({})), /subgraph users: no \*\.graphqls file/);
  });
});

describe('compose.mjs as a script', () => {
  test('writes the supergraph and the public API schema beside it', async () => {
    const out = join(workDir, 'out', 'supergraph.graphql');

    const { stdout } = await run(process.execPath, [COMPOSE_SCRIPT, '--out', out]);

    assert.match(readFileSync(out, 'utf8'), /@join__graph\(name: "users"/);
    assert.match(readFileSync(join(workDir, 'out', 'api-schema.graphql'), 'utf8'), /availability\(/);
    assert.match(stdout, /supergraph\.graphql/);
  });

  test('exits 1 and prints every composition error when the schemas conflict', async () => {
    const dir = schemaFolder('conflict-cli', conflictingMoney);
    const out = join(workDir, 'conflict-out', 'supergraph.graphql');

    const failure = await run(process.execPath, [COMPOSE_SCRIPT, '--schema', dir, '--out', out]).then(
      () => assert.fail('compose.mjs should have failed'),
      (e) => e,
    );

    assert.equal(failure.code, 1);
    const expected = composeSubgraphs(dir, subgraphUrls({})).errors;
    for (const error of expected) assert.ok(failure.stderr.includes(error.message), `stderr lacks: ${error.message}`);
    assert.throws(() => readFileSync(out), /ENOENT/, 'nothing written');
  });
});
