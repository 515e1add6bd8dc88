// Stand-ins for the Java subgraphs: one HTTP server on 127.0.0.1 that answers each subgraph's queries from
// its real SDL with made-up values, and records every request exactly as it arrived (raw body, headers).

import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import {
  buildASTSchema,
  execute,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isAbstractType,
  isObjectType,
  Kind,
  parse,
  visit,
} from 'graphql';

const SCALARS = {
  Int: 1,
  Float: 1.5,
  Boolean: true,
  ID: 'id-1',
  Date: '2026-12-24',
  DateTime: '2026-12-24T15:00:00+01:00',
};

/**
 * The subgraph's SDL as a plain executable schema: federation directives dropped, and the `_entities`
 * field the router calls to resolve entities another subgraph owns.
 */
function subgraphSchema(dir) {
  const sdl = readdirSync(dir).filter((f) => f.endsWith('.graphqls')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  const entities = new Set();
  const collectEntity = (node) => {
    if (node.directives?.some((d) => d.name.value === 'key')) entities.add(node.name.value);
  };
  const document = visit(parse(sdl), {
    SchemaExtension: () => null,
    SchemaDefinition: () => null,
    ObjectTypeDefinition: collectEntity,
    ObjectTypeExtension: collectEntity,
    Directive: () => null,
  });
  // graphql-js wants a Query type even in a subgraph that only adds mutations.
  const hasQuery = document.definitions.some((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query');
  const federation = parse(`
    ${hasQuery ? 'extend type Query' : 'type Query'} { _service: String ${entities.size > 0 ? '_entities(representations: [_Any!]!): [_Entity]!' : ''} }
    ${entities.size > 0 ? `scalar _Any union _Entity = ${[...entities].join(' | ')}` : ''}
  `);
  return buildASTSchema({ kind: Kind.DOCUMENT, definitions: [...document.definitions, ...federation.definitions] });
}

function madeUp(type, fieldName) {
  if (isNonNullType(type)) return madeUp(type.ofType, fieldName);
  if (isListType(type)) return [madeUp(type.ofType, fieldName)];
  if (isObjectType(type)) return {};
  if (isAbstractType(type)) return { __typename: null };
  if (isEnumType(type)) return type.getValues()[0].value;
  return SCALARS[type.name] ?? `${fieldName}-1`;
}

function fieldResolver(source, args, _context, info) {
  if (info.fieldName === '_entities') return args.representations.map((r) => ({ ...r }));
  if (source && Object.hasOwn(source, info.fieldName)) return source[info.fieldName];
  const value = madeUp(info.returnType, info.fieldName);
  // An entity asked for by id has that id, so the router's follow-up _entities calls carry it too.
  return args.id != null && isObjectType(getNamedType(info.returnType)) && !Array.isArray(value) ? { id: args.id } : value;
}

function typeResolver(value, _context, info, abstractType) {
  return value.__typename ?? info.schema.getPossibleTypes(getNamedType(abstractType))[0].name;
}

/**
 * Starts one server for the subgraphs named in `names`, read from `schemaDir/<name>/*.graphqls`.
 * `delayFor(body)` may return milliseconds to wait before answering; `answerFor(subgraph, body)` may return
 * `{ status, json }` to answer instead of executing (a subgraph's error, a 500, a broken body).
 * Returns { urls: { name: url }, requests: [{ subgraph, rawBody (Buffer), body (string), headers }], close() }.
 */
export async function startFakeSubgraphs(schemaDir, names, { delayFor = () => 0, answerFor = () => null } = {}) {
  const schemas = Object.fromEntries(names.map((name) => [name, subgraphSchema(join(schemaDir, name))]));
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const subgraph = req.url.split('/')[1];
      const rawBody = Buffer.concat(chunks);
      const body = rawBody.toString('utf8');
      requests.push({ subgraph, rawBody, body, headers: req.headers });
      const schema = schemas[subgraph];
      if (!schema) {
        res.writeHead(404).end();
        return;
      }
      const delay = delayFor(body);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const answer = answerFor(subgraph, body);
      if (answer) {
        if (!res.destroyed) res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(answer.json);
        return;
      }
      let result;
      try {
        const { query, variables, operationName } = JSON.parse(body);
        result = await execute({ schema, document: parse(query), variableValues: variables, operationName, fieldResolver, typeResolver });
      } catch (e) {
        result = { errors: [{ message: `fake ${subgraph}: ${e.message}` }] };
      }
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    urls: Object.fromEntries(names.map((name) => [name, `${base}/${name}/graphql`])),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
