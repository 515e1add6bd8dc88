// What the rate limits count (operationCost) and whose budget an anonymous request falls under (clientAddress),
// on their own; test/gateway.test.mjs proves the same through the real gateway and Redis.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'graphql';
import { addressKey, clientAddress, normaliseAddress, parseTrustedProxies } from '../src/client-address.mjs';
import { operationCost } from '../src/rate-limits.mjs';

const cost = (source, variables, operationName) => operationCost(parse(source), operationName, variables);

describe('what an operation costs', () => {
  test('each root field counts, every alias a field of its own', () => {
    const sixteen = `mutation { ${Array.from({ length: 16 }, (_, i) => `m${i}: createBooking(input: {}, idempotencyKey: "k${i}") { __typename }`).join(' ')} }`;

    assert.deepEqual(cost(sixteen), { operation: 'mutation', fields: 16 });
    assert.deepEqual(cost('mutation { probe }'), { operation: 'mutation', fields: 1 });
    assert.deepEqual(cost('{ a: hotel(id: "1") { name } b: hotel(id: "2") { name } me { id } }'), { operation: 'query', fields: 3 });
  });

  test('fragments are followed, inline or spread, and a name selected twice runs once', () => {
    const viaFragments = `mutation { ...A ... on Mutation { c: probe d: probe } probe }
      fragment A on Mutation { a: probe b: probe ...B }
      fragment B on Mutation { e: probe a: probe }`;

    assert.equal(cost(viaFragments).fields, 6); // a b e c d probe
    assert.equal(cost('mutation { probe probe probe }').fields, 1);
  });

  test('a fragment that spreads itself is counted once, not forever', () => {
    assert.equal(operationCost(parse('mutation { ...A } fragment A on Mutation { a: probe ...A }', { noLocation: true })).fields, 1);
  });

  test('@skip and @include are applied, with literals and variables', () => {
    const source = 'mutation M($yes: Boolean!, $no: Boolean!) { a: probe @skip(if: true) b: probe @include(if: $no) c: probe @include(if: $yes) d: probe @skip(if: $no) }';

    assert.equal(cost(source, { yes: true, no: false }).fields, 2);
    assert.equal(cost(source, { yes: false, no: true }).fields, 1);
  });

  test('__typename is free, and an operation costs at least 1', () => {
    assert.equal(cost('mutation { __typename a: probe }').fields, 1);
    assert.equal(cost('{ __typename }').fields, 1);
  });

  test('the operation named in the request is the one counted', () => {
    const source = 'query Q { a: hotel(id: "1") { name } } mutation M { a: probe b: probe c: probe }';

    assert.deepEqual(cost(source, {}, 'M'), { operation: 'mutation', fields: 3 });
    assert.deepEqual(cost(source, {}, 'Q'), { operation: 'query', fields: 1 });
  });
});

describe('the address of an anonymous caller', () => {
  const { trusted } = parseTrustedProxies('10.0.0.0/8, 2001:db8:ffff::1');

  test('without trusted proxies X-Forwarded-For is ignored: the TCP peer is the caller', () => {
    assert.equal(clientAddress('198.51.100.7', '203.0.113.1', null), '198.51.100.7');
    assert.equal(clientAddress('198.51.100.7', '203.0.113.1', parseTrustedProxies('').trusted), '198.51.100.7');
  });

  test('a peer that is not a trusted proxy is the caller, whatever it forwards', () => {
    assert.equal(clientAddress('198.51.100.7', '10.0.0.1, 203.0.113.1', trusted), '198.51.100.7');
  });

  test('behind trusted proxies the first address from the right that is no trusted proxy is the caller', () => {
    assert.equal(clientAddress('10.0.0.2', '203.0.113.9', trusted), '203.0.113.9');
    // What the client wrote itself is to the left of what the proxies appended: never read.
    assert.equal(clientAddress('10.0.0.2', '192.0.2.66, 198.51.100.1, 203.0.113.9', trusted), '203.0.113.9');
    assert.equal(clientAddress('10.0.0.2', '203.0.113.9, 10.9.9.9', trusted), '203.0.113.9');
    assert.equal(clientAddress('::ffff:10.0.0.2', '203.0.113.9,10.9.9.9', trusted), '203.0.113.9');
  });

  test('odd X-Forwarded-For values never move the count onto another caller', () => {
    assert.equal(clientAddress('10.0.0.2', '', trusted), '10.0.0.2');
    assert.equal(clientAddress('10.0.0.2', 'not-an-address', trusted), '10.0.0.2');
    assert.equal(clientAddress('10.0.0.2', '203.0.113.9, unknown', trusted), '10.0.0.2');
    assert.equal(clientAddress('10.0.0.2', '203.0.113.9:4711', trusted), '10.0.0.2');
    assert.equal(clientAddress('10.0.0.2', '[2001:DB8::7]', trusted), '2001:db8::7');
    assert.equal(clientAddress('10.0.0.2', '10.0.0.3, 10.0.0.4', trusted), '10.0.0.3', 'all trusted: the farthest one');
  });

  test('addresses are normalised: IPv4-mapped IPv6 is IPv4, case and brackets do not matter', () => {
    assert.equal(normaliseAddress('::ffff:127.0.0.1'), '127.0.0.1');
    assert.equal(normaliseAddress('[2001:DB8::1]'), '2001:db8::1');
    assert.equal(normaliseAddress('127.0.0.1%lo'), null);
    assert.equal(clientAddress(undefined, null, null), 'unknown');
  });

  test('an IPv6 caller is counted by its /64, an IPv4 caller by its address', () => {
    assert.equal(addressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
    assert.equal(addressKey('2001:0db8:0001:0002::9'), '2001:db8:1:2::/64');
    assert.equal(addressKey('203.0.113.9'), '203.0.113.9');
  });
});
