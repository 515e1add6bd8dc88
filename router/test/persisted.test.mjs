import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildManifest, DOCUMENTS_DIR, publicSchema } from '../persisted.mjs';
import { loadManifest } from '../src/persisted-documents.mjs';

const SCRIPT = fileURLToPath(new URL('../persisted.mjs', import.meta.url));
const run = promisify(execFile);
const schema = publicSchema();

const workDir = mkdtempSync(join(tmpdir(), 'stay-persisted-'));
after(() => rmSync(workDir, { recursive: true, force: true }));

function documentsFolder(name, files) {
  const dir = join(workDir, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('persisted documents', () => {
  test('every document in persisted/ matches the schema and is listed under the SHA-256 of its text', () => {
    const files = readdirSync(DOCUMENTS_DIR).filter((f) => f.endsWith('.graphql'));

    const result = buildManifest(DOCUMENTS_DIR, schema);

    assert.equal(result.errors, undefined, result.errors?.join('\n'));
    assert.ok(files.includes('HotelPage.graphql') && files.includes('HotelAvailability.graphql'));
    assert.equal(Object.keys(result.manifest).length, files.length);
    for (const file of files) {
      const text = readFileSync(join(DOCUMENTS_DIR, file), 'utf8');
      const id = `sha256:${createHash('sha256').update(text).digest('hex')}`;
      assert.equal(result.manifest[id], text, file);
    }
  });

  test('a document the schema does not allow, or not one named operation, is reported by file', () => {
    const dir = documentsFolder('bad', {
      'HotelName.graphql': 'query HotelName($id: ID!) {\n  hotel(id: $id) {\n    nmae\n  }\n}\n',
      'Two.graphql': 'query Two { hotel(id: "1") { name } }\nquery Three { hotel(id: "2") { name } }\n',
      'Misnamed.graphql': 'query SomethingElse { hotel(id: "1") { name } }\n',
    });

    const { errors } = buildManifest(dir, schema);

    assert.equal(errors.length, 3, errors.join('\n'));
    assert.match(errors.find((e) => e.startsWith('HotelName.graphql')), /^HotelName\.graphql:3:5: Cannot query field "nmae" on type "Hotel"/);
    assert.match(errors.find((e) => e.startsWith('Two.graphql')), /holds 2 operations/);
    assert.match(errors.find((e) => e.startsWith('Misnamed.graphql')), /must be named Misnamed/);
  });

  test('the script writes the manifest, and fails the build without writing it when a document is invalid', async () => {
    const good = documentsFolder('good', { 'HotelName.graphql': 'query HotelName($id: ID!) { hotel(id: $id) { name } }\n' });
    const bad = documentsFolder('invalid', { 'HotelName.graphql': 'query HotelName { hotel { name } }\n' });
    const goodOut = join(workDir, 'good.json');
    const badOut = join(workDir, 'invalid.json');

    const { stdout } = await run(process.execPath, [SCRIPT, '--dir', good, '--out', goodOut]);
    const failure = await run(process.execPath, [SCRIPT, '--dir', bad, '--out', badOut]).then(
      () => assert.fail('persisted.mjs should have failed'),
      (e) => e,
    );

    const manifest = JSON.parse(readFileSync(goodOut, 'utf8'));
    const [id] = Object.keys(manifest);
    assert.match(id, /^sha256:[0-9a-f]{64}$/);
    assert.match(stdout, new RegExp(`${id}  HotelName\\.graphql`));
    assert.equal(failure.code, 1);
    assert.match(failure.stderr, /HotelName\.graphql:1:19: Field "hotel" argument "id" of type "ID!" is required/);
    assert.throws(() => readFileSync(badOut), /ENOENT/, 'nothing written');
  });
});

describe('the manifest the router serves', () => {
  test('is read from the file persisted.mjs wrote, and a missing one stops the router', () => {
    const file = join(workDir, 'served.json');
    writeFileSync(file, JSON.stringify(buildManifest(DOCUMENTS_DIR, schema).manifest));

    const documents = loadManifest(file);

    assert.ok([...documents.values()].some((text) => text.includes('query HotelPage(')));
    assert.throws(() => loadManifest(join(workDir, 'missing.json')), /build them with node persisted\.mjs/);
  });

  test('is built from persisted/ when missing in the local profile', () => {
    const documents = loadManifest(join(workDir, 'missing.json'), { buildIfMissing: true });

    assert.deepEqual([...documents.keys()].sort(), Object.keys(buildManifest(DOCUMENTS_DIR, schema).manifest).sort());
  });
});
