// Composes the subgraph schemas in ../schema into the supergraph the router serves.
//
// Run as a script:   node compose.mjs [--out <file>] [--schema <dir>]
// Use from code:     composeSubgraphs(schemaDir, urls)
//
// The SDL under schema/ is the single source of truth, so the router never asks a running
// subgraph for its schema: a schema that does not compose fails the build, not the deploy.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

const ROUTER_DIR = dirname(fileURLToPath(import.meta.url));

export const SCHEMA_DIR = resolve(ROUTER_DIR, '../schema');
export const DEFAULT_OUT = join(ROUTER_DIR, 'target', 'supergraph.graphql');
export const API_SCHEMA_FILE = 'api-schema.graphql';

/** Subgraph name -> routing URL, each overridable so one supergraph file fits every environment. */
export function subgraphUrls(env = process.env) {
  return {
    catalog: env.STAY_CATALOG_URL || 'http://127.0.0.1:4001/graphql',
    booking: env.STAY_BOOKING_URL || 'http://127.0.0.1:4002/graphql',
    users: env.STAY_USERS_URL || 'http://127.0.0.1:4003/graphql',
  };
}

/**
 * Reads every *.graphqls of <schemaDir>/<name>/ as one subgraph. The files are parsed one by one
 * and their definitions joined, so a syntax error names its file and a subgraph may be split freely.
 */
export function readSubgraph(schemaDir, name, url) {
  const dir = join(schemaDir, name);
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphqls')).sort();
  if (files.length === 0) {
    throw new Error(`subgraph ${name}: no *.graphqls file in ${dir}`);
  }
  const definitions = files.flatMap((file) => {
    const path = join(dir, file);
    try {
      return parse(readFileSync(path, 'utf8'), { noLocation: true }).definitions;
    } catch (e) {
      throw new Error(`subgraph ${name}: ${path}: ${e.message}`, { cause: e });
    }
  });
  return { name, url, typeDefs: { kind: 'Document', definitions } };
}

/**
 * Composes the subgraphs named by the keys of `urls`. Returns composeServices' result:
 * either { supergraphSdl, publicSdl } or { errors }.
 */
export function composeSubgraphs(schemaDir = SCHEMA_DIR, urls = subgraphUrls()) {
  const services = Object.entries(urls).map(([name, url]) => readSubgraph(schemaDir, name, url));
  return composeServices(services);
}

/**
 * Writes the supergraph (for the gateway) and, beside it, the public API schema: what clients see,
 * without the join__/link__ machinery, handy for reviews, diffs and client code generation.
 */
export function writeSupergraph(result, outFile) {
  const apiFile = join(dirname(outFile), API_SCHEMA_FILE);
  mkdirSync(dirname(outFile), { recursive: true });
  // Written in place, not renamed over: the gateway watches this file and reloads on change.
  writeFileSync(outFile, result.supergraphSdl);
  writeFileSync(apiFile, result.publicSdl);
  return { outFile, apiFile };
}

function formatError(error) {
  const code = error.extensions?.code;
  return code ? `[${code}] ${error.message}` : error.message;
}

function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, schema: { type: 'string' } },
  });
  const outFile = values.out ? resolve(process.cwd(), values.out) : DEFAULT_OUT;
  const schemaDir = values.schema ? resolve(process.cwd(), values.schema) : SCHEMA_DIR;

  const result = composeSubgraphs(schemaDir);
  if (result.errors) {
    console.error(`Composition failed with ${result.errors.length} error(s):`);
    for (const error of result.errors) console.error(`  - ${formatError(error)}`);
    return 1;
  }
  const { apiFile } = writeSupergraph(result, outFile);
  const shown = (p) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));
  console.log(`Composed ${Object.keys(subgraphUrls()).join(', ')} into ${shown(outFile)} (public schema: ${shown(apiFile)})`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(`Composition failed: ${e.message}`);
    process.exitCode = 1;
  }
}
