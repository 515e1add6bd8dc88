import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOCAL_SIGNING_SECRET, loadSettings } from '../src/settings.mjs';

const PRODUCTION = {
  STAY_OIDC_ISSUER: 'https://id.stay.example/realms/stay',
  STAY_ROUTER_SIGNING_SECRET: 'a-production-secret-of-at-least-32-characters',
  STAY_REDIS_URL: 'redis://redis.internal:6379',
};

describe('router settings', () => {
  test('production reads the identity provider, secret and Redis, with the documented limits by default', () => {
    const settings = loadSettings(PRODUCTION);

    assert.equal(settings.local, false);
    assert.deepEqual(settings.oidc, {
      issuer: 'https://id.stay.example/realms/stay',
      jwksUrl: 'https://id.stay.example/realms/stay/protocol/openid-connect/certs',
      audience: 'stay-api',
    });
    assert.deepEqual(settings.limits, {
      maxDepth: 12,
      maxTokens: 2000,
      maxAliases: 15,
      requestTimeoutMs: 10000,
      mutationsPerMinute: 30,
      partnerPerMinute: 600,
    });
  });

  test('production refuses to start without issuer, signing secret and Redis, naming each', () => {
    assert.throws(
      () => loadSettings({}),
      (e) => ['STAY_OIDC_ISSUER', 'STAY_ROUTER_SIGNING_SECRET', 'STAY_REDIS_URL'].every((name) => e.message.includes(`${name} is required`)),
    );
  });

  test('production refuses the local-development secret and short secrets', () => {
    assert.throws(() => loadSettings({ ...PRODUCTION, STAY_ROUTER_SIGNING_SECRET: LOCAL_SIGNING_SECRET }), /local-development secret/);
    assert.throws(() => loadSettings({ ...PRODUCTION, STAY_ROUTER_SIGNING_SECRET: 'short' }), /at least 32 characters/);
  });

  test('the local profile starts without Keycloak or Redis, with the local-development secret', () => {
    const settings = loadSettings({ STAY_ROUTER_PROFILE: 'local' });

    assert.equal(settings.local, true);
    assert.equal(settings.oidc, null);
    assert.equal(settings.signingSecret, LOCAL_SIGNING_SECRET);
    assert.equal(settings.redisUrl, null);
  });

  test('explicit JWKS URL, audience and limits win over the defaults', () => {
    const settings = loadSettings({
      ...PRODUCTION,
      STAY_OIDC_JWKS_URL: 'http://keycloak.internal:8080/realms/stay/protocol/openid-connect/certs',
      STAY_API_AUDIENCE: 'stay-partner-api',
      STAY_MAX_DEPTH: '8',
      STAY_RATE_LIMIT_PARTNER_PER_MINUTE: '1200',
    });

    assert.equal(settings.oidc.jwksUrl, 'http://keycloak.internal:8080/realms/stay/protocol/openid-connect/certs');
    assert.equal(settings.oidc.audience, 'stay-partner-api');
    assert.equal(settings.limits.maxDepth, 8);
    assert.equal(settings.limits.partnerPerMinute, 1200);
  });

  test('a limit that is not a positive whole number is refused by name', () => {
    assert.throws(() => loadSettings({ ...PRODUCTION, STAY_MAX_ALIASES: '0' }), /STAY_MAX_ALIASES must be a positive whole number/);
    assert.throws(() => loadSettings({ ...PRODUCTION, STAY_REQUEST_TIMEOUT_MS: '10s' }), /STAY_REQUEST_TIMEOUT_MS/);
  });
});
