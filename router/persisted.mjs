// Builds the persisted-documents manifest that partners run their operations from.
//
// Run as a script:   node persisted.mjs [--dir <folder>] [--out <file>]
// Use from code:     buildManifest(dir, publicSchema)
//
// Every persisted/*.graphql file is one operation, named like the file. Its id is "sha256:" followed by the
// lowercase hex SHA-256 of the file's bytes, so an id names exactly one text and can never be re-pointed.
// Each document is validated against the public API schema composed from schema/: a document that no
// longer matches the schema fails the build, not a partner's request.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { composeSubgraphs } from './compose.mjs';

const ROUTER_DIR = dirname(fileURLToPath(import.meta.url));

export const DOCUMENTS_DIR = join(ROUTER_DIR, 'persisted');
export const DEFAULT_OUT = join(ROUTER_DIR, 'target', 'persisted-documents.json');

/** The id partners send as `documentId`. */
export function documentId(text) {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** Problems with one document, each a line naming the file; empty when it is fine. */
function checkDocument(file, text, schema) {
  let document;
  try {
    document = parse(text);
  } catch (e) {
    return [`${file}: ${e.message}`];
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const expectedName = basename(file, '.graphql');
  if (operations.length !== 1) {
    return [`${file}: holds ${operations.length} operations; a persisted document holds exactly one`];
  }
  if (operations[0].name?.value !== expectedName) {
    return [`${file}: the operation must be named ${expectedName}, like its file`];
  }
  return validate(schema, document).map((error) => {
    const where = error.locations?.[0];
    return `${file}${where ? `:${where.line}:${where.column}` : ''}: ${error.message}`;
  });
}

/**
 * Reads every *.graphql of `dir` (sorted by name) and checks it against `schema`.
 * Returns { manifest: { id: text }, entries: [{ file, id }] } or { errors: [line] }.
 */
export function buildManifest(dir, schema) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
  const manifest = {};
  const entries = [];
  const errors = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    errors.push(...checkDocument(file, text, schema));
    const id = documentId(text);
    if (manifest[id] != null) errors.push(`${file}: same text as ${entries.find((e) => e.id === id).file}`);
    manifest[id] = text;
    entries.push({ file, id });
  }
  return errors.length > 0 ? { errors } : { manifest, entries };
}

/** The schema clients see, composed from schema/ exactly as compose.mjs does. */
export function publicSchema() {
  const result = composeSubgraphs();
  if (result.errors) {
    throw new Error(`the subgraph schemas do not compose (run node compose.mjs for the errors)`);
  }
  return buildSchema(result.publicSdl);
}

function main(argv) {
  const { values } = parseArgs({ args: argv, options: { dir: { type: 'string' }, out: { type: 'string' } } });
  const dir = values.dir ? resolve(process.cwd(), values.dir) : DOCUMENTS_DIR;
  const outFile = values.out ? resolve(process.cwd(), values.out) : DEFAULT_OUT;

  const result = buildManifest(dir, publicSchema());
  if (result.errors) {
    console.error(`Persisted documents failed with ${result.errors.length} error(s):`);
    for (const error of result.errors) console.error(`  - ${error}`);
    return 1;
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(result.manifest, null, 2)}\n`);
  const shown = relative(process.cwd(), outFile).startsWith('..') ? outFile : relative(process.cwd(), outFile);
  console.log(`Wrote ${result.entries.length} persisted document(s) to ${shown}:`);
  for (const { file, id } of result.entries) console.log(`  ${id}  ${file}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(`Persisted documents failed: ${e.message}`);
    process.exitCode = 1;
  }
}
