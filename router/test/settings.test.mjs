import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LOCAL_SIGNING_SECRET, loadSettings, PUBLISHED_SIGNING_SECRETS, signingSecretProblem } from '../src/settings.mjs';

const REPO_DIR = resolve(fileURLToPath(new URL('../..', import.meta.url)));

// Made for this run: a secret written here would be published, and refused.
const PRODUCTION = {
  STAY_OIDC_ISSUER: 'https://id.stay.example/realms/stay',
  STAY_ROUTER_SIGNING_SECRET: randomBytes(32).toString('hex'),
  STAY_REDIS_URL: 'redis://redis.internal:6379',
};

const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'target', '.platform', '.idea', '.vscode']);

/** Every text file of the repository (build output and dependencies left out), as [path, text]. */
function* repositoryFiles(dir = REPO_DIR) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* repositoryFiles(path);
    } else if (entry.isFile() && statSync(path).size < 1 << 20) {
      const bytes = readFileSync(path);
      if (!bytes.includes(0)) yield [relative(REPO_DIR, path), bytes.toString('utf8')];
    }
  }
}

/** Values the repository gives a router signing secret: in code, compose and .env files, Java tests. */
function committedSigningSecrets() {
  const anyFile = () => true;
  const notCode = (file) => !/\.(m?js|java|ts)$/.test(file);
  const patterns = [
    // STAY_ROUTER_SIGNING_SECRET: 'x' / "STAY_ROUTER_SIGNING_SECRET", "x" / STAY_ROUTER_SIGNING_SECRET = "x" (a YAML anchor may come first)
    [anyFile, /STAY_ROUTER_SIGNING_SECRET["']?\s*[:=,]\s*(?:&[\w-]+\s+)?(["'])([^"'\n]+)\1/g],
    // unquoted, in .env, YAML, properties and shell files: STAY_ROUTER_SIGNING_SECRET=x (not ${...} or *alias)
    [notCode, /^\s*(?:export\s+)?STAY_ROUTER_SIGNING_SECRET\s*[:=]\s*(?:&[\w-]+\s+)?([^\s"'#$*&][^\s#]*)/gm],
    // the subgraphs' constants and test signers
    [anyFile, /SIGNING_SECRET\s*=\s*["']([^"']+)["']/g],
    [anyFile, /new RouterSignature\(\s*"([^"]+)"/g],
  ];
  const found = [];
  for (const [file, text] of repositoryFiles()) {
    for (const [applies, pattern] of patterns) {
      if (!applies(file)) continue;
      for (const match of text.matchAll(pattern)) found.push({ file, value: match.at(-1) });
    }
  }
  return found;
}

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
      anonymousPerMinute: 300,
      userPerMinute: 600,
      maxBodyBytes: 131072,
    });
    assert.equal(settings.trustedProxies, null, 'no X-Forwarded-For is trusted unless configured');
  });

  test('trusted proxies are addresses and CIDR networks; anything else is refused by name', () => {
    const { trustedProxies } = loadSettings({ ...PRODUCTION, STAY_TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7 2001:db8::/32' });

    assert.ok(trustedProxies.check('10.1.2.3', 'ipv4'));
    assert.ok(trustedProxies.check('192.0.2.7', 'ipv4'));
    assert.ok(!trustedProxies.check('192.0.2.8', 'ipv4'));
    assert.ok(trustedProxies.check('2001:db8:1::1', 'ipv6'));
    for (const bad of ['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/2', '*', '2001:db8::/129']) {
      assert.throws(() => loadSettings({ ...PRODUCTION, STAY_TRUSTED_PROXIES: bad }), /STAY_TRUSTED_PROXIES/, bad);
    }
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

  test('production refuses every secret published in the repository, in any case, and placeholders', () => {
    for (const published of [...PUBLISHED_SIGNING_SECRETS, 'STAY-COMPOSE-LOCAL-DEV-SIGNING-SECRET', ' stay-compose-local-dev-signing-secret ']) {
      assert.throws(() => loadSettings({ ...PRODUCTION, STAY_ROUTER_SIGNING_SECRET: published }), /STAY_ROUTER_SIGNING_SECRET/, published);
    }
    assert.throws(
      () => loadSettings({ ...PRODUCTION, STAY_ROUTER_SIGNING_SECRET: 'stay-compose-local-dev-signing-secret' }),
      /published in the Stay repository/,
    );
    assert.throws(() => loadSettings({ ...PRODUCTION, STAY_ROUTER_SIGNING_SECRET: 'please-replace-me-with-a-real-generated-value' }), /placeholder/);
    assert.throws(() => loadSettings({ ...PRODUCTION, STAY_ROUTER_SIGNING_SECRET: 'ab'.repeat(20) }), /distinct characters/);
  });

  test('every signing secret committed anywhere in the repository is refused outside the local profile', () => {
    const committed = committedSigningSecrets();

    // The scan must see what is there: the subgraphs' local secret, the .env.example placeholder.
    const values = committed.map((c) => c.value);
    assert.ok(values.includes(LOCAL_SIGNING_SECRET), `scan found ${JSON.stringify(committed)}`);
    assert.ok(committed.some((c) => c.file === '.env.example'), `scan found ${JSON.stringify(committed)}`);
    const accepted = committed.filter(({ value }) => signingSecretProblem(value) === null);
    assert.deepEqual(accepted, [], 'committed values a production router would accept: add them to PUBLISHED_SIGNING_SECRETS');
  });

  test('compose.yaml takes the signing secret from the environment and refuses to start without it', () => {
    const compose = readFileSync(join(REPO_DIR, 'compose.yaml'), 'utf8');
    const lines = compose.split('\n').filter((line) => /^\s*STAY_ROUTER_SIGNING_SECRET:/.test(line));

    assert.ok(lines.length > 0);
    for (const line of lines) assert.match(line, /:\s*(?:&[\w-]+\s+)?(?:\$\{STAY_ROUTER_SIGNING_SECRET:\?[^}]+\}|\*[\w-]+)\s*$/, line);
  });

  test('a generated secret is accepted', () => {
    assert.equal(signingSecretProblem(randomBytes(32).toString('hex')), null);
    assert.equal(signingSecretProblem(randomBytes(32).toString('base64')), null);
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

  test('the planner is the JavaScript one unless STAY_ROUTER_PLANNER names the Rust one; anything else is refused', () => {
    assert.equal(loadSettings(PRODUCTION).planner, 'javascript');
    assert.equal(loadSettings({ ...PRODUCTION, STAY_ROUTER_PLANNER: 'rust' }).planner, 'rust');
    assert.throws(() => loadSettings({ ...PRODUCTION, STAY_ROUTER_PLANNER: 'fast' }), /STAY_ROUTER_PLANNER must be one of rust, javascript/);
  });
});
