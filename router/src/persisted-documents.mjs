// Persisted documents: operations reviewed into router/persisted/, built into a manifest by persisted.mjs,
// and served by Hive Gateway's `persistedDocuments` setting (@graphql-yoga/plugin-persisted-operations).
//
// A caller sends {"documentId": "sha256:<hex>", "variables": {...}} (or ?documentId= on a GET; the Apollo
// form extensions.persistedQuery.sha256Hash with the bare hex works too). Partners may run nothing else;
// frontends and anonymous callers may still send their own documents, within the limits.

import { existsSync, readFileSync } from 'node:fs';
import { buildManifest, DOCUMENTS_DIR, publicSchema } from '../persisted.mjs';
import { isPartner, tokenClaims } from './authentication.mjs';
import { refusal } from './errors.mjs';

/**
 * Reads the manifest { "sha256:<hex>": text } that persisted.mjs wrote; the router does not start without it.
 * With `buildIfMissing` (the local profile) a missing file is built from persisted/ in memory instead, with the
 * same checks, so a checkout where only compose.mjs ran still starts.
 */
export function loadManifest(file, { buildIfMissing = false } = {}) {
  if (buildIfMissing && !existsSync(file)) {
    const built = buildManifest(DOCUMENTS_DIR, publicSchema());
    if (built.errors) throw new Error(`persisted documents in ${DOCUMENTS_DIR}:\n  - ${built.errors.join('\n  - ')}`);
    return new Map(Object.entries(built.manifest));
  }
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read the persisted documents ${file} (build them with node persisted.mjs): ${e.message}`, { cause: e });
  }
  const bad = Object.keys(manifest).filter((id) => !/^sha256:[0-9a-f]{64}$/.test(id) || typeof manifest[id] !== 'string');
  if (bad.length > 0) throw new Error(`${file}: not a persisted documents manifest (bad ids: ${bad.join(', ')})`);
  return new Map(Object.entries(manifest));
}

/** Options of the gateway's `persistedDocuments` setting for this manifest. */
export function persistedDocumentsOptions(documents) {
  return {
    getPersistedOperation(id) {
      return documents.get(id) ?? documents.get(`sha256:${id}`) ?? null;
    },
    // Only tokens with the partner role are held to the list; the check runs once the token is verified.
    allowArbitraryDocuments: (request) => !isPartner(tokenClaims(request)),
    customErrors: {
      persistedQueryOnly: () =>
        refusal('PERSISTED_QUERY_ONLY', 'Partners may only run persisted documents: send a documentId, not a query', 403),
      notFound: () => refusal('PERSISTED_QUERY_NOT_FOUND', 'No persisted document has this id', 400),
      keyNotFound: () => refusal('PERSISTED_QUERY_ID_REQUIRED', 'Send a documentId or a query', 400),
    },
  };
}
