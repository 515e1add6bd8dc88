// Child processes of the tests (the gateway, Redis), each stopped by its PID, also when a test fails.

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROUTER_DIR = fileURLToPath(new URL('..', import.meta.url));
const GATEWAY_BIN = join('node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startChild(command, args, options) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    pid: child.pid,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The environment of a child: this process's, less anything that would configure the router behind the test's back. */
function cleanEnv(extra) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('STAY_') && !['HOST', 'PORT', 'FORK'].includes(name)),
  );
  return { ...env, ...extra };
}

/**
 * Starts the gateway as the platform does (`node node_modules/@graphql-hive/gateway/dist/bin.js supergraph
 * --config-path gateway.config.mjs` in router/, with NODE_ENV=production), with `env` as its STAY_* settings, and
 * waits until it is ready.
 */
export async function startGateway(env) {
  const port = await freePort();
  const gateway = startChild(process.execPath, [GATEWAY_BIN, 'supergraph', '--config-path', 'gateway.config.mjs'], {
    cwd: ROUTER_DIR,
    env: cleanEnv({ NODE_ENV: 'production', ...env, STAY_ROUTER_HOST: '127.0.0.1', STAY_ROUTER_PORT: String(port) }),
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  let exited = null;
  gateway.exited.then((e) => (exited = e));
  while (Date.now() < deadline && !exited) {
    const ready = await fetch(`${url}/readiness`).then((r) => r.ok, () => false);
    if (ready) return { ...gateway, url, graphql: `${url}/graphql` };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await gateway.stop();
  throw new Error(`the gateway did not become ready${exited ? ` (exited with ${exited.code})` : ''}:\n${gateway.output()}`);
}

const EMBEDDED_REDIS_JAR = join(homedir(), '.m2', 'repository', 'com', 'github', 'codemonstur', 'embedded-redis', '1.4.4', 'embedded-redis-1.4.4.jar');
const EMBEDDED_REDIS_ENTRY = 'redis-server-6.2.6-v5-linux-amd64';

/**
 * A redis-server binary: the one on the PATH, else the Linux x86-64 build shipped in the embedded-redis
 * Maven artifact (which the devstack module already resolves). Null when neither is there.
 */
function redisServerBinary(workDir) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'redis-server'))) return join(dir, 'redis-server');
  }
  if (process.platform !== 'linux' || process.arch !== 'x64' || !existsSync(EMBEDDED_REDIS_JAR)) return null;
  try {
    const binary = join(workDir, 'redis-server');
    writeFileSync(binary, execFileSync('unzip', ['-p', EMBEDDED_REDIS_JAR, EMBEDDED_REDIS_ENTRY], { maxBuffer: 64 << 20 }));
    chmodSync(binary, 0o755);
    return binary;
  } catch {
    return null;
  }
}

/** Starts a throwaway Redis on 127.0.0.1 (no persistence), or returns null when no binary is available. */
export async function startRedis() {
  const workDir = mkdtempSync(join(tmpdir(), 'stay-router-redis-'));
  const binary = redisServerBinary(workDir);
  if (!binary) {
    rmSync(workDir, { recursive: true, force: true });
    return null;
  }
  const port = await freePort();
  const redis = startChild(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { cwd: workDir });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const up = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      }).on('error', () => resolve(false));
    });
    if (up) {
      return {
        url: `redis://127.0.0.1:${port}`,
        pid: redis.pid,
        async stop() {
          await redis.stop();
          rmSync(workDir, { recursive: true, force: true });
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await redis.stop();
  rmSync(workDir, { recursive: true, force: true });
  throw new Error(`redis-server did not start:\n${redis.output()}`);
}
